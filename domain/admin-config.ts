/**
 * One jobcenter's configuration as a single exchangeable document (domain.md §2 "Configuration"), plus the pure
 * checks the admin editor and the server share: rule-set validation (missing default Postkorb, unknown targets,
 * unreachable rules), origin rules, a readable diff and the routing simulation trace.
 */
import * as z from 'zod';
import { IBD_TYPES, ibdVersionInput, type IbdType } from './ibd.js';
import { jobcenterContact, MODULES } from './jobcenter.js';
import { matches, route, ruleCondition, surnameInitial, type RuleCondition, type RoutingRule, type RoutingSubject } from './routing.js';
import { ageOn } from './text.js';
import { WORK_ITEM_TYPES } from './work-item.js';

/** The themes in themes/ an admin can pick. */
export const THEMES = ['default', 'musterstadt', 'beispielkreis', 'hafenstadt', 'bergland-sued', 'exempelkreis', 'dark', 'high-contrast'] as const;

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { message: 'invalid_format' });

/** A Postkorb (inbox) in the configuration. */
export const postkorbConfig = z.strictObject({ id: slug, name: z.string().trim().min(1).max(120), isDefault: z.boolean() });
/** Postkorb configuration type. */
export type PostkorbConfig = z.infer<typeof postkorbConfig>;

/** A routing rule in the configuration; its place in the list is its order. */
export const ruleConfig = z.strictObject({ id: slug, name: z.string().trim().min(1).max(200), condition: ruleCondition, postkorbId: slug });
/** Rule configuration type. */
export type RuleConfig = z.infer<typeof ruleConfig>;

/** PUT …/rules: the ordered rules with the Postkörbe they point to. */
export const rulesInput = z.strictObject({ postkoerbe: z.array(postkorbConfig).min(1).max(200), rules: z.array(ruleConfig).max(2000) });
/** PUT …/origins. */
export const originsInput = z.strictObject({ allowedOrigins: z.array(z.string().max(200)).max(50) });
/** PUT …/theme. */
export const themeInput = z.strictObject({ theme: z.enum(THEMES) });
/** POST …/feedback. */
export const feedbackInput = z.strictObject({ text: z.string().trim().min(1).max(4000) });

/**
 * One IBD text version in the document; validated exactly like POST …/ibd (`ibdVersionInput`). The document lists the
 * version in force on export day and the future ones; on approval only changed entries become new versions.
 */
export const ibdConfig = ibdVersionInput;
/** IBD entry type. */
export type IbdConfig = z.infer<typeof ibdConfig>;

/** The schema version export writes; version 1 (no `ibd`) still imports and leaves the IBD texts unchanged. */
export const CONFIG_SCHEMA_VERSION = 2;

/** The exchangeable document of one jobcenter's configuration. */
export const jobcenterConfig = z
  .strictObject({
  schema: z.literal('urn:jc:jobcenter-config'),
  schemaVersion: z.union([z.literal(1), z.literal(2)]),
  jobcenterId: slug,
  exportedAt: z.string(),
  postkoerbe: z.array(postkorbConfig).min(1).max(200),
  rules: z.array(ruleConfig).max(2000),
  allowedOrigins: z.array(z.string().max(200)).max(50),
  modules: z.record(z.enum(MODULES), z.boolean()),
  theme: z.enum(THEMES),
  contact: jobcenterContact,
  /** Since schema version 2 (required there, absent in version 1). */
  ibd: z.array(ibdConfig).max(300).optional(),
  })
  .superRefine((d, ctx) => {
    if (d.schemaVersion === 1 && d.ibd !== undefined) ctx.addIssue({ code: 'custom', path: ['ibd'], message: 'not_in_schema_version_1' });
    if (d.schemaVersion === 2 && d.ibd === undefined) ctx.addIssue({ code: 'custom', path: ['ibd'], message: 'required' });
  });
/** Configuration document type. */
export type JobcenterConfig = z.infer<typeof jobcenterConfig>;

/** POST …/simulate: a sample subject, optionally against an unsaved rule set. */
export const simulateInput = z.strictObject({
  subject: z.strictObject({
    type: z.enum(WORK_ITEM_TYPES),
    surname: z.string().max(100),
    birthDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    postalCode: z.string().regex(/^\d{5}$/),
    language: z.string().regex(/^[a-z]{2}$/),
    applicationDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    anlagen: z.array(z.string().regex(/^[A-Z0-9]{2,4}$/)).max(30).optional(),
  }),
  rules: z.array(ruleConfig).max(2000).optional(),
  postkoerbe: z.array(postkorbConfig).max(200).optional(),
});

