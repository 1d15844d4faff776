/** The receipt of the Hauptantrag with its evidence checklist: uploads with progress, server problems, delete. */
import { expect, fixture, html } from '@open-wc/testing';
import '../../components/ade-flow/ade-flow.js';
import type { JcAdeFlow } from '../../components/ade-flow/ade-flow.js';
import { ApiClient } from '../../components/api/api-client.js';
import type { ApplicationView } from '../../components/api/applications-api.js';
import { fileSize } from '../../components/evidence-upload/evidence-upload.js';
import type { MockOptions } from '../../stories/mock-api.js';
import { completeAnswers } from '../../stories/ade-fixtures.js';
import { waitFor } from '../../stories/play.js';
import { deepActiveElement, expectAccessible, settle, stubFetch } from './helpers.js';

let stub: ReturnType<typeof stubFetch> | undefined;
afterEach(() => stub?.restore());

const SUBMITTED: Partial<ApplicationView> = {
  status: 'submitted',
  version: 7,
  number: 'ADE-2025-7K3M9Q',
  submittedAt: '2025-11-25T13:05:00.000Z',
  pdf: { status: 'ready', sha256: 'ab'.repeat(32), href: '/api/applications/x/pdf' },
  answers: (() => {
    const a = completeAnswers({ rvStatus: 'has', rvnr: { later: true } });
    return a;
  })(),
};

async function mount(options: MockOptions = {}) {
  stub = stubFetch({ session: 'level1', applications: [SUBMITTED], uploadStepMs: 30, ...options });
  const client = new ApiClient({ baseUrl: location.origin, storage: null });
  const el = await fixture<JcAdeFlow>(
    html`<jc-ade-flow jobcenter="musterstadt" .client=${client}></jc-ade-flow>`,
  );
  const receipt = await waitFor(() => el.shadowRoot!.querySelector('jc-ade-receipt'));
  await waitFor(() => receipt.shadowRoot?.textContent?.includes('Erlaubt sind'));
  return { el, receipt, api: stub.api };
}

const text = (el: Element) => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ');
const item = (receipt: Element, id: string) =>
  [...receipt.shadowRoot!.querySelectorAll('jc-evidence-upload')].find(
    (u) => (u as unknown as { item: { id: string } }).item.id === id,
  )!;

