/** jc-evidence-upload: the uploads of one evidence item (Nachweis): choose a file, watch it upload, delete it. */
import { css, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { EvidenceItem } from '../../domain/forms/engine.js';
import type { ApiClient } from '../api/api-client.js';
import { ApiError } from '../api/api-error.js';
import {
  deleteDocument,
  uploadEvidence,
  type EvidenceDocument,
  type UploadPolicy,
} from '../api/applications-api.js';
import { randomKey } from '../api/idempotency.js';
import { customElement } from '../base/define.js';
import { JcElement } from '../base/jc-element.js';
import { widgetStyles } from '../base/shared.styles.js';
import { apiErrorMessage } from '../controllers/api-messages.js';
import { addEnglish, activeLocale, intlLocale } from '../locales/localization.js';

addEnglish(() => import('../locales/en-ade.js'));

/** "1,2 MB" / "340 KB" in the UI language. */
export function fileSize(bytes: number): string {
  const nf = (n: number) =>
    new Intl.NumberFormat(intlLocale(activeLocale()), { maximumFractionDigits: 1 }).format(n);
  return bytes >= 1024 * 1024
    ? `${nf(bytes / 1024 / 1024)} MB`
    : `${nf(bytes && Math.max(1, Math.round(bytes / 1024)))} KB`;
}

/** The plain-language reason of a failed upload (SEC-30: the server decides by content). */
export function uploadErrorMessage(e: unknown, maxBytes?: number): string {
  if (!(e instanceof ApiError)) return apiErrorMessage(e);
  const max = maxBytes ? fileSize(maxBytes) : '10 MB';
  if (e.is('unsupported-file-type'))
    return msg(
      'Diese Dateiart geht nicht. Laden Sie eine PDF-, JPG- oder PNG-Datei hoch. Es zählt der Inhalt der Datei, nicht ihre Endung.',
      { id: 'upload.type' },
    );
  if (e.is('file-too-large') || e.is('payload-too-large'))
    return msg(str`Die Datei ist zu groß. Eine Datei darf höchstens ${max} groß sein.`, {
      id: 'upload.tooLarge',
    });
  if (e.is('quota-exceeded'))
    return msg(
      'Ihr Speicherplatz für Nachweise ist voll. Löschen Sie Dateien, die Sie nicht mehr brauchen.',
      { id: 'upload.quota' },
    );
  if (e.is('virus-found'))
    return msg('In der Datei wurde Schadsoftware gefunden. Sie wurde nicht gespeichert.', {
      id: 'upload.virus',
    });
  if (e.is('virus-scan-unavailable'))
    return msg(
      'Die Virenprüfung ist gerade nicht erreichbar, die Datei wurde nicht gespeichert. Versuchen Sie es in ein paar Minuten noch einmal.',
      { id: 'upload.scanDown' },
    );
  return apiErrorMessage(e);
}

/**
 * @summary One evidence item with its uploaded files (name, size, delete) and a file input. A chosen
 * file is uploaded at once (multipart `file`, XMLHttpRequest for progress) and shown in a
 * `<progress>` with an accessible name; start and end are announced politely, not every percent.
 * The server decides the type by content; problems (type, size, quota, virus, scanner down) are
 * shown at the input in plain language.
 *
 * @event jc-documents-changed - a file was uploaded or deleted; `detail.documents` is the new list.
 * @csspart base - the item.
 */
@customElement('jc-evidence-upload')
@localized()
export class JcEvidenceUpload extends JcElement {
  static override styles = [
    JcElement.styles,
    widgetStyles,
    css`
      h3 {
        margin-top: 0;
      }
      .files {
        padding: 0;
        list-style: none;
      }
      .files li {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space-s) var(--_space-m);
      }
      progress {
        display: block;
        width: 100%;
        max-width: 20rem;
        height: 1.25rem;
      }
      .error-message {
        color: var(--_error);
        font-weight: var(--_bold);
      }
      input[type='file'] {
        display: block;
        max-width: 100%;
        margin-top: var(--_space-xs);
        font: inherit;
      }
      .label {
        font-weight: var(--_bold);
      }
    `,
  ];

  /** The API client (from jc-application). */
  @property({ attribute: false }) client?: ApiClient;
  /** The application the files belong to. */
  @property({ attribute: 'application-id' }) applicationId = '';
  /** The evidence item (id and title). */
  @property({ attribute: false }) item?: EvidenceItem;
  /** Files already uploaded for this item. */
  @property({ attribute: false }) documents: EvidenceDocument[] = [];
  /** The upload policy (limits and accepted types). */
  @property({ attribute: false }) policy?: UploadPolicy;
  /**
   * The documents collection files are posted to (relative to the API base, e.g. the OAP's
   * `api/oap/cv/evidence/<item>/documents`); by default the application's evidence item.
   */
  @property({ attribute: 'documents-path' }) documentsPath?: string;

  @state() private progress?: { name: string; percent: number };
  @state() private error = '';
  @state() private spoken = '';
  @query('input[type=file]') private input?: HTMLInputElement;

  private changed(documents: EvidenceDocument[]): void {
    this.documents = documents;
    this.dispatchEvent(
      new CustomEvent('jc-documents-changed', { detail: { documents }, bubbles: true, composed: true }),
    );
  }

  private readonly onFile = async () => {
    const file = this.input?.files?.[0];
    if (!file || !this.client || !this.item || this.progress) return;
    this.error = '';
    const max = this.policy?.maxFileBytes;
    if (max && file.size > max) {
      this.error = uploadErrorMessage(new ApiError(413, { type: 'file-too-large' }), max);
      this.spoken = this.error;
      return;
    }
    this.progress = { name: file.name, percent: 0 };
    this.spoken = msg(str`${file.name} wird hochgeladen.`, { id: 'upload.started' });
    try {
      const doc = await uploadEvidence(
        this.client,
        { applicationId: this.applicationId, itemId: this.item.id, path: this.documentsPath },
        file,
        {
          key: randomKey(),
          onProgress: (f) => (this.progress = { name: file.name, percent: Math.round(f * 100) }),
        },
      );
      this.changed([...this.documents, doc]);
      this.spoken = msg(str`${doc.filename} ist hochgeladen.`, { id: 'upload.done' });
    } catch (e) {
      this.error = uploadErrorMessage(e, max);
      this.spoken =
        msg(str`${file.name} wurde nicht hochgeladen.`, { id: 'upload.failed' }) + ' ' + this.error;
    } finally {
      this.progress = undefined;
      if (this.input) this.input.value = '';
    }
  };

  private async deleteDoc(doc: EvidenceDocument): Promise<void> {
    if (!this.client) return;
    this.error = '';
    try {
      await deleteDocument(this.client, doc.href);
      this.changed(this.documents.filter((d) => d.id !== doc.id));
      this.spoken = msg(str`${doc.filename} ist gelöscht.`, { id: 'upload.deleted' });
      await this.updateComplete;
      this.input?.focus();
    } catch (e) {
      this.error = apiErrorMessage(e);
    }
  }

  override render() {
    if (!this.item) return nothing;
    const p = this.progress;
    const accept = ['.pdf', '.jpg', '.jpeg', '.png', ...(this.policy?.allowedTypes ?? [])].join(',');
    return html`<section part="base" aria-labelledby="title">
      <h3 id="title">${this.item.title}</h3>
      ${
        this.documents.length
          ? html`<ul class="files">
              ${this.documents.map(
                (d) =>
                  html`<li>
                    <span>${d.filename} (${fileSize(d.size)})</span>
                    <button type="button" class="link" @click=${() => this.deleteDoc(d)}>
                      ${msg('Löschen', { id: 'upload.delete' })}<span class="visually-hidden"
                        >: ${d.filename}</span
                      >
                    </button>
                  </li>`,
              )}
            </ul>`
          : html`<p class="secondary">${msg('Noch keine Datei hochgeladen.', { id: 'upload.none' })}</p>`
      }
      ${
        p
          ? html`<label for="progress"
                >${msg(str`${p.name} wird hochgeladen`, { id: 'upload.progress' })}</label
              >
              <progress id="progress" max="100" .value=${p.percent}>${p.percent} %</progress>`
          : nothing
      }
      ${this.error ? html`<p class="error-message" id="error">${this.error}</p>` : nothing}
      <label class="label" for="file">
        ${msg('Datei hochladen', { id: 'upload.choose' })}<span class="visually-hidden"
          >: ${this.item.title}</span
        >
      </label>
      <input
        type="file"
        id="file"
        accept=${accept}
        aria-describedby=${this.error ? 'error' : nothing}
        aria-invalid=${this.error ? 'true' : 'false'}
        @change=${this.onFile}
      />
      <p class="visually-hidden" role="status">${this.spoken}</p>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jc-evidence-upload': JcEvidenceUpload;
  }
}
