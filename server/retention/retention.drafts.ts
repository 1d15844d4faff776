/** Retention of abandoned drafts (SEC-50): ADE drafts with their uploads, OAP drafts, certificate uploads nothing names. */
import type { Kysely } from 'kysely';
import { OAP_CV } from '../../domain/forms/oap-cv.js';
import type { Database } from '../db/schema.js';
import { deleteInBatches, type Trx } from './retention.batches.js';
import type { RetentionCounts } from './retention.service.js';

const CERT_LIST = OAP_CV.pages.flatMap((p) => p.questions).find((q) => q.itemEvidence?.length);
const CERT_CODE = CERT_LIST?.itemEvidence?.[0]?.code;

/** ADE drafts untouched (answers and uploads) since the cutoff, with their uploads. */
export async function sweepAdeDrafts(db: Kysely<Database>, cutoff: string, batch: number, counts: RetentionCounts): Promise<void> {
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
export async function sweepOapDrafts(db: Kysely<Database>, cutoff: string, batch: number, counts: RetentionCounts): Promise<void> {
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
