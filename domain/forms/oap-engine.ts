/**
 * The OAP eServices through the form engine by service id: draft shape check, full validation,
 * completeness and the field listing staff compare with VerBIS. The work is done per definition in
 * oap-engine-core.ts (which the elements import with their own eService only); this file looks the
 * definition up among all three (the server, the review, the tests).
 */
import type { FieldError } from '../common.js';
import { fill } from './engine-core.js';
import { OAP_SERVICES, type OapServiceId } from './oap.js';
import * as core from './oap-engine-core.js';
import { formatOapValue, oapVisibleQuestions } from './oap-engine-core.js';
import type { Page, Question } from './types.js';

export { formatOapValue, oapVisibleQuestions, type OapCompleteness } from './oap-engine-core.js';

type Lang = 'de' | 'en';
type Values = Record<string, unknown>;

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

/** The pages of a service shown for these answers. */
export function oapPages(service: OapServiceId, answers: Values, date: string, lang: Lang = 'de'): Page[] {
  return core.oapPages(OAP_SERVICES[service], answers, date, lang);
}

/** Every top-level question of a service, shown or not. */
export function oapQuestions(service: OapServiceId): Question[] {
  return core.oapQuestions(OAP_SERVICES[service]);
}

/** The question of a path `<service>.<questionId>`, or undefined. */
export function oapQuestionOf(path: string): { service: OapServiceId; question: Question } | undefined {
  const [service, id, ...rest] = path.split('.');
  if (rest.length || !(service in OAP_SERVICES)) return undefined;
  const question = oapQuestions(service as OapServiceId).find((q) => q.id === id);
  return question ? { service: service as OapServiceId, question } : undefined;
}

/**
 * The autosave check: unknown fields and values of the wrong form are refused (also inside list items);
 * missing answers and content errors (a date in the future …) are fine until submission.
 */
export function checkOapDraft(service: OapServiceId, answers: Values, date: string, lang: Lang = 'de'): FieldError[] {
  return core.checkOapDraft(OAP_SERVICES[service], answers, date, lang);
}

/** The submit check: the draft check plus every shown required question (the engine's page validation). */
export function validateOapService(service: OapServiceId, answers: Values, date: string, lang: Lang = 'de'): FieldError[] {
  return core.validateOapService(OAP_SERVICES[service], answers, date, lang);
}

/** How many shown required questions are answered validly. */
export function oapCompleteness(service: OapServiceId, answers: Values, date: string): core.OapCompleteness {
  return core.oapCompleteness(OAP_SERVICES[service], answers, date);
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
