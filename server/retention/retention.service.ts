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
import { type Kysely, sql } from 'kysely';
import { OAP_CV } from '../../domain/forms/oap-cv.js';
import type { AppDeps, RetentionConfig } from '../context.js';
import type { Database } from '../db/schema.js';

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
/** The content is present (not yet deleted by retention). */
const hasContent = sql<boolean>`length(content) > 0`;

const CERT_LIST = OAP_CV.pages.flatMap((p) => p.questions).find((q) => q.itemEvidence?.length);
const CERT_CODE = CERT_LIST?.itemEvidence?.[0]?.code;

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

type Trx = Kysely<Database>;

/** Selects up to `batch` ids and deletes them, one transaction per batch, until a batch comes back short. */
async function deleteInBatches(
  db: Kysely<Database>,
  batch: number,
  select: (trx: Trx) => { execute(): Promise<{ id: string }[]> },
  remove: (trx: Trx, ids: string[]) => Promise<{ numDeletedRows: bigint }>,
): Promise<number> {
  let total = 0;
  for (;;) {
    const { found, deleted } = await db.transaction().execute(async (trx) => {
      const ids = (await select(trx).execute()).map((r) => r.id);
      if (!ids.length) return { found: 0, deleted: 0 };
      const r = await remove(trx, ids);
      return { found: ids.length, deleted: Number(r.numDeletedRows) };
    });
    total += deleted;
    if (found < batch || deleted === 0) return total;
  }
}

/** ADE drafts untouched (answers and uploads) since the cutoff, with their uploads. */
async function sweepAdeDrafts(db: Kysely<Database>, cutoff: string, batch: number, counts: RetentionCounts): Promise<void> {
  const abandoned = (trx: Trx) =>
    trx
      .selectFrom('applications as a')
      .select('a.id')
      .where('a.status', '=', 'draft')
      .where('a.updated_at', '<', cutoff)
      .where((eb) =>
        eb.not(eb.exists(eb.selectFrom('application_documents as l').select('l.document_id').whereRef('l.application_id', '=', 'a.id').where('l.created_at', '>=', cutoff))),
      );
  for (;;) {
    const n = await db.transaction().execute(async (trx) => {
      const found = (await abandoned(trx).limit(batch).execute()).map((r) => r.id);
      if (!found.length) return 0;
      // Claim with a conditional update (row locks on PostgreSQL): a draft submitted meanwhile is left alone.
      const ids = found.length
        ? (
            await trx
              .updateTable('applications')
              .set((eb) => ({ version: eb.ref('version') }))
              .where('id', 'in', found)
              .where('status', '=', 'draft')
              .where('updated_at', '<', cutoff)
              .returning('id')
              .execute()
          ).map((r) => r.id)
        : [];
      if (!ids.length) return found.length;
      const docIds = (await trx.selectFrom('application_documents').select('document_id').where('application_id', 'in', ids).execute()).map((r) => r.document_id);
      if (docIds.length) {
        await trx.deleteFrom('application_documents').where('document_id', 'in', docIds).execute();
        await trx.deleteFrom('documents').where('id', 'in', docIds).execute();
      }
      const r = await trx.deleteFrom('applications').where('id', 'in', ids).where('status', '=', 'draft').executeTakeFirst();
      counts.adeDraftDocuments += docIds.length;
      counts.adeDrafts += Number(r.numDeletedRows);
      return found.length;
    });
    if (n < batch) return;
  }
}

