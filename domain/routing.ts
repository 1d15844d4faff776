/**
 * The dezentrales Regelwerk (decentralised rule set): ordered routing rules of one jobcenter.
 * First matching rule wins; no match → the default Postkorb. Pure, shared by server and admin simulation.
 */
import * as z from 'zod';
import { ageOn } from './common.js';
import { WORK_ITEM_TYPES, type WorkItemType } from './work-item.js';

const letter = z.string().regex(/^[A-Z]$/);

/** Conditions of one rule; every given condition must hold (AND); an empty condition matches all. */
export const ruleCondition = z.strictObject({
  types: z.array(z.enum(WORK_ITEM_TYPES)).min(1).optional(),
  /** Inclusive range of the surname's first letter (after folding diacritics), e.g. A–K. */
  surnameFrom: letter.optional(),
  surnameTo: letter.optional(),
  /** Applicant younger than this age on the date of application (e.g. 25, U25 team). */
  ageUnder: z.number().int().min(1).max(130).optional(),
  /** Applicant at least this age. */
  ageFrom: z.number().int().min(0).max(130).optional(),
  /** Postal code prefixes, e.g. ["0012", "00130"]. */
  plzPrefixes: z.array(z.string().regex(/^\d{1,5}$/)).min(1).optional(),
  /** Preferred contact languages (ISO 639-1). */
  languages: z.array(z.string().regex(/^[a-z]{2}$/)).min(1).optional(),
  /** Anlage codes (e.g. ["KDU", "EKS"]): at least one of them is part of the application (ADE only). */
  anlagen: z.array(z.string().regex(/^[A-Z0-9]{2,4}$/)).min(1).optional(),
});
/** Rule condition type. */
export type RuleCondition = z.infer<typeof ruleCondition>;

/** One routing rule. */
export const routingRule = z.object({
  id: z.string(),
  name: z.string(),
  position: z.number().int(),
  condition: ruleCondition,
  postkorbId: z.string(),
});
/** Routing rule type. */
export type RoutingRule = z.infer<typeof routingRule>;

/** What the rules look at. */
export interface RoutingSubject {
  type: WorkItemType;
  surname: string;
  birthDate: string;
  postalCode: string;
  language: string;
  /** Date of application (YYYY-MM-DD): ages are computed on it. */
  applicationDate: string;
  /** Anlage codes of the application (ADE); absent for other work items. */
  anlagen?: readonly string[];
}

/** First letter of a surname folded to A–Z (Ä→A, Ł→L, ß→S); '' when it is not a Latin letter. */
export function surnameInitial(surname: string): string {
  const first = surname
    .trim()
    .replace(/^(von|van|de|del|der|zu|vom|von der|van der)\s+/i, '')
    .charAt(0);
  const folded = first
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[Łł]/, 'L')
    .replace(/[Øø]/, 'O')
    .replace(/ß/, 'S')
    .toUpperCase();
  return /^[A-Z]$/.test(folded) ? folded : '';
}

// The last surname's initial: a subject is checked against many rules in a row (PERF-05).
let lastSurname: string | undefined;
let lastInitial = '';
const initialOf = (surname: string) => (surname === lastSurname ? lastInitial : ((lastSurname = surname), (lastInitial = surnameInitial(surname))));

/** True when the subject satisfies every condition of the rule. */
export function matches(condition: RuleCondition, s: RoutingSubject): boolean {
  if (condition.types && !condition.types.includes(s.type)) return false;
  if (condition.surnameFrom || condition.surnameTo) {
    const initial = initialOf(s.surname);
    if (!initial) return false;
    if (condition.surnameFrom && initial < condition.surnameFrom) return false;
    if (condition.surnameTo && initial > condition.surnameTo) return false;
  }
  if (condition.ageUnder !== undefined || condition.ageFrom !== undefined) {
    const age = ageOn(s.birthDate, s.applicationDate);
    if (condition.ageUnder !== undefined && age >= condition.ageUnder) return false;
    if (condition.ageFrom !== undefined && age < condition.ageFrom) return false;
  }
  if (condition.plzPrefixes && !condition.plzPrefixes.some((p) => s.postalCode.startsWith(p))) return false;
  if (condition.languages && !condition.languages.includes(s.language)) return false;
  if (condition.anlagen && !condition.anlagen.some((a) => s.anlagen?.includes(a))) return false;
  return true;
}

/** Routes a subject: the first matching rule by position, or null (→ default Postkorb). */
export function route(rules: readonly RoutingRule[], s: RoutingSubject): RoutingRule | null {
  // Rules come sorted from the loader: sorting 1,000 rules per item would dominate routing (PERF-05).
  const sorted = rules.every((r, i) => i === 0 || rules[i - 1].position <= r.position);
  const ordered = sorted ? rules : [...rules].sort((a, b) => a.position - b.position);
  return ordered.find((r) => matches(r.condition, s)) ?? null;
}
