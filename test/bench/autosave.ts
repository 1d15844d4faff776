/**
 * PERF-02 autosave: `PUT /api/applications/:id/answers` with If-Match, open loop at a fixed rate.
 *
 * The real app (createApp, Hono + Kysely, SQLite file with WAL + synchronous=FULL, migrated and seeded) is served
 * by @hono/node-server. N applicants (accounts and sessions inserted directly, the drafts started through
 * POST /api/applications) each save a ~4 KB answers document (the completed "couple with two children" household
 * of the fixtures, with one field changing on every request). The load generator (a worker thread) sends requests
 * on a timer at a fixed rate whatever the answers do, so latency includes queueing; it keeps the ETag of every
 * draft and sends it as If-Match, one save per draft in flight at a time.
 *
 * The same load runs against a raw baseline in the same process: node:http + better-sqlite3 prepared statements
 * on its own connection to a copy of the database (same schema, accounts, sessions and drafts). The baseline
 * does the essential work of the route and nothing else: cookie → SHA-256 → session + account lookup (the app's
 * join) with the expiry/idle/level checks, If-Match and content-type checks, body read with a size cap,
 * JSON.parse + a shape check of main/members/anlagen + JSON.stringify, the conditional
 * `UPDATE applications SET answers=?, updated_at=?, version=version+1 WHERE id=? AND account_id=? AND
 * status='draft' AND version=?`, and a JSON answer with the ETag (a version lookup on a miss, 412). No security
 * headers, request id, CORS/CSRF check, zod or query builder.
 *
 * Every run has a warm-up at the full rate whose requests are not measured; the first run on each server has a
 * longer one (JIT: the app's first seconds under load are measurably slower than its later ones). Rounds
 * alternate the order (baseline→app, app→baseline). Other processes on the machine show up as event-loop stalls
 * of both servers; the load average and the CPU other processes used are printed per run, and the summary
 * repeats the quietest round (least CPU used by others during its two runs).
 *
 * Env: BENCH_AUTOSAVE_RATE (500 req/s), BENCH_AUTOSAVE_SECONDS (5 measured), BENCH_AUTOSAVE_WARMUP_SECONDS (1;
 * +1.5 s on the first run per server), BENCH_AUTOSAVE_DRAFTS (50), BENCH_AUTOSAVE_ROUNDS (2),
 * BENCH_AUTOSAVE_BYTES (4096: body size the free-text answer pads to; 0 = the fixture as it is),
 * BENCH_CLIENT=inline.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { serve } from '@hono/node-server';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { hashPassword } from '../../server/accounts/password.js';
import { createDatabaseEAkte } from '../../server/adapters/eakte.js';
import { createDevMailbox } from '../../server/adapters/mail/dev-mailbox.js';
import { createInlinePdfRenderer } from '../../server/adapters/pdf/pdf-renderer.js';
import { createApp } from '../../server/app.js';
import type { Answers } from '../../server/applications/validation.js';
import type { AppDeps } from '../../server/context.js';
import { openDatabase } from '../../server/db/database.js';
import { migrateToLatest } from '../../server/db/migrate.js';
import { seedDemo } from '../../server/db/seed.js';
import { cookieName, createSession, IDLE_MS } from '../../server/sessions/sessions.service.js';
import { complete, HOUSEHOLDS } from '../fixtures/households.js';
import type { OpenLoopOptions, OpenLoopResult } from './load-client.mjs';
import { runOpenLoop } from './load-client.mjs';

const RATE = Number(process.env.BENCH_AUTOSAVE_RATE ?? 500);
const SECONDS = Number(process.env.BENCH_AUTOSAVE_SECONDS ?? 5);
const DRAFTS = Number(process.env.BENCH_AUTOSAVE_DRAFTS ?? 50);
const ROUNDS = Math.max(1, Number(process.env.BENCH_AUTOSAVE_ROUNDS ?? 2));
const TARGET_BYTES = Number(process.env.BENCH_AUTOSAVE_BYTES ?? 4096);
const INLINE_CLIENT = process.env.BENCH_CLIENT === 'inline';
const WARMUP_MS = Number(process.env.BENCH_AUTOSAVE_WARMUP_SECONDS ?? 1) * 1000;
/** Extra warm-up of the first run on each server. */
const FIRST_WARMUP_EXTRA_MS = 1500;
/** PERF-02 goals. */
const P99_GOAL_MS = 25;
const RATIO_GOAL = 1.3;
const ANSWERS_MAX_BYTES = 256 * 1024;