function choose(upload: Element, name: string, bytes = 2048, type = 'application/pdf'): void {
  const input = upload.shadowRoot!.querySelector<HTMLInputElement>('input[type=file]')!;
  const dt = new DataTransfer();
  dt.items.add(new File([new Uint8Array(bytes)], name, { type }));
  input.files = dt.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('evidence checklist and uploads', () => {
  it('axe: checklist, uploading, uploaded, error', async () => {
    const { el, receipt } = await mount({ uploadStepMs: 60, uploadFailures: [] });
    await expectAccessible(el);
    const ausweis = item(receipt, 'AUSWEIS:applicant');
    choose(ausweis, 'ausweis.pdf');
    await waitFor(() => ausweis.shadowRoot!.querySelector('progress'));
    await expectAccessible(el);
    await waitFor(() => text(ausweis).includes('ausweis.pdf ('));
    await expectAccessible(el);
    stub!.api.options.uploadFailures = ['virus-found'];
    choose(ausweis, 'virus.pdf');
    await waitFor(() => text(ausweis).includes('Schadsoftware'));
    await expectAccessible(el);
  });

  it('lists the evidence from the answers, the to-dos and the policy', async () => {
    const { receipt } = await mount();
    const t = text(receipt);
    expect(t).to.contain('Ihr Antrag ist eingegangen');
    expect(t).to.contain('ADE-2025-7K3M9Q');
    expect(t).to.contain('Wie geht es weiter?');
    expect(t).to.contain('Das reichen Sie nach');
    expect(t).to.contain('Rentenversicherungsnummer');
    expect(t).to.contain('Erlaubt sind PDF, JPG, PNG, bis 10 MB je Datei');
    expect(t).to.contain('auf Viren geprüft');
    const ids = [...receipt.shadowRoot!.querySelectorAll('jc-evidence-upload')].map(
      (u) => (u as unknown as { item: { id: string } }).item.id,
    );
    expect(ids).to.deep.equal([
      'AUSWEIS:applicant',
      'MELDEBESCHEINIGUNG:applicant',
      'KV_BESCHEINIGUNG:applicant',
      'KONTOAUSZUEGE:VM:acc-1',
      'other',
    ]);
    expect(receipt.shadowRoot!.querySelector('[part=pdf-link]')).to.exist;
  });

  it('uploads with a progress bar (accessible name), announces start and end, lists the file', async () => {
    const { receipt, api } = await mount({ uploadStepMs: 50 });
    const ausweis = item(receipt, 'AUSWEIS:applicant');
    choose(ausweis, 'ausweis.pdf', 300 * 1024);
    const status = ausweis.shadowRoot!.querySelector('[role=status]')!;
    const progress = await waitFor(() => ausweis.shadowRoot!.querySelector('progress'));
    expect(status.textContent).to.contain('ausweis.pdf wird hochgeladen.');
    const label = ausweis.shadowRoot!.querySelector(`label[for=${progress.id}]`)!;
    expect(label.textContent).to.contain('ausweis.pdf wird hochgeladen');
    const seen = new Set<number>();
    await waitFor(() => {
      const p = ausweis.shadowRoot!.querySelector('progress');
      if (p) seen.add(p.value);
      return !p;
    });
    expect([...seen].some((v) => v > 0 && v < 100)).to.equal(true);
    expect(status.textContent).to.contain('ausweis.pdf ist hochgeladen.');
    expect(text(ausweis)).to.contain(`ausweis.pdf (${fileSize(300 * 1024)})`);
    const call = api.calls.find((c) => c.path.endsWith('/documents'))!;
    expect(call.method).to.equal('POST');
    expect(call.path).to.equal(
      `/api/applications/${api.applications.rows[0].id}/evidence/${encodeURIComponent('AUSWEIS:applicant')}/documents`,
    );
    expect(call.headers['idempotency-key']).to.match(/^[0-9a-f-]{36}$/);
  });

  it('shows the server’s problems specifically (type, size, quota, virus, scanner down)', async () => {
    const { receipt, api } = await mount({
      uploadFailures: [
        'unsupported-file-type',
        'quota-exceeded',
        'virus-found',
        'virus-scan-unavailable',
        'file-too-large',
      ],
    });
    const other = item(receipt, 'other');
    const expected = [
      'Diese Dateiart geht nicht',
      'Speicherplatz für Nachweise ist voll',
      'Schadsoftware',
      'Virenprüfung ist gerade nicht erreichbar',
      'Die Datei ist zu groß',
    ];
    for (const [i, message] of expected.entries()) {
      choose(other, `datei-${i}.pdf`);
      await waitFor(() => text(other).includes(message));
      const input = other.shadowRoot!.querySelector('input[type=file]')!;
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(
        other.shadowRoot!.getElementById(input.getAttribute('aria-describedby')!)!.textContent,
      ).to.contain(message);
      await waitFor(() => !other.shadowRoot!.querySelector('progress'));
    }
    expect(text(other)).to.contain('Noch keine Datei hochgeladen.');
    const before = api.calls.length;
    choose(other, 'riesig.pdf', 11 * 1024 * 1024); // over the policy's limit: not even sent
    await waitFor(() => text(other).includes('Die Datei ist zu groß'));
    await settle(50);
    expect(api.calls.slice(before).some((c) => c.path.endsWith('/documents'))).to.equal(false);
  });

  it('a network failure during the upload is reported; delete removes a file and keeps focus in the item', async () => {
    const { receipt, api } = await mount({ uploadFailures: ['network'] });
    const konto = item(receipt, 'KONTOAUSZUEGE:VM:acc-1');
    choose(konto, 'auszug.pdf');
    await waitFor(() => text(konto).includes('Keine Verbindung'));
    choose(konto, 'auszug.pdf');
    await waitFor(() => text(konto).includes('auszug.pdf ('));
    const del = [...konto.shadowRoot!.querySelectorAll('button')].find((b) =>
      b.textContent!.includes('Löschen'),
    )!;
    expect(del.textContent).to.contain('auszug.pdf');
    del.click();
    await waitFor(() => text(konto).includes('Noch keine Datei hochgeladen.'));
    expect(api.calls.some((c) => c.method === 'DELETE')).to.equal(true);
    expect(konto.shadowRoot!.querySelector('[role=status]')!.textContent).to.contain(
      'auszug.pdf ist gelöscht.',
    );
    await settle();
    expect(deepActiveElement()?.getAttribute('type')).to.equal('file');
  });
});
