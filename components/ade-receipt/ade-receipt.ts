/** jc-ade-receipt: the receipt of the Hauptantrag with the evidence checklist and an upload per item. */
import { css, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { ApiClient } from '../api/api-client.js';
import {
  getApplication,
  uploadPolicy,
  type ApplicationView,
  type EvidenceDocument,
  type UploadPolicy,
} from '../api/applications-api.js';
import { customElement } from '../base/define.js';
import { JcElement } from '../base/jc-element.js';
import { safeUrl } from '../base/safe-url.js';
import { widgetStyles } from '../base/shared.styles.js';
import { PollController } from '../controllers/poll.js';
import { applicationStyles } from '../application/application.styles.js';
import { downloadLink } from '../application/download.js';
import { formatDay, formatReceivedAt } from '../application/receipt-view.js';
import { fileSize } from '../evidence-upload/evidence-upload.js';
import '../evidence-upload/evidence-upload.js';
import '../ibd-notice/ibd-notice.js';
import '../help/help.js';
import { addEnglish } from '../locales/localization.js';

addEnglish(() => import('../locales/en-ade.js'));

/** What the receipt template needs. */
interface AdeReceiptModel {
  app: ApplicationView;
  client: ApiClient;
  policy?: UploadPolicy;
  pdfTimedOut: boolean;
  /** Polite announcement (PDF ready). */
  announcement: string;
  onDownload(e: Event): void;
  onDocuments(e: CustomEvent<{ documents: EvidenceDocument[] }>): void;
}

function policyText(p: UploadPolicy | undefined) {
  if (!p) return nothing;
  const types = p.allowedTypes
    .map((t) => (t === 'image/jpeg' ? 'JPG' : t.split('/')[1].toUpperCase()))
    .join(', ');
  return html`<p>
    ${msg(
      str`Erlaubt sind ${types}, bis ${fileSize(p.maxFileBytes)} je Datei. Belegt: ${fileSize(p.usedBytes)} von ${fileSize(p.quotaBytes)}.`,
      {
        id: 'upload.policy',
      },
    )}
    ${
      p.virusScan === 'clamd'
        ? msg('Jede Datei wird vor dem Speichern auf Viren geprüft.', { id: 'upload.scanOn' })
        : msg('Eine automatische Virenprüfung ist bei diesem Jobcenter nicht eingerichtet.', {
            id: 'upload.scanOff',
          })
    }
  </p>`;
}

function pdf(m: AdeReceiptModel) {
  const p = m.app.pdf;
  const href = p?.status === 'ready' && p.href ? safeUrl(m.client.url(p.href)) : undefined;
  if (href)
    return html`<p>
      <a part="pdf-link" href=${href} download="Antrag-${m.app.number}.pdf" @click=${m.onDownload}>
        ${msg('Ihren Antrag herunterladen (PDF)', { id: 'ade.pdf.link' })}
      </a>
    </p>`;
  if (p?.status === 'failed' || m.pdfTimedOut)
    return html`<p>
      ${msg('Die PDF-Datei ist noch nicht fertig. Ihr Antrag ist trotzdem eingegangen.', { id: 'ade.pdf.later' })}
    </p>`;
  return html`<p>
    ${msg('Die PDF-Datei wird erstellt. Das dauert meist nur wenige Sekunden …', { id: 'receipt.pdf.pending' })}
  </p>`;
}

/** The receipt; its h2 takes focus after the submission. */
function adeReceiptView(m: AdeReceiptModel) {
  const a = m.app;
  const docsOf = (itemId: string) => a.documents.filter((d) => d.itemId === itemId);
  return html`<section part="receipt" aria-labelledby="ade-receipt-heading">
    <div part="panel" class="panel">
      <h2 id="ade-receipt-heading" part="heading" tabindex="-1" data-autofocus>
        ${msg('Ihr Antrag ist eingegangen', { id: 'ade.receipt.heading' })}
      </h2>
      <p>
        ${msg('Antragsnummer', { id: 'receipt.number' })}<br /><strong class="number">${a.number}</strong>
      </p>
    </div>
    <dl class="details">
      ${
        a.submittedAt
          ? html`<dt>${msg('Eingegangen am', { id: 'receipt.receivedAt' })}</dt>
              <dd><time datetime=${a.submittedAt}>${formatReceivedAt(a.submittedAt)}</time></dd>`
          : nothing
      }
      <dt>${msg('Antragsdatum', { id: 'ade.applicationDate' })}</dt>
      <dd>${formatDay(`${a.applicationDate}T12:00:00Z`)}</dd>
    </dl>
    <h3>${msg('Ihr Antrag als PDF', { id: 'ade.pdf.heading' })}</h3>
    ${pdf(m)}
    <p class="visually-hidden" role="status">${m.announcement}</p>
    <h3>${msg('Wie geht es weiter?', { id: 'receipt.next.heading' })}</h3>
    <jc-ibd-notice exportparts="notice: ibd" .apiClient=${m.client} jobcenter=${a.portalJobcenterId} type="erstantrag"></jc-ibd-notice>
    <ol part="next-steps">
      <li>
        ${msg('Das Jobcenter prüft Ihren Antrag. Wenn etwas fehlt, meldet es sich bei Ihnen.', { id: 'ade.next.check' })}
      </li>
      <li>
        ${msg('Laden Sie die Nachweise unten hoch – jetzt oder später. Ihr Antrag gilt auch ohne sie.', { id: 'ade.next.evidence' })}
      </li>
      <li>
        ${msg(str`Nennen Sie die Antragsnummer ${a.number ?? ''}, wenn Sie das Jobcenter kontaktieren.`, { id: 'ade.next.number' })}
      </li>
    </ol>
    <jc-help topic="ade-receipt" date=${a.applicationDate}></jc-help>
    ${
      a.todos.length
        ? html`<h3>${msg('Das reichen Sie nach', { id: 'ade.todos' })}</h3>
            <ul part="todos">
              ${a.todos.map((t) => html`<li>${t.label}</li>`)}
            </ul>`
        : nothing
    }
    <h3>${msg('Ihre Nachweise', { id: 'ade.evidence' })}</h3>
    ${policyText(m.policy)}
    <ul part="evidence" class="evidence-list">
      ${a.evidence.map(
        (item) =>
          html`<li>
            <jc-evidence-upload
              .client=${m.client}
              application-id=${a.id}
              .item=${item}
              .documents=${docsOf(item.id)}
              .policy=${m.policy}
              @jc-documents-changed=${m.onDocuments}
            ></jc-evidence-upload>
          </li>`,
      )}
    </ul>
  </section>`;
}

/**
 * @summary The receipt of the submitted Hauptantrag: number, time of receipt, date of application,
 * the PDF (polled until ready, announced politely), "Wie geht es weiter?", the to-dos from "reiche
 * ich nach" answers and the evidence checklist with a jc-evidence-upload per item and the upload
 * policy (types, size, quota, virus scan).
 *
 * @csspart receipt - the receipt; `panel`, `pdf-link`, `next-steps`, `todos`, `evidence` inside it.
 */
@customElement('jc-ade-receipt')
@localized()
export class JcAdeReceipt extends JcElement {
  static override styles = [
    JcElement.styles,
    widgetStyles,
    applicationStyles,
    css`
      .evidence-list {
        padding: 0;
        list-style: none;
      }
      .evidence-list > li {
        margin: 0 0 var(--_space-m);
        padding: var(--_space-m);
        border: 1px solid var(--_border-subtle);
      }
      @media (forced-colors: active) {
        .evidence-list > li {
          border-color: CanvasText;
        }
      }
    `,
  ];

  /** The API client. */
  @property({ attribute: false }) client?: ApiClient;
  /** The submitted application as the server answered it. */
  @property({ attribute: false }) application?: ApplicationView;
  /** Milliseconds between checks whether the PDF is ready. */
  @property({ type: Number, attribute: 'poll-interval' }) pollInterval = 1000;

  @state() private policy?: UploadPolicy;
  @state() private announcement = '';
  @state() private pdfTimedOut = false;
  private poll?: PollController;

  /** Moves focus to the heading (after the submission). */
  async focusHeading(): Promise<void> {
    await this.updateComplete;
    const h = this.renderRoot.querySelector<HTMLElement>('h2');
    h?.scrollIntoView?.({ block: 'start' });
    h?.focus({ preventScroll: true });
  }

  protected override willUpdate(changed: PropertyValues): void {
    const id = this.application?.id;
    if (!changed.has('application') || !id || !this.client || changed.get('application')?.id === id) return;
    void this.loadPolicy();
    if (this.application!.pdf?.status !== 'pending') return;
    this.poll ??= new PollController(this, this.pollInterval);
    this.poll.start(
      async () => {
        const next = await getApplication(this.client!, id);
        if (next.pdf?.status === 'pending') return false;
        this.application = { ...this.application!, pdf: next.pdf };
        this.announcement = msg('Ihr Antrag als PDF ist fertig. Sie können ihn jetzt herunterladen.', {
          id: 'ade.pdf.ready',
        });
        return true;
      },
      () => (this.pdfTimedOut = true),
    );
  }

  private async loadPolicy(): Promise<void> {
    try {
      this.policy = await uploadPolicy(this.client!);
    } catch {
      /* the checklist works without the policy text */
    }
  }

  private readonly onDocuments = (e: CustomEvent<{ documents: EvidenceDocument[] }>) => {
    const itemId = (e.currentTarget as HTMLElement & { item: { id: string } }).item.id;
    const app = this.application!;
    this.application = {
      ...app,
      documents: [...app.documents.filter((d) => d.itemId !== itemId), ...e.detail.documents],
    };
    void this.loadPolicy();
  };

  override render() {
    if (!this.application || !this.client) return nothing;
    return adeReceiptView({
      app: this.application,
      client: this.client,
      policy: this.policy,
      pdfTimedOut: this.pdfTimedOut,
      announcement: this.announcement,
      onDownload: (e) => void downloadLink(this.client!, e),
      onDocuments: this.onDocuments,
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jc-ade-receipt': JcAdeReceipt;
  }
}
