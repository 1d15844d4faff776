/**
 * Crash safety (REL-04): the real server (server/main.ts) in a child process takes a storm of TdA and ADE
 * submissions and is killed with SIGKILL while requests are in flight. After a restart on the same database
 * every acknowledged (2xx) submission is there with its outbox work, that work runs, and no row points to a
 * missing or unreadable document.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listDevMails } from '../../server/adapters/mail/dev-mailbox.js';
import { type Db, type Dialect, openDatabase } from '../../server/db/database.js';
import { decrypt, sha256Hex } from '../../server/documents/crypto.js';
import { type RunningServer, startServer } from '../e2e/support/server.js';
import { complete, HOUSEHOLDS } from '../fixtures/households.js';
import { DIALECTS, GOOD_PASSWORD, tdaBody } from './harness.js';

/** Applicants in the storm. */
const ACCOUNTS = 8;
/** TdA requests queued per applicant (more than get through before the kill). */
const TDA_PER_ACCOUNT = 40;
/** Requests on the wire at any time. */
const CONCURRENCY = 24;
/** The server is killed when this many submissions were acknowledged. */
const KILL_AFTER = 60;
/** Upper bound for the outbox to finish the acknowledged work after the restart. */
const SETTLE_MS = 45_000;

/** A response with its parsed body. */
interface Res {
  status: number;
  body: any;
}

/** A signed-in applicant talking to whichever server is running (the URL changes with the restart). */
class Applicant {
  cookie = '';
  accountId = '';
  applicationId = '';
  constructor(readonly email: string) {}

