/** Types shared by every route: the app's dependencies and the Hono environment. */
import type { Db } from './db/database.js';
import type { EAkte } from './adapters/eakte.js';
import type { Mailer } from './adapters/mail/mailer.js';
import type { PdfRenderer } from './adapters/pdf/pdf-renderer.js';
import type { VirusScanner } from './adapters/virus-scan.js';
import type { VerbisAdapter } from './adapters/verbis.js';
import type { UploadLimits } from './uploads/policy.js';
import type { StaffRole } from '../domain/staff.js';

/** Settings read once by server/main.ts (or built by tests). */
export interface AppConfig {
  /** Public base URL of this server, used in mail links and as the same-site origin. */
  publicUrl: string;
  /** True in production: no dev mailbox, secure cookies only. */
  production: boolean;
  /** Trust X-Forwarded-For for the client address (behind a reverse proxy). */
  trustProxy: boolean;
  /** 32-byte key for documents at rest (AES-256-GCM, SEC-37). */
  documentKey: Buffer;
  /** Sender address of mails. */
  mailFrom: string;
  /** Write one access-log line per request (method, path without query, status, time). */
  accessLog?: boolean;
  /** Retention periods (SEC-50); defaults in server/retention/retention.service.ts. */
  retention?: Partial<RetentionConfig>;
}

/** Retention periods in days (SEC-50). */
export interface RetentionConfig {
  /** Abandoned ADE/OAP drafts (and their uploads): untouched for this long. */
  draftDays: number;
  /** Portal copies of handed-over PDFs and evidence: this long after handover and the closed review. */
  copyDays: number;
  /** Done outbox rows and dev mailbox mails. */
  outboxDays: number;
  /** Rows per batch (each batch one short transaction). */
  batchSize: number;
}

/** A clock; tests move time. */
export interface Clock {
  now(): Date;
}

/** Everything createApp needs, injected. */
export interface AppDeps {
  db: Db;
  mailer: Mailer;
  pdf: PdfRenderer;
  eakte: EAkte;
  /** The placement system (VerBIS) port; without one the database store of server/adapters/verbis.ts is used. */
  verbis?: VerbisAdapter;
  clock: Clock;
  config: AppConfig;
  /** Called after a transaction enqueued outbox work, so the worker starts at once. */
  onOutbox?: () => void;
  /** Scanner for evidence uploads (SEC-30); without one scanning is `off`, visible in GET /api/uploads/policy. */
  virusScanner?: VirusScanner;
  /** Overrides of the upload limits (defaults in server/uploads/policy.ts). */
  uploads?: Partial<UploadLimits>;
}

/** The signed-in session as routes see it. */
export interface SessionInfo {
  tokenHash: string;
  accountId: string;
  email: string;
  level: number;
  emailConfirmed: boolean;
  expiresAt: string;
  transport: 'cookie' | 'bearer';
}

/** The signed-in staff member as routes see it (a separate session from applicants'). */
export interface StaffInfo {
  id: string;
  name: string;
  email: string;
  /** Null for staff without a jobcenter (RD admin, 1st-level support). */
  jobcenterId: string | null;
  roles: readonly StaffRole[];
  tokenHash: string;
  expiresAt: string;
}

/** Hono environment of the app. */
export interface AppEnv {
  Variables: {
    requestId: string;
    session: SessionInfo | null;
    staff: StaffInfo | null;
  };
}