/** One problem of a rule set (422 body `problems`). */
export interface RuleSetProblem {
  code:
    | 'no-default'
    | 'several-defaults'
    | 'unknown-postkorb'
    | 'unreachable'
    | 'duplicate-rule-id'
    | 'duplicate-postkorb-id'
    | 'surname-range'
    | 'age-range'
    | 'id-taken'
    | 'postkorb-in-use'
    | 'jobcenter-mismatch'
    | 'ibd-duplicate'
    | 'ibd-removed';
  ruleId?: string;
  /** For IBD problems: the type and effective date of the entry. */
  ibdType?: IbdType;
  effectiveFrom?: string;
  postkorbId?: string;
  /** For `unreachable`: the earlier rule that catches everything this one would. */
  shadowedBy?: string;
}

const unsatisfiable = (c: RuleCondition) =>
  (c.surnameFrom !== undefined && c.surnameTo !== undefined && c.surnameFrom > c.surnameTo) ||
  (c.ageFrom !== undefined && c.ageUnder !== undefined && c.ageFrom >= c.ageUnder);
const subset = (inner?: readonly string[], outer?: readonly string[]) => !outer || (!!inner && inner.every((x) => outer.includes(x)));

/** True when every subject `b` matches is matched by `a` too (sound, not complete: each constraint compared alone). */
export function subsumes(a: RuleCondition, b: RuleCondition): boolean {
  if (!subset(b.types, a.types) || !subset(b.languages, a.languages) || !subset(b.anlagen, a.anlagen)) return false;
  if (a.plzPrefixes && !(b.plzPrefixes && b.plzPrefixes.every((p) => a.plzPrefixes!.some((q) => p.startsWith(q))))) return false;
  if (a.surnameFrom || a.surnameTo) {
    if (!(b.surnameFrom || b.surnameTo)) return false; // b also takes non-Latin initials, a does not
    if ((a.surnameFrom ?? 'A') > (b.surnameFrom ?? 'A') || (a.surnameTo ?? 'Z') < (b.surnameTo ?? 'Z')) return false;
  }
  if ((a.ageFrom ?? 0) > (b.ageFrom ?? 0) || (a.ageUnder ?? Infinity) < (b.ageUnder ?? Infinity)) return false;
  return true;
}

/** Problems of an ordered rule set with its Postkörbe; empty when the set can be saved. */
export function validateRuleSet(postkoerbe: readonly PostkorbConfig[], rules: readonly RuleConfig[]): RuleSetProblem[] {
  const out: RuleSetProblem[] = [];
  const defaults = postkoerbe.filter((p) => p.isDefault);
  if (defaults.length === 0) out.push({ code: 'no-default' });
  if (defaults.length > 1) out.push({ code: 'several-defaults', postkorbId: defaults[1].id });
  const pkIds = new Set<string>();
  for (const p of postkoerbe) {
    if (pkIds.has(p.id)) out.push({ code: 'duplicate-postkorb-id', postkorbId: p.id });
    pkIds.add(p.id);
  }
  const ruleIds = new Set<string>();
  rules.forEach((r, i) => {
    if (ruleIds.has(r.id)) out.push({ code: 'duplicate-rule-id', ruleId: r.id });
    ruleIds.add(r.id);
    if (!pkIds.has(r.postkorbId)) out.push({ code: 'unknown-postkorb', ruleId: r.id, postkorbId: r.postkorbId });
    const c = r.condition;
    if (c.surnameFrom !== undefined && c.surnameTo !== undefined && c.surnameFrom > c.surnameTo) out.push({ code: 'surname-range', ruleId: r.id });
    if (c.ageFrom !== undefined && c.ageUnder !== undefined && c.ageFrom >= c.ageUnder) out.push({ code: 'age-range', ruleId: r.id });
    if (unsatisfiable(c)) return;
    const earlier = rules.slice(0, i).find((e) => !unsatisfiable(e.condition) && subsumes(e.condition, c));
    if (earlier) out.push({ code: 'unreachable', ruleId: r.id, shadowedBy: earlier.id });
  });
  return out;
}

