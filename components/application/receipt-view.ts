/** The receipt (Eingangsbestätigung) of a TdA: number, time, responsible jobcenter, PDF, next steps. */
import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import type { TdaReceipt } from '../../domain/tda.js';
import type { ApiClient } from '../api/api-client.js';
import { addEnglish, activeLocale, intlLocale } from '../locales/localization.js';
import { safeUrl } from '../base/safe-url.js';
import '../ibd-notice/ibd-notice.js';
import '../help/help.js';
import { berlinDate } from '../../domain/dates.js';

addEnglish(() => import('../locales/en-application.js'));

/** What the receipt template needs. */
export interface ReceiptModel {
  receipt: TdaReceipt;
  /** Absolute URL of the PDF, when ready. */
  pdfHref?: string;
  /** Polite live-region text ("PDF is ready"), set once. */
  announcement: string;
  /** True when polling gave up before the PDF was ready. */
  pdfTimedOut: boolean;
  onDownload(e: Event): void;
  /** Opens the full application (Hauptantrag); absent when the jobcenter does not offer it online. */
  onContinue?: () => void;
  /** The widget's API client, used by the IBD notice too. */
  client?: ApiClient;
}

/** Date and time of receipt in German time (the legal date of application). */
export function formatReceivedAt(iso: string): string {
  const when = new Intl.DateTimeFormat(intlLocale(activeLocale()), {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Berlin',
  }).format(new Date(iso));
  return msg(str`${when} Uhr`, { id: 'receipt.time' });
}

/** The date alone, in German time. */
export function formatDay(iso: string): string {
  return new Intl.DateTimeFormat(intlLocale(activeLocale()), {
    dateStyle: 'long',
    timeZone: 'Europe/Berlin',
  }).format(new Date(iso));
}

function responsibility(r: TdaReceipt) {
  const portal = r.portalJobcenter.name;
  const responsible = r.responsibleJobcenter.name;
  switch (r.responsibility) {
    case 'other_jobcenter':
      return msg(
        str`Für Ihre Adresse ist nicht das ${portal} zuständig, sondern das ${responsible}. Wir haben Ihren Antrag dorthin weitergeleitet. Ihr Antragsdatum ändert sich dadurch nicht.`,
        { id: 'receipt.resp.other' },
      );
    case 'municipal_forwarded':
      return msg(
        str`Für Ihre Adresse ist ein kommunales Jobcenter zuständig: ${responsible}. Es nimmt an diesem Online-Angebot nicht teil. Wir haben Ihren Antrag dorthin weitergeleitet. Ihr Antragsdatum ändert sich dadurch nicht.`,
        { id: 'receipt.resp.municipal' },
      );
    case 'unknown_postal_code':
      return msg(
        str`Wir konnten Ihrer Postleitzahl kein Jobcenter zuordnen. Das ${portal} hat Ihren Antrag erhalten, prüft die Zuständigkeit und leitet ihn wenn nötig weiter. Ihr Antragsdatum ändert sich dadurch nicht.`,
        { id: 'receipt.resp.unknown' },
      );
    default:
      return msg(str`Ihr Antrag ist beim ${responsible} eingegangen.`, { id: 'receipt.resp.portal' });
  }
}

function contact(r: TdaReceipt) {
  const j = r.responsibleJobcenter;
  if (!j.phone && !j.email && !j.address && !j.url) return nothing;
  return html`<dl part="contact" class="details">
    ${
      j.phone
        ? html`<dt>${msg('Telefon', { id: 'contact.phone' })}</dt>
            <dd><a href="tel:${j.phone.replace(/[^\d+]/g, '')}">${j.phone}</a></dd>`
        : nothing
    }
    ${
      j.email
        ? html`<dt>${msg('E-Mail', { id: 'contact.email' })}</dt>
            <dd><a href="mailto:${j.email}">${j.email}</a></dd>`
        : nothing
    }
    ${
      j.address
        ? html`<dt>${msg('Anschrift', { id: 'contact.address' })}</dt>
            <dd>${j.address}</dd>`
        : nothing
    }
    ${
      safeUrl(j.url)
        ? html`<dt>${msg('Internet', { id: 'contact.url' })}</dt>
            <dd><a href=${safeUrl(j.url)!} rel="noopener">${j.url}</a></dd>`
        : nothing
    }
  </dl>`;
}

