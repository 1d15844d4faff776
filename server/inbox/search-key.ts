/** Search keys of work items: folded so that "Müller" is found by "mull", "müll" and "MÜLL" on both engines. */

import { foldSearch } from '../../domain/text.js';

/** The folding lives in domain/text.ts (shared with the occupation search and the duplicate check). */
export { foldSearch };

/**
 * The name and number keys of a work item title ("TdA TDA-2026-7K3M9Q – Müller, Erika[ – Weiterleitung …]");
 * a title of another shape is searchable by its words.
 */
export function searchKeysOf(title: string): { search_key: string; search_number: string } {
  const m = /^\S+\s+(\S+)\s+–\s+(.+?)(?:\s+–\s+.*)?$/.exec(title);
  return { search_key: foldSearch(m ? m[2] : title), search_number: m ? foldSearch(m[1]) : '' };
}

/** The exclusive upper bound of a prefix range: every string starting with `prefix` sorts below it (byte order). */
export function prefixEnd(prefix: string): string {
  const points = [...prefix];
  let next = points.pop()!.codePointAt(0)! + 1;
  if (next >= 0xd800 && next <= 0xdfff) next = 0xe000; // no lone surrogates: not encodable as UTF-8
  return next > 0x10ffff ? `${prefix}\u{10ffff}` : points.join('') + String.fromCodePoint(next);
}