/** Rules of the document as the router takes them (position = place in the list). */
export const positioned = (rules: readonly RuleConfig[]): RoutingRule[] => rules.map((r, i) => ({ ...r, position: i + 1 }));

/** Why a condition does not match a subject (empty when it matches). */
export function reasons(c: RuleCondition, s: RoutingSubject): string[] {
  const out: string[] = [];
  if (c.types && !c.types.includes(s.type)) out.push('types');
  const initial = surnameInitial(s.surname);
  if ((c.surnameFrom || c.surnameTo) && (!initial || (c.surnameFrom && initial < c.surnameFrom) || (c.surnameTo && initial > c.surnameTo))) out.push('surname');
  if (c.ageUnder !== undefined || c.ageFrom !== undefined) {
    const age = ageOn(s.birthDate, s.applicationDate);
    if ((c.ageUnder !== undefined && age >= c.ageUnder) || (c.ageFrom !== undefined && age < c.ageFrom)) out.push('age');
  }
  if (c.plzPrefixes && !c.plzPrefixes.some((p) => s.postalCode.startsWith(p))) out.push('plz');
  if (c.languages && !c.languages.includes(s.language)) out.push('language');
  if (c.anlagen && !c.anlagen.some((a) => s.anlagen?.includes(a))) out.push('anlagen');
  return out;
}

/** The result of a simulation: the rule `route` picks (or the default Postkorb) and the evaluation trace. */
export interface SimulationResult {
  postkorbId: string | null;
  postkorbName: string | null;
  ruleId: string | null;
  ruleName: string | null;
  trace: { ruleId: string; matched: boolean; reasons: string[] }[];
}

/** Simulates routing with the same `route` the server uses; the trace lists rules up to the first match. */
export function simulate(rules: readonly RoutingRule[], postkoerbe: readonly PostkorbConfig[], s: RoutingSubject): SimulationResult {
  const hit = route(rules, s);
  const pk = hit ? postkoerbe.find((p) => p.id === hit.postkorbId) : postkoerbe.find((p) => p.isDefault);
  const trace: SimulationResult['trace'] = [];
  for (const r of [...rules].sort((a, b) => a.position - b.position)) {
    const matched = matches(r.condition, s);
    trace.push({ ruleId: r.id, matched, reasons: matched ? [] : reasons(r.condition, s) });
    if (matched) break;
  }
  return { postkorbId: hit?.postkorbId ?? pk?.id ?? null, postkorbName: pk?.name ?? null, ruleId: hit?.id ?? null, ruleName: hit?.name ?? null, trace };
}

/** One readable line of a configuration diff. */
export interface DiffLine {
  op: 'added' | 'removed' | 'changed';
  area: 'postkorb' | 'rule' | 'origin' | 'module' | 'theme' | 'contact' | 'ibd';
  id: string;
  text: string;
}

const json = (v: unknown) => JSON.stringify(v);

/** German names of the IBD types in diff lines. */
export const IBD_LABELS: Record<IbdType, string> = { erstantrag: 'Erstantrag', weiterbewilligung: 'Weiterbewilligung', veraenderung: 'Veränderung' };

/** An IBD entry of a schedule; `inForce` marks the one in force on `today` (its date is today or earlier). */
export interface IbdScheduled extends IbdConfig {
  inForce: boolean;
}

/**
 * What a list of IBD entries puts in force from `today` on: per type the entry in force today (latest date ≤ today,
 * the later one in the list among equal dates) and every later one, ordered by type and date. Earlier entries are
 * superseded and drop out.
 */
export function ibdSchedule(entries: readonly IbdConfig[], today: string): IbdScheduled[] {
  const out: IbdScheduled[] = [];
  for (const type of IBD_TYPES) {
    const own = entries.map((e, i) => ({ e, i })).filter(({ e }) => e.type === type);
    own.sort((x, y) => x.e.effectiveFrom.localeCompare(y.e.effectiveFrom) || x.i - y.i);
    const past = own.filter(({ e }) => e.effectiveFrom <= today);
    if (past.length) out.push({ ...past[past.length - 1].e, inForce: true });
    const future = own.filter(({ e }) => e.effectiveFrom > today);
    future.forEach(({ e }, k) => {
      if (future[k + 1]?.e.effectiveFrom !== e.effectiveFrom) out.push({ ...e, inForce: false });
    });
  }
  return out;
}

