/** Templates of jc-mws-todo: timeline, open request rounds with their items, answered rounds, messages. */
import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import type { ApiClient } from '../api/api-client.js';
import type { EvidenceDocument, UploadPolicy } from '../api/applications-api.js';
import type { ErrorSummaryItem } from '../error-summary/error-summary.js';
import { activeLocale } from '../locales/localization.js';
import type { RequestsView, TimelineStep, TodoItem, TodoMessage, TodoRequest } from './todo-api.js';
import { dayInWords, daysLeft, deadlineText, instantInWords, valueKind } from './todo-format.js';

/** What the templates need from the element. */
export interface TodoModel {
  data: RequestsView;
  applicationId: string;
  client: ApiClient;
  policy?: UploadPolicy;
  drafts: Record<string, string>;
  errors: Record<string, string>;
  replies: Record<string, string>;
  busy: Record<string, boolean>;
  summary: ErrorSummaryItem[];
  announcement: string;
  now: Date;
  onDraft(itemId: string, value: string): void;
  onCorrect(round: TodoRequest, item: TodoItem): void;
  onDone(round: TodoRequest, item: TodoItem): void;
  onDocuments(item: TodoItem, documents: EvidenceDocument[]): void;
  onReplyInput(roundId: string, value: string): void;
  onReply(round: TodoRequest): void;
  onSubmit(round: TodoRequest): void;
}

const inLocale = (t: { de: string; en: string }) => t[activeLocale()] ?? t.de;

/** The h2 of the page (takes focus after a round was sent). */
export function heading(text: string) {
  return html`<h2 part="heading" id="todo-heading" tabindex="-1" data-autofocus>${text}</h2>`;
}

function timeline(steps: TimelineStep[]) {
  return html`<h3>${msg('Stand Ihres Antrags', { id: 'todo.timeline' })}</h3>
    <ol part="timeline" class="timeline">
      ${steps.map(
        (s) =>
          html`<li
            class=${s.current ? 'current' : s.reached ? 'reached' : 'pending'}
            aria-current=${s.current ? 'step' : nothing}
          >
            <span class="mark" aria-hidden="true">${s.current ? '▶' : s.reached ? '✓' : '○'}</span>
            <span>
              ${s.current ? html`<strong>${msg('Aktueller Stand:', { id: 'todo.current' })}</strong> ` : nothing}
              ${inLocale(s.label)}
              ${s.at ? html`<span class="secondary">– ${dayInWords(s.at)}</span>` : nothing}
              ${
                !s.reached
                  ? html`<span class="visually-hidden"
                      >(${msg('noch nicht erreicht', { id: 'todo.notYet' })})</span
                    >`
                  : nothing
              }
            </span>
          </li>`,
      )}
    </ol>`;
}

function deadline(r: TodoRequest, now: Date) {
  const days = daysLeft(r.deadline, now);
  const when = dayInWords(r.deadline);
  if (days < 0)
    return html`<p part="deadline" class="deadline overdue">
      <span aria-hidden="true">⚠</span>
      <strong>${msg('Überfällig:', { id: 'todo.overdueLabel' })}</strong>
      ${msg(str`Die Frist endete am ${when}.`, { id: 'todo.overdueWhen' })} ${deadlineText(days)}.
      ${msg('Bitte erledigen Sie es so bald wie möglich.', { id: 'todo.overdueAsk' })}
    </p>`;
  return html`<p part="deadline" class="deadline">
    <strong>${msg('Frist:', { id: 'todo.deadlineLabel' })}</strong>
    ${msg(str`bis ${when}`, { id: 'todo.until' })} – ${deadlineText(days)}
  </p>`;
}

function doneNote(item: TodoItem) {
  return html`<p class="done" id="d-${item.id}" tabindex="-1">
    <span aria-hidden="true">✓</span>
    <strong>${msg('Erledigt', { id: 'todo.done' })}</strong>
    ${item.answeredAt ? html`– ${instantInWords(item.answeredAt)}` : nothing}
  </p>`;
}

