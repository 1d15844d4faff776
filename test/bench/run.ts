/**
 * `npm run bench`: prints the PERF figures of quality.md as tables plus one final JSON line with every number.
 * Nothing here asserts a timing; OK/OVER columns only compare against the stated goals.
 *
 *   1. PERF-01 bundle sizes of dist/*.js (minified as built, gzip -9), Lit and theme CSS anchors
 *   2. PERF-04 TdA PDF render times (test/bench/tda-pdf.ts)
 *   3. PERF-02 style server latency: the real app (Hono + Kysely, SQLite file, synchronous=FULL) against a
 *      raw node:http + better-sqlite3 prepared-statement baseline in the same process
 *   4. PERF-02 autosave: PUT answers with If-Match at a fixed 500 req/s (open loop), app vs baseline
 *   5. PERF-03 caseworker inbox: 1,000,000 work items, p50/p99 of keyset pages of 50 and their query plans
 *      on SQLite and (with BENCH_DATABASE_URL or TEST_DATABASE_URL) PostgreSQL (test/bench/inbox.ts)
 *      (test/bench/autosave.ts)
 *
 * The load generator runs in a worker thread of this process (BENCH_CLIENT=inline runs it on the main thread),
 * so the server's event loop only serves requests. BENCH_SECONDS sets the timed phases (default 4 s),
 * BENCH_ROUNDS how often the health/read pairs are repeated (default 2). The load average is printed before and
 * after: on a shared machine other processes change the figures, so compare runs only with similar load.
 * BENCH_ONLY=autosave (comma-separated section names, see `run` below) runs only some sections.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { constants as zlibConstants, gzipSync } from 'node:zlib';
import { serve } from '@hono/node-server';
import SQLite from 'better-sqlite3';
import * as esbuild from 'esbuild';
import { hashPassword, verifyPassword } from '../../server/accounts/password.js';
import { createDatabaseEAkte } from '../../server/adapters/eakte.js';
import { createDevMailbox } from '../../server/adapters/mail/dev-mailbox.js';
import { createInlinePdfRenderer, createPdfRenderer } from '../../server/adapters/pdf/pdf-renderer.js';
import { createApp, createAppOutbox } from '../../server/app.js';
import { PAGE_CSP } from '../../server/http/security.js';
import type { AppDeps } from '../../server/context.js';
import { openDatabase } from '../../server/db/database.js';
import { migrateToLatest } from '../../server/db/migrate.js';
import { seedDemo } from '../../server/db/seed.js';
import { GOOD_PASSWORD, tdaBody } from '../server/harness.js';
import type { LoadOptions, LoadResult } from './load-client.mjs';
import { runLoad } from './load-client.mjs';
import { benchApplicationPdf } from './application-pdf.js';
import { benchAutosave } from './autosave.js';
import { benchInbox } from './inbox.js';
import { benchRouting } from './routing.js';
import { measureDuplicates } from './duplicates.js';
import { benchDuplicateBlocking } from './duplicates-blocking.js';
import { benchTdaPdf, sampleTdaPdfInput, type TdaPdfFigures } from './tda-pdf.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const KiB = 1024;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const INLINE_CLIENT = process.env.BENCH_CLIENT === 'inline';
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 2));
/** Goal of PERF-02: app latency ≤ 1.3× the raw baseline on the health/read path. */
const RATIO_GOAL = 1.3;

// ─── printing ────────────────────────────────────────────────────────────────────────────────────────────

const r2 = (n: number) => Math.round(n * 100) / 100;
const kib = (bytes: number) => `${(bytes / KiB).toFixed(1)} KiB`;

/** Prints a table; columns whose header starts with '>' are right-aligned (the '>' is dropped). */
function table(headers: string[], rows: (string | number)[][]): void {
  const right = headers.map((h) => h.startsWith('>'));
  const head = headers.map((h) => h.replace(/^>/, ''));
  const cells = rows.map((r) => r.map(String));
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => (right[i] ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  console.log(line(head));
  console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const r of cells) console.log(line(r));
}

function section(title: string): void {
  console.log(`\n━━ ${title} ${'━'.repeat(Math.max(0, 100 - title.length))}`);
}

