/**
 * The order of the ADE flow, computed from the engine's pages: each section (A–H) and Anlage instance is a
 * group of pages followed by its check-your-answers step; section I (declaration) comes last. Also the
 * state of each group for the progress overview and where a field error path lives.
 */
import { validatePage, type Answers, type PageInstance } from '../../domain/forms/engine.js';
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
export type Step = { kind: 'page'; key: string; group: Group; page: PageInstance } | { kind: 'check'; key: string; group: Group };

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

/** Error count per page key (the engine's check of each visible page). */
export function pageErrors(answers: Answers, pages: readonly PageInstance[], date: string): Map<string, FieldError[]> {
  return new Map(pages.map((p) => [p.key, validatePage(answers, p, date).errors]));
}

/** The state of a group for the progress overview. */
export function groupState(
  g: Group,
  errors: Map<string, FieldError[]>,
  visited: ReadonlySet<string>,
  attempted: ReadonlySet<string>,
): GroupState {
  const bad = (p: PageInstance) => (errors.get(p.key)?.length ?? 0) > 0;
  if (g.pages.some((p) => bad(p) && attempted.has(p.key))) return 'error';
  return g.pages.every((p) => !bad(p) && visited.has(p.key)) ? 'done' : 'open';
}

/** The page and field id of an error path: `main.x`, `members.0.x`, `anlagen.KDU.x`, `anlagen.VM.accounts.1.bank`. */
export function locate(path: string, pages: readonly PageInstance[]): { page: PageInstance; field: string } | undefined {
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
