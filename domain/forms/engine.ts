/**
 * The form engine: which pages, questions and Anlagen apply to these answers, what is wrong, which evidence
 * and to-dos follow. Pure functions over the declarative definition; the widget runs them on every change,
 * the server on every submit, the PDF renderer to print exactly what was asked.
 */
import type { FieldError } from '../common.js';
import { ageOn, isCleanText } from '../text.js';
import { legalPlaceholders } from '../legal.js';
import { isValidIban, isValidRvnr, isValidTaxId } from './checks.js';
import { ANLAGEN, HAUPTANTRAG, MEMBER_QUESTIONS } from './hauptantrag.js';
import { messageOf } from './messages.js';
import type { Anlage, Answers, Cond, EvidenceRule, MemberFilter, Page, Question, Text } from './types.js';

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

type Lang = 'de' | 'en';
type Values = Record<string, unknown>;

/** True for a "hand in later" answer. */
export const isLater = (v: unknown): boolean => typeof v === 'object' && v !== null && (v as { later?: unknown }).later === true;
const isEmpty = (v: unknown) =>
  v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

/** Fills `{name}` placeholders. */
export function fill(text: Text, lang: Lang, vars: Record<string, string>): string {
  return text[lang].replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);
}

/** Everything conditions and texts look at. */
interface Ctx {
  answers: Answers;
  date: string;
  lang: Lang;
}

function applicantAge(ctx: Ctx): number | undefined {
  const b = ctx.answers.main.birthDate;
  return typeof b === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(b) ? ageOn(b, ctx.date) : undefined;
}

function memberAge(ctx: Ctx, m: Values): number | undefined {
  return typeof m.birthDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(m.birthDate) ? ageOn(m.birthDate, ctx.date) : undefined;
}

/** Household members count only when the applicant does not live alone. */
export function householdMembers(answers: Answers): Answers['members'] {
  return answers.main.livesAlone === false ? answers.members : [];
}

