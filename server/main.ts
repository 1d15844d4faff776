/** Starts the server: the only place that reads the environment. */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { createDatabaseEAkte } from './adapters/eakte.js';
import { createDatabaseVerbis } from './adapters/verbis.js';
import { createDevMailbox } from './adapters/mail/dev-mailbox.js';
import { createSmtpMailer } from './adapters/mail/mailer.js';
import { createPdfRenderer } from './adapters/pdf/pdf-renderer.js';
import { createClamdScanner } from './adapters/virus-scan.js';
import { createApp, createAppOutbox } from './app.js';
import type { AppDeps } from './context.js';
import { openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { sweepDeadlines } from './mws/mws.deadlines.js';
import { sweepRetention } from './retention/retention.service.js';
import { logRedacted } from './http/problem.js';
import { seedDemo, seedDemoStaff, setDemoOrigins } from './db/seed.js';
import { ROOT } from './static.js';

const env = process.env;
const port = Number(env.PORT ?? 3000);
const production = env.NODE_ENV === 'production';
const publicUrl = env.PUBLIC_URL ?? `http://localhost:${port}`;
const databaseUrl = env.DATABASE_URL ?? resolve(ROOT, 'data/jobcenter.sqlite');
// A PostgreSQL schema other than the default (ignored for SQLite), as for the backup scripts.
const databaseSchema = env.DATABASE_SCHEMA || undefined;

/** The key for documents at rest: DOCUMENT_KEY (base64, 32 bytes) or, outside production, a key file under data/. */
function documentKey(): Buffer {
  if (env.DOCUMENT_KEY) {
    const key = Buffer.from(env.DOCUMENT_KEY, 'base64');
    if (key.length !== 32) throw new Error('DOCUMENT_KEY must be 32 bytes, base64-encoded');
    return key;
  }
  if (production) throw new Error('DOCUMENT_KEY is required in production');
  const file = resolve(ROOT, 'data/document.key');
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
  }
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
}

/** A retention period in days from the environment: a positive number, or the server does not start. */
function retentionDays(name: string): number {
  const days = Number(env[name]);
  if (!Number.isFinite(days) || days <= 0) throw new Error(`${name} must be a positive number of days`);
  return days;
}

const db = openDatabase(databaseUrl, databaseSchema ? { searchPath: databaseSchema } : {});
await migrateToLatest(db.db, { schema: databaseSchema });
if (env.SEED_DEMO !== 'false' && !production) {
  const origins = (env.ALLOWED_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  await seedDemo(db.db, { allowedOrigins: origins });
  if (env.ALLOWED_ORIGINS !== undefined) await setDemoOrigins(db.db, origins);
}

const clock = { now: () => new Date() };
const pdf = createPdfRenderer({ workers: Number(env.PDF_WORKERS ?? 2) });
const key = documentKey();
// Demo staff (password in README); DEMO_TOTP_SECRET (base32) pre-enrols them with one known TOTP secret for e2e tests.
if (env.SEED_DEMO !== 'false' && !production) await seedDemoStaff(db.db, key, { totpSecret: env.DEMO_TOTP_SECRET || undefined });
const mailFrom = env.MAIL_FROM ?? 'Jobcenter <no-reply@jobcenter.example>';
const deps: AppDeps = {
  db,
  clock,
  pdf,
  mailer: env.SMTP_URL ? createSmtpMailer({ url: env.SMTP_URL, from: mailFrom }) : createDevMailbox(db.db, clock.now),
  eakte: createDatabaseEAkte(db.db, key, clock.now),
  verbis: createDatabaseVerbis(db.db, clock.now),
  config: {
    publicUrl,
    production,
    trustProxy: env.TRUST_PROXY === '1',
    documentKey: key,
    mailFrom,
    accessLog: env.ACCESS_LOG !== 'false',
    // Retention periods in days (SEC-50); unset ones keep the defaults of server/retention/retention.service.ts.
    retention: {
      ...(env.RETENTION_DRAFT_DAYS ? { draftDays: retentionDays('RETENTION_DRAFT_DAYS') } : {}),
      ...(env.RETENTION_COPY_DAYS ? { copyDays: retentionDays('RETENTION_COPY_DAYS') } : {}),
      ...(env.RETENTION_OUTBOX_DAYS ? { outboxDays: retentionDays('RETENTION_OUTBOX_DAYS') } : {}),
    },
  },
  // Without CLAMD_HOST uploads are not scanned; GET /api/uploads/policy says so (virusScan: 'off').
  virusScanner: env.CLAMD_HOST ? createClamdScanner({ host: env.CLAMD_HOST, port: Number(env.CLAMD_PORT ?? 3310) }) : undefined,
  uploads: {
    ...(env.UPLOAD_MAX_FILE_BYTES ? { maxFileBytes: Number(env.UPLOAD_MAX_FILE_BYTES) } : {}),
    ...(env.UPLOAD_QUOTA_BYTES ? { quotaBytes: Number(env.UPLOAD_QUOTA_BYTES) } : {}),
  },
};
if (production && !env.SMTP_URL) throw new Error('SMTP_URL is required in production');
const outbox = createAppOutbox(deps);
deps.onOutbox = () => outbox.kick();
outbox.start(Number(env.OUTBOX_INTERVAL_MS ?? 1000));
// Deadline reminders and overdue escalation of MWS request rounds (idempotent; every 10 minutes and at start).
const sweep = () => sweepDeadlines(deps).catch((err) => console.warn(`[mws] deadline sweep failed: ${String((err as Error)?.message ?? err)}`));
void sweep();
const sweepTimer = setInterval(sweep, Number(env.DEADLINE_SWEEP_MS ?? 10 * 60 * 1000));
sweepTimer.unref();
// Retention (SEC-50): abandoned drafts, handed-over portal copies, done outbox rows, expired sessions (hourly and at start).
const retention = () => sweepRetention(deps, clock.now()).catch((err) => console.warn(`[retention] sweep failed: ${logRedacted((err as Error)?.message ?? err)}`));
void retention();
const retentionTimer = setInterval(retention, Number(env.RETENTION_SWEEP_MS ?? 60 * 60 * 1000));
retentionTimer.unref();

const app = createApp(deps);
const server = serve({ fetch: app.fetch, port, hostname: env.HOST }, (info) => {
  console.log(`jobcenter widgets: ${publicUrl} (port ${info.port}, db ${db.dialect}${env.SMTP_URL ? ', SMTP' : ', dev mailbox at /dev/mailbox'})`);
});

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  console.log(`${signal}: shutting down`);
  server.close();
  clearInterval(sweepTimer);
  clearInterval(retentionTimer);
  await outbox.stop();
  await pdf.close();
  await deps.mailer.close?.();
  await db.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
