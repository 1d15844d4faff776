import { describe, expect, it } from 'vitest';
import { validateRecord } from '../../domain/forms/engine.js';
import { TDA_PAGE } from '../../domain/forms/tda.js';
import { tdaInput } from '../../domain/tda.js';

const valid = {
  portalJobcenterId: 'musterstadt',
  firstName: 'Łukasz',
  lastName: 'Dvořák-Ünal',
  birthDate: '1990-01-31',
  street: 'Lindenweg',
  houseNumber: '7a',
  postalCode: '00123',
  city: 'Musterstadt',
  contactLanguage: 'uk',
  declaration: true,
};

/** Inputs the widget (engine) and the server edge (zod) must judge alike, field by field. */
const CASES: Record<string, unknown>[] = [
  {},
  { firstName: ' ' },
  { lastName: '' },
  { firstName: 'A'.repeat(101) },
  { city: 'Ort\u0007' },
  { birthDate: '1990-02-30' },
  { birthDate: '31.01.1990' },
  { postalCode: '1234' },
  { postalCode: '001234' },
  { phone: 'abc' },
  { phone: '+49 30 1234567' },
  { email: 'kein-mail' },
  { email: 'erika@beispiel.de' },
  { contactLanguage: 'xx' },
  { declaration: false },
  { addressSuffix: 'c/o Schmidt' },
  { houseNumber: '1'.repeat(21) },
];

describe('the TdA page and the server edge schema agree', () => {
  for (const change of CASES) {
    it(JSON.stringify(change).slice(0, 60), () => {
      const input = { ...valid, ...change };
      const server = tdaInput.safeParse(input);
      const serverPaths = server.success ? [] : [...new Set(server.error.issues.map((i) => i.path.join('.')))].sort();
      const { portalJobcenterId: _p, ...values } = input;
      const clientPaths = validateRecord(TDA_PAGE, values, '2026-11-25').map((e) => e.path).sort();
      expect(clientPaths).toEqual(serverPaths);
    });
  }

  it('an empty form names every required field', () => {
    const paths = validateRecord(TDA_PAGE, {}, '2026-11-25').map((e) => e.path);
    expect(paths).toEqual(['firstName', 'lastName', 'birthDate', 'street', 'houseNumber', 'postalCode', 'city', 'declaration']);
  });
});
