/**
 * Calendar dates as the law sees them: in German time (Europe/Berlin), ISO `YYYY-MM-DD`. A TdA at 00:30 on
 * the 1st (CET) is dated the 1st, not the last day of the month before as its UTC timestamp would say.
 */

/** The date in Germany of an instant (default: now). */
export function berlinDate(at: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Berlin',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

/** Adds (or with a negative number subtracts) days to a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
