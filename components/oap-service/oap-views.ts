/** Templates of the OAP eServices around jc-form-page: states before the form, progress, check page, status. */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { PageInstance } from '../../domain/forms/engine-core.js';
import { formatOapValue, oapVisibleQuestions } from '../../domain/forms/oap-engine-core.js';
import type { ErrorSummaryItem } from '../error-summary/error-summary.js';
import { safeUrl } from '../base/safe-url.js';
import { addEnglish, activeLocale, intlLocale } from '../locales/localization.js';
import type { OapServiceView } from './oap-api.js';
import { noticeView, oapDay, oapHeading } from './oap-common-views.js';

addEnglish(() => import('../locales/en-oap.js'));

export { noticeView, oapDay, oapHeading } from './oap-common-views.js';

/** "7 von 9 Pflichtangaben gemacht". */
export function completenessText(c: { answered: number; required: number }): string {
  return msg(str`${c.answered} von ${c.required} Pflichtangaben gemacht`, { id: 'oap.completeness' });
}

/** The progress line: step n of m, completeness as text and as a meter. */
export function progressView(at: number, of: number, c: { answered: number; required: number }) {
  return html`<div part="progress" class="oap-progress">
    <p>
      <span>${msg(str`Schritt ${at} von ${of}`, { id: 'oap.step' })}</span>
      <span aria-hidden="true"> · </span>
      <span>${completenessText(c)}</span>
    </p>
    <progress
      max=${Math.max(1, c.required)}
      value=${c.answered}
      aria-label=${msg('Vollständigkeit', { id: 'oap.completenessLabel' })}
    ></progress>
  </div>`;
}

/** "Eingereicht am …", "Übernommen am …", changes not yet submitted: from the server's view. */
export function statusLine(v: OapServiceView | undefined) {
  if (!v || (!v.submittedAt && !v.takenOverAt)) return nothing;
  const parts: string[] = [];
  if (v.submittedAt)
    parts.push(
      msg(str`Fassung ${v.submittedVersion ?? 1} eingereicht am ${oapDay(v.submittedAt)}.`, {
        id: 'oap.submittedAt',
      }),
    );
  if (v.takenOverAt)
    parts.push(msg(str`Vom Jobcenter übernommen am ${oapDay(v.takenOverAt)}.`, { id: 'oap.takenOverAt' }));
  else if (v.status === 'submitted')
    parts.push(msg('Das Jobcenter prüft Ihre Angaben.', { id: 'oap.inReview' }));
  if (v.status === 'draft')
    parts.push(msg('Sie haben Änderungen, die noch nicht eingereicht sind.', { id: 'oap.changedSince' }));
  return html`<p part="status" class="oap-status">${parts.join(' ')}</p>`;
}

/** Model of the check-your-answers page. */
export interface CheckModel {
  pages: PageInstance[];
  answers: Record<string, unknown>;
  date: string;
  /** Undefined: read-only (after submission). */
  onChange?: (pageKey: string) => void;
  /** Extra content under a page's answers (e.g. the CV timeline). */
  extra?: (p: PageInstance) => unknown;
}

/** The answers of every shown page as summary lists, each with "Ändern". */
export function answersView(m: CheckModel) {
  const lang = activeLocale();
  return m.pages.map(
    (p) =>
      html`<section class="check-page" aria-labelledby="check-${p.page.id}">
        <div class="check-head">
          <h3 id="check-${p.page.id}">${p.title}</h3>
          ${
            m.onChange
              ? html`<button type="button" class="link" @click=${() => m.onChange!(p.key)}>
                  ${msg('Ändern', { id: 'check.change' })}<span class="visually-hidden">: ${p.title}</span>
                </button>`
              : nothing
          }
        </div>
        <dl class="summary">
          ${oapVisibleQuestions(p.page, m.answers, m.date, lang).map(
            (q) =>
              html`<div class="summary-row">
                <dt>${q.label[lang]}</dt>
                <dd>${formatOapValue(q, m.answers[q.id], lang)}</dd>
              </div>`,
          )}
        </dl>
        ${m.extra?.(p) ?? nothing}
      </section>`,
  );
}

/** The check page: heading, error summary, answers, the submit button. */
export function checkView(
  m: CheckModel & {
    title: string;
    summary: ErrorSummaryItem[];
    sending: boolean;
    onSubmit(): void;
    onBack(): void;
  },
) {
  return html`<p class="back">
      <button type="button" part="button-secondary" class="link" @click=${m.onBack}>
        ${msg('Zurück', { id: 'flow.back' })}
      </button>
    </p>
    <jc-error-summary part="error-summary" .errors=${m.summary}></jc-error-summary>
    <h2 part="heading" tabindex="-1" data-autofocus>
      <span class="caption">${m.title}</span>
      ${msg('Prüfen Sie Ihre Angaben', { id: 'oap.check.heading' })}
    </h2>
    ${answersView(m)}
    <p>
      ${msg('Mit dem Einreichen geht eine neue Fassung an das Jobcenter. Sie können sie danach weiter ändern.', { id: 'oap.check.note' })}
    </p>
    <div class="actions">
      <button
        part="button"
        class="button"
        type="button"
        aria-disabled=${m.sending ? 'true' : 'false'}
        @click=${m.onSubmit}
      >
        ${m.sending ? msg('Wird gesendet …', { id: 'common.sending' }) : msg('Angaben einreichen', { id: 'oap.submit' })}
      </button>
    </div>`;
}

