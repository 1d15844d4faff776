/**
 * Test harness: a freshly migrated database per suite on SQLite and, with TEST_DATABASE_URL, PostgreSQL
 * (its own schema), the real app with the dev mailbox, an inline PDF renderer and a movable clock.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createDatabaseEAkte } from '../../server/adapters/eakte.js';
import { createDevMailbox, listDevMails } from '../../server/adapters/mail/dev-mailbox.js';
import type { Mailer } from '../../server/adapters/mail/mailer.js';
import { createInlinePdfRenderer } from '../../server/adapters/pdf/pdf-renderer.js';
import { createApp, createAppOutbox } from '../../server/app.js';
import type { AppDeps } from '../../server/context.js';
import { type Db, type Dialect, openDatabase } from '../../server/db/database.js';
import { migrateToLatest } from '../../server/db/migrate.js';
import { seedDemo, seedDemoStaff } from '../../server/db/seed.js';
import type { StaffView } from '../../domain/staff.js';
import { DEMO_ENROLMENT_CODE, DEMO_STAFF_PASSWORD } from '../../server/staff/demo-staff.js';
import { STEP_SECONDS, base32Decode, hotp, stepAt } from '../../server/staff/totp.js';

/** The engines the server suites run on. */
export const DIALECTS: Dialect[] = ['sqlite', ...(process.env.TEST_DATABASE_URL ? (['postgres'] as const) : [])];

/** Opens an empty, migrated and seeded database of the given kind. */
export async function openTestDb(kind: Dialect): Promise<Db> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'jc-test-'));
    const db = openDatabase(join(dir, 'test.sqlite'));
    await migrateToLatest(db.db);
    await seedDemo(db.db, { allowedOrigins: ['https://portal.example'] });
    return { ...db, close: async () => { await db.close(); rmSync(dir, { recursive: true, force: true }); } };
  }
  const url = process.env.TEST_DATABASE_URL!;
  const schema = `t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const db = openDatabase(url, { searchPath: schema, poolSize: 20 });
  await migrateToLatest(db.db, { schema });
  await seedDemo(db.db, { allowedOrigins: ['https://portal.example'] });
  return {
    ...db,
    close: async () => {
      await db.close();
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`drop schema ${schema} cascade`);
      await a.end();
    },
  };
}

/** A clock tests can move. */
export class TestClock {
  private offset = 0;
  /** Now, shifted. */
  now = () => new Date(Date.now() + this.offset);
  /** Moves time forward. */
  advance(ms: number): void {
    this.offset += ms;
  }
}

/** A running test app. */
export interface TestApp {
  app: ReturnType<typeof createApp>;
  deps: AppDeps;
  clock: TestClock;
  outbox: ReturnType<typeof createAppOutbox>;
  /** Mails in the dev mailbox (after draining the outbox). */
  mails(): Promise<{ to: string; subject: string; text: string }[]>;
  close(): Promise<void>;
}

/** Builds the real app on a fresh database. */
export async function createTestApp(kind: Dialect, opts: { mailer?: Mailer; deps?: Pick<AppDeps, 'virusScanner' | 'uploads'> } = {}): Promise<TestApp> {
  const db = await openTestDb(kind);
  const clock = new TestClock();
  const documentKey = randomBytes(32);
  const deps: AppDeps = {
    db,
    clock,
    mailer: opts.mailer ?? createDevMailbox(db.db, clock.now),
    pdf: createInlinePdfRenderer(),
    eakte: createDatabaseEAkte(db.db, documentKey, clock.now),
    config: { publicUrl: 'http://localhost:3000', production: false, trustProxy: false, documentKey, mailFrom: 'test@jobcenter.example' },
    ...opts.deps,
  };
  await seedDemoStaff(db.db, documentKey);
  const outbox = createAppOutbox(deps);
  const app = createApp(deps, { serveStatic: false });
  return {
    app,
    deps,
    clock,
    outbox,
    async mails() {
      await outbox.drain();
      return (await listDevMails(db.db)).reverse();
    },
    async close() {
      await outbox.stop();
      await deps.pdf.close();
      await db.close();
    },
  };
}

/** A response with its parsed body. */
export interface Res {
  status: number;
  headers: Headers;
  body: any;
}

/** A browser-like client: keeps the session cookie, sends JSON, can use a bearer token instead. */
export class Agent {
  cookie: string | undefined;
  bearer: string | undefined;
  constructor(private readonly t: TestApp, private readonly origin?: string) {}

  /** Sends a request; `body` objects go as JSON unless `raw` is given. */
  async request(method: string, path: string, init: { body?: unknown; raw?: string; headers?: Record<string, string> } = {}): Promise<Res> {
    const headers: Record<string, string> = { ...(init.headers ?? {}) };
    if (init.body !== undefined) headers['content-type'] ??= 'application/json';
    if (this.cookie) headers.cookie = this.cookie;
    if (this.bearer) headers.authorization = `Bearer ${this.bearer}`;
    if (this.origin) headers.origin ??= this.origin;
    const res = await this.t.app.request(`http://localhost:3000${path}`, {
      method,
      headers,
      body: init.raw ?? (init.body !== undefined ? JSON.stringify(init.body) : undefined),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) {
      const [pair] = setCookie.split(';');
      this.cookie = /=$/.test(pair) || /Max-Age=0/i.test(setCookie) ? undefined : pair;
    }
    const type = res.headers.get('content-type') ?? '';
    const body = type.includes('json') ? await res.json() : type.includes('pdf') ? new Uint8Array(await res.arrayBuffer()) : await res.text();
    return { status: res.status, headers: res.headers, body };
  }

  /** POST JSON. */
  post(path: string, body: unknown, headers?: Record<string, string>) {
    return this.request('POST', path, { body, headers });
  }

  /** GET. */
  get(path: string, headers?: Record<string, string>) {
    return this.request('GET', path, { headers });
  }
}