function personName(ctx: Ctx, memberId?: string): string {
  const p = memberId ? ctx.answers.members.find((m) => m.id === memberId) : ctx.answers.main;
  const name = [p?.firstName, p?.lastName].filter((x) => typeof x === 'string' && x).join(' ');
  return name || (memberId ? (ctx.lang === 'de' ? 'weitere Person' : 'further person') : ctx.lang === 'de' ? 'Sie' : 'you');
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

function inAge(age: number | undefined, from?: number, under?: number): boolean {
  if (age === undefined) return false;
  return (from === undefined || age >= from) && (under === undefined || age < under);
}

function memberMatches(ctx: Ctx, m: Values, f: MemberFilter): boolean {
  if (f.relationships && !f.relationships.includes(m.relationship as never)) return false;
  if ((f.ageFrom !== undefined || f.ageUnder !== undefined) && !inAge(memberAge(ctx, m), f.ageFrom, f.ageUnder)) return false;
  if ((f.applicantAgeFrom !== undefined || f.applicantAgeUnder !== undefined) && !inAge(applicantAge(ctx), f.applicantAgeFrom, f.applicantAgeUnder)) return false;
  return true;
}

/** The Anlagen these answers call for, in definition order (base triggers first, then those on Anlage answers). */
export function anlagenFor(answers: Answers, date: string, lang: Lang = 'de'): AnlageInstance[] {
  const ctx: Ctx = { answers, date, lang };
  const members = householdMembers(answers);
  const out: AnlageInstance[] = [];
  const add = (a: Anlage, memberId?: string) => {
    const key = a.scope === 'person' ? `${a.code}:${memberId ?? 'applicant'}` : a.code;
    if (out.some((x) => x.key === key)) return;
    const title = a.scope === 'person' ? `${fill(a.title, lang, {})} – ${personName(ctx, memberId)}` : fill(a.title, lang, {});
    out.push({ key, code: a.code, ...(memberId ? { memberId } : {}), title });
  };
  for (const pass of [1, 2]) {
    for (const a of ANLAGEN) {
      for (const t of a.triggers) {
        if (Boolean(t.memberAnlage) !== (pass === 2)) continue;
        if (t.for === 'once') {
          if ((t.when && holds(t.when, ctx, answers.main)) || (t.anyMember && members.some((m) => memberMatches(ctx, m, t.anyMember!)))) add(a);
          else if (!t.when && !t.anyMember) add(a);
        } else if (t.for === 'applicant') {
          if (holds(t.when, ctx, answers.main)) add(a);
        } else {
          for (const m of members) {
            if (t.member && !memberMatches(ctx, m, t.member)) continue;
            if (t.memberAnlage) {
              const said = out.some((x) => x.memberId === m.id && t.memberAnlage!.codes.includes(x.code) && holds(t.memberAnlage!.cond, ctx, answers.anlagen[x.key] ?? {}, m.id));
              if (!said) continue;
            }
            add(a, m.id);
          }
        }
      }
    }
  }
  const order = new Map(ANLAGEN.map((a, i) => [a.code, i]));
  return out.sort((x, y) => order.get(x.code)! - order.get(y.code)!);
}

/** Every page the applicant sees, in order: sections A–I (visible pages only), then each Anlage instance. */
export function pagesFor(answers: Answers, date: string, lang: Lang = 'de'): PageInstance[] {
  const ctx: Ctx = { answers, date, lang };
  const vars = legalPlaceholders(date, lang);
  const pages: PageInstance[] = [];
  const main = (final: boolean) => {
    for (const s of HAUPTANTRAG.filter((x) => Boolean(x.final) === final)) {
      for (const p of s.pages) {
        if (holds(p.when, ctx, answers.main)) pages.push({ key: `main/${p.id}`, page: p, group: s.id, groupTitle: fill(s.title, lang, vars), title: fill(p.title, lang, vars) });
      }
    }
  };
  main(false);
  for (const inst of anlagenFor(answers, date, lang)) {
    const a = ANLAGEN.find((x) => x.code === inst.code)!;
    const scope = answers.anlagen[inst.key] ?? {};
    for (const p of a.pages) {
      if (holds(p.when, ctx, scope, inst.memberId)) {
        const person = { ...vars, person: personName(ctx, inst.memberId) };
        pages.push({ key: `${inst.key}/${p.id}`, page: p, group: inst.key, groupTitle: inst.title, title: fill(p.title, lang, person), anlage: inst });
      }
    }
  }
  main(true);
  return pages;
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

/** The error code for one answer of a question, or null when fine. Empty answers are handled by the caller. */
export function checkValue(q: Question, v: unknown, date: string): string | null {
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
      return typeof v === 'string' && isValidIban(v) ? null : 'invalid_iban';
    case 'taxId':
      return typeof v === 'string' && isValidTaxId(v) ? null : 'invalid_tax_id';
    case 'rvnr':
      return typeof v === 'string' && isValidRvnr(v) ? null : 'invalid_rvnr';
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

/** Checks the visible questions of one page; returns field errors with full paths and the page's to-dos. */
export function validatePage(answers: Answers, p: PageInstance, date: string, lang: Lang = 'de'): { errors: FieldError[]; todos: TodoItem[] } {
  const errors: FieldError[] = [];
  const todos: TodoItem[] = [];
  const base = p.anlage ? `anlagen.${p.anlage.key}` : 'main';
  const vars = legalPlaceholders(date, lang);
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
    const code = checkValue(q, v, date);
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

function evidenceOf(rules: readonly EvidenceRule[] | undefined, ctx: Ctx, scope: Values, idBase: string, vars: Record<string, string>, p: PageInstance | undefined, memberId?: string): EvidenceItem[] {
  return (rules ?? [])
    .filter((r) => holds(r.when, ctx, scope, memberId))
    .map((r) => ({
      id: `${r.code}:${idBase}`,
      code: r.code,
      title: fill(r.title, ctx.lang, vars),
      ...(memberId ? { memberId } : {}),
      ...(p?.anlage ? { anlageKey: p.anlage.key } : {}),
    }));
}

/** The evidence checklist for these answers: per question rule, per Anlage, per list item. */
export function evidenceFor(answers: Answers, date: string, lang: Lang = 'de'): EvidenceItem[] {
  const ctx: Ctx = { answers, date, lang };
  const items: EvidenceItem[] = [];
  const pages = pagesFor(answers, date, lang);
  for (const p of pages) {
    const memberId = p.anlage?.memberId;
    const vars = { ...legalPlaceholders(date, lang), person: personName(ctx, memberId) };
    const scope = scopeOf(answers, p);
    const scopeKey = p.anlage?.key ?? 'applicant';
    for (const q of visibleQuestions(answers, p, date, lang)) {
      const v = valueOf(answers, p, q);
      if (isEmpty(v) || isLater(v)) continue;
      items.push(...evidenceOf(q.evidence, ctx, scope, scopeKey, vars, p, memberId));
      if (q.kind === 'list' && Array.isArray(v) && q.id !== 'members') {
        for (const item of v as Values[]) {
          const first = q.item?.find((s) => s.kind === 'text');
          const label = first && typeof item[first.id] === 'string' ? (item[first.id] as string) : '';
          items.push(...evidenceOf(q.itemEvidence, ctx, item, `${scopeKey}:${String(item.id)}`, { ...vars, label }, p, memberId));
        }
      }
    }
  }
  for (const inst of anlagenFor(answers, date, lang)) {
    const a = ANLAGEN.find((x) => x.code === inst.code)!;
    const vars = { ...legalPlaceholders(date, lang), person: personName(ctx, inst.memberId) };
    const pseudo = pages.find((p) => p.anlage?.key === inst.key);
    items.push(...evidenceOf(a.evidence, ctx, answers.anlagen[inst.key] ?? {}, inst.key, vars, pseudo, inst.memberId));
  }
  const seen = new Set<string>();
  return items.filter((i) => (seen.has(i.id) ? false : (seen.add(i.id), true)));
}

/** Keys of the main form the definition knows (unknown keys in a submission are rejected). */
function knownMainKeys(): Set<string> {
  return new Set(HAUPTANTRAG.flatMap((s) => s.pages.flatMap((p) => p.questions.map((q) => q.id))));
}

/** The whole check of a submission: errors (incl. unknown fields), Anlagen, evidence and to-dos. */
export function validateApplication(answers: Answers, applicationDate: string, lang: Lang = 'de') {
  const errors: FieldError[] = [];
  const todos: TodoItem[] = [];
  const known = knownMainKeys();
  for (const k of Object.keys(answers.main)) if (!known.has(k)) errors.push({ path: `main.${k}`, code: 'unknown_field', message: messageOf('unknown_field', lang) });
  const memberKeys = new Set(['id', ...MEMBER_QUESTIONS.map((q) => q.id)]);
  answers.members.forEach((m, i) => {
    for (const k of Object.keys(m)) if (!memberKeys.has(k)) errors.push({ path: `members.${i}.${k}`, code: 'unknown_field', message: messageOf('unknown_field', lang) });
  });
  for (const p of pagesFor(answers, applicationDate, lang)) {
    const r = validatePage(answers, p, applicationDate, lang);
    errors.push(...r.errors);
    todos.push(...r.todos);
    if (p.anlage) {
      const knownHere = new Set(ANLAGEN.find((a) => a.code === p.anlage!.code)!.pages.flatMap((pg) => pg.questions.map((q) => q.id)));
      for (const k of Object.keys(scopeOf(answers, p))) {
        const path = `anlagen.${p.anlage.key}.${k}`;
        if (!knownHere.has(k) && !errors.some((e) => e.path === path)) errors.push({ path, code: 'unknown_field', message: messageOf('unknown_field', lang) });
      }
    }
  }
  return { errors, anlagen: anlagenFor(answers, applicationDate, lang), evidence: evidenceFor(answers, applicationDate, lang), todos };
}