const r2 = (n: number) => Math.round(n * 100) / 100;
const quantile = (sorted: number[], q: number) =>
  sorted.length === 0
    ? NaN
    : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
const loadavg = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');

/** Prints a table; columns whose header starts with '>' are right-aligned. */
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

/** One open-loop run against one server. */
export interface AutosaveFigures {
  server: 'app' | 'baseline';
  round: number;
  /** 1-minute load average when the run started. */
  load1AtStart: number;
  /** CPU cores this process used during the run (server, baseline and the load generator's worker). */
  ownCores: number;
  /** CPU cores everything else on the machine used during the run (Linux only): other processes = noise. */
  otherCores?: number;
  offeredRps: number;
  /** Answers received inside the measured window per second. */
  achievedRps: number;
  scheduled: number;
  ok: number;
  errors: number;
  conflicts412: number;
  waitedForPrevious: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Client lateness (send − due) p99: large values mean the load generator, not the server, fell behind. */
  clientLagP99Ms: number;
  /** Server main-thread event-loop delay during the run. */
  loopP99Ms: number;
  loopMaxMs: number;
  statuses: Record<string, number>;
  firstError?: string;
}

// ─── the raw baseline ────────────────────────────────────────────────────────────────────────────────────

function openRaw(file: string): SQLite.Database {
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** node:http + prepared statements: the autosave route's essential work only (see the file comment). */
function baselineServer(raw: SQLite.Database, cookie: string): Server {
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
  const update = raw.prepare(
    "update applications set answers = ?, updated_at = ?, version = version + 1 where id = ? and account_id = ? and status = 'draft' and version = ?",
  );
  const current = raw.prepare<[string, string], { version: number; status: string }>(
    'select version, status from applications where id = ? and account_id = ?',
  );
  const cookieRe = new RegExp(`(?:^|;\\s*)${cookie}=([A-Za-z0-9_-]{20,100})`);
  const pathRe = /^\/api\/applications\/([0-9a-f-]{36})\/answers$/;
  const send = (res: http.ServerResponse, status: number, body: unknown, etag?: string) => {
    const json = JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(json),
      ...(etag ? { etag } : {}),
    });
    res.end(json);
  };

  return http.createServer((req, res) => {
    const m = req.method === 'PUT' ? pathRe.exec(req.url ?? '') : null;
    if (!m) return send(res, 404, { type: 'not-found' });
    const id = m[1];
    const token = cookieRe.exec(req.headers.cookie ?? '')?.[1];
    const row = token ? sessionByHash.get(createHash('sha256').update(token).digest('hex')) : undefined;
    const now = new Date();
    if (
      !row ||
      row.revoked_at ||
      row.transport !== 'cookie' ||
      now.getTime() >= Date.parse(row.expires_at) ||
      now.getTime() - Date.parse(row.last_seen_at) >= IDLE_MS
    )
      return send(res, 401, { type: 'unauthenticated' });
    if (row.level < 1) return send(res, 403, { type: 'level-too-low' });
    const ifMatch = /^"?(\d{1,9})"?$/.exec(req.headers['if-match']?.trim() ?? '');
    if (!ifMatch) return send(res, 428, { type: 'precondition-required' });
    if (!/^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? ''))
      return send(res, 415, { type: 'unsupported-media-type' });
    const version = Number(ifMatch[1]);
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= ANSWERS_MAX_BYTES) chunks.push(c);
    });
    req.on('end', () => {
      if (size > ANSWERS_MAX_BYTES) return send(res, 413, { type: 'payload-too-large' });
      let answers: unknown;
      try {
        answers = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { answers?: unknown }).answers;
      } catch {
        return send(res, 400, { type: 'malformed-json' });
      }
      if (
        !isPlainObject(answers) ||
        !isPlainObject(answers.main) ||
        !Array.isArray(answers.members) ||
        !isPlainObject(answers.anlagen)
      )
        return send(res, 400, { type: 'validation' });
      const updatedAt = new Date().toISOString();
      if (update.run(JSON.stringify(answers), updatedAt, id, row.account_id, version).changes === 1)
        return send(res, 200, { version: version + 1, updatedAt }, `"${version + 1}"`);
      const cur = current.get(id, row.account_id);
      if (!cur) return send(res, 404, { type: 'not-found' });
      return send(res, cur.status === 'draft' ? 412 : 409, { type: 'version-conflict' }, `"${cur.version}"`);
    });
  });
}

