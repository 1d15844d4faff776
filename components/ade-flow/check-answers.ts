/** "Prüfen Sie Ihre Angaben": the summary list of one section or Anlage, with "Ändern" links (GOV.UK). */
import { html, nothing } from 'lit';
import { msg } from '@lit/localize';
import { fill, isLater, valueOf, visibleQuestions, type Answers } from '../../domain/forms/engine.js';
import type { Question } from '../../domain/forms/types.js';
import { legalPlaceholders } from '../../domain/legal.js';
import { formatIban, formatMoney } from '../form-page/input-format.js';
import { itemTitle, type Item } from '../form-page/list-view.js';
import { activeLocale } from '../locales/localization.js';
import type { Group } from '../controllers/flow-steps.js';

/** One answer as text: "Ja", "12.08.1990", "1.234,56 €", "Reiche ich nach", "Nicht angegeben". */
export function answerText(q: Question, v: unknown, lang: 'de' | 'en'): string {
  if (isLater(v)) return msg('Reiche ich nach', { id: 'check.later' });
  if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0))
    return msg('Nicht angegeben', { id: 'check.empty' });
  const option = (x: unknown) => q.options?.find((o) => o.value === x)?.label[lang] ?? String(x);
  switch (q.kind) {
    case 'yesno':
      return v === true ? msg('Ja', { id: 'q.yes' }) : msg('Nein', { id: 'q.no' });
    case 'choice':
      return option(v);
    case 'multi':
      return Array.isArray(v) ? v.map(option).join(', ') : String(v);
    case 'date': {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(v));
      return m ? `${m[3]}.${m[2]}.${m[1]}` : String(v);
    }
    case 'money':
      return typeof v === 'number' ? `${formatMoney(v, lang)} €` : String(v);
    case 'iban':
      return formatIban(v);
    default:
      return String(v);
  }
}

/** What the summary needs. */
export interface CheckModel {
  group: Group;
  answers: Answers;
  date: string;
  /** Opens a page to change an answer, then comes back here. */
  onChange(pageKey: string, field: string): void;
  onContinue(): void;
  onBack(): void;
}

function listAnswer(q: Question, v: unknown, lang: 'de' | 'en') {
  const items = Array.isArray(v) ? (v as Item[]) : [];
  if (!items.length) return msg('Keine Einträge', { id: 'check.noItems' });
  return html`<ul class="plain">
    ${items.map(
      (it, i) =>
        html`<li>
          <strong>${itemTitle(q, it, i, lang)}</strong>:
          ${(q.item ?? [])
            .filter((s) => it[s.id] !== undefined)
            .map((s) => `${fill(s.label, lang, {})}: ${answerText(s, it[s.id], lang)}`)
            .join('; ')}
        </li>`,
    )}
  </ul>`;
}

/** The summary list of a group; its h2 takes focus like a page title. */
export function checkAnswersView(m: CheckModel) {
  const lang = activeLocale();
  const vars = legalPlaceholders(m.date, lang);
  return html`<p class="back">
      <button type="button" part="button-secondary" class="link" @click=${m.onBack}>
        ${msg('Zurück', { id: 'flow.back' })}
      </button>
    </p>
    <h2 part="heading" tabindex="-1" data-autofocus>
      <span class="caption">${m.group.title}</span>
      ${msg('Prüfen Sie Ihre Angaben', { id: 'check.heading' })}
    </h2>
    ${m.group.pages.map((p) => {
      const qs = visibleQuestions(m.answers, p, m.date, lang);
      if (!qs.length) return nothing;
      return html`<h3>${p.title}</h3>
        <dl class="summary-list">
          ${qs.map((q) => {
            const label = fill(q.label, lang, vars);
            const v = valueOf(m.answers, p, q);
            return html`<div class="summary-row">
              <dt>${label}</dt>
              <dd>${q.kind === 'list' ? listAnswer(q, v, lang) : answerText(q, v, lang)}</dd>
              <dd class="summary-action">
                <button type="button" class="link" @click=${() => m.onChange(p.key, q.id)}>
                  ${msg('Ändern', { id: 'check.change' })}<span class="visually-hidden">: ${label}</span>
                </button>
              </dd>
            </div>`;
          })}
        </dl>`;
    })}
    <div class="actions">
      <button part="button" class="button" type="button" @click=${m.onContinue}>
        ${msg('Angaben bestätigen und weiter', { id: 'check.continue' })}
      </button>
    </div>`;
}