  /** Sends a request with the session cookie; a network error (the server died) rejects. */
  async request(base: string, method: string, path: string, init: { body?: unknown; headers?: Record<string, string> } = {}): Promise<Res> {
    const headers: Record<string, string> = { ...init.headers };
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    if (this.cookie) headers.cookie = this.cookie;
    const res = await fetch(`${base}${path}`, { method, headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0];
    const type = res.headers.get('content-type') ?? '';
    return { status: res.status, body: type.includes('json') ? await res.json() : await res.text() };
  }
}

/** One submission of the storm and what became of it. */
interface Submission {
  kind: 'tda' | 'ade';
  who: Applicant;
  key: string;
  /** TdA only: the surname sent (one per submission). */
  lastName?: string;
  /** 2xx body, when the server acknowledged it. */
  receipt?: { id: string; number: string };
  /** Network error or non-2xx status. */
  failure?: string;
}

/** A database for the child server (its environment), a way to open it here and to throw it away. */
interface CrashTarget {
  env: Record<string, string>;
  open(): Db;
  drop(): Promise<void>;
}

/** A throwaway database the child server is pointed at: a SQLite file, or a new PostgreSQL schema. */
async function crashTarget(dialect: Dialect): Promise<CrashTarget> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'jc-crash-'));
    const file = join(dir, 'crash.sqlite');
    return { env: { DATABASE_URL: file }, open: () => openDatabase(file), drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const url = process.env.TEST_DATABASE_URL!;
  const schema = `c_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = async (query: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(query);
    await client.end();
  };
  await admin(`create schema ${schema}`);
  return {
    env: { DATABASE_URL: url, DATABASE_SCHEMA: schema },
    open: () => openDatabase(url, { searchPath: schema, poolSize: 4 }),
    drop: () => admin(`drop schema if exists ${schema} cascade`),
  };
}

/** Polls `check` until it returns nothing; returns what is still missing at the deadline. */
async function settle(check: () => Promise<string[]>, ms: number): Promise<string[]> {
  const deadline = Date.now() + ms;
  for (;;) {
    const missing = await check();
    if (!missing.length || Date.now() > deadline) return missing;
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe.each(DIALECTS)('crash safety on %s (REL-04)', (dialect) => {
  const documentKey = randomBytes(32);
  let target: CrashTarget;
  let server: RunningServer | undefined;
  let env: Record<string, string>;
  const applicants: Applicant[] = [];

  beforeAll(async () => {
    target = await crashTarget(dialect);
    env = { ...target.env, DOCUMENT_KEY: documentKey.toString('base64'), ACCESS_LOG: 'false', PDF_WORKERS: '2', OUTBOX_INTERVAL_MS: '200' };
    server = await startServer(env);
    const base = server.url;
    // Confirmed applicants with a session and a complete ADE draft, through the public API.
    const db = target.open();
    try {
      await Promise.all(
        Array.from({ length: ACCOUNTS }, async (_, i) => {
          const a = new Applicant(`sturm-${i}-${randomUUID().slice(0, 6)}@beispiel.de`);
          expect((await a.request(base, 'POST', '/api/accounts', { body: { email: a.email, password: GOOD_PASSWORD } })).status).toBe(202);
          let token: string | undefined;
          await settle(async () => {
            const mail = (await listDevMails(db.db)).find((m) => m.to === a.email);
            token = mail && /token=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
            return token ? [] : ['mail'];
          }, 20_000);
          expect(token, `confirmation mail to ${a.email}`).toBeDefined();
          expect((await a.request(base, 'POST', '/api/accounts/confirm', { body: { token } })).status).toBe(200);
          const signIn = await a.request(base, 'POST', '/api/sessions', { body: { email: a.email, password: GOOD_PASSWORD } });
          expect(signIn.status).toBe(200);
          a.accountId = signIn.body.account.id;
          const draft = await a.request(base, 'POST', '/api/applications', { body: { portalJobcenterId: 'musterstadt' } });
          expect(draft.status).toBe(201);
          a.applicationId = draft.body.id;
          const answers = complete(HOUSEHOLDS[0].answers, draft.body.applicationDate);
          const saved = await a.request(base, 'PUT', `/api/applications/${a.applicationId}/answers`, { body: { answers }, headers: { 'if-match': '"1"' } });
          expect(saved.status, JSON.stringify(saved.body)).toBe(200);
          applicants.push(a);
        }),
      );
    } finally {
      await db.close();
    }
  });

  afterAll(async () => {
    await server?.stop();
    await target?.drop();
  });

  it('kill -9 in a submission storm: every acknowledged submission survives, its outbox work runs, no dangling document', async () => {
    // The storm: per round one TdA of every applicant; each applicant's ADE submit falls into an early round.
    const queue: Submission[] = [];
    for (let round = 0; round < TDA_PER_ACCOUNT; round++) {
      for (const [i, who] of applicants.entries()) {
        const lastName = `Sturm-${String.fromCharCode(65 + i)}${String.fromCharCode(97 + (round % 26))}${round >= 26 ? 'z' : ''}`;
        queue.push({ kind: 'tda', who, lastName, key: `crash-tda-${i}-${round}-${randomUUID().slice(0, 8)}` });
        if (round === 2 + (i % 6)) queue.push({ kind: 'ade', who, key: `crash-ade-${i}-${randomUUID().slice(0, 8)}` });
      }
    }
    const first = server!;
    let acknowledged = 0;
    let killed: Promise<void> | undefined;
    let inFlightAtKill = 0;
    let inFlight = 0;
    let next = 0;
    const send = (s: Submission) =>
      s.kind === 'tda'
        ? s.who.request(first.url, 'POST', '/api/tda', { body: tdaBody({ lastName: s.lastName }), headers: { 'idempotency-key': s.key } })
        : s.who.request(first.url, 'POST', `/api/applications/${s.who.applicationId}/submit`, { headers: { 'if-match': '"2"', 'idempotency-key': s.key } });
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (!killed && next < queue.length) {
          const s = queue[next++];
          inFlight++;
          try {
            const res = await send(s);
            if (res.status >= 200 && res.status < 300) s.receipt = { id: res.body.id, number: res.body.number };
            else s.failure = `${res.status} ${JSON.stringify(res.body)}`;
          } catch (err) {
            s.failure = String((err as Error).cause ?? err);
          } finally {
            inFlight--;
          }
          if (s.receipt && ++acknowledged === KILL_AFTER) {
            inFlightAtKill = inFlight;
            killed = first.kill();
          }
        }
      }),
    );
    await killed;
    await first.stop(); // only removes its temporary directory now
    const acked = queue.filter((s) => s.receipt);
    const sent = queue.filter((s) => s.receipt || s.failure);
    // The kill hit a running storm: requests were on the wire, and nothing failed before it.
    expect(killed, 'the storm ended before the kill').toBeDefined();
    expect(inFlightAtKill).toBeGreaterThan(0);
    expect(acked.length).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(sent.filter((s) => s.failure && !/fetch failed|ECONNRE|socket|other side closed/i.test(s.failure)).map((s) => s.failure)).toEqual([]);

    server = await startServer(env);
    const base = server.url;
    const db = target.open();
    try {
      const tdaAcked = acked.filter((s) => s.kind === 'tda');
      const adeAcked = acked.filter((s) => s.kind === 'ade');
      const q = db.db;

      // Every acknowledged TdA is stored under its key with the number of the receipt, and the applicant sees it.
      const tdaRows = await q.selectFrom('tda').select(['id', 'number', 'account_id', 'idempotency_key']).execute();
      const tdaById = new Map(tdaRows.map((r) => [r.id, r]));
      for (const s of tdaAcked) {
        expect(tdaById.get(s.receipt!.id), `acknowledged TdA ${s.key}`).toMatchObject({ number: s.receipt!.number, account_id: s.who.accountId, idempotency_key: s.key });
      }
      for (const s of tdaAcked.slice(0, 5)) {
        const got = await s.who.request(base, 'GET', `/api/tda/${s.receipt!.id}`);
        expect(got.status).toBe(200);
        expect(got.body.number).toBe(s.receipt!.number);
      }
      // Every acknowledged ADE is submitted with its number.
      for (const s of adeAcked) {
        const row = await q.selectFrom('applications').select(['status', 'number']).where('id', '=', s.who.applicationId).executeTakeFirst();
        expect(row, `acknowledged ADE ${s.key}`).toEqual({ status: 'submitted', number: s.receipt!.number });
      }
      // A retry of an acknowledged key replays the stored receipt (the key's response committed with the data).
      const again = await tdaAcked[0].who.request(base, 'POST', '/api/tda', {
        body: tdaBody({ lastName: tdaAcked[0].lastName }),
        headers: { 'idempotency-key': tdaAcked[0].key },
      });
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ id: tdaAcked[0].receipt!.id, number: tdaAcked[0].receipt!.number });

      // A retry of a TdA cut off by the kill replays it when it had committed, records it when not, or is told to
      // wait while the dead worker's reservation lasts: never an error, never a second TdA under the key.
      for (const s of sent.filter((x) => x.kind === 'tda' && x.failure)) {
        const retry = await s.who.request(base, 'POST', '/api/tda', { body: tdaBody({ lastName: s.lastName }), headers: { 'idempotency-key': s.key } });
        expect([200, 201, 409], `retry of ${s.key}: ${retry.status} ${JSON.stringify(retry.body)}`).toContain(retry.status);
        if (retry.status === 409) expect(retry.body.type).toBe('/problems/idempotency-in-progress');
        else expect(retry.body.id).toBeDefined();
      }

      // Data and its outbox work commit together: every stored TdA/ADE has its PDF job, every done key its row.
      const allTda = await q.selectFrom('tda').select(['id', 'number', 'account_id', 'idempotency_key']).execute();
      const jobs = await q.selectFrom('outbox').select(['kind', 'payload']).where('kind', 'in', ['tda.pdf', 'ade.pdf']).execute();
      const jobFor = new Set(jobs.map((j) => JSON.parse(j.payload).tdaId ?? JSON.parse(j.payload).applicationId));
      expect(allTda.filter((r) => !jobFor.has(r.id)).map((r) => r.number)).toEqual([]);
      const submitted = await q.selectFrom('applications').select(['id', 'number']).where('status', '=', 'submitted').execute();
      expect(submitted.filter((r) => !jobFor.has(r.id)).map((r) => r.number)).toEqual([]);
      const doneKeys = await q.selectFrom('idempotency_keys').select(['key', 'scope', 'account_id']).where('state', '=', 'done').execute();
      const tdaKeys = new Set(allTda.map((r) => `${r.account_id}/${r.idempotency_key}`));
      expect(doneKeys.filter((k) => k.scope === 'tda' && !tdaKeys.has(`${k.account_id}/${k.key}`))).toEqual([]);

      // The restarted server finishes the work: PDF, E-AKTE handover and a routed work item for each one.
      const missing = await settle(async () => {
        const tda = await q.selectFrom('tda').select(['id', 'number', 'pdf_status', 'eakte_reference']).execute();
        const ade = await q.selectFrom('applications').select(['id', 'number', 'pdf_status', 'eakte_reference']).where('status', '=', 'submitted').execute();
        const routed = new Set((await q.selectFrom('work_items').select('ref_id').execute()).map((w) => w.ref_id));
        return [...tda, ...ade]
          .filter((r) => r.pdf_status !== 'ready' || !r.eakte_reference || !routed.has(r.id))
          .map((r) => `${r.number}: pdf ${r.pdf_status}, eakte ${r.eakte_reference ?? '-'}, routed ${routed.has(r.id)}`);
      }, SETTLE_MS);
      const stuck = await q.selectFrom('outbox').select(['kind', 'status', 'attempts', 'locked_until', 'last_error']).where('status', '!=', 'done').execute();
      expect(missing, `outbox not done:\n${JSON.stringify(stuck, null, 1).slice(0, 3000)}`).toEqual([]);
      expect(stuck).toEqual([]);

      await expectNoDanglingDocuments(db);
    } finally {
      await db.close();
    }
  }, 120_000);

  it(dialect === 'sqlite' ? 'opens SQLite in WAL with synchronous=FULL, foreign keys on and a busy timeout' : 'commits durably on PostgreSQL (synchronous_commit not off)', async () => {
    const db = target.open();
    try {
      if (dialect === 'sqlite') {
        const pragma = async (name: string) => Object.values((await sql.raw(`pragma ${name}`).execute(db.db)).rows[0] as object)[0];
        expect(await pragma('journal_mode')).toBe('wal');
        expect(await pragma('synchronous')).toBe(2);
        expect(await pragma('foreign_keys')).toBe(1);
        expect(await pragma('busy_timeout')).toBeGreaterThan(0);
      } else {
        const { rows } = await sql<{ synchronous_commit: string }>`show synchronous_commit`.execute(db.db);
        expect(rows[0].synchronous_commit).not.toBe('off');
      }
    } finally {
      await db.close();
    }
  });

  /** Every reference to a document or an E-AKTE document resolves, and every referenced content decrypts to its hash. */
  async function expectNoDanglingDocuments(db: Db) {
    const q = db.db;
    const docs = new Map((await q.selectFrom('documents').select(['id', 'sha256', 'size', 'content']).execute()).map((d) => [d.id, d]));
    const eakte = new Map((await q.selectFrom('eakte_documents').select(['id', 'sha256', 'content']).execute()).map((d) => [`EAKTE-${d.id}`, d]));
    const refs: { from: string; id: string | null }[] = [
      ...(await q.selectFrom('tda').select(['number', 'pdf_document_id']).execute()).map((r) => ({ from: `tda ${r.number}`, id: r.pdf_document_id })),
      ...(await q.selectFrom('applications').select(['id', 'pdf_document_id']).execute()).map((r) => ({ from: `application ${r.id}`, id: r.pdf_document_id })),
      ...(await q.selectFrom('application_documents').select('document_id').execute()).map((r) => ({ from: 'application_documents', id: r.document_id })),
      ...(await q.selectFrom('oap_documents').select('document_id').execute()).map((r) => ({ from: 'oap_documents', id: r.document_id })),
      ...(await q.selectFrom('mws_request_items').select('document_id').execute()).map((r) => ({ from: 'mws_request_items', id: r.document_id })),
    ];
    const eakteRefs: { from: string; id: string | null }[] = [
      ...(await q.selectFrom('tda').select(['number', 'eakte_reference']).execute()).map((r) => ({ from: `tda ${r.number}`, id: r.eakte_reference })),
      ...(await q.selectFrom('applications').select(['id', 'eakte_reference']).execute()).map((r) => ({ from: `application ${r.id}`, id: r.eakte_reference })),
      ...(await q.selectFrom('application_documents').select('eakte_reference').execute()).map((r) => ({ from: 'application_documents', id: r.eakte_reference })),
    ];
    expect(refs.filter((r) => r.id && !docs.has(r.id)).map((r) => r.from)).toEqual([]);
    expect(eakteRefs.filter((r) => r.id && !eakte.has(r.id)).map((r) => r.from)).toEqual([]);
    expect(refs.filter((r) => r.id).length).toBeGreaterThanOrEqual(KILL_AFTER);
    const unreadable: string[] = [];
    for (const r of refs) {
      const d = r.id ? docs.get(r.id) : undefined;
      if (!d) continue;
      const bytes = decrypt(documentKey, d.content, `documents:${d.id}`);
      if (sha256Hex(bytes) !== d.sha256 || bytes.byteLength !== Number(d.size)) unreadable.push(r.from);
    }
    for (const [ref, d] of eakte) if (sha256Hex(decrypt(documentKey, d.content, `eakte:${ref.slice(6)}`)) !== d.sha256) unreadable.push(ref);
    expect(unreadable).toEqual([]);
  }
});