// ─── load ────────────────────────────────────────────────────────────────────────────────────────────────

async function openLoop(o: OpenLoopOptions): Promise<OpenLoopResult> {
  if (INLINE_CLIENT) return runOpenLoop(o);
  const worker = new Worker(new URL('./load-client.mjs', import.meta.url));
  try {
    return await new Promise<OpenLoopResult>((resolve, reject) => {
      worker.once('message', (m: { ok: true; result: OpenLoopResult } | { ok: false; error: string }) =>
        m.ok ? resolve(m.result) : reject(new Error(m.error)),
      );
      worker.once('error', reject);
      worker.postMessage({ ...o, mode: 'open' });
    });
  } finally {
    await worker.terminate();
  }
}

/** Busy and total CPU time of the whole machine in jiffies (Linux /proc/stat), or undefined elsewhere. */
function machineCpu(): { busy: number; total: number } | undefined {
  try {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1, 9).map(Number);
    const total = f.reduce((a, b) => a + b, 0);
    return { busy: total - f[3] - f[4], total };
  } catch {
    return undefined;
  }
}

async function measure(
  server: AutosaveFigures['server'],
  round: number,
  o: OpenLoopOptions,
): Promise<AutosaveFigures> {
  const load1AtStart = r2(os.loadavg()[0]);
  const loop = monitorEventLoopDelay({ resolution: 1 });
  const cpu0 = machineCpu();
  const own0 = process.cpuUsage();
  const wall0 = performance.now();
  loop.enable();
  const r = await openLoop(o);
  loop.disable();
  const wallS = (performance.now() - wall0) / 1000;
  const own = process.cpuUsage(own0);
  const cpu1 = machineCpu();
  const ownCores = (own.user + own.system) / 1e6 / wallS;
  const machineCores =
    cpu0 && cpu1 ? ((cpu1.busy - cpu0.busy) / (cpu1.total - cpu0.total)) * os.cpus().length : undefined;
  const l = r.latenciesMs;
  return {
    server,
    round,
    load1AtStart,
    ownCores: r2(ownCores),
    ...(machineCores === undefined ? {} : { otherCores: r2(Math.max(0, machineCores - ownCores)) }),
    offeredRps: r2((r.scheduled / r.windowMs) * 1000),
    achievedRps: r2((r.completedInWindow / r.windowMs) * 1000),
    scheduled: r.scheduled,
    ok: r.ok,
    errors: r.errors,
    conflicts412: r.conflicts,
    waitedForPrevious: r.waitedForPrevious,
    p50Ms: r2(quantile(l, 0.5)),
    p90Ms: r2(quantile(l, 0.9)),
    p99Ms: r2(quantile(l, 0.99)),
    maxMs: r2(l.at(-1) ?? NaN),
    clientLagP99Ms: r2(quantile(r.sendLagMs, 0.99)),
    loopP99Ms: r2(loop.percentile(99) / 1e6),
    loopMaxMs: r2(loop.max / 1e6),
    statuses: r.statuses,
    ...(r.firstError ? { firstError: r.firstError } : {}),
  };
}

// ─── the answers document ────────────────────────────────────────────────────────────────────────────────

