/** Age and deadline of a work item in calendar days (German time), and their wording. */
import { activeLocale, intlLocale } from '../locales/localization.js';

const DAY = 86_400_000;
// Intl formatters are costly to build; a table of 300 rows formats 1,000+ values per render.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.RelativeTimeFormat>();
function cached<T extends Intl.DateTimeFormat | Intl.RelativeTimeFormat>(key: string, make: () => T): T {
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = make()));
  return f as T;
}

/** The calendar day (YYYY-MM-DD, Europe/Berlin) of an ISO date or date-time (default: now). */
export function berlinDay(iso?: string): string {
  if (iso && /^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const f = cached(
    'berlin',
    () =>
      new Intl.DateTimeFormat('en-CA', {
        timeZone: 'Europe/Berlin',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      }),
  ) as Intl.DateTimeFormat;
  return f.format(iso ? new Date(iso) : new Date());
}

/** Days from calendar day `a` to `b` (positive when `b` is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY);
}

/** "vor 3 Tagen", "gestern", "heute", "in 2 Tagen" in the UI language. */
export function relativeDays(days: number): string {
  const locale = intlLocale(activeLocale());
  const f = cached(`rel:${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
  return (f as Intl.RelativeTimeFormat).format(days, 'day');
}

/** A calendar day as the UI language writes it ("25.11.2026", "25/11/2026"). */
export function formatDay(day: string): string {
  const locale = intlLocale(activeLocale());
  const f = cached(
    `day:${locale}`,
    () =>
      new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }),
  );
  return (f as Intl.DateTimeFormat).format(new Date(`${day}T00:00:00Z`));
}