// ─── 1. PERF-01 bundle sizes ─────────────────────────────────────────────────────────────────────────────

const gzip9 = (data: Buffer | Uint8Array | string) =>
  gzipSync(data, { level: zlibConstants.Z_BEST_COMPRESSION }).length;

/** Goal in KiB gzip of a dist file: jc-application 60, other jc-* leaf widgets 25; the all-in-one bundle has none. */
function bundleGoal(file: string): number | undefined {
  if (file === 'jc-application.js') return 60;
  if (file === 'jc-admin.js') return 35;
  if (/^jc-[a-z0-9-]+\.js$/.test(file)) return 25;
  return undefined;
}

/**
 * Local files a bundle imports statically (code splitting), transitively, the entry itself first; and the
 * chunks it fetches later with `import()` (the lazy text tables in locales/ excepted: listed on their own).
 */
function importClosure(dir: string, entry: string): { initial: string[]; later: string[] } {
  const initial: string[] = [];
  const later = new Set<string>();
  const importsOf = (file: string) => {
    const code = readFileSync(join(dir, file), 'utf8');
    const rel = (m: string) => join(dirname(file), m);
    return {
      statics: [...code.matchAll(/(?:\bfrom\s*|\bimport\s*)["'](\.\.?\/[^"']+\.js)["']/g)].map((m) => rel(m[1])),
      dynamics: [...code.matchAll(/\bimport\(\s*["'](\.\.?\/[^"']+\.js)["']\s*\)/g)].map((m) => rel(m[1])),
    };
  };
  const visit = (file: string) => {
    if (initial.includes(file) || !existsSync(join(dir, file))) return;
    initial.push(file);
    const { statics, dynamics } = importsOf(file);
    statics.forEach(visit);
    for (const d of dynamics) if (!d.startsWith('locales/')) later.add(d);
  };
  visit(entry);
  for (const file of later) {
    if (!existsSync(join(dir, file))) continue;
    const { statics, dynamics } = importsOf(file);
    for (const f of [...statics, ...dynamics]) if (!f.startsWith('locales/')) later.add(f);
  }
  return { initial, later: [...later].filter((f) => !initial.includes(f) && existsSync(join(dir, f))) };
}

interface BundleFigure {
  file: string;
  bytes: number;
  gzipBytes: number;
  /** With statically imported local chunks, when there are any. */
  withChunksGzipBytes?: number;
  /** Chunks fetched later with import() (e.g. the OAP form renderer), when there are any. */
  laterGzipBytes?: number;
  goalGzipKiB?: number;
  ok?: boolean;
}

