/** Sample data for stories and component tests, shaped exactly like the server API (fictitious; PLZ 00xxx). */
import type { AccountView } from '../domain/account.js';
import type { JobcenterView } from '../domain/jobcenter.js';
import type { TdaReceipt } from '../domain/tda.js';

/** The demo applicant. */
export const DEMO = {
  email: 'erika.mustermann@example.org',
  password: 'korrekt-pferd-batterie',
  /** A confirmation token the mock accepts. */
  confirmToken: 'valid-confirmation-token-0001',
} as const;

/** Problem type base of the mock (the client only looks at the last path segment). */
export const PROBLEM_BASE = 'https://jobcenter.example/problems/';

const ALL_ON = { tda: true, ade: true, ibd: true, mws: true, oap: true };

/** The five demo jobcenters (domain.md section 6). */
export const JOBCENTERS: Record<string, JobcenterView> = {
  musterstadt: {
    id: 'musterstadt',
    name: 'Jobcenter Musterstadt',
    kind: 'ge',
    wave: 'pilot',
    goLive: '2022-10-04',
    live: true,
    modules: ALL_ON,
    theme: 'musterstadt',
    contact: {
      phone: '0800 4555500',
      email: 'jobcenter-musterstadt@example.org',
      address: 'Hauptstraße 1, 00100 Musterstadt',
      url: 'https://jobcenter-musterstadt.example',
      openingHours: 'Mo–Fr 8–12 Uhr, Do 14–18 Uhr',
      paperFormUrl: 'https://jobcenter-musterstadt.example/antrag.pdf',
    },
  },
  beispielkreis: {
    id: 'beispielkreis',
    name: 'Jobcenter Landkreis Beispielkreis',
    kind: 'ge',
    wave: 'wave2',
    goLive: '2022-11-29',
    live: true,
    modules: { ...ALL_ON, oap: false },
    theme: 'beispielkreis',
    contact: { phone: '0800 4555501', email: 'jobcenter-beispielkreis@example.org' },
  },
  hafenstadt: {
    id: 'hafenstadt',
    name: 'Jobcenter Hafenstadt',
    kind: 'ge',
    wave: 'wave2',
    goLive: '2022-11-29',
    live: true,
    modules: ALL_ON,
    theme: 'hafenstadt',
    contact: {
      phone: '0800 4555502',
      email: 'jobcenter-hafenstadt@example.org',
      address: 'Kai 7, 00200 Hafenstadt',
    },
  },
  'bergland-sued': {
    id: 'bergland-sued',
    name: 'Jobcenter Bergland-Süd',
    kind: 'ge',
    wave: 'not_yet',
    goLive: '2027-04-01',
    live: false,
    modules: { tda: false, ade: false, ibd: false, mws: false, oap: false },
    theme: 'bergland-sued',
    contact: {
      phone: '0800 4555503',
      email: 'jobcenter-bergland-sued@example.org',
      address: 'Talweg 3, 00400 Bergland',
      openingHours: 'Mo–Fr 8–12 Uhr',
      paperFormUrl: 'https://jobcenter-bergland-sued.example/antrag.pdf',
    },
  },
  exempelkreis: {
    id: 'exempelkreis',
    name: 'Kommunales Jobcenter Exempelkreis',
    kind: 'zkt',
    wave: 'not_yet',
    goLive: null,
    live: false,
    modules: { tda: false, ade: false, ibd: false, mws: false, oap: false },
    theme: 'exempelkreis',
    contact: { phone: '0800 4555504', address: 'Kreishaus, 00300 Exempel' },
  },
};

/** The demo account at a level. */
export function account(level: 0 | 1): AccountView {
  return { id: 'acc_demo', email: DEMO.email, level, emailConfirmed: level >= 1 };
}

/** A receipt as GET /api/tda/:id answers it. */
export function receipt(overrides: Partial<TdaReceipt> = {}): TdaReceipt {
  const jc = JOBCENTERS.musterstadt;
  return {
    id: 'tda_0001',
    number: 'TDA-2025-000001',
    receivedAt: '2025-11-25T13:05:00.000Z',
    status: 'received',
    responsibility: 'portal',
    portalJobcenter: { id: jc.id, name: jc.name },
    responsibleJobcenter: {
      id: jc.id,
      name: jc.name,
      kind: 'ge',
      phone: jc.contact.phone,
      email: jc.contact.email,
      address: jc.contact.address,
    },
    dataSha256: '9f2c1a7e5b3d4c6f8a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f',
    pdf: {
      status: 'ready',
      sha256: '3b7e9c1d2f4a6b8c0d1e3f5a7b9c1d3e5f7a9b1c3d5e7f9a1b3c5d7e9f1a3b5c',
      href: '/api/tda/tda_0001/pdf',
      bytes: 48213,
    },
    ...overrides,
  };
}

/** Complete, valid answers of the TdA form (as typed). */
export const TDA_ANSWERS = {
  firstName: 'Erika',
  lastName: 'Mustermann',
  birthDate: { day: '12', month: '8', year: '1990' },
  street: 'Lindenweg',
  houseNumber: '4a',
  postalCode: '00123',
  city: 'Musterstadt',
  phone: '030 1234567',
} as const;
