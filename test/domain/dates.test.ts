/** Calendar dates in German time (domain/dates.ts): what a TdA just after midnight is dated. */
import { describe, expect, it } from 'vitest';
import { addDays, berlinDate } from '../../domain/dates.js';

describe('berlinDate', () => {
  it('dates an instant by the calendar in Germany, in winter (CET) and summer (CEST) time', () => {
    expect(berlinDate(new Date('2026-11-30T23:30:00Z'))).toBe('2026-12-01');
    expect(berlinDate(new Date('2026-11-30T22:59:59Z'))).toBe('2026-11-30');
    expect(berlinDate(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
    expect(berlinDate(new Date('2026-06-30T21:59:59Z'))).toBe('2026-06-30');
    expect(berlinDate(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
  });

  it('adds and subtracts days across months, years and leap days', () => {
    expect(addDays('2026-11-25', 14)).toBe('2026-12-09');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
  });
});
