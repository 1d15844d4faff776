/** In-memory API of the duplicate check and the support view (server shapes), for stories and component tests. */
import type { InternetPersonDetail, PersonView, SupportAccountView } from '../domain/person.js';

/** Options of the mock. */
export interface PersonsMockOptions {
  /** `none`: no staff session (401). */
  session?: 'staff' | 'none';
  /** Status of every staff list/lookup request instead of data (e.g. 403, 500). */
  failure?: number;
  /** Another caseworker decides first: convert/merge answer 409. */
  raceOnDecide?: boolean;
  /** No Internetpersonen. */
  empty?: boolean;
  /** The support account's state. */
  account?: Partial<SupportAccountView> | null;
}

const person = (id: string, kundennummer: string, d: Partial<PersonView> = {}): PersonView => ({ id, kundennummer, firstName: 'Jürgen', lastName: 'Müller', birthDate: '1971-02-03', street: 'Hafenstraße', postalCode: '00501', city: 'Hafenstadt', rvNr: null, ...d });

/** The fixture Internetperson and its candidates. */
export function fixtureDetail(): InternetPersonDetail {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    tdaNumber: 'TDA-2026-7K3M9Q',
    receivedAt: '2026-11-24T09:12:00.000Z',
    data: { firstName: 'Juergen', lastName: 'Mueller', birthDate: '1971-02-03', street: 'Hafenstrasse', postalCode: '00501', city: 'Hafenstadt', rvNr: null },
    bestScore: 0.9,
    candidates: 2,
    state: 'open',
    version: 1,
    threshold: 0.6,
    matches: [
      { person: person('dp-002', '900D900002'), score: 0.9, reasons: ['name_exact', 'birth_date_exact', 'postal_code', 'street'] },
      { person: person('dp-g0042', '900D000042', { firstName: 'Jürgen', birthDate: '1998-08-19', street: 'Neue Straße', postalCode: '00160', city: 'Demostadt' }), score: 0.5, reasons: ['name_exact', 'birth_date_differs'] },
    ],
    applications: [],
  };
}

/** The fixture support account (technical state only). */
export const SUPPORT_ACCOUNT: SupportAccountView = {
  id: '00000000-0000-4000-8000-0000000000a1',
  confirmed: false,
  locked: true,
  lockedUntil: '2026-11-25T10:15:00.000Z',
  failedSignIns: 7,
  lastSignInAt: '2026-11-20T08:00:00.000Z',
  level: 0,
  openTda: true,
  createdAt: '2026-11-01T12:00:00.000Z',
};

const json = (status: number, body?: unknown, headers: Record<string, string> = {}) =>
  new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers } });

/** The mock; `calls` records method, path and headers of every request. */
export class MockPersonsApi {
  readonly calls: { method: string; path: string; headers: Record<string, string>; body?: unknown }[] = [];
  detail = fixtureDetail();
  account: SupportAccountView | null;
  constructor(private readonly o: PersonsMockOptions = {}) {
    this.account = o.account === null ? null : { ...SUPPORT_ACCOUNT, ...o.account };
  }

  /** A fetch implementation. */
  readonly fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input), location.href);
    const method = (init.method ?? 'GET').toUpperCase();
    const headers = Object.fromEntries(Object.entries((init.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]));
    this.calls.push({ method, path: url.pathname + url.search, headers, body: init.body ? JSON.parse(String(init.body)) : undefined });
    await new Promise((r) => setTimeout(r, 5));
    const p = url.pathname;
    if (this.o.session === 'none') return p === '/api/staff/session' ? json(401, { title: 'Bitte melden Sie sich an.' }) : json(401, {});
    if (p === '/api/staff/session') return json(200, { staff: { id: 'staff-1', name: 'Lea Becker', email: 'lea@example', jobcenterId: 'musterstadt', roles: ['leistung'] }, expiresAt: '2099-01-01T00:00:00Z' });
    if (this.o.failure && (method === 'GET' || p === '/api/support/accounts/lookup')) return json(this.o.failure, { title: 'Fehler' });
    const d = this.detail;
    if (p === '/api/staff/internet-persons') {
      const items = this.o.empty || d.state !== 'open' ? [] : [{ id: d.id, tdaNumber: d.tdaNumber, receivedAt: d.receivedAt, data: d.data, bestScore: d.bestScore, candidates: d.candidates }];
      return json(200, { items });
    }
    if (p === `/api/staff/internet-persons/${d.id}`) return json(200, d, { etag: `"${d.version}"` });
    const decide = /^\/api\/staff\/internet-persons\/([^/]+)\/(convert|merge)$/.exec(p);
    if (decide && method === 'POST') {
      if (this.o.raceOnDecide || d.state !== 'open') {
        this.detail = { ...d, state: 'merged', version: d.version + 1 };
        return json(409, { title: 'Über diese Internetperson wurde schon entschieden.' });
      }
      const target = decide[2] === 'merge' ? d.matches.find((m) => m.person.id === (this.calls.at(-1)!.body as { personId: string }).personId)!.person : person('new', '962W123456', d.data);
      this.detail = { ...d, state: decide[2] === 'merge' ? 'merged' : 'converted', version: d.version + 1 };
      return json(decide[2] === 'merge' ? 200 : 201, { id: d.id, state: this.detail.state, person: target, released: 0 });
    }
    if (p === '/api/support/accounts/lookup' && method === 'POST') return this.account ? json(200, { account: this.account }) : json(404, { title: 'Nicht gefunden.' });
    const action = /^\/api\/support\/accounts\/[^/]+\/(unlock|resend-confirmation)$/.exec(p);
    if (action && this.account) {
      if (action[1] === 'unlock') this.account = { ...this.account, locked: false, lockedUntil: null, failedSignIns: 0 };
      return json(action[1] === 'unlock' ? 200 : 202, { status: 'ok' });
    }
    return json(404, { title: 'Nicht gefunden.' });
  };
}
