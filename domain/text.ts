/** Plain helpers without zod, so the browser's form engine stays small. */

/** Characters allowed in names and free text: no control characters (they break PDFs, logs and mails). */
export const NO_CONTROL = /^[^\u0000-\u001f\u007f-\u009f]*$/u;

/** Half of a UTF-16 surrogate pair without its other half: not text, cannot be stored as UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True for well-formed text without control characters. */
export const isCleanText = (v: string): boolean => NO_CONTROL.test(v) && !LONE_SURROGATE.test(v);

/** Age in full years on a given date (both ISO YYYY-MM-DD); ages are computed on the date of application. */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = onDate.split('-').map(Number);
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age -= 1;
  return age;
}

/**
 * Folding for search and matching: lower case, diacritics folded (ü→u, ß→ss, Ł→l), punctuation to single spaces; the
 * same for stored keys and queries (inbox search, occupation catalogue, duplicate check).
 */
export function foldSearch(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/[Łł]/g, 'l')
    .replace(/[Øø]/g, 'o')
    .replace(/[Ææ]/g, 'ae')
    .replace(/[Đđ]/g, 'd')
    .replace(/ı/g, 'i')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}-]+/gu, ' ')
    .trim();
}
