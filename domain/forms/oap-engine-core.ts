/**
 * The OAP eServices through the form engine, for one service definition: shown pages and questions, draft
 * shape check, full validation, completeness and formatted answers. Every value check is the engine's
 * `checkValue`/`validateRecord`. Takes the definition itself (oap-situation.ts, oap-cv.ts, oap-conditions.ts),
 * so an element bundles only its own eService; oap-engine.ts offers the same by service id for the server.
 */
import type { FieldError } from '../common.js';
import { checkValue, holds, validateRecord } from './engine-core.js';
import { messageOf } from './messages.js';
import type { OapService } from './oap-base.js';
import type { Page, Question } from './types.js';

type Lang = 'de' | 'en';
type Values = Record<string, unknown>;

/** Completeness of one eService: required questions shown and answered validly. */
export interface OapCompleteness {
  answered: number;
  required: number;
}

const isEmpty = (v: unknown) =>
  v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

const ctxOf = (answers: Values, date: string, lang: Lang) => ({ answers: { main: answers, members: [], anlagen: {} }, date, lang });

/** The pages of a service shown for these answers. */
export function oapPages(service: OapService, answers: Values, date: string, lang: Lang = 'de'): Page[] {
  return service.pages.filter((p) => holds(p.when, ctxOf(answers, date, lang), answers));
}

/** The questions of a page shown for these answers. */
export function oapVisibleQuestions(page: Page, answers: Values, date: string, lang: Lang = 'de'): Question[] {
  return page.questions.filter((q) => holds(q.when, ctxOf(answers, date, lang), answers));
}

/** Every top-level question of a service, shown or not. */
export function oapQuestions(service: OapService): Question[] {
  return service.pages.flatMap((p) => p.questions);
}

const err = (path: string, code: string, lang: Lang): FieldError => ({ path, code, message: messageOf(code, lang) });

/** Codes that judge content, not form: a draft may hold them until submission (e.g. a date still to correct). */
const CONTENT_CODES = new Set(['date_not_past', 'date_not_future', 'too_small', 'too_big', 'must_confirm']);

/**
 * The autosave check: unknown fields and values of the wrong form are refused (also inside list items);
 * missing answers and content errors (a date in the future …) are fine until submission. Paths are question ids, list items `<id>.<index>.<sub>`.
 */
export function checkOapDraft(service: OapService, answers: Values, date: string, lang: Lang = 'de'): FieldError[] {
  const errors: FieldError[] = [];
  const questions = new Map(oapQuestions(service).map((q) => [q.id, q]));
  for (const [key, v] of Object.entries(answers)) {
    const q = questions.get(key);
    if (!q) {
      errors.push(err(key, 'unknown_field', lang));
      continue;
    }
    if (isEmpty(v)) continue;
    const code = checkValue(q, v, date);
    if (code && !CONTENT_CODES.has(code)) {
      errors.push(err(key, code, lang));
      continue;
    }
    if (q.kind === 'list' && !code) {
      const subs = new Map((q.item ?? []).map((s) => [s.id, s]));
      (v as Values[]).forEach((item, i) => {
        for (const [sk, sv] of Object.entries(item)) {
          if (sk === 'id') {
            if (typeof sv !== 'string' || sv.length > 64) errors.push(err(`${key}.${i}.id`, 'invalid_type', lang));
            continue;
          }
          const sub = subs.get(sk);
          if (!sub) errors.push(err(`${key}.${i}.${sk}`, 'unknown_field', lang));
          else if (!isEmpty(sv)) {
            const c = checkValue(sub, sv, date);
            if (c && !CONTENT_CODES.has(c)) errors.push(err(`${key}.${i}.${sk}`, c, lang));
          }
        }
      });
    }
  }
  return errors;
}

/** The submit check: the draft check plus every shown required question (the engine's page validation). */
export function validateOapService(service: OapService, answers: Values, date: string, lang: Lang = 'de'): FieldError[] {
  const errors = checkOapDraft(service, answers, date, lang).filter((e) => e.code === 'unknown_field' || e.path.endsWith('.id'));
  for (const page of oapPages(service, answers, date, lang)) {
    for (const e of validateRecord(page, answers, date, lang)) if (!errors.some((x) => x.path === e.path)) errors.push(e);
  }
  return errors;
}

/** How many shown required questions are answered validly. */
export function oapCompleteness(service: OapService, answers: Values, date: string): OapCompleteness {
  let answered = 0;
  let required = 0;
  for (const page of oapPages(service, answers, date)) {
    for (const q of oapVisibleQuestions(page, answers, date)) {
      if (q.required === false) continue;
      required += 1;
      const v = answers[q.id];
      if (!isEmpty(v) && checkValue(q, v, date) === null) answered += 1;
    }
  }
  return { answered, required };
}

const YES_NO: Record<Lang, [string, string]> = { de: ['Ja', 'Nein'], en: ['Yes', 'No'] };

/** An answer formatted for people: option labels, dates DD.MM.YYYY, euros, list items one per `;`. */
export function formatOapValue(q: Question, v: unknown, lang: Lang = 'de'): string {
  if (isEmpty(v)) return '–';
  const option = (x: unknown) => q.options?.find((o) => o.value === x)?.label[lang] ?? String(x);
  switch (q.kind) {
    case 'yesno':
      return v === true ? YES_NO[lang][0] : v === false ? YES_NO[lang][1] : String(v);
    case 'choice':
      return option(v);
    case 'multi':
      return Array.isArray(v) ? v.map(option).join(', ') : String(v);
    case 'money':
      return typeof v === 'number' ? `${v.toLocaleString(lang === 'de' ? 'de-DE' : 'en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} €` : String(v);
    case 'date':
      return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v.slice(8, 10)}.${v.slice(5, 7)}.${v.slice(0, 4)}` : String(v);
    case 'list':
      if (!Array.isArray(v)) return String(v);
      return v
        .map((item: Values) => {
          const parts = (q.item ?? []).filter((s) => !isEmpty(item?.[s.id])).map((s) => formatOapValue(s, item[s.id], lang));
          return parts.length > 1 ? `${parts[0]} (${parts.slice(1).join(', ')})` : (parts[0] ?? '–');
        })
        .join('; ');
    default:
      return typeof v === 'string' || typeof v === 'number' ? String(v) : JSON.stringify(v);
  }
}