function errorAt(m: TodoModel, key: string) {
  const e = m.errors[key];
  return e
    ? html`<p class="error-message" id="e-${key}">
        <span class="visually-hidden">${msg('Fehler:', { id: 'todo.errorPrefix' })}</span> ${e}
      </p>`
    : nothing;
}

function fieldInput(m: TodoModel, item: TodoItem) {
  const kind = valueKind(item.currentValue, item.question?.kind);
  const value = m.drafts[item.id] ?? '';
  const err = m.errors[item.id];
  const described = err ? `e-${item.id}` : kind === 'date' ? `h-${item.id}` : undefined;
  const options = item.question?.options ?? [];
  if ((kind === 'choice' || kind === 'multi') && options.length) {
    const en = activeLocale() === 'en';
    const picked = kind === 'multi' ? value.split('\n').filter(Boolean) : [value];
    const toggle = (v: string, on: boolean) =>
      kind === 'multi'
        ? m.onDraft(item.id, (on ? [...picked.filter((p) => p !== v), v] : picked.filter((p) => p !== v)).join('\n'))
        : m.onDraft(item.id, v);
    return html`<fieldset class="choices" aria-describedby=${described ?? nothing}>
      <legend>${msg('Richtige Angabe', { id: 'todo.correctValue' })}</legend>
      ${errorAt(m, item.id)}
      ${options.map(
        (o, i) =>
          html`<label class="choice">
            <input
              type=${kind === 'multi' ? 'checkbox' : 'radio'}
              name="f-${item.id}"
              id=${i === 0 ? `f-${item.id}` : `f-${item.id}-${i}`}
              value=${o.value}
              .checked=${picked.includes(o.value)}
              aria-invalid=${err ? 'true' : 'false'}
              @change=${(e: Event) => toggle(o.value, (e.target as HTMLInputElement).checked)}
            />
            ${en ? o.label.en : o.label.de}
          </label>`,
      )}
    </fieldset>`;
  }
  if (kind === 'bool')
    return html`<fieldset class="choices" aria-describedby=${described ?? nothing}>
      <legend>${msg('Richtige Angabe', { id: 'todo.correctValue' })}</legend>
      ${errorAt(m, item.id)}
      ${(['true', 'false'] as const).map(
        (v, i) =>
          html`<label class="choice">
            <input
              type="radio"
              name="f-${item.id}"
              id=${i === 0 ? `f-${item.id}` : `f-${item.id}-no`}
              value=${v}
              .checked=${value === v}
              aria-invalid=${err ? 'true' : 'false'}
              @change=${() => m.onDraft(item.id, v)}
            />
            ${v === 'true' ? msg('Ja', { id: 'todo.yes' }) : msg('Nein', { id: 'todo.no' })}
          </label>`,
      )}
    </fieldset>`;
  return html`<label class="label" for="f-${item.id}"
      >${msg('Richtige Angabe', { id: 'todo.correctValue' })}</label
    >
    ${
      kind === 'date'
        ? html`<p class="secondary" id="h-${item.id}">
            ${msg('Zum Beispiel 27.03.1985', { id: 'todo.dateHint' })}
          </p>`
        : nothing
    }
    ${errorAt(m, item.id)}
    <input
      part="field-input"
      class="input"
      type="text"
      id="f-${item.id}"
      inputmode=${kind === 'number' ? 'decimal' : nothing}
      .value=${value}
      aria-invalid=${err ? 'true' : 'false'}
      aria-describedby=${described ?? nothing}
      @input=${(e: Event) => m.onDraft(item.id, (e.target as HTMLInputElement).value)}
    />`;
}

function fieldItem(m: TodoModel, r: TodoRequest, item: TodoItem) {
  const label = item.label ?? item.path ?? '';
  return html`<h4>${msg(str`Angabe prüfen: ${label}`, { id: 'todo.field.heading' })}</h4>
    ${
      item.comment
        ? html`<p>
            <strong>${msg('Hinweis des Jobcenters:', { id: 'todo.comment' })}</strong> ${item.comment}
          </p>`
        : nothing
    }
    <p>
      ${msg('Ihre Angabe bisher:', { id: 'todo.currentValue' })}
      <strong>${item.formattedValue ?? '–'}</strong>
    </p>
    ${
      item.state === 'answered'
        ? doneNote(item)
        : html`<form
            novalidate
            @submit=${(e: Event) => {
              e.preventDefault();
              m.onCorrect(r, item);
            }}
          >
            ${fieldInput(m, item)}
            <p class="actions">
              <button part="button" class="button" type="submit" ?disabled=${m.busy[item.id]}>
                ${msg('Angabe korrigieren', { id: 'todo.correct' })}<span class="visually-hidden"
                  >: ${label}</span
                >
              </button>
            </p>
          </form>`
    }`;
}

