/**
 * The core of the form engine: conditions, shown questions, value checks and page validation over any
 * declarative page (the Hauptantrag's, an Anlage's, the TdA step's, an OAP eService's). It knows no form
 * definition: the Hauptantrag-specific part (which pages and Anlagen apply, evidence, the whole
 * submission check) is engine.ts, which re-exports all of this. Code that needs no Hauptantrag (the OAP
 * eServices) imports this module, so its bundle does not carry the Hauptantrag and the Anlagen.
 */
import type { FieldError } from '../common.js';
import { ageOn, isCleanText } from '../text.js';
import { messageOf } from './messages.js';
import type { Answers, Cond, MemberFilter, Page, Question, Text } from './types.js';

export type { Answers } from './types.js';

/** An empty application. */
export const emptyAnswers = (): Answers => ({ main: {}, members: [], anlagen: {} });

/** A computed Anlage instance, e.g. WEP for one member. */
export interface AnlageInstance {
  key: string;
  code: string;
  memberId?: string;
  title: string;
}

/** A page as the applicant meets it: in the main form or in one Anlage instance. */
export interface PageInstance {
  key: string;
  page: Page;
  /** Section id (A–I) or Anlage code, for the progress overview. */
  group: string;
  groupTitle: string;
  title: string;
  anlage?: AnlageInstance;
}

/** A document to hand in. */
export interface EvidenceItem {
  id: string;
  code: string;
  title: string;
  memberId?: string;
  anlageKey?: string;
}

/** An answer given as "reiche ich nach". */
export interface TodoItem {
  path: string;
  label: string;
}

export type Lang = 'de' | 'en';
export type Values = Record<string, unknown>;

/** True for a "hand in later" answer. */
export const isLater = (v: unknown): boolean => typeof v === 'object' && v !== null && (v as { later?: unknown }).later === true;
export const isEmpty = (v: unknown) =>
  v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

/** Fills `{name}` placeholders. */
export function fill(text: Text, lang: Lang, vars: Record<string, string>): string {
  return text[lang].replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);
}

/** Everything conditions and texts look at. */
export interface Ctx {
  answers: Answers;
  date: string;
  lang: Lang;
}

export function applicantAge(ctx: Ctx): number | undefined {
  const b = ctx.answers.main.birthDate;
  return typeof b === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(b) ? ageOn(b, ctx.date) : undefined;
}

export function memberAge(ctx: Ctx, m: Values): number | undefined {
  return typeof m.birthDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(m.birthDate) ? ageOn(m.birthDate, ctx.date) : undefined;
}

/** Household members count only when the applicant does not live alone. */
export function householdMembers(answers: Answers): Answers['members'] {
  return answers.main.livesAlone === false ? answers.members : [];
}

/** Evaluates a condition in a scope (an Anlage's answers or the main form). */
export function holds(cond: Cond | undefined, ctx: Ctx, scope: Values, memberId?: string): boolean {
  if (!cond) return true;
  if ('all' in cond) return cond.all.every((c) => holds(c, ctx, scope, memberId));
  if ('any' in cond) return cond.any.some((c) => holds(c, ctx, scope, memberId));
  if ('not' in cond) return !holds(cond.not, ctx, scope, memberId);
  if ('applicantAge' in cond) return inAge(applicantAge(ctx), cond.applicantAge.from, cond.applicantAge.under);
  if ('person' in cond) {
    const m = memberId ? ctx.answers.members.find((x) => x.id === memberId) : undefined;
    const age = m ? memberAge(ctx, m) : applicantAge(ctx);
    return inAge(age, cond.person.ageFrom, cond.person.ageUnder);
  }
  const [where, id] = cond.q.startsWith('main:') ? [ctx.answers.main, cond.q.slice(5)] : [scope, cond.q];
  const v = where[id];
  if ('eq' in cond) return v === cond.eq;
  if ('in' in cond) return cond.in.includes(v as never);
  return Array.isArray(v) && v.includes(cond.has);
}