async function bundleSizes() {
  section('PERF-01 bundle sizes (gzip -9 via node:zlib)');
  const out: {
    buildScript: boolean;
    bundles: BundleFigure[];
    lit: { bytes: number; gzipBytes: number };
    themes: BundleFigure[];
    note?: string;
  } = {
    buildScript: existsSync(join(ROOT, 'scripts/build.mjs')),
    bundles: [],
    lit: { bytes: 0, gzipBytes: 0 },
    themes: [],
  };

  const dist = join(ROOT, 'dist');
  if (!out.buildScript) {
    out.note = 'scripts/build.mjs missing';
    console.log(
      'scripts/build.mjs does not exist yet: widget bundles skipped (anchors below still measured).',
    );
  } else if (!existsSync(dist)) {
    out.note = 'dist/ missing';
    console.log('dist/ does not exist: run `node scripts/build.mjs` first; widget bundles skipped.');
  } else {
    const files = readdirSync(dist)
      .filter((f) => f.endsWith('.js'))
      .sort();
    let unminified = 0;
    for (const file of files) {
      const code = readFileSync(join(dist, file));
      const { initial, later } = importClosure(dist, file);
      const fig: BundleFigure = { file, bytes: code.length, gzipBytes: gzip9(code) };
      if (initial.length > 1)
        fig.withChunksGzipBytes = initial.reduce((s, f) => s + gzip9(readFileSync(join(dist, f))), 0);
      if (later.length) fig.laterGzipBytes = later.reduce((s, f) => s + gzip9(readFileSync(join(dist, f))), 0);
      const goal = bundleGoal(file);
      if (goal !== undefined) {
        fig.goalGzipKiB = goal;
        fig.ok = (fig.withChunksGzipBytes ?? fig.gzipBytes) <= goal * KiB;
      }
      const reminified = await esbuild
        .transform(code.toString('utf8'), { minify: true, format: 'esm', logLevel: 'silent' })
        .catch(() => undefined);
      if (reminified && reminified.code.length < code.length * 0.95) unminified++;
      out.bundles.push(fig);
    }
    if (files.length === 0) console.log('dist/ has no .js files.');
    else {
      table(
        ['bundle', '>min bytes', '>gzip -9', '>gzip incl. chunks', '>+ on demand', '>goal (gz)', 'status'],
        out.bundles.map((b) => [
          `dist/${b.file}`,
          b.bytes,
          kib(b.gzipBytes),
          b.withChunksGzipBytes === undefined ? '–' : kib(b.withChunksGzipBytes),
          b.laterGzipBytes === undefined ? '–' : kib(b.laterGzipBytes),
          b.goalGzipKiB === undefined ? '–' : `≤ ${b.goalGzipKiB} KiB`,
          b.ok === undefined ? '(no goal)' : b.ok ? 'OK' : 'OVER',
        ]),
      );
      if (unminified)
        console.log(
          `note: ${unminified} file(s) shrink by >5 % when minified again – the build may not minify.`,
        );
    }
  }

  // The text tables each bundle loads only on demand (English, help texts): not part of the goals above.
  const tablesDir = join(dist, 'locales');
  if (existsSync(tablesDir)) {
    const tables = readdirSync(tablesDir).filter((f) => f.endsWith('.js')).sort();
    console.log('');
    table(
      ['lazy text table', '>min bytes', '>gzip -9'],
      tables.map((f) => {
        const code = readFileSync(join(tablesDir, f));
        return [`dist/locales/${f}`, code.length, kib(gzip9(code))];
      }),
    );
  }

  // Anchor: Lit alone, minified in memory.
  const lit = await esbuild.build({
    stdin: { contents: "export * from 'lit'", resolveDir: ROOT },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  const litCode = lit.outputFiles[0].contents;
  out.lit = { bytes: litCode.length, gzipBytes: gzip9(litCode) };
  console.log('');
  const themeDir = join(ROOT, 'themes');
  const themes = existsSync(themeDir)
    ? readdirSync(themeDir)
        .filter((f) => f.endsWith('.css'))
        .sort()
    : [];
  for (const file of themes) {
    const css = readFileSync(join(themeDir, file));
    const gz = gzip9(css);
    out.themes.push({ file, bytes: css.length, gzipBytes: gz, goalGzipKiB: 5, ok: gz <= 5 * KiB });
  }
  table(
    ['anchor', '>bytes', '>gzip -9', '>goal (gz)', 'status'],
    [
      [
        'lit (esbuild bundle, minified)',
        out.lit.bytes,
        kib(out.lit.gzipBytes),
        '–',
        `(quality.md anchor: 5.9 KiB)`,
      ],
      ...out.themes.map((t) => [
        `themes/${t.file} (as served)`,
        t.bytes,
        kib(t.gzipBytes),
        '≤ 5 KiB',
        t.ok ? 'OK' : 'OVER',
      ]),
    ],
  );
  if (themes.length === 0) console.log('themes/ has no .css files yet: theme size skipped.');
  return out;
}

// ─── 2. PERF-04 TdA PDF ──────────────────────────────────────────────────────────────────────────────────

async function pdfSection(): Promise<TdaPdfFigures[]> {
  section('PERF-04 TdA PDF with embedded Unicode font (goal p95 ≤ 300 ms, off the main loop)');
  return benchTdaPdf(50, 2);
}

async function applicationPdfSection() {
  section('ADE PDF rendition of the largest demo household (Hauptantrag + every Anlage)');
  return benchApplicationPdf(50, 2);
}

// ─── 3. server latency ───────────────────────────────────────────────────────────────────────────────────

/** Runs the load in a worker thread (or inline with BENCH_CLIENT=inline). */
async function load(o: LoadOptions): Promise<LoadResult> {
  if (INLINE_CLIENT) return runLoad(o);
  const worker = new Worker(new URL('./load-client.mjs', import.meta.url));
  try {
    return await new Promise<LoadResult>((resolve, reject) => {
      worker.once('message', (m: { ok: true; result: LoadResult } | { ok: false; error: string }) =>
        m.ok ? resolve(m.result) : reject(new Error(m.error)),
      );
      worker.once('error', reject);
      worker.postMessage(o);
    });
  } finally {
    await worker.terminate();
  }
}

interface Figures {
  scenario: string;
  server: 'app' | 'baseline';
  round: number;
  connections: number;
  requests: number;
  errors: number;
  rps: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Main-thread event-loop delay while the load ran (the server's loop). */
  loopP99Ms: number;
  loopMaxMs: number;
  firstError?: string;
}

const quantile = (sorted: number[], q: number) =>
  sorted.length === 0
    ? NaN
    : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];

async function measure(
  scenario: string,
  server: 'app' | 'baseline',
  o: LoadOptions,
  round = 1,
): Promise<Figures> {
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  const r = await load(o);
  loop.disable();
  const l = r.latenciesMs;
  return {
    scenario,
    server,
    round,
    connections: o.connections,
    requests: r.requests,
    errors: r.errors,
    rps: r2((r.ok / r.wallMs) * 1000),
    p50Ms: r2(quantile(l, 0.5)),
    p90Ms: r2(quantile(l, 0.9)),
    p99Ms: r2(quantile(l, 0.99)),
    maxMs: r2(l.at(-1) ?? NaN),
    loopP99Ms: r2(loop.percentile(99) / 1e6),
    loopMaxMs: r2(loop.max / 1e6),
    ...(r.firstError ? { firstError: r.firstError } : {}),
  };
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    );
  });
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** Opens a raw better-sqlite3 connection with the production pragmas of server/db/database.ts. */
function openRaw(file: string): SQLite.Database {
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}