/** A password that passes the policy. */
export const GOOD_PASSWORD = 'Wolken-über-Musterstadt-7';

/** The confirmation token from the newest mail to `email`. */
export async function confirmationToken(t: TestApp, email: string): Promise<string> {
  const mail = (await t.mails()).filter((m) => m.to === email).at(-1);
  const m = mail && /token=([A-Za-z0-9_-]+)/.exec(mail.text);
  if (!m) throw new Error(`no confirmation mail for ${email}`);
  return m[1];
}

/** Signs up, confirms and signs in a new applicant; returns her agent (cookie session, level 1). */
export async function applicant(t: TestApp, email = `${randomUUID().slice(0, 8)}@beispiel.de`): Promise<Agent> {
  const a = new Agent(t);
  const up = await a.post('/api/accounts', { email, password: GOOD_PASSWORD });
  if (up.status !== 202) throw new Error(`sign-up ${up.status} ${JSON.stringify(up.body)}`);
  const conf = await a.post('/api/accounts/confirm', { token: await confirmationToken(t, email) });
  if (conf.status !== 200) throw new Error(`confirm ${conf.status}`);
  const si = await a.post('/api/sessions', { email, password: GOOD_PASSWORD });
  if (si.status !== 200) throw new Error(`sign-in ${si.status}`);
  return a;
}

/** A valid TdA body for the Musterstadt portal. */
export function tdaBody(over: Record<string, unknown> = {}) {
  return {
    portalJobcenterId: 'musterstadt',
    firstName: 'Erika',
    lastName: 'Mustermann',
    birthDate: '1988-04-12',
    street: 'Lindenweg',
    houseNumber: '7a',
    postalCode: '00123',
    city: 'Musterstadt',
    phone: '0000 123456',
    contactLanguage: 'de',
    declaration: true,
    ...over,
  };
}

