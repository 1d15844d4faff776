/**
 * The order of the ADE flow, computed from the engine's pages: each section (A–H) and Anlage instance is a
 * group of pages followed by its check-your-answers step; section I (declaration) comes last. Also the
 * state of each group for the progress overview and where a field error path lives.
 */
import type { Answers, PageInstance } from '../../domain/forms/engine-core.js';
import type { FieldError } from '../../domain/common.js';

/** A section or an Anlage instance with its visible pages. */
export interface Group {
  id: string;
  title: string;
  pages: PageInstance[];
  /** True for Anlagen. */
  anlage: boolean;
}

/** One step: a form page or the summary of a group. */
export type Step =
  | { kind: 'page'; key: string; group: Group; page: PageInstance }
  | { kind: 'check'; key: string; group: Group };

/** done: all pages seen and complete; error: a page she tried to leave has errors; open: the rest. */
export type GroupState = 'done' | 'open' | 'error';

/** The group of the declaration; its page sends the application. */
export const FINAL_GROUP = 'I';
/** Section H only lists the computed Anlagen: no summary of its own. */
const NO_CHECK = new Set(['H', FINAL_GROUP]);

/** Consecutive pages of one group, in order. */
export function groupsOf(pages: readonly PageInstance[]): Group[] {
  const groups: Group[] = [];
  for (const p of pages) {
    const last = groups[groups.length - 1];
    if (last?.id === p.group) last.pages.push(p);
    else groups.push({ id: p.group, title: p.groupTitle, pages: [p], anlage: Boolean(p.anlage) });
  }
  return groups;
}

/** Every step in order: the pages of each group, then its summary (not for H and I). */
export function stepsOf(groups: readonly Group[]): Step[] {
  return groups.flatMap((group): Step[] => [
    ...group.pages.map((page) => ({ kind: 'page' as const, key: page.key, group, page })),
    ...(NO_CHECK.has(group.id) ? [] : [{ kind: 'check' as const, key: `check/${group.id}`, group }]),
  ]);
}

/** Error count per page key (the engine's check of each visible page: engine.ts's for the Hauptantrag). */
export function pageErrors(
  answers: Answers,
  pages: readonly PageInstance[],
  date: string,
  validate: (a: Answers, p: PageInstance, date: string) => { errors: FieldError[] },
): Map<string, FieldError[]> {
  return new Map(pages.map((p) => [p.key, validate(answers, p, date).errors]));
}

/** The state of a group for the progress overview; `flagged` pages have errors only the server found. */
export function groupState(
  g: Group,
  errors: Map<string, FieldError[]>,
  visited: ReadonlySet<string>,
  attempted: ReadonlySet<string>,
  flagged: ReadonlySet<string> = new Set(),
): GroupState {
  const bad = (p: PageInstance) => (errors.get(p.key)?.length ?? 0) > 0 || flagged.has(p.key);
  if (g.pages.some((p) => bad(p) && attempted.has(p.key))) return 'error';
  return g.pages.every((p) => !bad(p) && visited.has(p.key)) ? 'done' : 'open';
}

/** The page and field id of an error path: `main.x`, `members.0.x`, `anlagen.KDU.x`, `anlagen.VM.accounts.1.bank`. */
export function locate(
  path: string,
  pages: readonly PageInstance[],
): { page: PageInstance; field: string } | undefined {
  const has = (p: PageInstance, id: string) => p.page.questions.some((q) => q.id === id);
  if (path === 'members' || path.startsWith('members.')) {
    const page = pages.find((p) => !p.anlage && has(p, 'members'));
    return page && { page, field: path };
  }
  if (path.startsWith('main.')) {
    const field = path.slice(5);
    const page = pages.find((p) => !p.anlage && has(p, field.split('.')[0]));
    return page && { page, field };
  }
  for (const p of pages) {
    const prefix = `anlagen.${p.anlage?.key}.`;
    if (p.anlage && path.startsWith(prefix) && has(p, path.slice(prefix.length).split('.')[0]))
      return { page: p, field: path.slice(prefix.length) };
  }
  return undefined;
}

/** The label of a field for the error summary: "Vorname" or "Person 2: Vorname". */
export function fieldLabel(p: PageInstance, field: string, lang: 'de' | 'en'): string {
  const [id, index, sub] = field.split('.');
  const q = p.page.questions.find((x) => x.id === id);
  if (!q) return '';
  const s = sub ? q.item?.find((x) => x.id === sub) : undefined;
  if (!s) return q.label[lang];
  return `${q.itemLabel?.[lang] ?? ''} ${Number(index) + 1}: ${s.label[lang]}`.trim();
}

/** Field errors placed for display: the first page with an error, its fields' messages and summary items. */
export interface PlacedErrors {
  page?: PageInstance;
  /** Keys of every page that has an error (shown as "error" in the progress). */
  pagesWithErrors: string[];
  errors: Record<string, string>;
  summary: { field?: string; message: string }[];
}

/** Places errors (client check or the server's 400) on the first page that has one; unplaceable ones go to the summary. */
export function placeErrors(
  list: readonly FieldError[],
  pages: readonly PageInstance[],
  lang: 'de' | 'en',
  text: (e: FieldError) => string,
): PlacedErrors {
  const located = list.map((e) => ({ e, at: locate(e.path, pages) }));
  const page = located.find((x) => x.at)?.at?.page;
  const out: PlacedErrors = { page, pagesWithErrors: [], errors: {}, summary: [] };
  for (const { e, at } of located) {
    if (at) out.pagesWithErrors.push(at.page.key);
    if (!at) out.summary.push({ message: text(e) });
    else if (at.page.key === page!.key && !out.errors[at.field]) {
      out.errors[at.field] = text(e);
      out.summary.push({ field: at.field, message: `${fieldLabel(at.page, at.field, lang)}: ${text(e)}` });
    }
  }
  return out;
}
