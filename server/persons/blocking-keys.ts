/**
 * Blocking keys of the duplicate check: a register person is stored under a few indexed keys, and the check loads
 * only the persons that share a key with the Internetperson instead of scanning the register. Each key stands for
 * one way a duplicate still scores: same birth date, same RV-Nr, surname sound + birth year (typo in day or month),
 * surname + first-name sound (typo in the year), postal code + first initial (same address, other spelling).
 * The probe side also asks for first and last name swapped. The migration 2026_11_25_2200 holds a frozen copy of
 * `registerKeys` for its backfill: change the keys only together with a new migration that rebuilds them.
 */
import type { PersonData } from '../../domain/person.js';
import { foldSearch } from '../../domain/text.js';
import { koelnerPhonetik } from './koelner-phonetik.js';
import { rvKey } from './scoring.js';

type Names = { first: string; last: string };

const initial = (name: string) =>
  foldSearch(name)
    .replace(/[^\p{L}]/gu, '')
    .slice(0, 1);
const yearOf = (birthDate: string) => (/^\d{4}-/.test(birthDate) ? birthDate.slice(0, 4) : '');

function keysOf(p: PersonData, names: Names[]): string[] {
  const keys = new Set<string>();
  if (p.birthDate) keys.add(`b:${p.birthDate}`);
  const rv = rvKey(p.rvNr);
  if (rv) keys.add(`r:${rv}`);
  const year = yearOf(p.birthDate);
  for (const { first, last } of names) {
    const [f, l] = [koelnerPhonetik(first), koelnerPhonetik(last)];
    if (l && year) keys.add(`n:${l}:${year}`);
    if (l && f) keys.add(`v:${l}:${f}`);
    const i = initial(first);
    if (p.postalCode && i) keys.add(`p:${p.postalCode}:${i}`);
  }
  return [...keys];
}

/** The keys a register person is stored under. */
export function registerKeys(p: PersonData): string[] {
  return keysOf(p, [{ first: p.firstName, last: p.lastName }]);
}

/** The keys an Internetperson is looked up with: the register keys, also with first and last name swapped. */
export function probeKeys(q: PersonData): string[] {
  return keysOf(q, [
    { first: q.firstName, last: q.lastName },
    { first: q.lastName, last: q.firstName },
  ]);
}
