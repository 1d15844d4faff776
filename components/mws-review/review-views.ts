/** Templates of jc-mws-review (sections of the review page). */
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg, str } from '@lit/localize';
import type {
  RequestItemInput,
  RequestView,
  ReviewDocument,
  ReviewStatus,
  ReviewView,
} from '../api/review-api.js';
import { safeUrl } from '../base/safe-url.js';
import { activeLocale } from '../locales/localization.js';
import { berlinDay, formatDay } from '../mws-inbox/inbox-format.js';
import type { StatusProblem } from './mws-review.js';

/** Everything a section needs. */
export interface ViewContext {
  review: ReviewView;
  draft: RequestItemInput[];
  commentPath: string;
  values: Record<string, string>;
  errors: Record<string, string>;
  busy: string;
  statusProblem?: StatusProblem;
  url(href: string): string;
  labelOf(path: string | null): string;
  on: {
    input(e: Event): void;
    openComment(path: string): void;
    cancelComment(): void;
    addComment(e: Event): void;
    addEvidence(code: string, title: string): void;
    addFreeEvidence(e: Event): void;
    addCatalogueEvidence(e: Event): void;
    removeItem(index: number): void;
    sendRequest(e: Event): void;
    changeStatus(s: ReviewStatus): void;
    reload(): void;
    addNote(e: Event): void;
    addMessage(e: Event): void;
  };
}

const ORDER: ReviewStatus[] = [
  'eingegangen',
  'in_bearbeitung',
  'mitwirkung_angefordert',
  'entscheidungsreif',
  'abgeschlossen',
];

/** A calendar day or a time stamp as a day in the UI language. */
export const day = (iso: string | null | undefined): string => (iso ? formatDay(berlinDay(iso)) : '–');

/** Label of a review status in the UI language. */
export function statusLabel(s: string | null): string {
  switch (s) {
    case 'eingegangen':
      return msg('Antrag eingegangen', { id: 'review.status.eingegangen' });
    case 'in_bearbeitung':
      return msg('In Bearbeitung', { id: 'review.status.inBearbeitung' });
    case 'mitwirkung_angefordert':
      return msg('Unterlagen angefordert', { id: 'review.status.mitwirkung' });
    case 'entscheidungsreif':
      return msg('Entscheidungsreif', { id: 'review.status.entscheidungsreif' });
    case 'abgeschlossen':
      return msg('Abgeschlossen', { id: 'review.status.abgeschlossen' });
    default:
      return s ?? '–';
  }
}

