/** ADE PDF: every demo household as the paper form would read, only shown answers, Unicode, layout, worker pool. */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anlagenFor, evidenceFor, validateApplication, type Answers } from '../../domain/forms/engine.js';
import { ANLAGEN, HAUPTANTRAG } from '../../domain/forms/hauptantrag.js';
import {
  APPLICATION_TITLE,
  renderApplicationPdf,
  type ApplicationPdfInput,
} from '../../server/adapters/pdf/application-pdf.js';
import { createInlinePdfRenderer, createPdfRenderer } from '../../server/adapters/pdf/pdf-renderer.js';
import { sampleTdaPdfInput } from '../bench/tda-pdf.js';
import { APPLICATION_DATE, HOUSEHOLDS, complete } from '../fixtures/households.js';

const run = promisify(execFile);
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ade-pdf-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const SHA = '5e1f0c3a9b7d2e4f6a8c0b1d3f5e7a9c1b3d5f7e9a0c2b4d6f8e0a2c4b6d8f0a';

function input(answers: Answers, extra: Partial<ApplicationPdfInput> = {}): ApplicationPdfInput {
  return {
    number: 'ADE-2026-7K3M9Q',
    applicationDate: APPLICATION_DATE,
    submittedAt: '2026-11-25T17:03:12.000Z',
    answers,
    dataSha256: SHA,
    portalJobcenter: { id: 'jc-berlin-mitte', name: 'Jobcenter Berlin Mitte' },
    accountEmail: 'antrag@example.org',
    ...extra,
  };
}

let fileNo = 0;
/** Writes the PDF and returns what pdftotext extracts (UTF-8), with bidi embedding marks removed. */
async function extract(pdf: Uint8Array, ...args: string[]): Promise<string> {
  const file = join(dir, `ade-${++fileNo}.pdf`);
  await writeFile(file, pdf);
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', ...args, file, '-'], { maxBuffer: 64 << 20 });
  return stdout.replace(/[\u202a-\u202e]/g, '');
}
const flat = (s: string) => s.replace(/\s+/g, ' ');
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** "Label … Value" on one line of pdftotext -layout output. */
const pair = (label: string, value: string) => new RegExp(`${escape(label)} {2,}${escape(value)}`);

/** A household with everything this test wants to see formatted: Unicode names, money, later answers, lists. */
function showcase(): Answers {
  const couple = HOUSEHOLDS.find((h) => h.name.startsWith('couple'))!.answers;
  return complete({
    main: {
      ...couple.main,
      birthName: 'Dvořák',
      otherBenefits: ['alg', 'kindergeld'],
      livedOnHow: 'Von Erspartem.\nDanach von Hilfe durch Freunde.',
      rvStatus: 'has',
      rvnr: { later: true },
    },
    members: [
      {
        id: 'p',
        firstName: 'Łukasz',
        lastName: 'Dvořák-Ünal',
        birthDate: '1987-09-09',
        relationship: 'partner',
      },
      { id: 'c16', firstName: 'Олена', lastName: 'Шевченко', birthDate: '2010-04-04', relationship: 'child' },
      { id: 'c12', firstName: 'Ben', lastName: 'محمد العلي', birthDate: '2014-08-08', relationship: 'child' },
    ],
    anlagen: {
      ...couple.anlagen,
      KDU: {
        housingType: 'rent',
        baseRent: 1234.5,
        serviceCosts: 89,
        landlord: 'Wohnbau Süd eG',
        heatingCosts: 76.05,
      },
      'EK:applicant': {
        incomeTypes: ['employment'],
        employer: 'Bäckerei Korn',
        grossMonthly: { later: true },
      },
      VM: {
        accounts: [
          { id: 'k1', bank: 'Sparkasse Musterstadt', accountKind: 'current', balance: 312.5 },
          { id: 'k2', bank: 'Ziraat Bankası', accountKind: 'savings', balance: { later: true } },
        ],
        cash: 12345.67,
      },
    },
  });
}

