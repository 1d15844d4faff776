/**
 * A repeat question (household members, bank accounts) as a list of item cards with their sub-questions
 * ("add another" pattern). Items carry a stable random `id`; adding moves focus to the new item's first
 * field, removing to the next item (or the add button); both are announced politely.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str } from '@lit/localize';
import { fill, holds, type Answers } from '../../domain/forms/engine-core.js';
import type { Question } from '../../domain/forms/types.js';
import { randomKey } from '../api/idempotency.js';
import { renderQuestion, type QuestionHost } from './question-view.js';
import { registerListRenderer } from './form-page.js';

/** A list item as stored. */
export type Item = { id: string } & Record<string, unknown>;

/** What a list needs from its page beyond a single question. */
export interface ListHost extends QuestionHost {
  answers: Answers;
  date: string;
  memberId?: string;
  /** Moves focus to the element with this id once the page has rendered the change. */
  focusAfterUpdate(id: string): void;
  announce(text: string): void;
}

/** "Person 2: Erika Mustermann" – the number and the item's first text answers. */
export function itemTitle(q: Question, item: Item, index: number, lang: 'de' | 'en'): string {
  const base = `${q.itemLabel ? fill(q.itemLabel, lang, {}) : ''} ${index + 1}`.trim();
  const names = (q.item ?? [])
    .filter((s) => s.kind === 'text' && typeof item[s.id] === 'string' && (item[s.id] as string).trim())
    .slice(0, 2)
    .map((s) => (item[s.id] as string).trim());
  return names.length ? `${base}: ${names.join(' ')}` : base;
}

/** The list question: its legend, the item cards, the add button (the error summary links to it). */
export function renderList(
  h: ListHost,
  q: Question,
  value: unknown,
  set: (items: Item[]) => void,
): TemplateResult {
  const items = Array.isArray(value) ? (value as Item[]) : [];
  const label = fill(q.label, h.lang, h.vars);
  const noun = q.itemLabel ? fill(q.itemLabel, h.lang, {}) : msg('Eintrag', { id: 'list.item' });
  const error = h.error(q.id);
  const full = items.length >= (q.maxItems ?? 20);
  const ctx = { answers: h.answers, date: h.date, lang: h.lang };

  const add = () => {
    if (full) return;
    const item: Item = { id: randomKey() };
    set([...items, item]);
    const first = (q.item ?? []).find((s) => holds(s.when, ctx, item, h.memberId));
    h.focusAfterUpdate(first ? `${q.id}.${items.length}.${first.id}` : `${q.id}.${item.id}.h`);
    h.announce(msg(str`${noun} ${items.length + 1} hinzugefügt.`, { id: 'list.added' }));
  };
  const remove = (index: number) => {
    const title = itemTitle(q, items[index], index, h.lang);
    const rest = items.filter((_, i) => i !== index);
    set(rest);
    const next = rest[index] ?? rest[index - 1];
    h.focusAfterUpdate(next ? `${q.id}.${next.id}.h` : q.id);
    h.announce(msg(str`${title} entfernt.`, { id: 'list.removed' }));
  };
  const setSub = (index: number, id: string, v: unknown) =>
    set(items.map((it, i) => (i === index ? { ...it, [id]: v } : it)));

  return html`<fieldset class="fieldset list">
    <legend>${label}</legend>
    ${q.hint ? html`<p class="hint">${fill(q.hint, h.lang, h.vars)}</p>` : nothing}
    ${error ? html`<p class="error-message" id="${q.id}.error">${error}</p>` : nothing}
    ${
      items.length
        ? html`<ol class="cards">
            ${repeat(
              items,
              (it) => it.id,
              (it, i) =>
                html`<li class="card">
                  <div role="group" aria-labelledby="${q.id}.${it.id}.h">
                    <h3 id="${q.id}.${it.id}.h" tabindex="-1">${itemTitle(q, it, i, h.lang)}</h3>
                    ${(q.item ?? [])
                      .filter((s) => holds(s.when, ctx, it, h.memberId))
                      .map((s) =>
                        renderQuestion(h, s, `${q.id}.${i}.${s.id}`, it[s.id], (v) => setSub(i, s.id, v)),
                      )}
                    <button type="button" class="button button--secondary" @click=${() => remove(i)}>
                      ${msg(str`${itemTitle(q, it, i, h.lang)} entfernen`, { id: 'list.remove' })}
                    </button>
                  </div>
                </li>`,
            )}
          </ol>`
        : html`<p class="secondary">${msg('Noch keine Einträge.', { id: 'list.empty' })}</p>`
    }
    <button
      type="button"
      id=${q.id}
      class="button button--secondary"
      aria-disabled=${full ? 'true' : 'false'}
      aria-describedby=${error ? `${q.id}.error` : nothing}
      @click=${add}
    >
      ${msg(str`${noun} hinzufügen`, { id: 'list.add' })}
    </button>
    ${full ? html`<p class="secondary">${msg('Mehr Einträge sind nicht möglich.', { id: 'list.full' })}</p>` : nothing}
  </fieldset>`;
}

registerListRenderer(renderList);