/** Signed out: the portal's sign-in (slot) or a link to it. */
export function signedOutView(title: string, signInUrl: string | undefined) {
  const href = safeUrl(signInUrl);
  return html`${oapHeading(title)}
    <p>${msg('Melden Sie sich an, um Ihr Arbeitsmarktprofil auszufüllen.', { id: 'oap.signedOut' })}</p>
    <slot name="sign-in"
      >${href ? html`<p><a part="button" class="button" href=${href}>${msg('Anmelden', { id: 'todo.signIn' })}</a></p>` : nothing}</slot
    >`;
}

/** Signed in below level 1. */
export function levelView(title: string, onCheck: () => void) {
  return html`${oapHeading(title)}
    <p>
      ${msg('Für das Arbeitsmarktprofil muss Ihre E-Mail-Adresse bestätigt sein (Sicherheitsstufe 1). Öffnen Sie den Link in der E-Mail, die wir Ihnen geschickt haben.', { id: 'oap.level' })}
    </p>
    <button part="button" class="button" type="button" @click=${onCheck}>
      ${msg('Ich habe bestätigt – weiter', { id: 'app.level.check' })}
    </button>`;
}

const clock = (d: Date) =>
  new Intl.DateTimeFormat(intlLocale(activeLocale()), { hour: '2-digit', minute: '2-digit' }).format(d);

/** The quiet save status line and a polite live region that speaks only when it matters. */
export function saveStatusView(status: string, savedAt: Date | undefined, spoken: string) {
  const text =
    status === 'saving'
      ? msg('Wird gespeichert …', { id: 'save.saving' })
      : status === 'saved' && savedAt
        ? msg(str`Gespeichert um ${clock(savedAt)}`, { id: 'save.saved' })
        : status === 'offline'
          ? msg('Nicht gespeichert – keine Verbindung. Wir versuchen es weiter.', { id: 'save.offline' })
          : status === 'error'
            ? msg('Nicht gespeichert – wir versuchen es gleich noch einmal.', { id: 'save.error' })
            : status === 'conflict'
              ? msg('Nicht gespeichert – es gibt eine neuere Fassung.', { id: 'save.conflict' })
              : '';
  return html`<p part="save-status" class="save-status save-status--${status}">${text}</p>
    <p class="visually-hidden" role="status">${spoken}</p>`;
}

/** The 412 choice: load the newer version or keep mine (never decided silently). */
export function conflictView(onTheirs: () => void, onMine: () => void) {
  return html`<div part="conflict" class="panel panel--error" role="alert">
    <h2 class="h3">
      ${msg('Ihre Angaben wurden an anderer Stelle geändert', { id: 'oap.conflict.heading' })}
    </h2>
    <p>
      ${msg('Zum Beispiel in einem anderen Fenster. Ihre letzten Änderungen hier sind noch nicht gespeichert. Wählen Sie, welche Fassung gelten soll.', { id: 'oap.conflict.text' })}
    </p>
    <div class="actions">
      <button type="button" part="button" class="button" @click=${onTheirs}>
        ${msg('Neuere Fassung laden', { id: 'conflict.theirs' })}
      </button>
      <button type="button" part="button-secondary" class="button button--secondary" @click=${onMine}>
        ${msg('Meine Fassung behalten', { id: 'conflict.mine' })}
      </button>
    </div>
  </div>`;
}

/** The states before the form: signed out, level 0, no TdA, OAP off at this jobcenter, load error. */
export function stateView(
  phase: string,
  title: string,
  m: { signInUrl?: string; message: string; retry: () => void },
) {
  switch (phase) {
    case 'signed-out':
      return signedOutView(title, m.signInUrl);
    case 'level':
      return levelView(title, m.retry);
    case 'no-tda':
      return noticeView(
        title,
        msg('Sie können Ihr Arbeitsmarktprofil ausfüllen, sobald Sie einen Antrag gestellt haben.', {
          id: 'oap.noTda',
        }),
      );
    case 'unavailable':
      return noticeView(
        title,
        msg('Ihr Jobcenter bietet das Arbeitsmarktprofil online noch nicht an.', { id: 'oap.unavailable' }),
      );
    default:
      return noticeView(
        msg('Ihre Angaben können gerade nicht geladen werden', { id: 'oap.loadError' }),
        m.message,
        m.retry,
      );
  }
}

/** After submission: status, completeness, the answers read-only, "Angaben ändern". */
export function submittedView(m: {
  title: string;
  view: OapServiceView | undefined;
  completeness: { answered: number; required: number };
  check: CheckModel;
  spoken: string;
  onEdit: () => void;
}) {
  return html`${oapHeading(m.title)} ${statusLine(m.view)}
    <p>${completenessText(m.completeness)}</p>
    ${answersView(m.check)}
    <p>
      ${msg('Wenn sich etwas ändert, können Sie Ihre Angaben ändern und neu einreichen.', { id: 'oap.editHint' })}
    </p>
    <button part="button" class="button" type="button" @click=${m.onEdit}>
      ${msg('Angaben ändern', { id: 'oap.edit' })}
    </button>
    <p class="visually-hidden" role="status">${m.spoken}</p>`;
}
