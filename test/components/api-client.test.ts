/** ApiClient: problem+json, credentials, bearer transport across origins, idempotency keys. */
import { expect, fixture, html } from '@open-wc/testing';
import { ApiClient, ApiError } from '../../components/api/api-client.js';
import { IdempotencyKeys } from '../../components/api/idempotency.js';
import { MockApi } from '../../stories/mock-api.js';
import { DEMO } from '../../stories/fixtures.js';
import { withMockApi } from '../../stories/decorators.js';
import '../../components/registration/registration.js';
import { heading } from '../../stories/play.js';
import { expectAccessible } from './helpers.js';

interface Seen {
  url: string;
  init: RequestInit;
}

/** A fetch that records requests and answers with the given responses in turn. */
function recorder(...responses: Array<Response | Error>) {
  const seen: Seen[] = [];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    seen.push({ url: String(input), init });
    const next = responses.shift() ?? new Response(null, { status: 204 });
    if (next instanceof Error) throw next;
    return next;
  };
  return { seen, fetch: fetch as typeof window.fetch };
}

const problem = (status: number, body: object, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify({ status, ...body }), {
    status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  });

describe('ApiClient', () => {
  it('axe: a widget working through the client has no violations', async () => {
    const el = await fixture<HTMLElement>(
      html`<div>${withMockApi(html`<jc-registration></jc-registration>`, { session: 'level1' })}</div>`,
    );
    await heading(el.querySelector('jc-registration')!, 'Sie sind angemeldet');
    await expectAccessible(el);
  });

  it('parses problem+json into a typed ApiError', async () => {
    const { fetch } = recorder(
      problem(400, {
        type: 'https://jobcenter.example/problems/validation',
        title: 'Ungültige Eingabe',
        errors: [{ path: 'postalCode', code: 'invalid_plz', message: 'PLZ' }],
      }),
      problem(403, {
        type: 'https://jobcenter.example/problems/level-required',
        title: 'Stufe',
        requiredLevel: 1,
      }),
      problem(
        429,
        { type: 'https://jobcenter.example/problems/too-many-requests', title: 'Zu viele' },
        { 'Retry-After': '90' },
      ),
      new Response('<html>Bad gateway</html>', { status: 502, headers: { 'Content-Type': 'text/html' } }),
      new TypeError('Failed to fetch'),
    );
    const client = new ApiClient({ baseUrl: location.origin, fetch, storage: null });
    const errors: ApiError[] = [];
    for (let i = 0; i < 5; i++) await client.jobcenter('x').catch((e: ApiError) => errors.push(e));
    expect(errors.every((e) => e instanceof ApiError)).to.equal(true);
    expect(errors[0].status).to.equal(400);
    expect(errors[0].is('validation')).to.equal(true);
    expect(errors[0].errors).to.deep.equal([{ path: 'postalCode', code: 'invalid_plz', message: 'PLZ' }]);
    expect(errors[1].requiredLevel).to.equal(1);
    expect(errors[2].retryAfter).to.equal(90);
    expect(errors[3].status).to.equal(502);
    expect(errors[3].errors).to.deep.equal([]);
    expect(errors[4].isNetwork).to.equal(true);
  });

  it('same origin: cookies (credentials include), no Authorization header, JSON bodies', async () => {
    const { seen, fetch } = recorder(
      new Response(
        JSON.stringify({
          account: { id: 'a', email: DEMO.email, level: 1, emailConfirmed: true },
          expiresAt: 'x',
        }),
        {
          status: 200,
        },
      ),
    );
    const client = new ApiClient({ baseUrl: `${location.origin}/`, fetch, storage: null });
    expect(client.crossOrigin).to.equal(false);
    await client.signIn(DEMO.email, DEMO.password);
    expect(seen[0].url).to.equal(`${location.origin}/api/sessions`);
    expect(seen[0].init.credentials).to.equal('include');
    expect(JSON.parse(String(seen[0].init.body))).to.deep.equal({
      email: DEMO.email,
      password: DEMO.password,
      transport: 'cookie',
    });
    const headers = new Headers(seen[0].init.headers);
    expect(headers.get('Content-Type')).to.equal('application/json');
    expect(headers.has('Authorization')).to.equal(false);
  });

  it('another origin: signs in with transport bearer, sends Authorization: Bearer, keeps the token per tab', async () => {
    sessionStorage.clear();
    const api = new MockApi();
    const calls: Seen[] = [];
    const fetch = ((input: RequestInfo | URL, init: RequestInit = {}) => {
      calls.push({ url: String(input), init });
      return api.fetch(input, init);
    }) as typeof window.fetch;
    const base = 'https://api.jobcenter.example/widgets-api/';
    const client = new ApiClient({ baseUrl: base, fetch, storage: sessionStorage });
    expect(client.crossOrigin).to.equal(true);
    expect(await client.session()).to.equal(null); // no token yet: no request at all
    expect(calls).to.have.length(0);
    await client.signIn(DEMO.email, DEMO.password);
    expect(api.callsTo('POST', '/api/sessions')[0].body).to.deep.include({ transport: 'bearer' });
    expect(calls[0].url).to.equal(`${base}api/sessions`);
    const again = new ApiClient({ baseUrl: base, fetch, storage: sessionStorage }); // e.g. after a reload
    const session = await again.session();
    expect(session?.account.email).to.equal(DEMO.email);
    const last = calls.at(-1)!;
    expect(new Headers(last.init.headers).get('Authorization')).to.equal('Bearer bearer-token-demo');
    expect(last.init.credentials).to.equal('omit');
    await again.signOut();
    expect(sessionStorage.length).to.equal(0);
  });

  it('sends the Idempotency-Key with a TdA submission', async () => {
    const { seen, fetch } = recorder(new Response('{}', { status: 201 }));
    const client = new ApiClient({ baseUrl: location.origin, fetch, storage: null });
    await client.submitTda({} as never, 'key-1');
    expect(new Headers(seen[0].init.headers).get('Idempotency-Key')).to.equal('key-1');
  });

  it('resolves receipt hrefs against the base URL', () => {
    const client = new ApiClient({ baseUrl: 'https://api.jobcenter.example/prefix', storage: null });
    expect(client.baseUrl).to.equal('https://api.jobcenter.example/prefix/');
    expect(client.url('/api/tda/1/pdf')).to.equal('https://api.jobcenter.example/api/tda/1/pdf');
    expect(client.url('api/session')).to.equal('https://api.jobcenter.example/prefix/api/session');
  });
});

describe('IdempotencyKeys', () => {
  it('one key per payload until settled; equal payloads in another key order share it', () => {
    const keys = new IdempotencyKeys();
    const a = keys.keyFor({ x: 1, y: 2 });
    expect(keys.keyFor({ y: 2, x: 1 })).to.equal(a);
    const b = keys.keyFor({ x: 1, y: 3 });
    expect(b).not.to.equal(a);
    keys.settle();
    expect(keys.keyFor({ x: 1, y: 3 })).not.to.equal(b);
    expect(a).to.match(/^[0-9a-f-]{36}$/);
  });
});
