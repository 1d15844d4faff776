/**
 * An in-memory stand-in for the server API, answering with the exact shapes of `/api` (problem+json
 * on errors). Used by the stories (Storybook has no server) and by the component tests as the stub
 * for `fetch`. The end-to-end tests drive the real server instead.
 */
import { tdaInput, type TdaReceipt } from '../domain/tda.js';
import type { AccountView } from '../domain/account.js';
import { DEMO, JOBCENTERS, PROBLEM_BASE, account } from './fixtures.js';
import { MockApplications, type ApplicationsOptions } from './mock-applications.js';

/** How the mock behaves. */
export interface MockOptions extends ApplicationsOptions {
  /** Session at start. */
  session?: 'none' | 'level0' | 'level1';
  /** Receipts the account already has. */
  receipts?: TdaReceipt[];
  /** GET /api/tda/:id answers pending this many times before the PDF is ready. */
  pdfReadyAfterPolls?: number;
  /** Delay of every answer (ms). */
  delayMs?: number;
  /** Failures of the next POST /api/tda calls, in order: `network` (nothing reached the server),
   * `lost` (the server stored it but the answer got lost), `in-progress` (409), `500`. */
  tdaFailures?: Array<'network' | 'lost' | 'in-progress' | 500>;
  /** Server clock. */
  now?: () => Date;
}

/** One request the mock received. */
export interface MockCall {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: unknown;
}

const COMMON_PASSWORDS = new Set(['passwort12345', '123456789012', 'qwertzuiop12']);
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
  const body = { type: PROBLEM_BASE + kind, title, status, ...extra };
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  });
}

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Responsibility by postal code prefix: 001 portal, 002 another gE, 003 a zkT, 009 unknown. */
function responsibility(plz: string): Pick<TdaReceipt, 'responsibility' | 'responsibleJobcenter'> {
  const pick = (id: string) => {
    const j = JOBCENTERS[id];
    return {
      id: j.id,
      name: j.name,
      kind: j.kind,
      phone: j.contact.phone,
      email: j.contact.email,
      address: j.contact.address,
    };
  };
  if (plz.startsWith('002'))
    return { responsibility: 'other_jobcenter', responsibleJobcenter: pick('hafenstadt') };
  if (plz.startsWith('003'))
    return { responsibility: 'municipal_forwarded', responsibleJobcenter: pick('exempelkreis') };
  if (plz.startsWith('009'))
    return { responsibility: 'unknown_postal_code', responsibleJobcenter: pick('musterstadt') };
  return { responsibility: 'portal', responsibleJobcenter: pick('musterstadt') };
}

/** The mock server. `fetch` is the function to install as `window.fetch` or pass to an ApiClient. */
export class MockApi {
  /** Every request, in order. */
  readonly calls: MockCall[] = [];
  /** The signed-in account, if any. */
  account?: AccountView;
  /** Stored receipts. */
  readonly receipts: TdaReceipt[];
  /** The ADE endpoints (drafts, submission, uploads). */
  readonly applications: MockApplications;
  private readonly polls = new Map<string, number>();
  private readonly idempotency = new Map<string, { body: string; receipt: TdaReceipt }>();

  constructor(readonly options: MockOptions = {}) {
    this.applications = new MockApplications(options, () => options.now?.() ?? new Date());
    this.account =
      options.session === 'level0' ? account(0) : options.session === 'level1' ? account(1) : undefined;
    this.receipts = [...(options.receipts ?? [])];
  }

  /** Calls whose method and path match. */
  callsTo(method: string, path: string): MockCall[] {
    return this.calls.filter((c) => c.method === method && c.path === path);
  }