const sameIbdText = (x: IbdConfig, y: IbdConfig) => x.text === y.text && (x.textEn ?? null) === (y.textEn ?? null) && (x.weeks ?? null) === (y.weeks ?? null);

/** An IBD entry to store as a new version; `effectiveFrom` is `today` where the document's date has passed. */
export interface IbdChange {
  entry: IbdConfig;
  /** The date of the document when it lay in the past (the version takes effect today instead). */
  documentDate?: string;
  /** The entry it replaces, if any. */
  old?: IbdConfig;
}

/**
 * The IBD entries of `next` that differ from `current` (both seen from `today`), and problems: the same type and date
 * twice, or a current future version the document leaves out (versions are never deleted, only superseded).
 * `next` without `ibd` (schema version 1) changes nothing.
 */
export function ibdChanges(current: readonly IbdConfig[], next: readonly IbdConfig[] | undefined, today: string): { changes: IbdChange[]; problems: RuleSetProblem[] } {
  if (next === undefined) return { changes: [], problems: [] };
  const problems: RuleSetProblem[] = [];
  const seen = new Set<string>();
  for (const e of next) {
    const key = `${e.type} ${e.effectiveFrom}`;
    if (seen.has(key)) problems.push({ code: 'ibd-duplicate', ibdType: e.type, effectiveFrom: e.effectiveFrom });
    seen.add(key);
  }
  const a = ibdSchedule(current, today);
  const b = ibdSchedule(next, today);
  const changes: IbdChange[] = [];
  for (const e of b) {
    const { inForce: _, ...entry } = e;
    const old = e.inForce ? a.find((x) => x.type === e.type && x.inForce) : a.find((x) => x.type === e.type && !x.inForce && x.effectiveFrom === e.effectiveFrom);
    if (old && sameIbdText(old, e)) continue;
    const oldEntry = old ? (({ inForce: __, ...o }) => o)(old) : undefined;
    if (e.effectiveFrom < today) changes.push({ entry: { ...entry, effectiveFrom: today }, documentDate: e.effectiveFrom, old: oldEntry });
    else changes.push({ entry, old: oldEntry });
  }
  for (const x of a) {
    if (x.inForce ? !b.some((e) => e.type === x.type && e.inForce) : !b.some((e) => e.type === x.type && !e.inForce && e.effectiveFrom === x.effectiveFrom)) {
      problems.push({ code: 'ibd-removed', ibdType: x.type, effectiveFrom: x.effectiveFrom });
    }
  }
  return { changes, problems };
}

const short = (text: string) => (text.length > 60 ? `${text.slice(0, 59)}…` : text);

/** The readable line of one IBD change. */
export function ibdDiffLine(c: IbdChange): DiffLine {
  const { entry: e, old } = c;
  const parts: string[] = [];
  if (!old || old.text !== e.text) parts.push(`neuer Text „${short(e.text)}“`);
  if ((old?.textEn ?? null) !== (e.textEn ?? null)) parts.push(e.textEn ? `neuer englischer Text „${short(e.textEn)}“` : 'englischer Text entfällt');
  if ((old?.weeks ?? null) !== (e.weeks ?? null)) parts.push(old?.weeks != null ? `Wochen ${old.weeks} → ${e.weeks ?? '–'}` : `Wochen ${e.weeks}`);
  const when = c.documentDate ? `${e.effectiveFrom} (heute; das Datum ${c.documentDate} im Dokument liegt in der Vergangenheit)` : e.effectiveFrom;
  return { op: old ? 'changed' : 'added', area: 'ibd', id: `${e.type}:${e.effectiveFrom}`, text: `IBD ${IBD_LABELS[e.type]} ab ${when}: ${parts.join('; ')}` };
}

/**
 * Readable changes from configuration `a` (current) to `b` (proposed); empty when they configure the same. `today`
 * (Berlin date) decides which IBD dates have passed; without it no date counts as passed.
 */
