/** Calendar dates as the law sees them: in German time, ISO `YYYY-MM-DD` (one implementation in domain/dates.ts). */
import { berlinDate } from '../../domain/dates.js';

/** Today in Germany (Europe/Berlin), e.g. `2026-11-25`: date relations ("in the past") are judged on it. */
export const berlinToday = (now = new Date()): string => berlinDate(now);