const COOKIE = '__Host-jc_session';
const IDLE_MS = 30 * 60 * 1000;
const ABSOLUTE_MS = 12 * 60 * 60 * 1000;

/** Headers every app response carries (server/http/security.ts, SEC-23): the baseline sends them too. */
const BASE_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
};
const API_HEADERS = {
  ...BASE_HEADERS,
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'; sandbox",
};
const PAGE_HEADERS = { ...BASE_HEADERS, 'content-security-policy': PAGE_CSP };
const REQUEST_ID = /^[A-Za-z0-9-]{8,64}$/;
const SESSION_COOKIE = new RegExp(`(?:^|;\\s*)${COOKIE}=([A-Za-z0-9_-]{20,100})(?:;|$)`);
const TOUCH_EVERY_MS = 60 * 1000;

/**
 * The baseline: node:http + better-sqlite3 prepared statements doing the same essential work as the app's
 * routes, without framework, query builder or middleware. "Same work" includes what the app must do on every
 * request: a request id and the security headers (SEC-23), and on GET /api/session the cookie parse, the SHA-256
 * of the token, the indexed select, the revoked/transport/absolute/idle checks and the last_seen touch when it is
 * older than a minute (as server/sessions/sessions.service.ts).
 */
function baselineServer(raw: SQLite.Database): Server {
  const health = raw.prepare('select 1 as one');
  const accountByEmail = raw.prepare<
    [string],
    { id: string; email: string; password_hash: string; level: number; email_confirmed_at: string | null }
  >('select id, email, password_hash, level, email_confirmed_at from accounts where email = ?');
  const insertSession = raw.prepare(
    'insert into sessions (token_hash, account_id, level, transport, created_at, last_seen_at, expires_at, revoked_at) values (?, ?, ?, ?, ?, ?, ?, null)',
  );
  const sessionByHash = raw.prepare<
    [string],
    {
      account_id: string;
      level: number;
      transport: string;
      expires_at: string;
      last_seen_at: string;
      revoked_at: string | null;
      email: string;
      email_confirmed_at: string | null;
    }
  >(
    'select s.account_id, s.level, s.transport, s.expires_at, s.last_seen_at, s.revoked_at, a.email, a.email_confirmed_at ' +
      'from sessions s join accounts a on a.id = s.account_id where s.token_hash = ?',
  );
  const touchSession = raw.prepare('update sessions set last_seen_at = ? where token_hash = ?');
  const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
  const send = (
    res: http.ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ) => {
    const json = JSON.stringify(body);
    const given = res.req.headers['x-request-id'];
    res.writeHead(status, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(json),
      'x-request-id': typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID(),
      ...(res.req.url?.startsWith('/api/') ? API_HEADERS : PAGE_HEADERS),
      ...headers,
    });
    res.end(json);
  };

  return http.createServer((req, res) => {
    const path = req.url ?? '/';
    if (req.method === 'GET' && path === '/health') {
      health.get();
      return send(res, 200, { status: 'ok', db: 'sqlite' });
    }
    if (req.method === 'GET' && path === '/api/session') {
      const m = SESSION_COOKIE.exec(req.headers.cookie ?? '');
      const tokenHash = m ? sha256(m[1]) : undefined;
      const row = tokenHash ? sessionByHash.get(tokenHash) : undefined;
      const now = Date.now();
      if (
        !tokenHash ||
        !row ||
        row.revoked_at ||
        row.transport !== 'cookie' ||
        now >= Date.parse(row.expires_at) ||
        now - Date.parse(row.last_seen_at) >= IDLE_MS
      ) {
        return send(res, 401, { type: 'unauthenticated' });
      }
      if (now - Date.parse(row.last_seen_at) > TOUCH_EVERY_MS) {
        touchSession.run(new Date(now).toISOString(), tokenHash);
      }
      return send(res, 200, {
        account: {
          id: row.account_id,
          email: row.email,
          level: row.level,
          emailConfirmed: row.email_confirmed_at !== null,
        },
        expiresAt: new Date(Math.min(Date.parse(row.expires_at), now + IDLE_MS)).toISOString(),
      });
    }
    if (req.method === 'POST' && path === '/api/sessions') {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        void (async () => {
          const input = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
            email: string;
            password: string;
          };
          const account = accountByEmail.get(input.email);
          if (!account || !(await verifyPassword(input.password, account.password_hash)))
            return send(res, 401, { type: 'invalid-credentials' });
          const token = randomBytes(32).toString('base64url');
          const now = new Date();
          const expiresAt = new Date(now.getTime() + ABSOLUTE_MS).toISOString();
          insertSession.run(
            sha256(token),
            account.id,
            account.level,
            'cookie',
            now.toISOString(),
            now.toISOString(),
            expiresAt,
          );
          send(
            res,
            200,
            {
              account: {
                id: account.id,
                email: account.email,
                level: account.level,
                emailConfirmed: account.email_confirmed_at !== null,
              },
              expiresAt,
            },
            {
              'set-cookie': `${COOKIE}=${token}; Max-Age=${ABSOLUTE_MS / 1000}; Path=/; HttpOnly; Secure; SameSite=Strict`,
            },
          );
        })().catch((err: unknown) => send(res, 500, { error: String(err) }));
      });
      return;
    }
    send(res, 404, { type: 'not-found' });
  });
}