/** OAP drafts untouched since the cutoff; then certificate uploads older than the cutoff that nothing refers to. */
async function sweepOapDrafts(db: Kysely<Database>, cutoff: string, batch: number, counts: RetentionCounts): Promise<void> {
  for (;;) {
    const n = await db.transaction().execute(async (trx) => {
      const rows = await trx.selectFrom('oap_drafts').select(['profile_id', 'service']).where('updated_at', '<', cutoff).limit(batch).execute();
      for (const r of rows) {
        const d = await trx.deleteFrom('oap_drafts').where('profile_id', '=', r.profile_id).where('service', '=', r.service).where('updated_at', '<', cutoff).executeTakeFirst();
        counts.oapDrafts += Number(d.numDeletedRows);
      }
      return rows.length;
    });
    if (n < batch) break;
  }
  if (!CERT_LIST || !CERT_CODE) return;
  // Uploads of profiles without a CV draft: kept while a submitted CV version names their certificate.
  let after = '';
  for (;;) {
    const rows = await db
      .selectFrom('oap_documents as l')
      .select(['l.document_id', 'l.profile_id', 'l.item_id'])
      .where('l.created_at', '<', cutoff)
      .where('l.document_id', '>', after)
      .where((eb) => eb.not(eb.exists(eb.selectFrom('oap_drafts as d').select('d.profile_id').whereRef('d.profile_id', '=', 'l.profile_id').where('d.service', '=', 'cv'))))
      .orderBy('l.document_id')
      .limit(batch)
      .execute();
    if (!rows.length) return;
    after = rows[rows.length - 1].document_id;
    const profiles = [...new Set(rows.map((r) => r.profile_id))];
    const named = new Set<string>();
    for (const s of await db.selectFrom('oap_submissions').select(['profile_id', 'answers']).where('profile_id', 'in', profiles).where('service', '=', 'cv').execute()) {
      const list = (JSON.parse(s.answers) as Record<string, unknown>)[CERT_LIST.id];
      if (Array.isArray(list)) for (const c of list as { id?: unknown }[]) if (typeof c?.id === 'string') named.add(`${s.profile_id}|${CERT_CODE}:cv:${c.id}`);
    }
    const orphans = rows.filter((r) => !named.has(`${r.profile_id}|${r.item_id}`)).map((r) => r.document_id);
    if (orphans.length) {
      await db.transaction().execute(async (trx) => {
        // Re-checked inside the transaction: a CV draft started meanwhile keeps the uploads.
        const still = (
          await trx
            .selectFrom('oap_documents as l')
            .select('l.document_id')
            .where('l.document_id', 'in', orphans)
            .where((eb) => eb.not(eb.exists(eb.selectFrom('oap_drafts as d').select('d.profile_id').whereRef('d.profile_id', '=', 'l.profile_id').where('d.service', '=', 'cv'))))
            .execute()
        ).map((r) => r.document_id);
        if (!still.length) return;
        await trx.deleteFrom('oap_documents').where('document_id', 'in', still).execute();
        await trx.deleteFrom('documents').where('id', 'in', still).execute();
        counts.oapDocuments += still.length;
      });
    }
    if (rows.length < batch) return;
  }
}

/**
 * Portal copies of handed-over documents of applications whose review is closed: the content is emptied, the row
 * stays. One application per transaction; skipped while any outbox job about it is pending or dead.
 */
