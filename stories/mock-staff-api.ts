/**
 * An in-memory stand-in for the staff API (`/api/staff/...`), answering with the exact shapes of
 * domain/staff.ts and problem+json on errors. Used by the staff stories and their component tests.
 */
import type { InboxItem, StaffView } from '../domain/staff.js';
import { JOBCENTERS, PROBLEM_BASE } from './fixtures.js';
import type { MockCall } from './mock-api.js';
import {
  COLLEAGUES,
  ME,
  NEW_STAFF,
  RECOVERY_CODES,
  STAFF_DEMO,
  countOpen,
  makeItems,
  qrSvg,
} from './staff-fixtures.js';

/** How the staff mock behaves. */
export interface StaffMockOptions {
  /** Staff session at start. */
  session?: 'none' | 'staff';
  /** The work items: a number of generated ones, or the items themselves. Default 12. */
  items?: number | InboxItem[];
  /** Delay of every answer (ms). */
  delayMs?: number;
  /** GET /api/staff/inbox never answers (loading state). */
  inboxHangs?: boolean;
  /** Every GET /api/staff/inbox fails like this. */
  inboxFailure?: 500 | 403 | 'network';
  /** Work item ids a colleague claims just before this staff member does (→ 412 with `current`). */
  raceOn?: string[];
  /** The QR code the enrolment sends. */
  qrSvg?: string;
}

