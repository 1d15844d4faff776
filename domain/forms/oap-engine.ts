/**
 * The OAP eServices through the form engine: draft shape check, full validation, completeness and the
 * field listing staff compare with VerBIS. Every value check is the engine's `checkValue`/`validateRecord`;
 * this file only walks the pages of one service (answers are one flat record per service).
 */
import type { FieldError } from '../common.js';
import { checkValue, fill, holds, validateRecord } from './engine.js';
import { messageOf } from './messages.js';
import { OAP_SERVICES, type OapServiceId } from './oap.js';
import type { Page, Question } from './types.js';

type Lang = 'de' | 'en';
type Values = Record<string, unknown>;

/** Completeness of one eService: required questions shown and answered validly. */
export interface OapCompleteness {
  answered: number;
  required: number;
}

/** One shown field of an eService, with label and formatted value (for review and the VerBIS comparison). */
export interface OapField {
  /** `<service>.<questionId>`, unique across the three services. */
  path: string;
  service: OapServiceId;
  questionId: string;
  pageId: string;
  label: string;
  value: unknown;
  formatted: string;
}

const isEmpty = (v: unknown) =>
  v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

const ctxOf = (answers: Values, date: string, lang: Lang) => ({ answers: { main: answers, members: [], anlagen: {} }, date, lang });

/** The pages of a service shown for these answers. */
export function oapPages(service: OapServiceId, answers: Values, date: string, lang: Lang = 'de'): Page[] {
  return OAP_SERVICES[service].pages.filter((p) => holds(p.when, ctxOf(answers, date, lang), answers));
}

/** The questions of a page shown for these answers. */
export function oapVisibleQuestions(page: Page, answers: Values, date: string, lang: Lang = 'de'): Question[] {
  return page.questions.filter((q) => holds(q.when, ctxOf(answers, date, lang), answers));
}

/** Every top-level question of a service, shown or not. */
export function oapQuestions(service: OapServiceId): Question[] {
  return OAP_SERVICES[service].pages.flatMap((p) => p.questions);
}

/** The question of a path `<service>.<questionId>`, or undefined. */
export function oapQuestionOf(path: string): { service: OapServiceId; question: Question } | undefined {
  const [service, id, ...rest] = path.split('.');
  if (rest.length || !(service in OAP_SERVICES)) return undefined;
  const question = oapQuestions(service as OapServiceId).find((q) => q.id === id);
  return question ? { service: service as OapServiceId, question } : undefined;
}

const err = (path: string, code: string, lang: Lang): FieldError => ({ path, code, message: messageOf(code, lang) });

/** Codes that judge content, not form: a draft may hold them until submission (e.g. a date still to correct). */
const CONTENT_CODES = new Set(['date_not_past', 'date_not_future', 'too_small', 'too_big', 'must_confirm']);

/**
 * The autosave check: unknown fields and values of the wrong form are refused (also inside list items);
 * missing answers and content errors (a date in the future …) are fine until submission. Paths are question ids, list items `<id>.<index>.<sub>`.
 */
export function checkOapDraft(service: OapServiceId, answers: Values, date: string, lang: Lang = 'de'): FieldError[] {
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
export function validateOapService(service: OapServiceId, answers: Values, date: string, lang: Lang = 'de'): FieldError[] {
  const errors = checkOapDraft(service, answers, date, lang).filter((e) => e.code === 'unknown_field' || e.path.endsWith('.id'));
  for (const page of oapPages(service, answers, date, lang)) {
    for (const e of validateRecord(page, answers, date, lang)) if (!errors.some((x) => x.path === e.path)) errors.push(e);
  }
  return errors;
}

/** How many shown required questions are answered validly. */
export function oapCompleteness(service: OapServiceId, answers: Values, date: string): OapCompleteness {
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

/** The shown top-level fields of a service in page order, with labels and formatted values. */
export function oapFields(service: OapServiceId, answers: Values, date: string, lang: Lang = 'de'): OapField[] {
  const out: OapField[] = [];
  for (const page of oapPages(service, answers, date, lang)) {
    for (const q of oapVisibleQuestions(page, answers, date, lang)) {
      const value = answers[q.id];
      out.push({ path: `${service}.${q.id}`, service, questionId: q.id, pageId: page.id, label: fill(q.label, lang, {}), value: value ?? null, formatted: formatOapValue(q, value, lang) });
    }
  }
  return out;
}

/** Canonical JSON of a value (object keys sorted, multi selections order-free) for "same or changed". */
export function canonicalOapValue(v: unknown): string {
  const norm = (x: unknown): unknown => {
    if (isEmpty(x)) return null;
    if (Array.isArray(x)) return x.every((e) => typeof e === 'string') ? [...x].sort() : x.map(norm);
    if (typeof x === 'object' && x !== null) return Object.fromEntries(Object.keys(x).sort().map((k) => [k, norm((x as Values)[k])]));
    return x;
  };
  return JSON.stringify(norm(v));
}
