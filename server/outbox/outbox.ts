/**
 * Transactional outbox (REL-05): work that may fail (mail, PDF, E-AKTE handover, routing) is written in the
 * same transaction as the data it belongs to and run afterwards with retries and back-off. Handlers run
 * outside any transaction (REL-06) and must be idempotent: a job can run again after a crash.
 */
import { randomUUID } from 'node:crypto';
import { type Kysely, PostgresAdapter } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Clock } from '../context.js';
import { logRedacted, logSafe } from '../http/problem.js';

/** A job handler: does the work; throwing schedules a retry. */
export type OutboxHandler = (payload: any) => Promise<void>;

/** After this many failures a job is parked as `dead` for an operator (shown by /health). */
export const MAX_ATTEMPTS = 12;
// A claimed job whose lease ran out is taken again (its worker died). The worker renews the lease every
// LEASE_MS / 3 while the job runs, so the lease can be short: after a kill -9 the jobs are free again soon.
const LEASE_MS = 15 * 1000;

/** Adds a job inside the caller's transaction. */
export async function enqueue(trx: Kysely<Database>, clock: Clock, kind: string, payload: unknown): Promise<void> {
  const now = clock.now().toISOString();
  await trx
    .insertInto('outbox')
    .values({
      id: randomUUID(),
      kind,
      payload: JSON.stringify(payload),
      status: 'pending',
      attempts: 0,
      run_at: now,
      locked_until: null,
      last_error: null,
      created_at: now,
      done_at: null,
    })
    .execute();
}

/** Back-off before attempt n+1: 1 s, 2 s, 4 s … capped at one hour. */
export function backoffMs(attempts: number): number {
  return Math.min(1000 * 2 ** Math.max(0, attempts - 1), 60 * 60 * 1000);
}

/** The outbox worker. */
export interface Outbox {
  /** Runs due jobs once; returns how many ran. */
  runOnce(limit?: number): Promise<number>;
  /** Runs until no job is due (tests, shutdown). */
  drain(): Promise<void>;
  /** Asks the background loop to look now. */
  kick(): void;
  /** Starts the background loop. */
  start(intervalMs?: number): void;
  /** Stops the loop and waits for the running batch. */
  stop(): Promise<void>;
}

/** Creates a worker over the given handlers. */
export function createOutbox(db: Kysely<Database>, clock: Clock, handlers: Record<string, OutboxHandler>): Outbox {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let again = false;
  let stopped = true;
  let interval = 500;

  // One statement claims a whole batch (fewer commits, REL-06); PostgreSQL skips rows other workers hold.
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  async function claim(limit: number) {
    const now = clock.now().toISOString();
    let due = db
      .selectFrom('outbox')
      .select('id')
      .where('status', '=', 'pending')
      .where('run_at', '<=', now)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
      .orderBy('run_at')
      .limit(limit);
    if (postgres) due = due.forUpdate().skipLocked();
    return db
      .updateTable('outbox')
      .set({ locked_until: new Date(Date.parse(now) + LEASE_MS).toISOString() })
      .where('id', 'in', due)
      .where('status', '=', 'pending')
      .returning(['id', 'kind', 'payload', 'attempts'])
      .execute();
  }

  async function runJob(job: { id: string; kind: string; payload: string; attempts: number }) {
    const handler = handlers[job.kind];
    try {
      if (!handler) throw new Error(`no handler for outbox kind ${job.kind}`);
      await handler(JSON.parse(job.payload));
      await db
        .updateTable('outbox')
        .set({ status: 'done', done_at: clock.now().toISOString(), locked_until: null, attempts: job.attempts + 1 })
        .where('id', '=', job.id)
        .execute();
    } catch (err) {
      const attempts = job.attempts + 1;
      const message = (err as Error)?.message ?? String(err);
      console.warn(`[outbox] ${logSafe(job.kind)} ${job.id} attempt ${attempts} failed: ${logRedacted(message)}`);
      await db
        .updateTable('outbox')
        .set({
          status: attempts >= MAX_ATTEMPTS ? 'dead' : 'pending',
          attempts,
          locked_until: null,
          last_error: message.slice(0, 1000),
          run_at: new Date(clock.now().getTime() + backoffMs(attempts)).toISOString(),
        })
        .where('id', '=', job.id)
        .execute();
    }
  }

  // Extends the lease of the batch's jobs still running (finished ones have no lease any more).
  async function renew(ids: string[]) {
    await db
      .updateTable('outbox')
      .set({ locked_until: new Date(clock.now().getTime() + LEASE_MS).toISOString() })
      .where('id', 'in', ids)
      .where('status', '=', 'pending')
      .where('locked_until', 'is not', null)
      .execute();
  }

  async function batch(limit: number): Promise<number> {
    const jobs = await claim(limit);
    if (!jobs.length) return 0;
    const ids = jobs.map((j) => j.id);
    const renewer = setInterval(() => void renew(ids).catch((err) => console.warn(`[outbox] lease renewal failed: ${logSafe((err as Error).message)}`)), LEASE_MS / 3);
    try {
      await Promise.all(jobs.map(runJob));
    } finally {
      clearInterval(renewer);
    }
    return jobs.length;
  }

  const outbox: Outbox = {
    async runOnce(limit = 20) {
      while (running) await running.catch(() => 0);
      running = batch(limit);
      try {
        return await running;
      } finally {
        running = undefined;
      }
    },
    async drain() {
      for (let i = 0; i < 1000; i++) if ((await outbox.runOnce()) === 0) return;
    },
    kick() {
      if (stopped) return;
      if (running) {
        again = true;
        return;
      }
      clearTimeout(timer);
      timer = setTimeout(loop, 0);
    },
    start(intervalMs = 500) {
      interval = intervalMs;
      stopped = false;
      timer = setTimeout(loop, 0);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      while (running) await running.catch(() => 0);
    },
  };

  async function loop() {
    if (stopped) return;
    try {
      let n: number;
      do {
        again = false;
        n = await outbox.runOnce();
      } while ((n > 0 || again) && !stopped);
    } catch (err) {
      console.warn(`[outbox] loop error: ${logSafe((err as Error).message)}`);
    }
    if (!stopped) timer = setTimeout(loop, interval);
  }

  return outbox;
}