async function json(res: Response): Promise<any> {
  const text = await res.text();
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

async function serverSection() {
  section(`Server latency under load: real app vs raw node:http + better-sqlite3 baseline (PERF-02 style)`);
  const dir = mkdtempSync(join(os.tmpdir(), 'jc-bench-'));
  const file = join(dir, 'bench.sqlite');
  const db = openDatabase(file); // WAL, synchronous=FULL, foreign_keys, busy_timeout: as in production
  await migrateToLatest(db.db);
  await seedDemo(db.db, { allowedOrigins: ['https://portal.example'] });
  const raw = openRaw(file);

  const documentKey = randomBytes(32);
  const clock = { now: () => new Date() };
  const deps: AppDeps = {
    db,
    clock,
    mailer: createDevMailbox(db.db, clock.now),
    pdf: createInlinePdfRenderer(),
    eakte: createDatabaseEAkte(db.db, documentKey, clock.now),
    config: {
      publicUrl: 'http://localhost:3000',
      production: false,
      trustProxy: false,
      documentKey,
      mailFrom: 'bench@jobcenter.example',
    },
  };
  const outbox = createAppOutbox(deps); // stopped until the last scenario
  const app = createApp(deps, { serveStatic: false });
  const appServer = await new Promise<{ server: Server; url: string }>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
      resolve({ server: s as Server, url: `http://127.0.0.1:${info.port}` }),
    );
  });
  const baseServer = baselineServer(raw);
  const baseUrl = await listen(baseServer);
  const results: Figures[] = [];
  const extra: Record<string, unknown> = {};

  try {
    // An applicant through the real API: sign up, confirmation mail from the outbox, confirm, sign in.
    const email = `bench-${randomUUID().slice(0, 8)}@beispiel.de`;
    const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${appServer.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
    const up = await post('/api/accounts', { email, password: GOOD_PASSWORD });
    if (up.status !== 202) throw new Error(`sign-up ${up.status} ${JSON.stringify(await json(up))}`);
    await outbox.drain();
    const mail = await db.db
      .selectFrom('dev_mails')
      .select('text')
      .where('to', '=', email)
      .executeTakeFirst();
    const token = mail && /token=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
    if (!token) throw new Error('no confirmation mail in dev_mails');
    const conf = await post('/api/accounts/confirm', { token });
    if (conf.status !== 200) throw new Error(`confirm ${conf.status} ${JSON.stringify(await json(conf))}`);
    const si = await post('/api/sessions', { email, password: GOOD_PASSWORD });
    if (si.status !== 200) throw new Error(`sign-in ${si.status} ${JSON.stringify(await json(si))}`);
    const cookie = si.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .find((c) => c.startsWith(`${COOKIE}=`));
    if (!cookie) throw new Error(`no ${COOKIE} cookie in ${si.headers.getSetCookie().join(' | ')}`);
    const sanity = await fetch(`${baseUrl}/api/session`, { headers: { cookie } });
    if (sanity.status !== 200) throw new Error(`baseline session read ${sanity.status}`);
    const hashStart = performance.now();
    await hashPassword(GOOD_PASSWORD);
    extra.scryptHashMsSingle = r2(performance.now() - hashStart);

    const timed = { warmupMs: 1000, durationMs: SECONDS * 1000 };
    const signInBody = JSON.stringify({ email, password: GOOD_PASSWORD });
    const json_ = { 'content-type': 'application/json' };
    const pairs: [string, number, (url: string) => LoadOptions][] = [
      ['GET /health', ROUNDS, (url) => ({ url: `${url}/health`, connections: 8, ...timed })],
      [
        'GET /api/session (cookie)',
        ROUNDS,
        (url) => ({ url: `${url}/api/session`, headers: { cookie }, connections: 8, ...timed }),
      ],
      [
        'POST /api/sessions (sign-in)',
        1,
        (url) => ({
          url: `${url}/api/sessions`,
          method: 'POST',
          headers: json_,
          body: signInBody,
          connections: 2,
          warmupCount: 4,
          count: 24,
        }),
      ],
    ];
    for (const [scenario, rounds, opts] of pairs) {
      // Baseline, then the app, back to back on the same database file; repeated to see the noise.
      for (let round = 1; round <= rounds; round++) {
        results.push(await measure(scenario, 'baseline', opts(baseUrl), round));
        results.push(await measure(scenario, 'app', opts(appServer.url), round));
      }
    }

    // TdA with the outbox stopped: only the request path (validation, idempotency key, insert, enqueue).
    const tda = (o: Partial<LoadOptions>): LoadOptions => ({
      url: `${appServer.url}/api/tda`,
      method: 'POST',
      headers: { ...json_, cookie },
      body: JSON.stringify(tdaBody()),
      freshIdempotencyKey: true,
      expectStatus: 201,
      connections: 8,
      ...o,
    });
    results.push(await measure('POST /api/tda (outbox stopped)', 'app', tda(timed)));
    const parked = raw
      .prepare("delete from outbox where status = 'pending' and kind = 'tda.pdf'")
      .run().changes;
    extra.tdaPdfJobsDiscardedAfterStoppedRun = parked;

    // TdA with the outbox running and the PDF worker pool (as server/main.ts): requests compete with PDF jobs.
    const pool = createPdfRenderer({ workers: 2 });
    await Promise.all([pool.renderTda(sampleTdaPdfInput(1)), pool.renderTda(sampleTdaPdfInput(2))]);
    deps.pdf = pool;
    deps.onOutbox = () => outbox.kick();
    outbox.start(1000);
    const count = 150;
    const t0 = performance.now();
    results.push(
      await measure(
        `POST /api/tda (outbox + PDF pool)`,
        'app',
        tda({ connections: 4, warmupCount: 10, count }),
      ),
    );
    const pending = raw.prepare("select count(*) as n from outbox where status = 'pending'");
    const dead = raw.prepare("select count(*) as n from outbox where status = 'dead'");
    while ((pending.get() as { n: number }).n > 0 && performance.now() - t0 < 60_000)
      await new Promise((r) => setTimeout(r, 50));
    const drainMs = performance.now() - t0;
    await outbox.stop();
    deps.onOutbox = undefined;
    await pool.close();
    const ready = raw.prepare("select count(*) as n from tda where pdf_status = 'ready'").get() as {
      n: number;
    };
    extra.outboxRun = {
      tdaRequests: count + 10,
      msUntilOutboxEmpty: r2(drainMs),
      pendingLeft: (pending.get() as { n: number }).n,
      dead: (dead.get() as { n: number }).n,
      pdfsReady: ready.n,
      pdfsPerSecond: r2((ready.n / drainMs) * 1000),
    };
  } finally {
    await closeServer(appServer.server);
    await closeServer(baseServer);
    await outbox.stop();
    await deps.pdf.close();
    raw.close();
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }

  console.log(
    `client: ${INLINE_CLIENT ? 'inline on the main thread' : 'worker thread'}, closed loop, keep-alive; loop = server main-thread event-loop delay`,
  );
  table(
    [
      'scenario',
      'server',
      '>round',
      '>conns',
      '>requests',
      '>errors',
      '>req/s',
      '>p50 ms',
      '>p90 ms',
      '>p99 ms',
      '>max ms',
      '>loop p99',
      '>loop max',
    ],
    results.map((f) => [
      f.scenario,
      f.server,
      f.round,
      f.connections,
      f.requests,
      f.errors,
      f.rps.toFixed(0),
      f.p50Ms.toFixed(2),
      f.p90Ms.toFixed(2),
      f.p99Ms.toFixed(2),
      f.maxMs.toFixed(2),
      f.loopP99Ms.toFixed(1),
      f.loopMaxMs.toFixed(1),
    ]),
  );
  for (const f of results)
    if (f.firstError) console.log(`  ${f.scenario} (${f.server}): first error: ${f.firstError}`);

  console.log('');
  const ratios = [...new Set(results.map((f) => f.scenario))].flatMap((scenario) => {
    // Per server the least disturbed round (lowest p50): other processes on the machine add noise.
    const best = (server: Figures['server']) =>
      results
        .filter((f) => f.scenario === scenario && f.server === server)
        .sort((x, y) => x.p50Ms - y.p50Ms)[0];
    const a = best('app');
    const b = best('baseline');
    if (!a || !b) return [];
    const goal = !scenario.includes('sign-in');
    const p50 = r2(a.p50Ms / b.p50Ms);
    const p99 = r2(a.p99Ms / b.p99Ms);
    return [
      {
        scenario,
        appRound: a.round,
        baselineRound: b.round,
        p50,
        p99,
        throughput: r2(a.rps / b.rps),
        goal,
        ok: goal ? p50 <= RATIO_GOAL && p99 <= RATIO_GOAL : undefined,
      },
    ];
  });
  table(
    ['app / baseline (best round each)', '>p50 ×', '>p99 ×', '>req/s ×', '>goal', 'status'],
    ratios.map((r) => [
      r.scenario,
      r.p50.toFixed(2),
      r.p99.toFixed(2),
      r.throughput.toFixed(2),
      r.goal ? `≤ ${RATIO_GOAL}×` : '–',
      r.ok === undefined ? '(scrypt-bound, info)' : r.ok ? 'OK' : 'OVER',
    ]),
  );
  const o = extra.outboxRun as Record<string, number> | undefined;
  if (o) {
    console.log(
      `\noutbox run: ${o.tdaRequests} TdA → outbox empty after ${(o.msUntilOutboxEmpty / 1000).toFixed(1)} s ` +
        `(${o.pdfsReady} PDFs ready, ${o.pdfsPerSecond} PDFs/s incl. handover + routing; pending ${o.pendingLeft}, dead ${o.dead}); ` +
        `${extra.tdaPdfJobsDiscardedAfterStoppedRun} PDF jobs of the outbox-stopped run were discarded, not rendered.`,
    );
  }
  console.log(`scrypt hash (N=2^15, r=8, p=3) alone, idle: ${extra.scryptHashMsSingle} ms`);
  return { client: INLINE_CLIENT ? 'inline' : 'worker', scenarios: results, ratios, ...extra };
}

