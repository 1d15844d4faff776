/**
 * The demo person register (development, demo and tests): a deterministic generator of a few hundred persons plus
 * planted near-duplicates of the demo/test applicants (umlaut and transliteration variants, ß/ss, Ł/L, swapped
 * names, typos, a near birth date, an RV-Nr match). `DEMO_PROBES` are the applicants' own data with the id of the
 * register person each one duplicates (or null for a genuinely new person): the ground truth of the bench.
 */
import type { PersonData, PersonView } from '../../domain/person.js';

const FIRST = ['Anna', 'Ben', 'Clara', 'David', 'Elif', 'Felix', 'Greta', 'Hannes', 'Ida', 'Jakob', 'Kerstin', 'Lars', 'Mara', 'Nils', 'Olga', 'Paul', 'Rita', 'Sven', 'Tanja', 'Udo', 'Vera', 'Wolfgang', 'Yasmin', 'Zoran'];
const LAST = ['Schmidt', 'Schneider', 'Fischer', 'Weber', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Koch', 'Richter', 'Klein', 'Wolf', 'Neumann', 'Schwarz', 'Zimmermann', 'Braun', 'Krüger', 'Hofmann', 'Hartmann', 'Lange', 'Krause', 'Lehmann', 'Köhler', 'Kaiser', 'Fuchs', 'Peters', 'Scholz', 'Möller', 'Jung', 'Hahn'];
const STREETS = ['Am Markt', 'Bahnhofstraße', 'Gartenweg', 'Hauptstraße', 'Kirchgasse', 'Lindenallee', 'Mühlenweg', 'Rosenstraße', 'Schulstraße', 'Waldring'];

/** Planted register persons: each duplicates one probe below. */
const PLANTED: (PersonData & { id: string })[] = [
  { id: 'dp-001', firstName: 'Erika', lastName: 'Mustermann', birthDate: '1988-04-12', street: 'Lindenweg', postalCode: '00123', city: 'Musterstadt', rvNr: null },
  { id: 'dp-002', firstName: 'Jürgen', lastName: 'Müller', birthDate: '1971-02-03', street: 'Hafenstraße', postalCode: '00501', city: 'Hafenstadt', rvNr: null },
  { id: 'dp-003', firstName: 'Anneliese', lastName: 'Weiss', birthDate: '1959-11-30', street: 'Gartenweg', postalCode: '00130', city: 'Musterstadt', rvNr: null },
  { id: 'dp-004', firstName: 'Łukasz', lastName: 'Nowak', birthDate: '1990-07-21', street: 'Am Markt', postalCode: '00124', city: 'Musterstadt', rvNr: null },
  { id: 'dp-005', firstName: 'Schmitz', lastName: 'Hannah', birthDate: '1995-05-05', street: 'Rosenstraße', postalCode: '00125', city: 'Musterstadt', rvNr: null },
  { id: 'dp-006', firstName: 'Mehmet', lastName: 'Yilmaz', birthDate: '1983-09-14', street: 'Bahnhofstraße', postalCode: '00201', city: 'Beispielkreis', rvNr: null },
  { id: 'dp-007', firstName: 'Sophie', lastName: 'Maier', birthDate: '2001-01-17', street: 'Schulstraße', postalCode: '00126', city: 'Musterstadt', rvNr: null },
  { id: 'dp-008', firstName: 'Karl-Heinz', lastName: 'Schröder', birthDate: '1966-12-01', street: 'Mühlenweg', postalCode: '00127', city: 'Musterstadt', rvNr: '65 011266 S 012' },
  { id: 'dp-009', firstName: 'Gülsen', lastName: 'Öztürk', birthDate: '1979-03-08', street: 'Waldring', postalCode: '00128', city: 'Musterstadt', rvNr: null },
  { id: 'dp-010', firstName: 'Dorothea', lastName: 'Groß', birthDate: '1952-06-24', street: 'Kirchgasse', postalCode: '00202', city: 'Beispielkreis', rvNr: null },
  { id: 'dp-011', firstName: 'Bernd', lastName: 'Muster', birthDate: '1974-08-08', street: 'Lindenweg', postalCode: '00123', city: 'Musterstadt', rvNr: null },
  { id: 'dp-012', firstName: 'Tobias', lastName: 'Krämer', birthDate: '1987-10-02', street: 'Hauptstraße', postalCode: '00129', city: 'Musterstadt', rvNr: '12 021087 K 007' },
];

/** One applicant's data and the register person it duplicates (null: a new person). */
export interface DuplicateProbe {
  label: string;
  data: PersonData;
  expected: string | null;
}

const probe = (label: string, expected: string | null, d: Partial<PersonData> & Pick<PersonData, 'firstName' | 'lastName' | 'birthDate'>): DuplicateProbe => ({
  label,
  expected,
  data: { street: '', postalCode: '', city: '', rvNr: null, ...d },
});

/** The demo/test applicants as they register on the web, with the truth about them. */
export const DEMO_PROBES: readonly DuplicateProbe[] = [
  probe('test applicant (tdaBody)', 'dp-001', { firstName: 'Erika', lastName: 'Mustermann', birthDate: '1988-04-12', street: 'Lindenweg', postalCode: '00123', city: 'Musterstadt' }),
  probe('ü → ue', 'dp-002', { firstName: 'Juergen', lastName: 'Mueller', birthDate: '1971-02-03', street: 'Hafenstrasse', postalCode: '00501' }),
  probe('ü → u, moved', 'dp-002', { firstName: 'Jurgen', lastName: 'Muller', birthDate: '1971-02-03', street: 'Seeweg', postalCode: '00502' }),
  probe('ss → ß', 'dp-003', { firstName: 'Anneliese', lastName: 'Weiß', birthDate: '1959-11-30', street: 'Gartenweg', postalCode: '00130' }),
  probe('Ł → L', 'dp-004', { firstName: 'Lukasz', lastName: 'Nowak', birthDate: '1990-07-21', street: 'Am Markt', postalCode: '00124' }),
  probe('first and last name swapped', 'dp-005', { firstName: 'Hannah', lastName: 'Schmitz', birthDate: '1995-05-05', street: 'Rosenstraße', postalCode: '00125' }),
  probe('ı → i, typo in the street', 'dp-006', { firstName: 'Mehmet', lastName: 'Yılmaz', birthDate: '1983-09-14', street: 'Banhofstraße', postalCode: '00201' }),
  probe('same birth date, other spelling', 'dp-007', { firstName: 'Sofie', lastName: 'Meyer', birthDate: '2001-01-17', street: 'Schulstraße', postalCode: '00126' }),
  probe('RV-Nr match, other name after marriage', 'dp-008', { firstName: 'Karl-Heinz', lastName: 'Becker', birthDate: '1966-12-01', street: 'Feldweg', postalCode: '00140', rvNr: '65011266S012' }),
  probe('ö → oe, ü → ue', 'dp-009', { firstName: 'Guelsen', lastName: 'Oeztuerk', birthDate: '1979-03-08', street: 'Waldring', postalCode: '00128' }),
  probe('typo in the birth date', 'dp-010', { firstName: 'Dorothea', lastName: 'Gross', birthDate: '1952-06-25', street: 'Kirchgasse', postalCode: '00202' }),
  probe('household fixture (Bernd Muster)', 'dp-011', { firstName: 'Bernd', lastName: 'Muster', birthDate: '1974-08-08', street: 'Lindenweg', postalCode: '00123' }),
  probe('typo in the first name, moved', 'dp-012', { firstName: 'Tobais', lastName: 'Kraemer', birthDate: '1987-10-02', street: 'Uferweg', postalCode: '00150' }),
  probe('new: namesake, other birth date', null, { firstName: 'Jürgen', lastName: 'Müller', birthDate: '1998-08-19', street: 'Neue Straße', postalCode: '00160' }),
  probe('new: same birth date, other name', null, { firstName: 'Petra', lastName: 'Lindqvist', birthDate: '1988-04-12', street: 'Lindenweg', postalCode: '00123' }),
  probe('new: RV-Nr differs', null, { firstName: 'Tobias', lastName: 'Krämer', birthDate: '1987-10-02', street: 'Hauptstraße', postalCode: '00129', rvNr: '12 021087 K 999' }),
  probe('new: unknown person', null, { firstName: 'Ivana', lastName: 'Horvat', birthDate: '1993-02-28', street: 'Ahornweg', postalCode: '00170' }),
  probe('new: another unknown person', null, { firstName: 'Samuel', lastName: 'Okafor', birthDate: '1985-12-12', street: 'Birkenweg', postalCode: '00171' }),
];

/** A small deterministic PRNG (xorshift32), so every database gets the same register. */
function prng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 0x100000000;
  };
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** The whole demo register: `count` generated persons and the planted ones; Kundennummern 900D000001 …. */
export function demoPersons(count = 300): PersonView[] {
  const rnd = prng(20261125);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const out: PersonView[] = [];
  for (let i = 0; i < count; i++) {
    const birth = `${1950 + Math.floor(rnd() * 55)}-${pad(1 + Math.floor(rnd() * 12), 2)}-${pad(1 + Math.floor(rnd() * 28), 2)}`;
    const plz = `00${pad(100 + Math.floor(rnd() * 500), 3)}`;
    const rv = rnd() < 0.5 ? `${pad(10 + Math.floor(rnd() * 80), 2)} ${birth.slice(8, 10)}${birth.slice(5, 7)}${birth.slice(2, 4)} X ${pad(Math.floor(rnd() * 1000), 3)}` : null;
    out.push({ id: `dp-g${pad(i + 1, 4)}`, kundennummer: `900D${pad(i + 1, 6)}`, firstName: pick(FIRST), lastName: pick(LAST), birthDate: birth, street: pick(STREETS), postalCode: plz, city: 'Demostadt', rvNr: rv });
  }
  PLANTED.forEach((p, i) => out.push({ ...p, kundennummer: `900D${pad(900001 + i, 6).slice(-6)}` }));
  return out;
}