export function diffConfig(a: JobcenterConfig, b: JobcenterConfig, today = ''): DiffLine[] {
  const out: DiffLine[] = [];
  const byId = <T extends { id: string }>(xs: readonly T[]) => new Map(xs.map((x, i) => [x.id, { x, i }]));
  const pa = byId(a.postkoerbe);
  const pb = byId(b.postkoerbe);
  for (const [id, { x }] of pb) {
    const old = pa.get(id)?.x;
    if (!old) out.push({ op: 'added', area: 'postkorb', id, text: `Postkorb „${x.name}“ (${id}) hinzugefügt${x.isDefault ? ' (Standard)' : ''}` });
    else if (json(old) !== json(x)) out.push({ op: 'changed', area: 'postkorb', id, text: `Postkorb ${id} geändert: „${old.name}“${old.isDefault ? ' (Standard)' : ''} → „${x.name}“${x.isDefault ? ' (Standard)' : ''}` });
  }
  for (const [id, { x }] of pa) if (!pb.has(id)) out.push({ op: 'removed', area: 'postkorb', id, text: `Postkorb „${x.name}“ (${id}) entfernt` });
  const ra = byId(a.rules);
  const rb = byId(b.rules);
  // Order changes are judged among the rules both sides have: removing one rule does not "move" the rest.
  const commonA = a.rules.filter((r) => rb.has(r.id)).map((r) => r.id);
  const commonB = b.rules.filter((r) => ra.has(r.id)).map((r) => r.id);
  for (const [id, { x, i }] of rb) {
    const old = ra.get(id);
    if (!old) out.push({ op: 'added', area: 'rule', id, text: `Regel „${x.name}“ (${id}) an Position ${i + 1} hinzugefügt → ${x.postkorbId}` });
    else {
      const parts: string[] = [];
      if (old.x.name !== x.name) parts.push(`Name „${old.x.name}“ → „${x.name}“`);
      if (json(old.x.condition) !== json(x.condition)) parts.push(`Bedingung ${json(old.x.condition)} → ${json(x.condition)}`);
      if (old.x.postkorbId !== x.postkorbId) parts.push(`Postkorb ${old.x.postkorbId} → ${x.postkorbId}`);
      if (commonA.indexOf(id) !== commonB.indexOf(id)) parts.push(`Position ${old.i + 1} → ${i + 1}`);
      if (parts.length) out.push({ op: 'changed', area: 'rule', id, text: `Regel ${id}: ${parts.join('; ')}` });
    }
  }
  for (const [id, { x }] of ra) if (!rb.has(id)) out.push({ op: 'removed', area: 'rule', id, text: `Regel „${x.name}“ (${id}) entfernt` });
  for (const o of b.allowedOrigins) if (!a.allowedOrigins.includes(o)) out.push({ op: 'added', area: 'origin', id: o, text: `Herkunft ${o} erlaubt` });
  for (const o of a.allowedOrigins) if (!b.allowedOrigins.includes(o)) out.push({ op: 'removed', area: 'origin', id: o, text: `Herkunft ${o} nicht mehr erlaubt` });
  for (const m of MODULES) {
    const [x, y] = [a.modules[m] ?? false, b.modules[m] ?? false];
    if (x !== y) out.push({ op: 'changed', area: 'module', id: m, text: `Modul ${m.toUpperCase()} ${y ? 'eingeschaltet' : 'ausgeschaltet'}` });
  }
  if (a.theme !== b.theme) out.push({ op: 'changed', area: 'theme', id: 'theme', text: `Theme ${a.theme} → ${b.theme}` });
  if (json(a.contact) !== json(b.contact)) out.push({ op: 'changed', area: 'contact', id: 'contact', text: 'Kontaktdaten geändert' });
  for (const c of ibdChanges(a.ibd ?? [], b.ibd, today).changes) out.push(ibdDiffLine(c));
  return out;
}

/** Why an origin may not embed the widgets, or null: https only (http://localhost outside production), no wildcard, no path. */
export function originProblem(origin: string, production: boolean): 'invalid_origin' | 'origin_not_https' | 'origin_wildcard' | 'origin_path' | null {
  if (origin.includes('*')) return 'origin_wildcard';
  let u: URL;
  try {
    u = new URL(origin);
  } catch {
    return 'invalid_origin';
  }
  if (u.username || u.password || !u.hostname) return 'invalid_origin';
  if (u.pathname !== '/' || u.search || u.hash || /^[a-z]+:\/\/[^/]+\/./i.test(origin)) return 'origin_path';
  const local = u.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname);
  if (u.protocol !== 'https:' && !(local && !production)) return 'origin_not_https';
  return null;
}

/** The normalised form of an origin (scheme://host[:port], lower case, no trailing slash). */
export const normaliseOrigin = (origin: string): string => new URL(origin).origin;