export function inAge(age: number | undefined, from?: number, under?: number): boolean {
  if (age === undefined) return false;
  return (from === undefined || age >= from) && (under === undefined || age < under);
}

export function memberMatches(ctx: Ctx, m: Values, f: MemberFilter): boolean {
  if (f.relationships && !f.relationships.includes(m.relationship as never)) return false;
  if ((f.ageFrom !== undefined || f.ageUnder !== undefined) && !inAge(memberAge(ctx, m), f.ageFrom, f.ageUnder)) return false;
  if ((f.applicantAgeFrom !== undefined || f.applicantAgeUnder !== undefined) && !inAge(applicantAge(ctx), f.applicantAgeFrom, f.applicantAgeUnder)) return false;
  return true;
}

/** The answers a page reads and writes. */
export function scopeOf(answers: Answers, p: PageInstance): Values {
  return p.anlage ? (answers.anlagen[p.anlage.key] ?? {}) : answers.main;
}

/** The value of a question in a scope; the main form's `members` list lives in `answers.members`. */
export function valueOf(answers: Answers, p: PageInstance, q: Question): unknown {
  return !p.anlage && q.id === 'members' ? answers.members : scopeOf(answers, p)[q.id];
}

/** Questions of a page that are shown for these answers. */
export function visibleQuestions(answers: Answers, p: PageInstance, date: string, lang: Lang = 'de'): Question[] {
  const ctx: Ctx = { answers, date, lang };
  return p.page.questions.filter((q) => holds(q.when, ctx, scopeOf(answers, p), p.anlage?.memberId));
}

/** Returns a new Answers with one value set (immutable; the widget's state stays comparable). */
export function withValue(answers: Answers, p: PageInstance, id: string, value: unknown): Answers {
  if (!p.anlage && id === 'members') return { ...answers, members: value as Answers['members'] };
  if (!p.anlage) return { ...answers, main: { ...answers.main, [id]: value } };
  const key = p.anlage.key;
  return { ...answers, anlagen: { ...answers.anlagen, [key]: { ...(answers.anlagen[key] ?? {}), [id]: value } } };
}

/** Check-digit tests of the identifier kinds only the Hauptantrag asks (engine.ts passes checks.ts). */
export type IdCheck = (kind: 'iban' | 'taxId' | 'rvnr', value: string) => boolean;

const ID_CODES = { iban: 'invalid_iban', taxId: 'invalid_tax_id', rvnr: 'invalid_rvnr' } as const;

/**
 * The error code for one answer of a question, or null when fine. Empty answers are handled by the caller.
 * Without `idCheck` an IBAN, Steuer-ID or RV-Nummer is never accepted (forms without them leave checks.ts out).
 */
