/**
 * Retention (SEC-50): what the portal no longer needs is deleted after configurable periods.
 *
 * - Abandoned drafts: ADE applications in status `draft` untouched (answers and uploads) for `draftDays`, with their
 *   uploads; OAP drafts untouched for `draftDays`, and OAP certificate uploads no draft or submitted CV refers to.
 * - Portal copies of documents handed over to the E-AKTE (the E-AKTE copy is the record): the application PDF,
 *   its evidence and the TdA PDF, once `eakte_reference` is set AND the MWS review is `abgeschlossen`, `copyDays`
 *   after submission and closing. Only the content is emptied; the row (file name, size, SHA-256) stays, so receipts
 *   still show number and hash, and a download answers 410 `copy-deleted`. Nothing is touched while a job about the
 *   application is still pending or dead in the outbox (REL-05).
 * - The same for OAP certificate uploads in the E-AKTE (`oap_documents.eakte_reference`): once the profile's OAP
 *   work item is closed (`erledigt`, the takeover) and neither a submission nor a takeover happened for `copyDays`,
 *   the content of uploads older than `copyDays` is emptied; skipped while an outbox job about the profile is open.
 * - Done outbox rows and dev mailbox mails older than `outboxDays`; expired sessions, staff sessions, staff
 *   challenges and e-mail tokens.
 *
 * Idempotent (a second sweep finds nothing), batched, each batch in its own short transaction. Logs counts only
 * (SEC-42: no personal data).
 */
import type { AppDeps, RetentionConfig } from '../context.js';
import { deleteInBatches } from './retention.batches.js';
import { sweepCopies, sweepOapCopies } from './retention.copies.js';
import { sweepAdeDrafts, sweepOapDrafts } from './retention.drafts.js';

/** Default periods. */
export const RETENTION_DEFAULTS: RetentionConfig = { draftDays: 180, copyDays: 90, outboxDays: 30, batchSize: 200 };

/** What one sweep deleted, per category. */
export interface RetentionCounts {
  adeDrafts: number;
  adeDraftDocuments: number;
  oapDrafts: number;
  oapDocuments: number;
  /** Portal copies whose content was deleted (application PDFs, evidence, TdA PDFs). */
  applicationPdfs: number;
  evidence: number;
  tdaPdfs: number;
  /** OAP certificate uploads in the E-AKTE whose portal copy was emptied. */
  oapCopies: number;
  outbox: number;
  devMails: number;
  /** Expired sessions, staff sessions, staff challenges, e-mail tokens. */
  expired: number;
}

const DAY = 86_400_000;
const before = (now: Date, days: number) => new Date(now.getTime() - days * DAY).toISOString();

/** The effective periods (config over defaults). */
export function retentionConfig(deps: AppDeps): RetentionConfig {
  return { ...RETENTION_DEFAULTS, ...deps.config.retention };
}

/** One sweep at `now`. */
export async function sweepRetention(deps: AppDeps, now: Date = deps.clock.now()): Promise<RetentionCounts> {
  const cfg = retentionConfig(deps);
  const db = deps.db.db;
  const batch = Math.max(1, Math.floor(cfg.batchSize));
  const counts: RetentionCounts = {
    adeDrafts: 0,
    adeDraftDocuments: 0,
    oapDrafts: 0,
    oapDocuments: 0,
    applicationPdfs: 0,
    evidence: 0,
    tdaPdfs: 0,
    oapCopies: 0,
    outbox: 0,
    devMails: 0,
    expired: 0,
  };
  const draftCutoff = before(now, cfg.draftDays);
  const copyCutoff = before(now, cfg.copyDays);
  const outboxCutoff = before(now, cfg.outboxDays);
  const at = now.toISOString();

  await sweepAdeDrafts(db, draftCutoff, batch, counts);
  await sweepOapDrafts(db, draftCutoff, batch, counts);
  await sweepCopies(db, copyCutoff, batch, counts);
  await sweepOapCopies(db, copyCutoff, batch, counts);

  counts.outbox = await deleteInBatches(db, batch, (trx) =>
    trx.selectFrom('outbox').select('id').where('status', '=', 'done').where('done_at', '<', outboxCutoff).limit(batch),
    (trx, ids) => trx.deleteFrom('outbox').where('id', 'in', ids).where('status', '=', 'done').executeTakeFirst(),
  );
  counts.devMails = await deleteInBatches(db, batch, (trx) =>
    trx.selectFrom('dev_mails').select('id').where('created_at', '<', outboxCutoff).limit(batch),
    (trx, ids) => trx.deleteFrom('dev_mails').where('id', 'in', ids).executeTakeFirst(),
  );
  counts.expired += await deleteInBatches(db, batch, (trx) =>
    trx.selectFrom('sessions').select('token_hash as id').where((eb) => eb.or([eb('expires_at', '<', at), eb('revoked_at', '<', at)])).limit(batch),
    (trx, ids) => trx.deleteFrom('sessions').where('token_hash', 'in', ids).executeTakeFirst(),
  );
  counts.expired += await deleteInBatches(db, batch, (trx) =>
    trx.selectFrom('staff_sessions').select('token_hash as id').where((eb) => eb.or([eb('expires_at', '<', at), eb('revoked_at', '<', at)])).limit(batch),
    (trx, ids) => trx.deleteFrom('staff_sessions').where('token_hash', 'in', ids).executeTakeFirst(),
  );
  counts.expired += await deleteInBatches(db, batch, (trx) =>
    trx.selectFrom('staff_challenges').select('token_hash as id').where('expires_at', '<', at).limit(batch),
    (trx, ids) => trx.deleteFrom('staff_challenges').where('token_hash', 'in', ids).executeTakeFirst(),
  );
  counts.expired += await deleteInBatches(db, batch, (trx) =>
    trx.selectFrom('email_tokens').select('token_hash as id').where('expires_at', '<', at).limit(batch),
    (trx, ids) => trx.deleteFrom('email_tokens').where('token_hash', 'in', ids).executeTakeFirst(),
  );

  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  if (total > 0) console.log(`[retention] ${Object.entries(counts).map(([k, v]) => `${k}=${v}`).join(' ')}`);
  return counts;
}
