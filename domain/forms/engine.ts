/**
 * The form engine: which pages, questions and Anlagen apply to these answers, what is wrong, which evidence
 * and to-dos follow. Pure functions over the declarative definition; the widget runs them on every change,
 * the server on every submit, the PDF renderer to print exactly what was asked.
 *
 * This module is the Hauptantrag-specific part (pagesFor, anlagenFor, evidenceFor, validateApplication) and
 * re-exports the definition-free core (engine-core.ts), so every existing import keeps working. Code that
 * needs no Hauptantrag imports engine-core.ts directly.
 */
import type { FieldError } from '../common.js';
// Before the core import: jc-application's bundle then keeps its module order (and its gzip size).
import { ANLAGEN, HAUPTANTRAG, MEMBER_QUESTIONS } from './hauptantrag.js';
import { legalPlaceholders } from '../legal.js';
import {
  fill,
  holds,
  householdMembers,
  isEmpty,
  isLater,
  memberMatches,
  scopeOf,
  checkValue as checkCoreValue,
  validatePage as validatePageWith,
  type IdCheck,
  valueOf,
  visibleQuestions,
  type AnlageInstance,
  type Ctx,
  type EvidenceItem,
  type Lang,
  type PageInstance,
  type TodoItem,
  type Values,
} from './engine-core.js';
import { messageOf } from './messages.js';
import { isValidIban, isValidRvnr, isValidTaxId } from './checks.js';
import type { Anlage, Answers, EvidenceRule, Question } from './types.js';

export {
  emptyAnswers,
  isLater,
  fill,
  householdMembers,
  holds,
  scopeOf,
  valueOf,
  visibleQuestions,
  withValue,
  validateRecord,
  type AnlageInstance,
  type PageInstance,
  type EvidenceItem,
  type TodoItem,
} from './engine-core.js';
export type { Answers } from './types.js';

/** The check digits of IBAN, Steuer-ID and RV-Nummer (checks.ts). */
const idCheck: IdCheck = (kind, v) => (kind === 'iban' ? isValidIban(v) : kind === 'taxId' ? isValidTaxId(v) : isValidRvnr(v));

/** Checks one answer of a Hauptantrag question (identifier check digits included). */
export function checkValue(q: Question, v: unknown, date: string): string | null {
  return checkCoreValue(q, v, date, idCheck);
}

/** Checks one page of the Hauptantrag; its to-do labels get the legal wording of the date ({benefitName}, …). */
export function validatePage(
  answers: Answers,
  p: PageInstance,
  date: string,
  lang: Lang = 'de',
): { errors: FieldError[]; todos: TodoItem[] } {
  return validatePageWith(answers, p, date, lang, legalPlaceholders(date, lang), idCheck);
}

function personName(ctx: Ctx, memberId?: string): string {
  const p = memberId ? ctx.answers.members.find((m) => m.id === memberId) : ctx.answers.main;
  const name = [p?.firstName, p?.lastName].filter((x) => typeof x === 'string' && x).join(' ');
  return name || (memberId ? (ctx.lang === 'de' ? 'weitere Person' : 'further person') : ctx.lang === 'de' ? 'Sie' : 'you');
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