function evidenceItem(m: TodoModel, r: TodoRequest, item: TodoItem) {
  const title = item.title ?? '';
  if (item.state === 'answered' || !item.uploadItemId)
    return html`<h4>${title}</h4>
      ${
        item.documents.length
          ? html`<ul>
              ${item.documents.map((d) => html`<li>${d.filename}</li>`)}
            </ul>`
          : nothing
      }
      ${doneNote(item)}`;
  const about = item.comment
    ? html`<p>
        <strong>${msg('Hinweis des Jobcenters:', { id: 'todo.comment' })}</strong>
        ${item.documentName ? msg(str`Zu Ihrem Dokument „${item.documentName}“:`, { id: 'todo.aboutDocument' }) : nothing}
        ${item.comment}
      </p>`
    : nothing;
  const docs: EvidenceDocument[] = item.documents.map((d) => ({
    ...d,
    itemId: item.uploadItemId!,
    createdAt: '',
  }));
  return html`${about}<jc-evidence-upload
      .client=${m.client}
      application-id=${m.applicationId}
      .item=${{ id: item.uploadItemId, code: item.code ?? 'REQ', title }}
      .documents=${docs}
      .policy=${m.policy}
      @jc-documents-changed=${(e: CustomEvent<{ documents: EvidenceDocument[] }>) =>
        m.onDocuments(item, e.detail.documents)}
    ></jc-evidence-upload>
    ${errorAt(m, item.id)}
    <p class="actions">
      <button
        part="button-secondary"
        class="button button--secondary"
        type="button"
        id="f-${item.id}"
        ?disabled=${m.busy[item.id]}
        aria-describedby=${m.errors[item.id] ? `e-${item.id}` : nothing}
        @click=${() => m.onDone(r, item)}
      >
        ${msg('Als erledigt melden', { id: 'todo.markDone' })}<span class="visually-hidden">: ${title}</span>
      </button>
    </p>`;
}

function openRound(m: TodoModel, r: TodoRequest) {
  const key = `reply-${r.id}`;
  return html`<section part="request" class="round" aria-labelledby="rh-${r.id}">
    <h3 id="rh-${r.id}">
      ${msg(str`Anforderung vom ${dayInWords(r.createdAt)}`, { id: 'todo.round.heading' })}
    </h3>
    ${deadline(r, m.now)}
    ${
      r.message
        ? html`<div class="staff-message">
            <h4>${msg('Nachricht des Jobcenters', { id: 'todo.staffMessage' })}</h4>
            <p class="text">${r.message}</p>
          </div>`
        : nothing
    }
    <details part="notice">
      <summary>${msg('Was passiert, wenn ich nicht mitwirke?', { id: 'todo.notice' })}</summary>
      <p class="text">${inLocale(r.notice)}</p>
    </details>
    <ol part="items" class="items">
      ${r.items.map(
        (item) =>
          html`<li class=${item.state}>
            ${item.kind === 'field' ? fieldItem(m, r, item) : evidenceItem(m, r, item)}
          </li>`,
      )}
    </ol>
    <label class="label" for=${key}>${msg('Antwort an das Jobcenter', { id: 'todo.reply' })}</label>
    <p class="secondary" id="h-${key}">
      ${msg('Freiwillig. Zum Beispiel, wenn Sie einen Nachweis erst später bekommen.', { id: 'todo.reply.hint' })}
    </p>
    ${errorAt(m, key)}
    <textarea
      part="field-input"
      class="input"
      id=${key}
      rows="4"
      maxlength="4000"
      .value=${m.replies[r.id] ?? ''}
      aria-invalid=${m.errors[key] ? 'true' : 'false'}
      aria-describedby=${m.errors[key] ? `e-${key} h-${key}` : `h-${key}`}
      @input=${(e: Event) => m.onReplyInput(r.id, (e.target as HTMLTextAreaElement).value)}
    ></textarea>
    <p class="actions">
      <button
        part="button-secondary"
        class="button button--secondary"
        type="button"
        ?disabled=${m.busy[key]}
        @click=${() => m.onReply(r)}
      >
        ${msg('Antwort senden', { id: 'todo.sendReply' })}
      </button>
    </p>
    ${errorAt(m, `submit-${r.id}`)}
    <p class="actions">
      <button
        part="button"
        class="button"
        type="button"
        ?disabled=${m.busy[`submit-${r.id}`]}
        @click=${() => m.onSubmit(r)}
      >
        ${msg('Alles erledigt – an das Jobcenter senden', { id: 'todo.submit' })}
      </button>
    </p>
  </section>`;
}