/** The password and the enrolment code of every seeded demo staff member. */
export { DEMO_ENROLMENT_CODE, DEMO_STAFF_PASSWORD };

/** TOTP secrets the harness learnt at enrolment, per app and e-mail, with the last step it used. */
const staffTotp = new WeakMap<TestApp, Map<string, { secret: Buffer; lastStep: number }>>();

/** Remembers a staff member's TOTP secret (base32), e.g. after a test enrolled her by hand. */
export function rememberStaffSecret(t: TestApp, email: string, secret: string, lastStep = 0): void {
  if (!staffTotp.has(t)) staffTotp.set(t, new Map());
  staffTotp.get(t)!.set(email.toLowerCase(), { secret: base32Decode(secret), lastStep });
}

/**
 * A valid TOTP code for the member's next unused time step: within the ±1 window if possible, else the test
 * clock moves on by whole steps (each step is usable once, so back-to-back sign-ins need fresh steps).
 */
export function nextStaffCode(t: TestApp, email: string): string {
  const known = staffTotp.get(t)?.get(email.toLowerCase());
  if (!known) throw new Error(`no TOTP secret known for ${email}: sign her in with staffAgent first`);
  let now = stepAt(t.clock.now());
  if (known.lastStep >= now + 1) {
    t.clock.advance((known.lastStep - now) * STEP_SECONDS * 1000);
    now = stepAt(t.clock.now());
  }
  const step = known.lastStep >= now ? now + 1 : now;
  known.lastStep = step;
  return hotp(known.secret, step);
}

/** An agent holding a staff session cookie, with what sign-in answered. */
export type StaffAgent = Agent & { staff: StaffView; recoveryCodes: string[] };

/**
 * Signs a seeded staff member in through the real API (password, then TOTP). The first sign-in of a member in
 * an app enrols her authenticator with the enrolment code (the demo code unless `enrolmentCode` is given, e.g.
 * from a reset; the harness keeps the secret; `recoveryCodes` are set then), later ones answer the TOTP step
 * with a fresh code.
 */
export async function staffAgent(t: TestApp, opts: { email: string; password?: string; enrolmentCode?: string }): Promise<StaffAgent> {
  const a = new Agent(t);
  const first = await a.post('/api/staff/sessions', { email: opts.email, password: opts.password ?? DEMO_STAFF_PASSWORD });
  if (first.status !== 200) throw new Error(`staff sign-in ${first.status} ${JSON.stringify(first.body)}`);
  if (first.body.step === 'enrol') {
    // Suites move the clock by days: renew expired demo codes at the test clock's now, as a demo restart does.
    if (!opts.enrolmentCode) await seedDemoStaff(t.deps.db.db, t.deps.config.documentKey, { now: t.clock.now() });
    const unlocked = await a.post('/api/staff/enrolment', { challenge: first.body.challenge, enrolmentCode: opts.enrolmentCode ?? DEMO_ENROLMENT_CODE });
    if (unlocked.status !== 200) throw new Error(`staff enrolment code ${unlocked.status} ${JSON.stringify(unlocked.body)}`);
    rememberStaffSecret(t, opts.email, unlocked.body.secret);
    const res = await a.post('/api/staff/totp/confirm', { challenge: unlocked.body.challenge, code: nextStaffCode(t, opts.email) });
    if (res.status !== 200) throw new Error(`staff enrolment ${res.status} ${JSON.stringify(res.body)}`);
    return Object.assign(a, { staff: res.body.staff, recoveryCodes: res.body.recoveryCodes as string[] });
  }
  const res = await a.post('/api/staff/sessions/second-factor', { challenge: first.body.challenge, code: nextStaffCode(t, opts.email) });
  if (res.status !== 200) throw new Error(`staff second factor ${res.status} ${JSON.stringify(res.body)}`);
  return Object.assign(a, { staff: res.body.staff, recoveryCodes: [] as string[] });
}