/** An answer value of the history (raw JSON) for people. */
export function plain(v: unknown): string {
  if (v === null || v === undefined || v === '') return '–';
  if (v === true) return msg('Ja', { id: 'review.yes' });
  if (v === false) return msg('Nein', { id: 'review.no' });
  if (typeof v === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDay(v) : v;
  if (typeof v === 'number') return v.toLocaleString(activeLocale() === 'en' ? 'en-GB' : 'de-DE');
  return JSON.stringify(v);
}

const size = (n: number) =>
  n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;

function field(
  c: ViewContext,
  id: string,
  name: string,
  label: unknown,
  opts: { multiline?: boolean; hint?: unknown; number?: boolean } = {},
) {
  const error = c.errors[id];
  const described = [opts.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const common = {
    id,
    name,
    value: c.values[name] ?? '',
    describedby: described || undefined,
  };
  return html`<div class="group ${error ? 'group--error' : ''}">
    <label for=${id}>${label}</label>
    ${opts.hint ? html`<p class="hint" id="${id}-hint">${opts.hint}</p>` : nothing}
    ${
      error
        ? html`<p class="error-message" id="${id}-error">
            <span class="visually-hidden">${msg('Fehler:', { id: 'control.errorPrefix' })}</span> ${error}
          </p>`
        : nothing
    }
    ${
      opts.multiline
        ? html`<textarea
            id=${common.id}
            name=${common.name}
            rows="4"
            .value=${common.value}
            aria-describedby=${ifDefined(common.describedby)}
            aria-invalid=${error ? 'true' : 'false'}
            @input=${c.on.input}
          ></textarea>`
        : html`<input
            id=${common.id}
            name=${common.name}
            class=${opts.number ? 'input--short' : ''}
            type="text"
            inputmode=${ifDefined(opts.number ? 'numeric' : undefined)}
            .value=${common.value}
            aria-describedby=${ifDefined(common.describedby)}
            aria-invalid=${error ? 'true' : 'false'}
            @input=${c.on.input}
          />`
    }
  </div>`;
}

/** The failed-load states. */
export function failureView(state: string, error: string, retry: () => void) {
  const text =
    state === 'signed-out'
      ? msg('Melden Sie sich als Mitarbeiterin oder Mitarbeiter an, um den Antrag zu sehen.', {
          id: 'review.signedOut',
        })
      : state === 'not-found'
        ? msg('Diesen Antrag gibt es nicht, oder er gehört nicht zu Ihrem Jobcenter.', {
            id: 'review.notFound',
          })
        : state === 'forbidden'
          ? msg('Sie haben keinen Zugriff auf Anträge. Fragen Sie Ihre Teamleitung.', {
              id: 'review.forbidden',
            })
          : error;
  return html`<div class="panel panel--error" role="alert">
    <h3>${msg('Der Antrag kann nicht angezeigt werden', { id: 'review.error.heading' })}</h3>
    <p>${text}</p>
    ${
      state === 'error'
        ? html`<button class="button button--secondary" type="button" @click=${retry}>
            ${msg('Noch einmal versuchen', { id: 'review.retry' })}
          </button>`
        : nothing
    }
  </div>`;
}

function docLinks(
  c: ViewContext,
  docs: { id?: string; name?: string; filename?: string; size: number; sha256: string; href: string; type?: string }[],
  commentable = false,
) {
  if (!docs.length)
    return html`<p class="secondary">${msg('Noch kein Dokument hochgeladen', { id: 'review.noDocs' })}</p>`;
  return html`<ul class="docs">
    ${docs.map((d) => {
      const name = d.name ?? d.filename ?? '';
      const path = d.id ? `doc:${d.id}` : '';
      const open = commentable && path !== '' && c.commentPath === path;
      const drafted = commentable && c.draft.some((i) => i.kind === 'evidence' && i.documentId === d.id);
      return html`<li>
        <a href=${ifDefined(safeUrl(c.url(d.href)))} download=${name}>${name}</a>
        <span class="secondary"
          >(${size(d.size)}, SHA-256 <code title=${d.sha256}>${d.sha256.slice(0, 12)}</code>)</span
        >
        <a class="link" href=${ifDefined(safeUrl(c.url(`${d.href}?inline=1`)))} target="_blank" rel="noopener"
          >${msg('Ansehen', { id: 'review.preview' })}<span class="visually-hidden"
            >: ${name} ${msg('(öffnet in neuem Fenster)', { id: 'review.newWindow' })}</span
          ></a
        >
        ${
          commentable && path
            ? html`<button
                class="link"
                type="button"
                data-comment=${path}
                aria-expanded=${open ? 'true' : 'false'}
                @click=${() => (open ? c.on.cancelComment() : c.on.openComment(path))}
              >
                ${drafted ? msg('In der Anforderung', { id: 'review.evidenceInDraft' }) : msg('Kommentieren', { id: 'review.comment' })}<span
                  class="visually-hidden"
                  >: ${name}</span
                >
              </button>`
            : nothing
        }
        ${open ? html`<div class="comment-box">${commentForm(c, msg(str`Kommentar zum Dokument „${name}“`, { id: 'review.docCommentLabel' }), msg('Die antragstellende Person sieht den Kommentar und lädt das Dokument neu hoch.', { id: 'review.docCommentHint' }))}</div>` : nothing}
      </li>`;
    })}
  </ul>`;
}

/** The inline comment form (a field or a document). */
function commentForm(c: ViewContext, label: string, hint: string) {
  return html`<form novalidate @submit=${c.on.addComment}>
    ${field(c, 'comment-text', 'comment', label, { multiline: true, hint })}
    <div class="actions">
      <button class="button" type="submit">${msg('Zur Anforderung hinzufügen', { id: 'review.addToDraft' })}</button>
      <button class="link" type="button" @click=${c.on.cancelComment}>${msg('Abbrechen', { id: 'review.cancel' })}</button>
    </div>
  </form>`;
}

/** Number, dates, PDFs. */
export function headerView(c: ViewContext) {
  const r = c.review;
  const pdf = (href: string | null, label: string) =>
    href ? html`<li><a href=${ifDefined(safeUrl(c.url(href)))} download>${label}</a></li>` : nothing;
  return html`<dl class="facts">
      <div>
        <dt>${msg('Antragsnummer', { id: 'review.number' })}</dt>
        <dd>${r.number}</dd>
      </div>
      <div>
        <dt>${msg('Antragsdatum', { id: 'review.applicationDate' })}</dt>
        <dd>${day(r.applicationDate)}</dd>
      </div>
      <div>
        <dt>${msg('Eingegangen am', { id: 'review.submittedAt' })}</dt>
        <dd>${day(r.submittedAt)}</dd>
      </div>
      ${
        r.tdaReceivedAt
          ? html`<div>
              <dt>${msg('Tag der Antragstellung erklärt am', { id: 'review.tdaAt' })}</dt>
              <dd>${day(r.tdaReceivedAt)}</dd>
            </div>`
          : nothing
      }
    </dl>
    ${
      r.pdfs.application || r.pdfs.tda
        ? html`<ul class="pdfs">
            ${pdf(r.pdfs.application, msg('Antrag als PDF', { id: 'review.pdf' }))}
            ${pdf(r.pdfs.tda, msg('Tag der Antragstellung als PDF', { id: 'review.tdaPdf' }))}
          </ul>`
        : nothing
    }`;
}

/** Current status, timeline and the allowed transitions (If-Match). */
export function statusView(c: ViewContext) {
  const r = c.review;
  const current = ORDER.indexOf(r.status);
  const p = c.statusProblem;
  return html`<section aria-labelledby="status-heading">
    <h3 id="status-heading" tabindex="-1">
      ${msg('Status', { id: 'review.status' })}: ${r.statusLabel[activeLocale() === 'en' ? 'en' : 'de']}
    </h3>
    <ol class="timeline" aria-label=${msg('Verlauf des Status', { id: 'review.timeline' })}>
      ${ORDER.map(
        (s, i) =>
          html`<li
            class=${i < current ? 'done' : i === current ? 'current' : ''}
            aria-current=${ifDefined(i === current ? 'step' : undefined)}
          >
            ${statusLabel(s)}${
              i < current
                ? html`<span class="visually-hidden"> (${msg('erledigt', { id: 'review.done' })})</span>`
                : i === current
                  ? html`<span class="visually-hidden"> (${msg('aktuell', { id: 'review.current' })})</span>`
                  : nothing
            }
          </li>`,
      )}
    </ol>
    ${
      p
        ? html`<div class="status-problem panel panel--error" role="alert" tabindex="-1">
            ${
              p.kind === 'stale'
                ? html`<p>
                      ${msg('Der Antrag wurde inzwischen geändert. Ihr Statuswechsel wurde nicht gespeichert. Laden Sie den aktuellen Stand und prüfen Sie ihn.', { id: 'review.stale' })}
                    </p>
                    <button class="button button--secondary" type="button" @click=${c.on.reload}>
                      ${msg('Aktuellen Stand laden', { id: 'review.reload' })}
                    </button>`
                : html`<p>${p.text}</p>`
            }
          </div>`
        : nothing
    }
    ${
      p?.kind !== 'stale' && r.allowedTransitions.length
        ? html`<div class="actions">
            ${r.allowedTransitions.map(
              (s) =>
                html`<button
                  class="button button--secondary"
                  type="button"
                  data-status=${s}
                  aria-disabled=${c.busy === 'status' ? 'true' : 'false'}
                  @click=${() => c.on.changeStatus(s)}
                >
                  ${msg(str`Status setzen: ${statusLabel(s)}`, { id: 'review.setStatus' })}
                </button>`,
            )}
          </div>`
        : nothing
    }
  </section>`;
}

/** The answers by section/Anlage, each with "Kommentieren". */
export function answersView(c: ViewContext) {
  const r = c.review;
  return html`<section aria-labelledby="answers-heading">
    <h3 id="answers-heading">${msg('Angaben', { id: 'review.answers' })}</h3>
    ${r.answers.map(
      (g, gi) =>
        html`<details class="group-box" ?open=${gi === 0}>
          <summary>${g.title} <span class="secondary">(${g.questions.length})</span></summary>
          <dl class="summary-list">
            ${g.questions.map((q) => {
              const drafted = c.draft.find((i) => i.kind === 'field' && i.path === q.path);
              const open = c.commentPath === q.path;
              return html`<div class="row">
                <dt>${q.label}</dt>
                <dd>${q.formatted}</dd>
                <dd class="row-action">
                  <button
                    class="link"
                    type="button"
                    data-comment=${q.path}
                    aria-expanded=${open ? 'true' : 'false'}
                    @click=${() => (open ? c.on.cancelComment() : c.on.openComment(q.path))}
                  >
                    ${drafted ? msg('Kommentar ändern', { id: 'review.editComment' }) : msg('Kommentieren', { id: 'review.comment' })}<span
                      class="visually-hidden"
                      >: ${q.label}</span
                    >
                  </button>
                  ${
                    drafted && drafted.kind === 'field'
                      ? html`<p class="secondary">
                          ${msg('In der Anforderung:', { id: 'review.inDraft' })} ${drafted.comment}
                        </p>`
                      : nothing
                  }
                </dd>
                ${
                  open
                    ? html`<dd class="comment-box">
                        ${commentForm(
                          c,
                          msg(str`Kommentar zu „${q.label}“`, { id: 'review.commentLabel' }),
                          msg('Die antragstellende Person sieht den Kommentar und kann die Angabe korrigieren.', {
                            id: 'review.commentHint',
                          }),
                        )}
                      </dd>`
                    : nothing
                }
              </div>`;
            })}
          </dl>
        </details>`,
    )}
  </section>`;
}

/** The evidence items with their documents and "Nachweis anfordern". */
export function evidenceView(c: ViewContext) {
  const r = c.review;
  const inDraft = (code: string, title: string) =>
    c.draft.some((i) => i.kind === 'evidence' && i.code === code && i.title === title);
  return html`<section aria-labelledby="evidence-heading">
    <h3 id="evidence-heading">${msg('Nachweise', { id: 'review.evidence' })}</h3>
    <ul class="evidence">
      ${r.evidence.map(
        (e) =>
          html`<li>
            <h4>${e.title}</h4>
            ${docLinks(c, e.documents, true)}
            <button
              class="button button--secondary"
              type="button"
              data-evidence=${e.id}
              aria-disabled=${inDraft(e.code, e.title) ? 'true' : 'false'}
              @click=${() => c.on.addEvidence(e.code, e.title)}
            >
              ${
                inDraft(e.code, e.title)
                  ? msg('In der Anforderung', { id: 'review.evidenceInDraft' })
                  : msg('Nachweis anfordern', { id: 'review.requestEvidence' })
              }<span class="visually-hidden">: ${e.title}</span>
            </button>
          </li>`,
      )}
    </ul>
    <form novalidate @submit=${c.on.addCatalogueEvidence}>
      <div class="group ${c.errors['catalogue-evidence'] ? 'group--error' : ''}">
        <label for="catalogue-evidence">${msg('Nachweis aus dem Katalog', { id: 'review.catalogue' })}</label>
        ${
          c.errors['catalogue-evidence']
            ? html`<p class="error-message" id="catalogue-evidence-error">
                <span class="visually-hidden">${msg('Fehler:', { id: 'control.errorPrefix' })}</span>
                ${c.errors['catalogue-evidence']}
              </p>`
            : nothing
        }
        <select
          id="catalogue-evidence"
          name="catalogueCode"
          aria-describedby=${ifDefined(c.errors['catalogue-evidence'] ? 'catalogue-evidence-error' : undefined)}
          aria-invalid=${c.errors['catalogue-evidence'] ? 'true' : 'false'}
          @change=${c.on.input}
        >
          <option value="" ?selected=${!c.values.catalogueCode}>${msg('Bitte wählen', { id: 'review.choose' })}</option>
          ${r.catalogue.map((e) => html`<option value=${e.code} ?selected=${c.values.catalogueCode === e.code}>${e.title}</option>`)}
        </select>
      </div>
      <button class="button button--secondary" type="submit">
        ${msg('Aus dem Katalog hinzufügen', { id: 'review.addCatalogue' })}
      </button>
    </form>
    <form novalidate @submit=${c.on.addFreeEvidence}>
      ${field(
        c,
        'free-evidence',
        'free',
        msg('Weiteren Nachweis anfordern (freier Text)', { id: 'review.freeEvidence' }),
        {
          hint: msg('Zum Beispiel: Kontoauszüge der letzten drei Monate', { id: 'review.freeHint' }),
        },
      )}
      <button class="button button--secondary" type="submit">
        ${msg('Nachweis hinzufügen', { id: 'review.addFree' })}
      </button>
    </form>
  </section>`;
}

/** The request being composed. */
export function composerView(c: ViewContext) {
  const sending = c.busy === 'request';
  const itemsError = c.errors['draft-items'];
  return html`<section class="composer" aria-labelledby="composer-heading">
    <h3 id="composer-heading" tabindex="-1">${msg('Neue Anforderung', { id: 'review.composer' })}</h3>
    <form novalidate @submit=${c.on.sendRequest}>
      <div id="draft-items" tabindex="-1" class="group ${itemsError ? 'group--error' : ''}">
        ${itemsError ? html`<p class="error-message">${itemsError}</p>` : nothing}
        ${
          c.draft.length
            ? html`<ol class="draft" aria-label=${msg('Punkte der Anforderung', { id: 'review.draftItems' })}>
                ${c.draft.map(
                  (i, n) =>
                    html`<li>
                      ${
                        i.kind === 'field'
                          ? html`<strong>${c.labelOf(i.path)}</strong>: ${i.comment}`
                          : html`<strong>${msg('Nachweis', { id: 'review.evidenceItem' })}</strong>:
                              ${i.title}${i.comment ? html` – ${i.comment}` : nothing}`
                      }
                      <button class="link" type="button" @click=${() => c.on.removeItem(n)}>
                        ${msg('Entfernen', { id: 'review.remove' })}<span class="visually-hidden"
                          >: ${i.kind === 'field' ? c.labelOf(i.path) : i.title}</span
                        >
                      </button>
                    </li>`,
                )}
              </ol>`
            : html`<p class="secondary">
                ${msg('Noch keine Punkte. Kommentieren Sie Angaben oder fordern Sie Nachweise an.', { id: 'review.draftEmpty' })}
              </p>`
        }
      </div>
      ${field(c, 'request-message', 'message', msg('Nachricht an die antragstellende Person (freiwillig)', { id: 'review.requestMessage' }), { multiline: true })}
      ${field(c, 'deadline', 'deadline', msg('Frist in Tagen', { id: 'review.deadline' }), {
        number: true,
        hint: msg('7 bis 60 Tage, üblich sind 14. Der Hinweis nach § 66 SGB I wird mitgesendet.', {
          id: 'review.deadlineHint',
        }),
      })}
      <button class="button" type="submit" aria-disabled=${sending ? 'true' : 'false'}>
        ${sending ? msg('Wird gesendet …', { id: 'common.sending' }) : msg('Anforderung senden', { id: 'review.send' })}
      </button>
    </form>
  </section>`;
}

function requestView(c: ViewContext, q: RequestView & { correctedPdf?: string | null }) {
  const en = activeLocale() === 'en';
  return html`<li class="request" data-request=${q.id} tabindex="-1">
    <h4>
      ${msg(str`Anforderung vom ${day(q.createdAt)}`, { id: 'review.requestOf' })} –
      ${
        q.state === 'open'
          ? msg(str`offen, Frist ${day(q.deadline)}`, { id: 'review.requestOpen' })
          : msg(str`beantwortet am ${day(q.answeredAt)}`, { id: 'review.requestAnswered' })
      }
    </h4>
    ${q.message ? html`<p class="quote">${q.message}</p>` : nothing}
    ${
      q.correctedPdf
        ? html`<p>
            <a href=${ifDefined(safeUrl(c.url(q.correctedPdf)))} download
              >${msg('Korrigierte Fassung des Antrags (PDF, an die E-Akte übergeben)', { id: 'review.correctedPdf' })}</a
            >
          </p>`
        : nothing
    }
    <ul>
      ${q.items.map(
        (i) =>
          html`<li>
            ${
              i.kind === 'field'
                ? html`<strong>${i.label ?? i.path}</strong>: ${i.comment} <br /><span class="secondary"
                      >${msg('Aktuelle Angabe:', { id: 'review.currentValue' })}
                      ${i.formattedValue ?? '–'}</span
                    >`
                : html`<strong>${i.title}</strong>${i.comment ? html`: ${i.comment}` : nothing} ${docLinks(c, i.documents)}`
            }
            <span class="tag"
              >${i.state === 'open' ? msg('offen', { id: 'review.itemOpen' }) : msg('beantwortet', { id: 'review.itemAnswered' })}</span
            >
          </li>`,
      )}
    </ul>
    <details>
      <summary>
        ${msg(str`Hinweis nach § 66 SGB I (Fassung ${q.notice.version})`, { id: 'review.notice' })}
      </summary>
      <p class="notice" lang=${en ? 'en' : 'de'}>${en ? q.notice.en : q.notice.de}</p>
    </details>
  </li>`;
}

/** The sent requests with their stored notice. */
export function requestsView(c: ViewContext) {
  const list = c.review.requests;
  return html`<section aria-labelledby="requests-heading">
    <h3 id="requests-heading">${msg('Gesendete Anforderungen', { id: 'review.requests' })}</h3>
    ${
      list.length
        ? html`<ol class="requests">
            ${[...list].reverse().map((q) => requestView(c, q))}
          </ol>`
        : html`<p class="secondary">
            ${msg('Noch keine Anforderung gesendet.', { id: 'review.noRequests' })}
          </p>`
    }
  </section>`;
}

/** Messages with the applicant (never the internal notes). */
export function messagesView(c: ViewContext) {
  const list = c.review.messages;
  return html`<section part="messages" class="messages" aria-labelledby="messages-heading">
    <h3 id="messages-heading">
      ${msg('Nachrichten mit der antragstellenden Person', { id: 'review.messages' })}
    </h3>
    ${
      list.length
        ? html`<ol class="texts">
            ${list.map(
              (m) =>
                html`<li>
                  <span class="secondary"
                    >${
                      m.from === 'applicant' ? who('applicant', null) : who(m.staffId ?? '', m.staffName)
                    },
                    ${day(m.createdAt)}:</span
                  >
                  ${m.text}
                </li>`,
            )}
          </ol>`
        : html`<p class="secondary">${msg('Noch keine Nachrichten.', { id: 'review.noMessages' })}</p>`
    }
    <form novalidate @submit=${c.on.addMessage}>
      ${field(
        c,
        'message-text',
        'reply',
        msg('Nachricht an die antragstellende Person', { id: 'review.messageLabel' }),
        {
          multiline: true,
          hint: msg('Sie erhält eine E-Mail ohne Inhalt, dass eine neue Nachricht da ist.', {
            id: 'review.messageHint',
          }),
        },
      )}
      <button
        class="button button--secondary"
        type="submit"
        aria-disabled=${c.busy === 'messages' ? 'true' : 'false'}
      >
        ${msg('Nachricht senden', { id: 'review.sendMessage' })}
      </button>
    </form>
  </section>`;
}

/** Internal notes, clearly marked. */
export function notesView(c: ViewContext) {
  const list = c.review.notes;
  const mark = msg('intern – für Antragstellende nicht sichtbar', { id: 'review.internal' });
  return html`<section part="notes" class="notes" aria-labelledby="notes-heading">
    <h3 id="notes-heading">
      ${msg('Interne Notizen', { id: 'review.notes' })} <span class="internal">(${mark})</span>
    </h3>
    ${
      list.length
        ? html`<ol class="texts">
            ${list.map((m) => html`<li><span class="secondary">${day(m.createdAt)}, ${who(m.staffId ?? '', m.staffName)}:</span> ${m.text}</li>`)}
          </ol>`
        : html`<p class="secondary">${msg('Noch keine internen Notizen.', { id: 'review.noNotes' })}</p>`
    }
    <form novalidate @submit=${c.on.addNote}>
      ${field(c, 'note-text', 'note', msg(str`Interne Notiz (${mark})`, { id: 'review.noteLabel' }), { multiline: true })}
      <button
        class="button button--secondary"
        type="submit"
        aria-disabled=${c.busy === 'notes' ? 'true' : 'false'}
      >
        ${msg('Notiz speichern', { id: 'review.saveNote' })}
      </button>
    </form>
  </section>`;
}

/** Who did it: a staff member's name, "the applicant", or the system. */
function who(actor: string, name: string | null | undefined): string {
  if (actor === 'applicant') return msg('Antragstellende Person', { id: 'review.fromApplicant' });
  if (actor === 'system') return msg('automatisch', { id: 'review.bySystem' });
  return name ?? msg('Jobcenter', { id: 'review.fromStaff' });
}

/** Status changes and corrected answers (old → new), oldest first. */
export function historyView(c: ViewContext) {
  const list = c.review.history;
  return html`<section aria-labelledby="history-heading">
    <h3 id="history-heading">${msg('Verlauf', { id: 'review.history' })}</h3>
    ${
      list.length
        ? html`<ol class="history">
            ${list.map(
              (h) =>
                html`<li>
                  <span class="secondary">${day(h.at)}, ${who(h.actor, h.actorName)}:</span>
                  ${
                    h.kind === 'status'
                      ? msg(str`Status ${statusLabel(h.from)} → ${statusLabel(h.to)}`, {
                          id: 'review.hist.status',
                        })
                      : h.kind === 'deadline'
                        ? html`<strong class="overdue">${msg(str`Frist vom ${day(h.deadline)} abgelaufen, nicht alles beantwortet`, { id: 'review.hist.overdue' })}</strong>`
                        : html`${msg(str`Angabe „${c.labelOf(h.path)}“ korrigiert:`, { id: 'review.hist.answer' })}
                          <span class="visually-hidden">${msg('alt:', { id: 'review.old' })}</span>
                          <del>${plain(h.old)}</del> →
                          <span class="visually-hidden">${msg('neu:', { id: 'review.new' })}</span>
                          <ins>${plain(h.new)}</ins>`
                  }
                </li>`,
            )}
          </ol>`
        : html`<p class="secondary">${msg('Noch keine Änderungen.', { id: 'review.noHistory' })}</p>`
    }
  </section>`;
}

export type { ReviewDocument };