export function checkValue(q: Question, v: unknown, date: string, idCheck?: IdCheck): string | null {
  switch (q.kind) {
    case 'text':
    case 'textarea':
      if (typeof v !== 'string') return 'invalid_type';
      if (v.length > (q.max ?? (q.kind === 'text' ? 120 : 2000))) return 'too_long';
      return isCleanText(q.kind === 'textarea' ? v.replace(/[\n\t]/g, ' ') : v) ? null : 'invalid_characters';
    case 'date': {
      if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return 'invalid_date';
      const d = new Date(`${v}T00:00:00Z`);
      if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v || v < '1900-01-01' || v > '2100-12-31') return 'invalid_date';
      if (q.date === 'past' && v > date) return 'date_not_past';
      if (q.date === 'future' && v < date) return 'date_not_future';
      return null;
    }
    case 'yesno':
      if (typeof v !== 'boolean') return 'invalid_type';
      return q.accept && v !== true ? 'must_confirm' : null;
    case 'choice':
      return q.options?.some((o) => o.value === v) ? null : 'invalid_option';
    case 'multi':
      return Array.isArray(v) && v.every((x) => q.options?.some((o) => o.value === x)) && new Set(v).size === v.length ? null : 'invalid_option';
    case 'number':
    case 'money': {
      if (typeof v !== 'number' || !Number.isFinite(v)) return q.kind === 'money' ? 'invalid_money' : 'invalid_number';
      if (q.kind === 'number' && !Number.isInteger(v)) return 'invalid_number';
      if (q.kind === 'money' && Math.round(v * 100) !== v * 100 && Math.abs(Math.round(v * 100) - v * 100) > 1e-6) return 'invalid_money';
      if (v < (q.min ?? 0)) return 'too_small';
      if (v > (q.max ?? 10_000_000)) return 'too_big';
      return null;
    }
    case 'iban':
    case 'taxId':
    case 'rvnr':
      return typeof v === 'string' && idCheck?.(q.kind, v) ? null : ID_CODES[q.kind];
    case 'email':
      return typeof v === 'string' && v.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v) ? null : 'invalid_email';
    case 'phone':
      return typeof v === 'string' && /^\+?[0-9 ()/-]{5,30}$/.test(v) ? null : 'invalid_phone';
    case 'plz':
      return typeof v === 'string' && /^\d{5}$/.test(v) ? null : 'invalid_plz';
    case 'list':
      if (!Array.isArray(v) || !v.every((x) => typeof x === 'object' && x !== null && typeof (x as Values).id === 'string')) return 'invalid_type';
      return v.length > (q.maxItems ?? 20) ? 'too_many' : null;
  }
}

/** Checks a flat record against a standalone page (e.g. the TdA step); paths are the question ids. */
export function validateRecord(page: Page, values: Record<string, unknown>, date: string, lang: Lang = 'de'): FieldError[] {
  const answers: Answers = { main: values, members: [], anlagen: {} };
  const p: PageInstance = { key: page.id, page, group: page.id, groupTitle: '', title: '' };
  return validatePage(answers, p, date, lang).errors.map((e) => ({ ...e, path: e.path.replace(/^main\./, '') }));
}

/**
 * Checks the visible questions of one page; returns field errors with full paths and the page's to-dos
 * (labels filled with `vars`: the Hauptantrag's legal placeholders and its `idCheck` come from engine.ts).
 */
export function validatePage(
  answers: Answers,
  p: PageInstance,
  date: string,
  lang: Lang = 'de',
  vars: Record<string, string> = {},
  idCheck?: IdCheck,
): { errors: FieldError[]; todos: TodoItem[] } {
  const errors: FieldError[] = [];
  const todos: TodoItem[] = [];
  const base = p.anlage ? `anlagen.${p.anlage.key}` : 'main';
  const check = (q: Question, v: unknown, path: string, scope: Values) => {
    if (isLater(v)) {
      if (q.allowLater) todos.push({ path, label: fill(q.label, lang, vars) });
      else errors.push({ path, code: 'later_not_allowed', message: messageOf('later_not_allowed', lang) });
      return;
    }
    if (q.accept && v !== true) {
      errors.push({ path, code: 'must_confirm', message: messageOf('must_confirm', lang) });
      return;
    }
    if (isEmpty(v)) {
      if (q.required !== false) errors.push({ path, code: 'required', message: messageOf('required', lang) });
      return;
    }
    const code = checkValue(q, v, date, idCheck);
    if (code) {
      errors.push({ path, code, message: messageOf(code, lang) });
      return;
    }
    if (q.kind === 'list') {
      (v as Values[]).forEach((item, i) => {
        for (const sub of q.item ?? []) {
          if (holds(sub.when, { answers, date, lang }, item, p.anlage?.memberId)) check(sub, item[sub.id], `${path}.${i}.${sub.id}`, item);
        }
      });
    }
    void scope;
  };
  for (const q of visibleQuestions(answers, p, date, lang)) {
    const isMembers = !p.anlage && q.id === 'members';
    check(q, valueOf(answers, p, q), isMembers ? 'members' : `${base}.${q.id}`, scopeOf(answers, p));
  }
  return { errors, todos };
}