async function sweepCopies(db: Kysely<Database>, cutoff: string, batch: number, counts: RetentionCounts): Promise<void> {
  const empty = Buffer.alloc(0);
  let after = '';
  for (;;) {
    const apps = await db
      .selectFrom('applications as a')
      .innerJoin('mws_reviews as r', 'r.application_id', 'a.id')
      .select(['a.id', 'a.tda_id', 'a.pdf_document_id', 'a.eakte_reference'])
      .where('a.status', '=', 'submitted')
      .where('a.submitted_at', '<', cutoff)
      .where('r.status', '=', 'abgeschlossen')
      .where('r.updated_at', '<', cutoff)
      .where('a.id', '>', after)
      .where((eb) =>
        eb.or([
          eb.exists(
            eb.selectFrom('documents as d').select('d.id').whereRef('d.id', '=', 'a.pdf_document_id').where('a.eakte_reference', 'is not', null).where(sql<boolean>`length(d.content) > 0`),
          ),
          eb.exists(
            eb
              .selectFrom('application_documents as l')
              .innerJoin('documents as d', 'd.id', 'l.document_id')
              .select('d.id')
              .whereRef('l.application_id', '=', 'a.id')
              .where('l.eakte_reference', 'is not', null)
              .where(sql<boolean>`length(d.content) > 0`),
          ),
          eb.exists(
            eb
              .selectFrom('tda as t')
              .innerJoin('documents as d', 'd.id', 't.pdf_document_id')
              .select('d.id')
              .whereRef('t.id', '=', 'a.tda_id')
              .where('t.eakte_reference', 'is not', null)
              .where(sql<boolean>`length(d.content) > 0`),
          ),
        ]),
      )
      .orderBy('a.id')
      .limit(batch)
      .execute();
    if (!apps.length) return;
    after = apps[apps.length - 1].id;
    for (const app of apps) {
      await db.transaction().execute(async (trx) => {
        const evidence = await trx.selectFrom('application_documents').select(['document_id', 'eakte_reference']).where('application_id', '=', app.id).execute();
        const tda = app.tda_id ? await trx.selectFrom('tda').select(['id', 'pdf_document_id', 'eakte_reference']).where('id', '=', app.tda_id).executeTakeFirst() : undefined;
        // REL-05: a pending or dead job about the application, its TdA or an upload means the handover is not done.
        const needles = [app.id, ...(tda ? [tda.id] : []), ...evidence.map((e) => e.document_id)];
        const open = await trx
          .selectFrom('outbox')
          .select('id')
          .where('status', '!=', 'done')
          .where((eb) => eb.or(needles.map((n) => eb('payload', 'like', `%${n}%`))))
          .limit(1)
          .executeTakeFirst();
        if (open) return;
        const clear = async (docId: string | null | undefined): Promise<number> => {
          if (!docId) return 0;
          const r = await trx.updateTable('documents').set({ content: empty }).where('id', '=', docId).where(hasContent).executeTakeFirst();
          return Number(r.numUpdatedRows);
        };
        if (app.eakte_reference) counts.applicationPdfs += await clear(app.pdf_document_id);
        for (const e of evidence) if (e.eakte_reference) counts.evidence += await clear(e.document_id);
        if (tda?.eakte_reference) counts.tdaPdfs += await clear(tda.pdf_document_id);
      });
    }
    if (apps.length < batch) return;
  }
}

/**
 * Portal copies of OAP certificate uploads in the E-AKTE, once the profile's review is closed (work item `erledigt`)
 * and quiet (no submission, no takeover) since the cutoff: the content is emptied, the row stays (download 410).
 */
async function sweepOapCopies(db: Kysely<Database>, cutoff: string, batch: number, counts: RetentionCounts): Promise<void> {
  const empty = Buffer.alloc(0);
  let after = '';
  for (;;) {
    const rows = await db
      .selectFrom('oap_documents as l')
      .innerJoin('documents as d', 'd.id', 'l.document_id')
      .select(['l.document_id', 'l.profile_id'])
      .where('l.eakte_reference', 'is not', null)
      .where('l.created_at', '<', cutoff)
      .where('l.document_id', '>', after)
      .where(sql<boolean>`length(d.content) > 0`)
      .where((eb) =>
        eb.and([
          eb.exists(eb.selectFrom('work_items as w').select('w.id').where('w.type', '=', 'oap').whereRef('w.ref_id', '=', 'l.profile_id').where('w.status', '=', 'erledigt')),
          eb.not(eb.exists(eb.selectFrom('oap_submissions as s').select('s.id').whereRef('s.profile_id', '=', 'l.profile_id').where('s.submitted_at', '>=', cutoff))),
          eb.not(eb.exists(eb.selectFrom('oap_takeovers as t').select('t.id').whereRef('t.profile_id', '=', 'l.profile_id').where('t.created_at', '>=', cutoff))),
        ]),
      )
      .orderBy('l.document_id')
      .limit(batch)
      .execute();
    if (!rows.length) return;
    after = rows[rows.length - 1].document_id;
    await db.transaction().execute(async (trx) => {
      // REL-05: an open job about the profile (routing after a new submission, a handover) keeps its copies.
      const profiles = [...new Set(rows.map((r) => r.profile_id))];
      const open = await trx
        .selectFrom('outbox')
        .select('payload')
        .where('status', '!=', 'done')
        .where((eb) => eb.or(profiles.map((p) => eb('payload', 'like', `%${p}%`))))
        .execute();
      const ids = rows.filter((r) => !open.some((o) => o.payload.includes(r.profile_id))).map((r) => r.document_id);
      if (!ids.length) return;
      const r = await trx.updateTable('documents').set({ content: empty }).where('id', 'in', ids).where(hasContent).executeTakeFirst();
      counts.oapCopies += Number(r.numUpdatedRows);
    });
    if (rows.length < batch) return;
  }
}