  readonly fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    const method = (init.method ?? 'GET').toUpperCase();
    const path = url.pathname.slice(Math.max(0, url.pathname.indexOf('/api/')));
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    const body = typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    this.calls.push({ method, path, headers, body });
    if (this.options.delayMs) await sleep(this.options.delayMs);
    if (/^\/api\/(applications|uploads)\b/.test(path)) {
      if (!this.account) return problem(401, 'unauthenticated', 'Nicht angemeldet');
      const answer = await this.applications.route(method, path, headers, body);
      if (answer) return answer;
    }
    return this.route(method, path, headers, body as Record<string, unknown>);
  };

  /** A fake XMLHttpRequest for uploads (records the call, reports progress, stores the file). */
  readonly xhr = (): XMLHttpRequest => this.applications.xhr((c) => this.calls.push(c));

  private session() {
    return { account: this.account!, expiresAt: new Date(Date.now() + 30 * 60_000).toISOString() };
  }

  private async route(
    method: string,
    path: string,
    headers: Record<string, string>,
    body: Record<string, unknown>,
  ) {
    const key = `${method} ${path.replace(/\/tda_[^/]+/, '/:id').replace(/\/jobcenters\/[^/]+/, '/jobcenters/:id')}`;
    switch (key) {
      case 'POST /api/accounts': {
        const errors = [];
        if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(String(body.email ?? '')))
          errors.push({ path: 'email', code: 'invalid_email', message: 'Ungültige E-Mail-Adresse' });
        const pw = String(body.password ?? '');
        if (pw.length < 12) errors.push({ path: 'password', code: 'password_too_short', message: 'Zu kurz' });
        else if (COMMON_PASSWORDS.has(pw))
          errors.push({ path: 'password', code: 'password_common', message: 'Zu bekannt' });
        if (errors.length) return problem(400, 'validation', 'Ungültige Eingabe', { errors });
        return json(202, { status: 'confirmation_sent' });
      }
      case 'POST /api/accounts/confirm':
        if (body.token !== DEMO.confirmToken) return problem(400, 'token-invalid', 'Der Link ist ungültig');
        if (this.account) this.account = account(1);
        return json(200, { account: account(1) });
      case 'POST /api/accounts/resend-confirmation':
        return json(202, { status: 'confirmation_sent' });
      case 'POST /api/sessions': {
        if (body.email === 'gesperrt@example.org')
          return problem(429, 'too-many-requests', 'Zu viele Versuche', {}, { 'Retry-After': '120' });
        if (body.email !== DEMO.email || body.password !== DEMO.password)
          return problem(401, 'invalid-credentials', 'E-Mail oder Passwort ist falsch');
        this.account ??= account(1);
        return json(200, {
          ...this.session(),
          ...(body.transport === 'bearer' ? { token: 'bearer-token-demo' } : {}),
        });
      }
      case 'GET /api/session':
        return this.account ? json(200, this.session()) : problem(401, 'unauthenticated', 'Nicht angemeldet');
      case 'DELETE /api/session':
        this.account = undefined;
        return json(204);
      case 'GET /api/jobcenters/:id': {
        const jc = JOBCENTERS[path.split('/').pop()!];
        return jc ? json(200, jc) : problem(404, 'not-found', 'Nicht gefunden');
      }
      case 'GET /api/jobcenters/:id/ibd':
        // jc-ibd-notice in the receipts; stories/ibd-notice.stories.ts covers its other states
        return json(200, { available: true, type: 'erstantrag', lang: 'de', fallback: false, effectiveFrom: '2022-10-04', version: 1, text: 'Erstanträge bearbeiten wir in der Regel innerhalb von 3 Wochen, sobald alle Unterlagen vorliegen.' });
      case 'POST /api/tda':
        return this.postTda(headers['idempotency-key'], body);
      case 'GET /api/tda':
        return this.account
          ? json(200, { items: this.receipts })
          : problem(401, 'unauthenticated', 'Nicht angemeldet');
      case 'GET /api/tda/:id':
        return this.getTda(path.split('/')[3]);
      case 'GET /api/tda/:id/pdf':
        return new Response(new Blob(['%PDF-1.7\n% Eingangsbestätigung\n'], { type: 'application/pdf' }), {
          status: 200,
          headers: { 'Content-Disposition': 'attachment; filename="eingangsbestaetigung.pdf"' },
        });
      default:
        return problem(404, 'not-found', 'Nicht gefunden');
    }
  }

  private async postTda(key: string | undefined, body: Record<string, unknown>): Promise<Response> {
    if (!this.account) return problem(401, 'unauthenticated', 'Nicht angemeldet');
    if (this.account.level < 1)
      return problem(403, 'level-required', 'Sicherheitsstufe zu niedrig', { requiredLevel: 1 });
    if (!key) return problem(400, 'idempotency-key-missing', 'Idempotency-Key fehlt');
    const failure = this.options.tdaFailures?.shift();
    if (failure === 'network') throw new TypeError('Failed to fetch');
    if (failure === 'in-progress') return problem(409, 'idempotency-in-progress', 'Wird noch verarbeitet');
    if (failure === 500) return problem(500, 'internal', 'Interner Fehler');
    const text = JSON.stringify(body);
    const stored = this.idempotency.get(key);
    if (stored && stored.body !== text)
      return problem(422, 'idempotency-key-reused', 'Schlüssel schon verwendet');
    if (stored) return json(200, stored.receipt);
    const parsed = tdaInput.safeParse(body);
    if (!parsed.success) {
      const errors = parsed.error.issues.map((i) => ({
        path: i.path.join('.'),
        code: i.message,
        message: i.message,
      }));
      return problem(400, 'validation', 'Ungültige Eingabe', { errors });
    }
    if (parsed.data.postalCode === '00000')
      return problem(400, 'validation', 'Ungültige Eingabe', {
        errors: [{ path: 'postalCode', code: 'invalid_plz', message: 'Diese Postleitzahl gibt es nicht' }],
      });
    const n = this.receipts.length + 1;
    const portal = JOBCENTERS[parsed.data.portalJobcenterId] ?? JOBCENTERS.musterstadt;
    const receipt: TdaReceipt = {
      id: `tda_${String(n).padStart(4, '0')}`,
      number: `TDA-2025-${String(n).padStart(6, '0')}`,
      receivedAt: (this.options.now?.() ?? new Date()).toISOString(),
      status: 'received',
      portalJobcenter: { id: portal.id, name: portal.name },
      ...responsibility(parsed.data.postalCode),
      dataSha256: await sha256(text),
      pdf: { status: 'pending' },
    };
    this.receipts.unshift(receipt);
    this.idempotency.set(key, { body: text, receipt });
    if (failure === 'lost') throw new TypeError('Failed to fetch');
    return json(201, receipt);
  }

  private async getTda(id: string): Promise<Response> {
    const r = this.receipts.find((x) => x.id === id);
    if (!r || !this.account) return problem(404, 'not-found', 'Nicht gefunden');
    const polls = (this.polls.get(id) ?? 0) + 1;
    this.polls.set(id, polls);
    if (r.pdf.status === 'pending' && polls >= (this.options.pdfReadyAfterPolls ?? 2)) {
      r.pdf = {
        status: 'ready',
        sha256: await sha256(`pdf:${id}`),
        href: `/api/tda/${id}/pdf`,
        bytes: 48213,
      };
    }
    return json(200, r);
  }
}