function answeredRounds(rounds: TodoRequest[]) {
  if (!rounds.length) return nothing;
  return html`<h3>${msg('Erledigte Anforderungen', { id: 'todo.answered' })}</h3>
    <ul part="answered" class="answered">
      ${rounds.map(
        (r) =>
          html`<li>
            <p>
              <strong
                >${msg(str`Anforderung vom ${dayInWords(r.createdAt)}`, { id: 'todo.round.heading' })}</strong
              >
              ${
                r.answeredAt
                  ? html`– ${msg(str`gesendet am ${instantInWords(r.answeredAt)}`, { id: 'todo.sentAt' })}`
                  : nothing
              }
            </p>
            <ul>
              ${r.items.map(
                (i) =>
                  html`<li>
                    ${i.kind === 'field' ? (i.label ?? i.path) : i.title}:
                    ${
                      i.state === 'answered'
                        ? msg('erledigt', { id: 'todo.item.done' })
                        : msg('nicht erledigt', { id: 'todo.item.open' })
                    }
                  </li>`,
              )}
            </ul>
          </li>`,
      )}
    </ul>`;
}

function messages(list: TodoMessage[]) {
  if (!list.length) return nothing;
  const sorted = [...list].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return html`<h3>${msg('Nachrichten', { id: 'todo.messages' })}</h3>
    <ol part="messages" class="messages">
      ${sorted.map(
        (x) =>
          html`<li class=${x.from}>
            <p class="secondary">
              <strong
                >${
                  x.from === 'staff'
                    ? msg('Jobcenter', { id: 'todo.from.staff' })
                    : msg('Sie', { id: 'todo.from.you' })
                }</strong
              >
              – <time datetime=${x.createdAt}>${instantInWords(x.createdAt)}</time>
            </p>
            <p class="text">${x.text}</p>
          </li>`,
      )}
    </ol>`;
}

/** The page with data. */
export function todoView(m: TodoModel) {
  const d = m.data;
  return html`${heading(msg('Ihre Aufgaben', { id: 'todo.heading' }))}
    <jc-error-summary part="error-summary" .errors=${m.summary}></jc-error-summary>
    <p>${msg('Stand:', { id: 'todo.status' })} <strong>${inLocale(d.statusLabel)}</strong></p>
    ${
      d.open.length
        ? html`<p>
            ${
              d.open.length === 1
                ? msg('Das Jobcenter braucht noch etwas von Ihnen.', { id: 'todo.openOne' })
                : msg(str`Das Jobcenter braucht noch etwas von Ihnen (${d.open.length} Anforderungen).`, {
                    id: 'todo.openMany',
                  })
            }
          </p>`
        : html`<p part="empty" class="empty">
            ${msg('Im Moment gibt es nichts zu tun. Wenn das Jobcenter etwas braucht, finden Sie es hier.', {
              id: 'todo.none',
            })}
          </p>`
    }
    ${d.open.map((r) => openRound(m, r))} ${timeline(d.timeline)} ${messages(d.messages)}
    ${answeredRounds(d.answered)}
    <p class="visually-hidden" role="status">${m.announcement}</p>`;
}
