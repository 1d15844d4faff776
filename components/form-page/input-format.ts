/**
 * Typed text ↔ answer values for the number-like question kinds: German money input "1.234,56" → 1234.56,
 * whole numbers, IBANs shown in groups of four. Text that cannot be read is kept as typed (a string), so
 * the engine reports it (`invalid_money`) and nothing the person typed is lost.
 */

/** Reads an amount: "1.234,56", "1234,5", "1234.56", "1,234.56" (English), "12 €" → number; else the text. */
export function parseMoney(text: string, lang: 'de' | 'en' = 'de'): number | string {
  const t = text.replace(/[\s\u00a0€]/g, '');
  if (t === '') return '';
  const [dec, group] = lang === 'en' ? ['.', ','] : [',', '.'];
  const other = (s: string, sep: string) => s.split(sep).length - 1;
  let normal: string | undefined;
  // The UI language's form: groups of three with the group separator, decimals with the decimal one.
  const esc = (c: string) => (c === '.' ? '\\.' : c);
  const strict = new RegExp(`^-?(\\d{1,3}(${esc(group)}\\d{3})+|\\d+)(${esc(dec)}\\d{1,2})?$`);
  if (strict.test(t)) normal = t.split(group).join('').replace(dec, '.');
  // The other habit: one group-separator followed by one or two digits is meant as decimals ("12.50").
  else if (other(t, group) === 1 && !t.includes(dec) && new RegExp(`^-?\\d+${esc(group)}\\d{1,2}$`).test(t))
    normal = t.replace(group, '.');
  if (normal === undefined) return text;
  const n = Number(normal);
  return Number.isFinite(n) ? Math.round(n * 100) / 100 : text;
}

/** Shows an amount with two decimals and grouping in the UI language ("1.234,56"). */
export function formatMoney(value: unknown, lang: 'de' | 'en' = 'de'): string {
  if (typeof value !== 'number') return typeof value === 'string' ? value : '';
  return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'de-DE', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(value);
}

/** Reads a whole number ("1.000" in German grouping too); else the text. */
export function parseInteger(text: string): number | string {
  const t = text.replace(/[\s\u00a0]/g, '');
  if (t === '') return '';
  if (/^-?\d+$/.test(t)) return Number(t);
  if (/^-?\d{1,3}([.,]\d{3})+$/.test(t)) return Number(t.replace(/[.,]/g, ''));
  return text;
}

/** An IBAN as stored: no spaces, upper case. */
export const normaliseIban = (text: string): string => text.replace(/\s+/g, '').toUpperCase();

/** An IBAN as shown: groups of four ("DE89 3704 0044 0532 0130 00"). */
export function formatIban(value: unknown): string {
  return typeof value === 'string' ? normaliseIban(value).replace(/(.{4})(?=.)/g, '$1 ') : '';
}