describe('renderApplicationPdf', () => {
  it('renders every demo household: sections A–I, its Anlagen and no other, evidence, declarations, checksum', async () => {
    for (const h of HOUSEHOLDS) {
      const answers = complete(h.answers);
      expect(validateApplication(answers, APPLICATION_DATE).errors, h.name).toEqual([]);
      const pdf = await renderApplicationPdf(input(answers));
      expect(Buffer.from(pdf.subarray(0, 5)).toString(), h.name).toBe('%PDF-');
      const doc = await PDFDocument.load(pdf, { updateMetadata: false });
      const pages = doc.getPageCount();
      const text = flat(await extract(pdf));

      expect(text).toContain(APPLICATION_TITLE);
      expect(text).toContain('Antrag auf Grundsicherungsgeld'); // 02.11.2026: after the 13th amendment
      expect(text).toContain('ADE-2026-7K3M9Q');
      expect(text).toContain('Tag der Antragstellung 02.11.2026');
      expect(text).toContain('25.11.2026, 18:03:12 Uhr (MEZ)');
      expect(text).toContain('Jobcenter Berlin Mitte (jc-berlin-mitte)');
      for (const s of HAUPTANTRAG) expect(text, h.name).toContain(`${s.id} – ${s.title.de}`);
      const instances = anlagenFor(answers, APPLICATION_DATE);
      expect(instances.map((a) => a.key).sort()).toEqual([...h.anlagen].sort());
      for (const a of instances) {
        // Once in the overview of section H, once as the heading of the Anlage itself.
        expect(text.split(a.title).length - 1, `${h.name}: ${a.title}`).toBeGreaterThanOrEqual(2);
      }
      const present = new Set(instances.map((a) => a.code));
      for (const a of ANLAGEN.filter((x) => !present.has(x.code))) {
        expect(text, `${h.name}: Anlage ${a.code}`).not.toContain(`Anlage ${a.code} –`);
      }
      const evidence = evidenceFor(answers, APPLICATION_DATE);
      expect(evidence.length).toBeGreaterThan(0);
      for (const e of evidence) expect(text, h.name).toContain(e.title);
      expect(text).toContain('Nachweise');
      expect(text).toContain('Offene Angaben Keine – alle Angaben sind gemacht.');
      expect(text).toContain(
        'Ich versichere, dass meine Angaben stimmen und vollständig sind. Änderungen teile ich sofort mit. Bestätigt beim Absenden am 25.11.2026, 18:03:12 Uhr (MEZ)',
      );
      expect(text).toContain('Ich habe die Hinweise zum Datenschutz gelesen.');
      expect(text).toContain(SHA);
      for (let i = 1; i <= pages; i++) expect(text).toContain(`Seite ${i} von ${pages}`);
    }
  });

  it('prints only shown questions: a hidden answer, a hidden page and an Anlage that does not apply never appear', async () => {
    const single = HOUSEHOLDS.find((h) => h.name.startsWith('single 34'))!.answers;
    const answers = complete(single);
    const tampered: Answers = {
      main: {
        ...answers.main,
        noAccountReason: 'VERSTECKTER-GRUND-4711',
        guardianName: 'Geheimbetreuerin Zora',
      },
      // lives alone: the list is hidden, and so are the Anlagen its members would trigger
      members: [
        {
          id: 'x',
          firstName: 'Verborgene',
          lastName: 'Tochter',
          birthDate: '2020-01-01',
          relationship: 'child',
        },
      ],
      anlagen: {
        ...answers.anlagen,
        KDU: { ...answers.anlagen.KDU, loanInterest: 98765.43 }, // page "Ihr Eigentum" is hidden for tenants
        'KI:x': { kindergeld: true, maintenance: 'paid', care: 'kita', costlyDiet: false },
        UF: { accidentDate: '2025-01-01', description: 'Unsichtbarer Unfallhergang' },
      },
    };
    const text = flat(await extract(await renderApplicationPdf(input(tampered))));
    for (const hidden of [
      'VERSTECKTER-GRUND-4711',
      'Warum haben Sie kein Konto?',
      'Geheimbetreuerin Zora',
      'Verborgene',
      'Personen in Ihrem Haushalt',
      '98.765,43',
      'Schuldzinsen',
      'Ihr Eigentum',
      'Anlage KI',
      'Anlage UF',
      'Unsichtbarer Unfallhergang',
    ]) {
      expect(text).not.toContain(hidden);
    }
    expect(text).toContain('Anlage KDU – Kosten der Unterkunft und Heizung');
    // The section without a shown page still appears, with a note instead of questions.
    expect(text).toContain(
      'B – Staatsangehörigkeit und Aufenthalt Nach Ihren Angaben keine Fragen in diesem Abschnitt.',
    );
  });

  it('formats answers like the paper form and keeps Unicode names extractable', async () => {
    const answers = showcase();
    expect(validateApplication(answers, APPLICATION_DATE).errors).toEqual([]);
    const pdf = await renderApplicationPdf(input(answers));
    const layout = await extract(pdf, '-layout');
    const text = flat(await extract(pdf));

    expect(text).toContain('Anlage WEP – weitere Person ab 15 Jahren – Łukasz Dvořák-Ünal');
    expect(text).toContain('Anlage WEP – weitere Person ab 15 Jahren – Олена Шевченко');
    expect(text).toContain('Anlage EK – Einkommen – Олена Шевченко');
    expect(text).toContain('Anlage KI – Kind unter 15 Jahren – Ben محمد العلي');
    expect(text).toContain('Angaben zu Łukasz Dvořák-Ünal');
    // The household as a table: one line per member.
    expect(layout).toMatch(/Nr\. +Vorname +Nachname +Geburtsdatum +Wer ist diese Person für Sie\?/);
    expect(layout).toMatch(/1 +Łukasz +Dvořák-Ünal +09\.09\.1987 +Ehe- oder Lebenspartner\/in,/);
    expect(layout).toMatch(/2 +Олена +Шевченко +04\.04\.2010 +mein Kind \(auch Stief- oder/);
    expect(layout).toMatch(/3 +Ben +محمد العلي +08\.08\.2014 +mein Kind/);
    // Accounts as a table, money in German notation, a later answer in its cell.
    expect(layout).toMatch(/1 +Sparkasse Musterstadt +Girokonto +312,50 €/);
    expect(layout).toMatch(/2 +Ziraat Bankası +Sparkonto oder Tagesgeld +reiche ich nach/);

    expect(layout).toMatch(pair('Grundmiete (€ im Monat)', '1.234,50 €'));
    expect(layout).toMatch(pair('Nebenkosten ohne Heizung (€ im Monat)', '89,00 €'));
    expect(layout).toMatch(pair('Heizkosten (€ im Monat)', '76,05 €'));
    expect(layout).toMatch(pair('Bargeld (€)', '12.345,67 €'));
    expect(layout).toMatch(pair('Geburtsdatum', '02.02.1985'));
    expect(layout).toMatch(pair('IBAN', 'DE89 3704 0044 0532 0130 00'));
    expect(layout).toMatch(pair('Haben Sie ein Girokonto?', 'Ja'));
    expect(layout).toMatch(pair('Wohnen Sie allein?', 'Nein'));
    expect(layout).toMatch(pair('Ihr Familienstand', 'verheiratet oder eingetragene Partnerschaft'));
    expect(layout).toMatch(pair('Geburtsname (falls anders)', 'Dvořák'));
    expect(layout).toMatch(pair('Telefon (freiwillig)', '—'));
    expect(layout).toMatch(pair('Rentenversicherungsnummer', 'reiche ich nach'));
    expect(layout).toMatch(pair('Brutto im Monat (€)', 'reiche ich nach'));
    expect(text).toContain(
      'Haben Sie eine dieser Leistungen beantragt oder bekommen Sie sie? Arbeitslosengeld, Kindergeld',
    );
    expect(text).toContain('Von Erspartem. Danach von Hilfe durch Freunde.');
    expect(layout).toMatch(/Von Erspartem\.\n.*Danach von Hilfe durch Freunde\./); // the line break is kept

    // Later answers become open items, with the Anlage and the list entry they belong to.
    expect(text).toContain('Offene Angaben');
    expect(text).toContain('A – Persönliche Daten Rentenversicherungsnummer reiche ich nach');
    expect(text).toContain('Anlage EK – Einkommen – Erika Muster Brutto im Monat (€) reiche ich nach');
    expect(text).toContain('Anlage VM – Vermögen Kontostand heute (€) (Konto 2) reiche ich nach');
    expect(text).toContain('Kontoauszüge der letzten 3 Monate – Ziraat Bankası');
  });

  it('names the benefit by the law in force on the date of application', async () => {
    const answers = complete(HOUSEHOLDS[0].answers, '2026-03-02');
    const text = flat(
      await extract(await renderApplicationPdf(input(answers, { applicationDate: '2026-03-02' }))),
    );
    expect(text).toContain('Antrag auf Bürgergeld');
    expect(text).toContain('Ab wann beantragen Sie Bürgergeld?');
    expect(text).not.toContain('Grundsicherungsgeld');
  });

  it('never separates a label from its answer at a page break, wraps long texts inside the margins', async () => {
    const base = HOUSEHOLDS.find((h) => h.name.startsWith('non-German'))!.answers;
    let tableBroken = false;
    for (const words of [40, 90, 140, 190, 240, 280]) {
      const long = Array.from({ length: words }, (_, i) => `Wort${i}`).join(' ');
      const answers = complete({
        ...base,
        main: {
          ...base.main,
          livedOnHow: long,
          guardian: true,
          guardianAddress: `c/o ${'Олена Шевченко '.repeat(8)}`,
        },
        anlagen: {
          ...base.anlagen,
          VM: {
            accounts: Array.from({ length: 20 }, (_, i) => ({
              id: `k${i}`,
              bank: `Bank ${i} ${'Genossenschaft '.repeat(i % 4)}`,
              accountKind: 'savings',
              balance: i * 1000,
            })),
          },
        },
      });
      const pdf = await renderApplicationPdf(input(answers));
      const html = await extract(pdf, '-bbox');
      const pages = html.split('<page ').slice(1);
      expect(pages.length).toBeGreaterThan(5);
      for (const [n, page] of pages.entries()) {
        const boxes = [
          ...page.matchAll(/xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</g),
        ].map((m) => ({
          x: Number(m[1]),
          y: Number(m[2]),
          right: Number(m[3]),
          word: m[4],
        }));
        const body = boxes.filter((b) => b.y < 841.89 - 64);
        // A page with account rows (their "Art" cell) shows the table's header row, also where the table continues.
        const onPage = new Set(body.map((b) => b.word));
        if (onPage.has('Sparkonto'))
          expect(onPage.has('Kontostand'), `page ${n + 1} of ${words} words`).toBe(true);
        tableBroken ||= onPage.has('Sparkonto') && pages.slice(n + 1).some((p) => p.includes('>Sparkonto<'));
        expect(Math.max(...boxes.map((b) => b.right)), `page ${n + 1}`).toBeLessThanOrEqual(
          595.28 - 56.7 + 0.5,
        );
        // The topmost word in the answer column starts a row: its label stands beside it on the same page.
        const firstValue = body.filter((b) => Math.abs(b.x - 285.7) < 0.5).sort((a, b) => a.y - b.y)[0];
        if (firstValue) {
          const beside = body.some((b) => b.x < 60 && Math.abs(b.y - firstValue.y) < 2);
          expect(
            beside,
            `page ${n + 1} of ${words} words starts with an answer without its label: ${firstValue.word}`,
          ).toBe(true);
        }
      }
      const text = flat(await extract(pdf));
      expect(text).toContain(long); // wrapped, never cut
    }
    expect(tableBroken, 'the long text moves the account table across a page break at least once').toBe(true);
  });

  it('sets title, author, subject, keywords, dates and language, and is deterministic', async () => {
    const answers = showcase();
    const pdf = await renderApplicationPdf(input(answers));
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    expect(doc.getTitle()).toBe(`${APPLICATION_TITLE} ADE-2026-7K3M9Q`);
    expect(doc.getAuthor()).toBe('Jobcenter Berlin Mitte');
    expect(doc.getSubject()).toContain('Grundsicherungsgeld');
    expect(doc.getKeywords()).toContain('ADE-2026-7K3M9Q');
    expect(doc.getKeywords()).toContain('Anlage WEP');
    expect(doc.getCreationDate()?.toISOString()).toBe('2026-11-25T17:03:12.000Z');
    expect(doc.getModificationDate()?.toISOString()).toBe('2026-11-25T17:03:12.000Z');
    expect(doc.catalog.lookup(PDFName.of('Lang'), PDFString).asString()).toBe('de-DE');
    expect(doc.getPage(0).getSize()).toEqual({ width: 595.28, height: 841.89 });
    expect(Buffer.compare(await renderApplicationPdf(input(answers)), pdf)).toBe(0);
  });

  it('rejects an invalid submittedAt or applicationDate', async () => {
    const answers = complete(HOUSEHOLDS[0].answers);
    await expect(renderApplicationPdf(input(answers, { submittedAt: 'gestern' }))).rejects.toThrow(
      /submittedAt/,
    );
    await expect(renderApplicationPdf(input(answers, { applicationDate: '2.11.2026' }))).rejects.toThrow(
      /applicationDate/,
    );
  });
});

describe('createPdfRenderer.renderApplication', () => {
  it('renders every household on 2 workers, byte-identical to inline rendering, alongside TdA jobs', async () => {
    const pool = createPdfRenderer({ workers: 2 });
    const inline = createInlinePdfRenderer();
    try {
      const inputs = HOUSEHOLDS.map((h, i) => input(complete(h.answers), { number: `ADE-2026-P0000${i}` }));
      const tda = pool.renderTda(sampleTdaPdfInput(1));
      const pdfs = await Promise.all(inputs.map((x) => pool.renderApplication(x)));
      expect(Buffer.compare(await tda, await inline.renderTda(sampleTdaPdfInput(1)))).toBe(0);
      for (const [i, pdf] of pdfs.entries()) {
        expect(Buffer.compare(pdf, await inline.renderApplication(inputs[i])), HOUSEHOLDS[i].name).toBe(0);
      }
      await expect(pool.renderApplication({ ...inputs[0], submittedAt: 'nie' })).rejects.toThrow(
        /submittedAt/,
      );
      expect((await pool.renderApplication(inputs[0])).length).toBe(pdfs[0].length);

      const largest = pdfs.reduce((a, b) => (b.length > a.length ? b : a));
      const at = pdfs.indexOf(largest);
      const pages = (await PDFDocument.load(largest, { updateMetadata: false })).getPageCount();
      console.log(
        `ADE PDF, largest household (${HOUSEHOLDS[at].name}): ${pages} pages, ${largest.length} bytes`,
      );
    } finally {
      await pool.close();
      await inline.close();
    }
    await expect(pool.renderApplication(input(complete(HOUSEHOLDS[0].answers)))).rejects.toThrow(/closed/);
  });
});
