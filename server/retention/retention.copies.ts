/** Retention of portal copies already in the E-AKTE (SEC-50): application PDFs, evidence, TdA PDFs, OAP certificates. */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.js';
import { hasContent } from './retention.batches.js';
import type { RetentionCounts } from './retention.service.js';

/**
 * Portal copies of handed-over documents of applications whose review is closed: the content is emptied, the row
 * stays. One application per transaction; skipped while any outbox job about it is pending or dead.
 */
export async function sweepCopies(db: Kysely<Database>, cutoff: string, batch: number, counts: RetentionCounts): Promise<void> {
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
export async function sweepOapCopies(db: Kysely<Database>, cutoff: string, batch: number, counts: RetentionCounts): Promise<void> {
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