const LIVED_ON = [
  'Bis Ende des letzten Monats habe ich in Teilzeit in einer Bäckerei gearbeitet, der Vertrag wurde nicht verlängert.',
  'Seitdem leben wir vom Lohn meines Mannes und vom Kindergeld für die beiden Kinder.',
  'Die Miete für die Wohnung im dritten Stock haben wir zuletzt nur mit Hilfe meiner Schwester bezahlen können.',
  'Rücklagen haben wir keine mehr, das Sparbuch der Tochter ist für die Klassenfahrt im Frühjahr vorgesehen.',
  'Für die Nebenkostennachzahlung haben wir eine Ratenzahlung mit der Hausverwaltung vereinbart.',
];

/**
 * The body template: the completed household with a free-text answer (`livedOnHow`, optional in the
 * Hauptantrag) padded to the target size and `grossMonthly` as the field that changes with every save.
 */
function bodyTemplate(applicationDate: string): { template: string; bytes: number } {
  const answers: Answers = complete(HOUSEHOLDS[2].answers, applicationDate);
  const ek = { ...(answers.anlagen['EK:applicant'] ?? {}), grossMonthly: '{{seq}}' };
  const doc: Answers = {
    ...answers,
    main: { ...answers.main },
    anlagen: { ...answers.anlagen, 'EK:applicant': ek },
  };
  const size = () => Buffer.byteLength(JSON.stringify({ answers: doc }));
  if (TARGET_BYTES > 0) {
    const parts: string[] = [];
    for (let i = 0; size() < TARGET_BYTES && i < 1000; i++) {
      parts.push(LIVED_ON[i % LIVED_ON.length]);
      doc.main.livedOnHow = parts.join(' ');
    }
  }
  const template = JSON.stringify({ answers: doc });
  return { template, bytes: Buffer.byteLength(template.replace('"{{seq}}"', '1450')) };
}

// ─── the section ─────────────────────────────────────────────────────────────────────────────────────────