const DAY = 86_400_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function json(status: number, body?: unknown, headers: Record<string, string> = {}): Response {
  if (body === undefined) return new Response(null, { status, headers });
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

function problem(
  status: number,
  kind: string,
  title: string,
  extra: Record<string, unknown> = {},
  headers = {},
) {
  return new Response(JSON.stringify({ type: PROBLEM_BASE + kind, title, status, ...extra }), {
    status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  });
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The mock staff server. `fetch` is the function to install as `window.fetch` or pass to an ApiClient. */
export class MockStaffApi {
  /** Every request, in order. */
  readonly calls: MockCall[] = [];
  /** The work items (changed by claim and assign). */
  readonly items: InboxItem[];
  /** The signed-in staff member, if any. */
  staff?: StaffView;
  private challenge?: { value: string; staff: StaffView; purpose: 'totp' | 'enrol-code' | 'enrol' };
  private readonly usedRecovery = new Set<string>();
  private readonly raced = new Set<string>();
  private serial = 0;

  constructor(readonly options: StaffMockOptions = {}) {
    const items = options.items ?? 12;
    this.items = typeof items === 'number' ? makeItems(items) : items.map((i) => ({ ...i }));
    this.staff = options.session === 'staff' ? ME : undefined;
  }

  /** Calls whose method and path (without query) match. */
  callsTo(method: string, path: string): MockCall[] {
    return this.calls.filter((c) => c.method === method && c.path.split('?')[0] === path);
  }

  readonly fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    const method = (init.method ?? 'GET').toUpperCase();
    const path = url.pathname.slice(Math.max(0, url.pathname.indexOf('/api/')));
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    const body = typeof init.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : {};
    this.calls.push({ method, path: path + url.search, headers, body: init.body ? body : undefined });
    if (this.options.delayMs) await sleep(this.options.delayMs);
    return this.route(method, path, url.searchParams, headers, body);
  };

  private session() {
    return { staff: this.staff!, expiresAt: new Date(Date.now() + 12 * 3_600_000).toISOString() };
  }

  private newChallenge(staff: StaffView, purpose: 'totp' | 'enrol-code' | 'enrol'): string {
    const value = `challenge-${++this.serial}-${'x'.repeat(24)}`;
    this.challenge = { value, staff, purpose };
    return value;
  }

  private async route(
    method: string,
    path: string,
    query: URLSearchParams,
    headers: Record<string, string>,
    body: Record<string, unknown>,
  ): Promise<Response> {
    const item = /^\/api\/staff\/work-items\/([^/]+)\/(claim|assign)$/.exec(path);
    if (item && method === 'POST') return this.change(decodeURIComponent(item[1]), item[2], headers, body);
    switch (`${method} ${path}`) {
      case 'POST /api/staff/sessions': {
        if (body.email === STAFF_DEMO.lockedEmail)
          return problem(429, 'too-many-requests', 'Zu viele Versuche', {}, { 'Retry-After': '120' });
        if (body.password !== STAFF_DEMO.password)
          return problem(401, 'invalid-credentials', 'Anmeldung fehlgeschlagen');
        if (body.email === STAFF_DEMO.email)
          return json(200, { step: 'totp', challenge: this.newChallenge(ME, 'totp') });
        if (body.email === STAFF_DEMO.newEmail)
          return json(200, { step: 'enrol', challenge: this.newChallenge(NEW_STAFF, 'enrol-code') });
        return problem(401, 'invalid-credentials', 'Anmeldung fehlgeschlagen');
      }
      case 'POST /api/staff/enrolment': {
        if (this.challenge?.purpose !== 'enrol-code' || body.challenge !== this.challenge.value)
          return problem(401, 'staff-challenge-invalid', 'Die Anmeldung ist abgelaufen');
        const code = String(body.enrolmentCode ?? '')
          .toUpperCase()
          .replace(/[\s-]/g, '');
        if (code !== STAFF_DEMO.enrolmentCode.replace(/-/g, ''))
          return problem(401, 'enrolment-code-invalid', 'Der Freischaltcode ist falsch oder abgelaufen');
        const label = encodeURIComponent(`Jobcenter Musterstadt:${STAFF_DEMO.newEmail}`);
        return json(200, {
          challenge: this.newChallenge(NEW_STAFF, 'enrol'),
          secret: STAFF_DEMO.secret,
          otpauthUrl: `otpauth://totp/${label}?secret=${STAFF_DEMO.secret}&issuer=Jobcenter%20Musterstadt`,
          qrSvg: this.options.qrSvg ?? qrSvg(),
        });
      }
      case 'POST /api/staff/totp/confirm':
        if (this.challenge?.purpose !== 'enrol' || body.challenge !== this.challenge.value)
          return problem(401, 'staff-challenge-invalid', 'Die Anmeldung ist abgelaufen');
        if (body.code !== STAFF_DEMO.totp) return problem(401, 'invalid-code', 'Code falsch');
        this.staff = this.challenge.staff;
        this.challenge = undefined;
        return json(200, { ...this.session(), recoveryCodes: RECOVERY_CODES });
      case 'POST /api/staff/sessions/second-factor': {
        if (this.challenge?.purpose !== 'totp' || body.challenge !== this.challenge.value)
          return problem(401, 'staff-challenge-invalid', 'Die Anmeldung ist abgelaufen');
        const code = String(body.code ?? '')
          .toUpperCase()
          .replace(/-/g, '');
        const recovery = STAFF_DEMO.recovery.replace(/-/g, '');
        const ok = code === STAFF_DEMO.totp || (code === recovery && !this.usedRecovery.has(code));
        if (!ok) return problem(401, 'invalid-code', 'Code falsch');
        if (code === recovery) this.usedRecovery.add(code);
        this.staff = this.challenge.staff;
        this.challenge = undefined;
        return json(200, this.session());
      }
      case 'GET /api/staff/session':
        return this.staff ? json(200, this.session()) : json(204);
      case 'DELETE /api/staff/session':
        this.staff = undefined;
        return json(204);
      case 'GET /api/staff/inbox':
        return this.inbox(query);
      case 'GET /api/staff/colleagues':
        return this.staff ? json(200, COLLEAGUES) : problem(401, 'unauthenticated', 'Nicht angemeldet');
      default: {
        const jc = /^GET \/api\/jobcenters\/([^/]+)$/.exec(`${method} ${path}`);
        if (jc && JOBCENTERS[jc[1]]) return json(200, JOBCENTERS[jc[1]]);
        return problem(404, 'not-found', 'Nicht gefunden');
      }
    }
  }

  private async inbox(q: URLSearchParams): Promise<Response> {
    if (this.options.inboxHangs) await new Promise(() => undefined);
    if (!this.staff) return problem(401, 'unauthenticated', 'Nicht angemeldet');
    const failure = this.options.inboxFailure;
    if (failure === 'network') throw new TypeError('Failed to fetch');
    if (failure === 403) return problem(403, 'forbidden', 'Kein Zugriff');
    if (failure === 500) return problem(500, 'internal', 'Interner Fehler');
    const me = this.staff.id;
    const assignee = q.get('assignee') ?? 'any';
    const older = q.get('olderThanDays');
    const text = (q.get('q') ?? '').toLowerCase();
    const list = this.items.filter(
      (i) =>
        (!q.get('postkorb') || i.postkorbId === q.get('postkorb')) &&
        (!q.get('type') || i.type === q.get('type')) &&
        (!q.get('status') || i.status === q.get('status')) &&
        (assignee !== 'me' || i.assignee?.id === me) &&
        (assignee !== 'none' || !i.assignee) &&
        (!older || Date.parse(i.createdAt) <= Date.now() - Number(older) * DAY) &&
        (!text ||
          i.title
            .toLowerCase()
            .split(/[\s,–]+/)
            .some((w) => w.startsWith(text))),
    );
    const sort = q.get('sort') ?? 'oldest';
    list.sort((a, b) => {
      if (sort === 'deadline') {
        const d = compare(a.deadline ?? '9999', b.deadline ?? '9999');
        if (d) return d;
      }
      const c = compare(a.createdAt, b.createdAt) || compare(a.id, b.id);
      return sort === 'newest' ? -c : c;
    });
    const after = q.get('after');
    const start = after ? list.findIndex((i) => i.id === atob(after)) + 1 : 0;
    const limit = Number(q.get('limit') ?? 50);
    const page = list.slice(start, start + limit);
    const next = start + limit < list.length ? btoa(page[page.length - 1].id) : null;
    return json(200, { items: page, next, postkoerbe: countOpen(this.items) });
  }

  private change(id: string, action: string, headers: Record<string, string>, body: Record<string, unknown>) {
    if (!this.staff) return problem(401, 'unauthenticated', 'Nicht angemeldet');
    const index = this.items.findIndex((i) => i.id === id);
    if (index < 0) return problem(404, 'not-found', 'Nicht gefunden');
    const match = /^"(\d+)"$/.exec(headers['if-match'] ?? '');
    if (!match) return problem(428, 'precondition-required', 'If-Match fehlt');
    if (this.options.raceOn?.includes(id) && !this.raced.has(id)) {
      this.raced.add(id);
      const it = this.items[index];
      this.items[index] = {
        ...it,
        assignee: COLLEAGUES[0],
        status: 'in_bearbeitung',
        version: it.version + 1,
      };
    }
    const current = this.items[index];
    if (Number(match[1]) !== current.version)
      return problem(412, 'version-conflict', 'Der Vorgang wurde inzwischen geändert', { current });
    let assignee: InboxItem['assignee'];
    if (action === 'claim') assignee = { id: this.staff.id, name: this.staff.name };
    else if (body.staffId === null) assignee = null;
    else {
      const colleague = COLLEAGUES.find((c) => c.id === body.staffId);
      if (!colleague)
        return problem(400, 'validation', 'Ungültige Eingabe', {
          errors: [{ path: 'staffId', code: 'unknown', message: 'Unbekannt' }],
        });
      assignee = colleague;
    }
    const status = assignee && current.status === 'neu' ? 'in_bearbeitung' : current.status;
    this.items[index] = { ...current, assignee, status, version: current.version + 1 };
    return json(200, this.items[index]);
  }
}