function pdf(m: ReceiptModel) {
  const p = m.receipt.pdf;
  if (p.status === 'ready' && safeUrl(m.pdfHref)) {
    const kb = p.bytes ? Math.max(1, Math.round(p.bytes / 1024)) : undefined;
    return html`<p>
        <a
          part="pdf-link"
          href=${m.pdfHref}
          download="Eingangsbestaetigung-${m.receipt.number}.pdf"
          @click=${m.onDownload}
        >
          ${
            kb
              ? msg(str`Eingangsbestätigung herunterladen (PDF, ${kb} KB)`, { id: 'receipt.pdf.linkSize' })
              : msg('Eingangsbestätigung herunterladen (PDF)', { id: 'receipt.pdf.link' })
          }
        </a>
      </p>
      ${
        p.sha256
          ? html`<p>
              ${msg('Prüfsumme (SHA-256) der PDF-Datei:', { id: 'receipt.pdf.hash' })}
              <code part="hash" class="hash">${p.sha256}</code>
            </p>`
          : nothing
      }`;
  }
  if (p.status === 'failed' || m.pdfTimedOut)
    return html`<p>
      ${msg(
        'Die PDF-Datei ist noch nicht fertig. Ihr Antrag ist trotzdem eingegangen. Laden Sie die Seite später neu, um die Datei herunterzuladen.',
        {
          id: 'receipt.pdf.failed',
        },
      )}
    </p>`;
  return html`<p>
    ${msg('Die PDF-Datei wird erstellt. Das dauert meist nur wenige Sekunden …', { id: 'receipt.pdf.pending' })}
  </p>`;
}

/** The whole receipt; its h2 takes focus after a submission. */
export function receiptView(m: ReceiptModel) {
  const r = m.receipt;
  return html`<section part="receipt" aria-labelledby="receipt-heading">
    <div part="panel" class="panel">
      <h2 part="heading" id="receipt-heading" tabindex="-1" data-autofocus>
        ${msg('Eingangsbestätigung: Ihr Antrag ist eingegangen', { id: 'receipt.heading' })}
      </h2>
      <p>
        ${msg('Antragsnummer', { id: 'receipt.number' })}<br /><strong class="number">${r.number}</strong>
      </p>
    </div>
    <dl part="receipt-details" class="details">
      <dt>${msg('Eingegangen am', { id: 'receipt.receivedAt' })}</dt>
      <dd><time datetime=${r.receivedAt}>${formatReceivedAt(r.receivedAt)}</time></dd>
      <dt>${msg('Zuständiges Jobcenter', { id: 'receipt.responsible' })}</dt>
      <dd>${r.responsibleJobcenter.name}</dd>
    </dl>
    <p>${responsibility(r)}</p>
    ${contact(r)}
    <h3>${msg('Ihre Eingangsbestätigung als PDF', { id: 'receipt.pdf.heading' })}</h3>
    ${pdf(m)}
    <p>
      ${msg('Prüfsumme (SHA-256) Ihrer Angaben:', { id: 'receipt.dataHash' })}
      <code part="hash" class="hash">${r.dataSha256}</code>
    </p>
    <p class="secondary">
      ${msg(
        'Mit den Prüfsummen lässt sich später nachweisen, dass Datei und Angaben nicht verändert wurden.',
        {
          id: 'receipt.hash.why',
        },
      )}
    </p>
    <p class="visually-hidden" role="status">${m.announcement}</p>
    <h3>${msg('Wie geht es weiter?', { id: 'receipt.next.heading' })}</h3>
    <jc-ibd-notice exportparts="notice: ibd" .apiClient=${m.client} jobcenter=${r.responsibleJobcenter.id} type="erstantrag"></jc-ibd-notice>
    <ol part="next-steps">
      <li>
        ${msg(
          str`Ihr Antrag gilt ab dem ${formatDay(r.receivedAt)}. Er wirkt auf den Ersten des Monats zurück (§ 37 SGB II).`,
          {
            id: 'receipt.next.date',
          },
        )}
      </li>
      <li>
        ${msg(
          'Als Nächstes füllen Sie den ausführlichen Antrag aus (Hauptantrag und Anlagen). Das Jobcenter sagt Ihnen, wie.',
          {
            id: 'receipt.next.full',
          },
        )}
      </li>
      <li>
        ${msg(
          'Nachweise wie Kontoauszüge oder Mietvertrag können Sie später einreichen. Ihr Antrag gilt auch ohne sie.',
          {
            id: 'receipt.next.evidence',
          },
        )}
      </li>
      <li>
        ${msg(
          str`Bewahren Sie die Antragsnummer ${r.number} auf und nennen Sie sie, wenn Sie das Jobcenter kontaktieren.`,
          {
            id: 'receipt.next.number',
          },
        )}
      </li>
    </ol>
    <jc-help topic="receipt" date=${berlinDate(new Date(r.receivedAt))}></jc-help>
    ${
      m.onContinue
        ? html`<button part="button" class="button" type="button" @click=${m.onContinue}>
            ${msg('Weiter zum vollständigen Antrag (Hauptantrag)', { id: 'receipt.toAde' })}
          </button>`
        : nothing
    }
  </section>`;
}
