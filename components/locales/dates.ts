/** Calendar dates as the law sees them: in German time, ISO `YYYY-MM-DD`. */

/** Today in Germany (Europe/Berlin), e.g. `2026-11-25`: date relations ("in the past") are judged on it. */
export function berlinToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Berlin',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}