export async function benchAutosave() {
  const loadBefore = loadavg();
  const t0 = performance.now();
  const dir = mkdtempSync(join(os.tmpdir(), 'jc-bench-autosave-'));
  const file = join(dir, 'app.sqlite');
  const copy = join(dir, 'baseline.sqlite');
  const db = openDatabase(file); // WAL, synchronous=FULL, foreign_keys, busy_timeout: as in production
  await migrateToLatest(db.db);
  await seedDemo(db.db, { allowedOrigins: ['https://portal.example'] });
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
  const app = createApp(deps, { serveStatic: false });
  const appServer = await new Promise<{ server: Server; url: string }>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
      resolve({ server: s as Server, url: `http://127.0.0.1:${info.port}` }),
    );
  });
  let raw: SQLite.Database | undefined;
  let baseServer: Server | undefined;
  const results: AutosaveFigures[] = [];
  let bodyBytes = 0;
  let setupMs = 0;

  try {
    // Applicants: confirmed accounts (level 1) and cookie sessions made by the server's own createSession.
    const passwordHash = await hashPassword(`bench-${randomUUID()}`);
    const now = new Date().toISOString();
    const cookie = cookieName(deps);
    const drafts: { path: string; headers: Record<string, string>; etag: string }[] = [];
    let applicationDate = '';
    for (let i = 0; i < DRAFTS; i++) {
      const accountId = randomUUID();
      await db.db
        .insertInto('accounts')
        .values({
          id: accountId,
          email: `bench-${i}-${accountId.slice(0, 8)}@beispiel.de`,
          password_hash: passwordHash,
          level: 1,
          email_confirmed_at: now,
          lang: 'de',
          jobcenter_id: null,
          created_at: now,
          last_sign_in_at: now,
        })
        .execute();
      const { token } = await createSession(deps, accountId, 1, 'cookie');
      const headers = { cookie: `${cookie}=${token}` };
      const res = await fetch(`${appServer.url}/api/applications`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ portalJobcenterId: 'musterstadt' }),
      });
      const view = (await res.json()) as { id?: string; applicationDate?: string };
      const etag = res.headers.get('etag');
      if (res.status !== 201 || !view.id || !etag)
        throw new Error(`POST /api/applications ${res.status} ${JSON.stringify(view).slice(0, 300)}`);
      applicationDate = view.applicationDate ?? applicationDate;
      drafts.push({ path: `/api/applications/${view.id}/answers`, headers, etag });
    }
    const { template, bytes } = bodyTemplate(applicationDate);
    bodyBytes = bytes;

    // The baseline's database: a copy of the app's, same schema, accounts, sessions and drafts.
    await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db.db);
    await sql`vacuum into ${copy}`.execute(db.db);
    raw = openRaw(copy);
    baseServer = baselineServer(raw, cookie);
    const baseUrl = await new Promise<string>((resolve) => {
      const s = baseServer!;
      s.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(s.address() as AddressInfo).port}`));
    });

    // Sanity: one save on each server (then the client starts from the new ETag).
    for (const [url, label] of [
      [appServer.url, 'app'],
      [baseUrl, 'baseline'],
    ] as const) {
      const d = drafts[0];
      const res = await fetch(`${url}${d.path}`, {
        method: 'PUT',
        headers: { ...d.headers, 'content-type': 'application/json', 'if-match': d.etag },
        body: template.replace('"{{seq}}"', '1450'),
      });
      if (res.status !== 200 || res.headers.get('etag') !== '"2"')
        throw new Error(`${label} sanity save ${res.status} ${(await res.text()).slice(0, 300)}`);
    }
    setupMs = performance.now() - t0;

    // Each run starts from the versions its server's database holds (as a client would after loading the draft).
    const ids = drafts.map((d) => d.path.split('/')[3]);
    const baselineVersions = raw.prepare<[], { id: string; version: number }>(
      'select id, version from applications',
    );
    const targetsOf = async (server: 'app' | 'baseline') => {
      const rows =
        server === 'app'
          ? await db.db.selectFrom('applications').select(['id', 'version']).where('id', 'in', ids).execute()
          : baselineVersions.all();
      const byId = new Map(rows.map((r) => [r.id, `"${Number(r.version)}"`]));
      return drafts.map((d, i) => ({ path: d.path, headers: d.headers, etag: byId.get(ids[i])! }));
    };
    for (let round = 1; round <= ROUNDS; round++) {
      const order: ('app' | 'baseline')[] = round % 2 === 1 ? ['baseline', 'app'] : ['app', 'baseline'];
      for (const server of order) {
        // Both start with an empty WAL, so a checkpoint falls at the same point of each run.
        if (server === 'app') await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db.db);
        else raw.pragma('wal_checkpoint(TRUNCATE)');
        results.push(
          await measure(server, round, {
            origin: server === 'app' ? appServer.url : baseUrl,
            ratePerSec: RATE,
            warmupMs: WARMUP_MS + (round === 1 ? FIRST_WARMUP_EXTRA_MS : 0),
            durationMs: SECONDS * 1000,
            targets: await targetsOf(server),
            headers: { 'content-type': 'application/json' },
            bodyTemplate: template,
            trackEtag: true,
            drainTimeoutMs: 5000,
          }),
        );
      }
    }
  } finally {
    appServer.server.closeAllConnections();
    await new Promise<void>((r) => appServer.server.close(() => r()));
    if (baseServer) {
      baseServer.closeAllConnections();
      await new Promise<void>((r) => baseServer!.close(() => r()));
    }
    raw?.close();
    await deps.pdf.close();
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const loadAfter = loadavg();

  console.log(
    `${DRAFTS} drafts, body ${bodyBytes} B (household "${HOUSEHOLDS[2].name}" completed` +
      `${TARGET_BYTES > 0 ? `, free text padded to ~${TARGET_BYTES} B` : ''}, one field changing per save); ` +
      `open loop ${RATE} req/s round-robin, ${WARMUP_MS / 1000} s warm-up (first run per server ` +
      `+${FIRST_WARMUP_EXTRA_MS / 1000} s) + ${SECONDS} s measured; ` +
      `client: ${INLINE_CLIENT ? 'inline on the main thread' : 'worker thread'}; db in ${os.tmpdir()} (WAL, synchronous=FULL)`,
  );
  console.log(
    'latency = answer end − due time (queueing included); loop = server main-thread event-loop delay; ' +
      'client lag = send − due of requests that did not wait (load-generator lateness); own cores = this process ' +
      '(server + client worker), other procs = cores used by the rest of the machine during the run (noise)',
  );
  table(
    [
      'server',
      '>round',
      '>load1',
      '>own cores',
      '>other procs',
      '>offered/s',
      '>achieved/s',
      '>ok',
      '>errors',
      '>412',
      '>waited',
      '>p50 ms',
      '>p90 ms',
      '>p99 ms',
      '>max ms',
      '>client lag p99',
      '>loop p99',
      '>loop max',
      'p99 ≤ 25 ms',
    ],
    results.map((f) => [
      f.server,
      f.round,
      f.load1AtStart.toFixed(2),
      f.ownCores.toFixed(2),
      f.otherCores === undefined ? '–' : f.otherCores.toFixed(2),
      f.offeredRps.toFixed(0),
      f.achievedRps.toFixed(0),
      f.ok,
      f.errors,
      f.conflicts412,
      f.waitedForPrevious,
      f.p50Ms.toFixed(2),
      f.p90Ms.toFixed(2),
      f.p99Ms.toFixed(2),
      f.maxMs.toFixed(2),
      f.clientLagP99Ms.toFixed(2),
      f.loopP99Ms.toFixed(1),
      f.loopMaxMs.toFixed(1),
      f.server === 'app' ? (f.p99Ms <= P99_GOAL_MS && f.errors === 0 ? 'OK' : 'OVER') : '(baseline)',
    ]),
  );
  for (const f of results)
    if (f.firstError) console.log(`  ${f.server} round ${f.round}: first error: ${f.firstError}`);

  const ratio = (label: string, a: AutosaveFigures | undefined, b: AutosaveFigures | undefined) => {
    if (!a || !b) return [];
    const p50 = r2(a.p50Ms / b.p50Ms);
    const p99 = r2(a.p99Ms / b.p99Ms);
    return [
      {
        label,
        round: a.round,
        p50,
        p99,
        ok: p50 <= RATIO_GOAL && p99 <= RATIO_GOAL,
      },
    ];
  };
  const pairOf = (round: number) =>
    [
      results.find((f) => f.round === round && f.server === 'app'),
      results.find((f) => f.round === round && f.server === 'baseline'),
    ] as const;
  const rounds = [...new Set(results.map((f) => f.round))];
  // The quietest round: least CPU used by other processes during its two runs (else the lowest app p99).
  const noise = (round: number) => {
    const [a, b] = pairOf(round);
    return a?.otherCores !== undefined && b?.otherCores !== undefined
      ? Math.max(a.otherCores, b.otherCores)
      : (a?.p99Ms ?? Infinity);
  };
  const quietest = [...rounds].sort((x, y) => noise(x) - noise(y))[0];
  const ratios = [
    ...rounds.flatMap((round) => ratio(`round ${round}`, ...pairOf(round))),
    ...(rounds.length > 1 ? ratio(`quietest round (${quietest})`, ...pairOf(quietest)) : []),
  ];
  console.log('');
  table(
    ['app / baseline (same round)', '>p50 ×', '>p99 ×', '>goal', 'status'],
    ratios.map((r) => [
      r.label,
      r.p50.toFixed(2),
      r.p99.toFixed(2),
      `≤ ${RATIO_GOAL}×`,
      r.ok ? 'OK' : 'OVER',
    ]),
  );
  console.log(
    `\nsection ${((performance.now() - t0) / 1000).toFixed(1)} s (setup ${(setupMs / 1000).toFixed(1)} s); ` +
      `load average (1/5/15 min) before ${loadBefore}, after ${loadAfter} on ${os.cpus().length} CPUs`,
  );
  return {
    ratePerSec: RATE,
    warmupMs: WARMUP_MS,
    durationMs: SECONDS * 1000,
    drafts: DRAFTS,
    bodyBytes,
    client: INLINE_CLIENT ? 'inline' : 'worker',
    goals: { p99Ms: P99_GOAL_MS, ratio: RATIO_GOAL },
    runs: results,
    ratios,
    loadAverageBefore: loadBefore,
    loadAverageAfter: loadAfter,
  };
}