// ─── main ────────────────────────────────────────────────────────────────────────────────────────────────

const started = performance.now();
const cpus = os.cpus();
const machine = {
  node: process.version,
  platform: `${process.platform} ${os.release()} ${process.arch}`,
  cpus: cpus.length,
  cpuModel: cpus[0]?.model ?? 'unknown',
  availableParallelism: os.availableParallelism(),
  memoryGiB: r2(os.totalmem() / KiB ** 3),
  uvThreadpool: Number(process.env.UV_THREADPOOL_SIZE ?? 4),
  loadAverageAtStart: os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' '),
  date: new Date().toISOString(),
};
console.log('jobcenter-widgets bench – figures only, nothing is asserted');
table(
  ['machine', 'value'],
  Object.entries(machine).map(([k, v]) => [k, String(v)]),
);
try {
  statSync(join(ROOT, 'package.json'));
} catch {
  throw new Error(`run from the repository (ROOT ${ROOT})`);
}

/** BENCH_ONLY=autosave,server (comma-separated: bundles, pdf, adepdf, server, autosave, inbox, routing, duplicates) runs only those sections. */
const ONLY = new Set(
  (process.env.BENCH_ONLY ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);
const run = async <T>(name: string, f: () => Promise<T>): Promise<T | undefined> =>
  ONLY.size === 0 || ONLY.has(name) ? f() : undefined;

async function inboxSection() {
  section('PERF-03 caseworker inbox: 1,000,000 work items, keyset pages of 50 through the repository, query plans');
  return benchInbox();
}

async function autosaveSection() {
  section('PERF-02 autosave: PUT answers with If-Match, open loop at a fixed rate, app vs raw baseline');
  return benchAutosave();
}

const results = {
  machine,
  perf01: await run('bundles', bundleSizes),
  perf04: await run('pdf', pdfSection),
  perf04Application: await run('adepdf', applicationPdfSection),
  server: await run('server', serverSection),
  perf02Autosave: await run('autosave', autosaveSection),
  perf03Inbox: await run('inbox', inboxSection),
  perf05Routing: await run('routing', async () => (section('PERF-05 routing: 1,000 rules route 100,000 work items (goal ≤ 10 s)'), benchRouting())),
  duplicates: await run('duplicates', async () => {
    section('Duplicate check: precision/recall over the planted near-duplicates; blocking keys over 100,000 persons vs the full scan');
    return { ...measureDuplicates(), blocking: await benchDuplicateBlocking() };
  }),
  totalSeconds: 0,
  loadAverageAtEnd: '',
};
results.totalSeconds = r2((performance.now() - started) / 1000);
results.loadAverageAtEnd = os
  .loadavg()
  .map((n) => n.toFixed(2))
  .join(' ');
console.log(
  `\ntotal ${results.totalSeconds.toFixed(1)} s; load average (1/5/15 min) at start ${machine.loadAverageAtStart}, at end ${results.loadAverageAtEnd} on ${machine.cpus} CPUs`,
);
console.log(JSON.stringify(results));
