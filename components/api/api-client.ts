/** ApiClient: the small fetch client of the widgets for the server API (`/api/...`). */
import type { AccountView, SessionView } from '../../domain/account.js';
import type { JobcenterView } from '../../domain/jobcenter.js';
import type { TdaInput, TdaReceipt } from '../../domain/tda.js';
import { ApiError, parseRetryAfter, type ProblemBody } from './api-error.js';

export { ApiError } from './api-error.js';

/** Options of an ApiClient. */
export interface ApiClientOptions {
  /** Base URL of the server; API paths (`api/session`) resolve against it. Default: the script's origin. */
  baseUrl?: string;
  /** fetch implementation; default: `window.fetch` looked up at call time (so tests can stub it). */
  fetch?: typeof fetch;
  /** Where a bearer token survives reloads (cross-origin only); default sessionStorage, null = memory only. */
  storage?: Storage | null;
  /** XMLHttpRequest factory for uploads with progress; default: `new XMLHttpRequest()` at call time. */
  xhr?: () => XMLHttpRequest;
}

/** Sign-up body (POST /api/accounts). */
export interface SignUpBody {
  email: string;
  password: string;
  lang?: 'de' | 'en';
  jobcenterId?: string;
}

/** The origin the widget script was loaded from (the server serves `dist/` at `/widgets/`). */
export function scriptOrigin(): string {
  try {
    return new URL(import.meta.url).origin + '/';
  } catch {
    return location.origin + '/';
  }
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Talks to the server API. Same origin: the session is an HttpOnly cookie (`credentials: include`).
 * Another origin (the widget is embedded in a portal on a different host): sign-in asks for
 * `transport: 'bearer'` and the token travels in `Authorization: Bearer`, kept in memory and in
 * sessionStorage (per tab, gone when the tab closes). Errors are thrown as `ApiError`.
 */
export class ApiClient {
  /** Normalised base URL (ends with `/`). */
  readonly baseUrl: string;
  /** True when the API lives on another origin than the page (bearer transport). */
  readonly crossOrigin: boolean;
  private readonly fetchImpl: typeof fetch;
  private readonly storage: Storage | null;
  private readonly storageKey: string;
  /** Creates the XMLHttpRequest of an upload (fetch has no upload progress). */
  readonly xhr: () => XMLHttpRequest;
  private token?: string;

  constructor(options: ApiClientOptions = {}) {
    const base = new URL(options.baseUrl || scriptOrigin(), location.href);
    if (!base.pathname.endsWith('/')) base.pathname += '/';
    base.search = '';
    base.hash = '';
    this.baseUrl = base.href;
    this.crossOrigin = base.origin !== location.origin;
    this.fetchImpl = options.fetch ?? ((input, init) => window.fetch(input, init));
    this.xhr = options.xhr ?? (() => new XMLHttpRequest());
    this.storageKey = `jc-widgets:token:${base.origin}`;
    this.storage = options.storage === undefined ? safeSessionStorage() : options.storage;
    if (this.crossOrigin) this.token = this.readToken();
  }

  /** Absolute URL of an API path (`api/...`) or of an href the server returned (`/api/tda/1/pdf`). */
  url(path: string): string {
    return new URL(path, this.baseUrl).href;
  }

  /** POST /api/accounts → `{status: 'confirmation_sent'}` (same answer whether or not the address exists). */
  signUp(body: SignUpBody): Promise<{ status: 'confirmation_sent' }> {
    return this.request('POST', 'api/accounts', body);
  }
  /** POST /api/accounts/confirm → the confirmed account (level 1). */
  confirm(token: string): Promise<{ account: AccountView }> {
    return this.request('POST', 'api/accounts/confirm', { token });
  }
  /** POST /api/accounts/resend-confirmation. */
  resendConfirmation(email: string, lang?: 'de' | 'en'): Promise<unknown> {
    return this.request('POST', 'api/accounts/resend-confirmation', { email, lang });
  }
  /** POST /api/sessions: cookie on the same origin, bearer token across origins. */
  async signIn(email: string, password: string): Promise<SessionView> {
    const transport = this.crossOrigin ? 'bearer' : 'cookie';
    const session = await this.request<SessionView>('POST', 'api/sessions', { email, password, transport });
    if (this.crossOrigin && session.token) this.setToken(session.token);
    return session;
  }
  /** GET /api/session → the session, or null when signed out. */
  async session(): Promise<SessionView | null> {
    if (this.crossOrigin && !this.token) return null;
    try {
      return await this.request<SessionView>('GET', 'api/session');
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return null;
      throw e;
    }
  }
  /** DELETE /api/session; the local token is dropped even when the request fails. */
  async signOut(): Promise<void> {
    try {
      await this.request('DELETE', 'api/session');
    } finally {
      this.setToken(undefined);
    }
  }
  /** GET /api/jobcenters/:id. */
  jobcenter(id: string): Promise<JobcenterView> {
    return this.request('GET', `api/jobcenters/${encodeURIComponent(id)}`);
  }
  /** POST /api/tda with an Idempotency-Key → the receipt (201 new, 200 replay). */
  submitTda(input: TdaInput, idempotencyKey: string): Promise<TdaReceipt> {
    return this.request('POST', 'api/tda', input, { 'Idempotency-Key': idempotencyKey });
  }
  /** GET /api/tda → the receipts of the signed-in account, newest first. */
  async listTda(): Promise<TdaReceipt[]> {
    const { items } = await this.request<{ items: TdaReceipt[] }>('GET', 'api/tda');
    return [...items].sort((a, b) => (a.receivedAt < b.receivedAt ? 1 : -1));
  }
  /** GET /api/tda/:id. */
  tda(id: string): Promise<TdaReceipt> {
    return this.request('GET', `api/tda/${encodeURIComponent(id)}`);
  }
  /** Downloads a file with the session's credentials (needed for bearer transport, where a plain link has none). */
  async download(href: string): Promise<Blob> {
    const res = await this.send('GET', href, undefined, { Accept: '*/*' });
    return res.blob();
  }

  /** Sends a request and returns the parsed JSON body; throws ApiError on status ≥ 400 or network failure. */
  async request<T>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<T> {
    const res = await this.send(method, path, body, headers);
    if (res.status === 204) return undefined as T;
    return (await readJson(res)) as T;
  }

  /** Headers of a request made outside `request` (XHR uploads): adds the bearer token across origins. */
  auth(headers: Record<string, string> = {}): Record<string, string> {
    if (this.crossOrigin && this.token) headers.Authorization = `Bearer ${this.token}`;
    return headers;
  }

  private async send(
    method: string,
    path: string,
    body: unknown,
    extra: Record<string, string>,
  ): Promise<Response> {
    const headers: Record<string, string> = {
      Accept: 'application/json, application/problem+json',
      ...extra,
    };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (this.crossOrigin && this.token) headers.Authorization = `Bearer ${this.token}`;
    let res: Response;
    try {
      res = await this.fetchImpl(this.url(path), {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: this.crossOrigin ? 'omit' : 'include',
        cache: 'no-store',
      });
    } catch (e) {
      throw new ApiError(0, { type: 'network', title: e instanceof Error ? e.message : String(e) });
    }
    if (res.ok) return res;
    if (res.status === 401) this.setToken(undefined);
    const problem = ((await readJson(res)) ?? {}) as ProblemBody;
    throw new ApiError(res.status, problem, parseRetryAfter(res.headers.get('Retry-After')));
  }

  private setToken(token: string | undefined): void {
    this.token = token;
    try {
      if (token) this.storage?.setItem(this.storageKey, token);
      else this.storage?.removeItem(this.storageKey);
    } catch {
      /* storage unavailable (privacy mode): the token stays in memory only */
    }
  }

  private readToken(): string | undefined {
    try {
      return this.storage?.getItem(this.storageKey) ?? undefined;
    } catch {
      return undefined;
    }
  }
}

function safeSessionStorage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

const clients = new Map<string, ApiClient>();

/** One shared client per base URL, so widgets on a page share the sign-in. */
export function clientFor(baseUrl?: string): ApiClient {
  const key = new URL(baseUrl || scriptOrigin(), location.href).href;
  let client = clients.get(key);
  if (!client) {
    client = new ApiClient({ baseUrl: key });
    clients.set(key, client);
  }
  return client;
}
