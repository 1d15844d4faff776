/**
 * After a request round in which the applicant corrected answers, the E-AKTE must not keep only the outdated
 * application: a corrected edition of the application PDF is rendered from the current answers and handed over as
 * a new document ("Korrigierte Fassung"), once per round (deterministic document id, E-AKTE external key).
 */
import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import { findAccountById } from '../accounts/accounts.repository.js';
import { canonicalHash } from '../idempotency/idempotency.js';
import type { Answers } from '../applications/validation.js';
import type { AppDeps } from '../context.js';
import type { Database } from '../db/schema.js';
import { findOwnDocument, insertDocument } from '../documents/documents.repository.js';
import type { OutboxHandler } from '../outbox/outbox.js';
import { enqueue } from '../outbox/outbox.js';
import { berlinDate } from '../../domain/dates.js';

/** The id of a round's corrected PDF: derived from the round, so a repeated job finds the one it made. */
export function correctionDocId(requestId: string): string {
  const h = createHash('sha256').update(`mws-correction:${requestId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Enqueues the corrected PDF if answers of this round were corrected (inside the round's closing transaction). */
export async function enqueueCorrectionIfChanged(deps: AppDeps, trx: Transaction<Database>, applicationId: string, requestId: string): Promise<void> {
  const changed = await trx
    .selectFrom('mws_history as h')
    .innerJoin('mws_request_items as i', 'i.id', 'h.request_item_id')
    .select('h.id')
    .where('h.application_id', '=', applicationId)
    .where('h.kind', '=', 'answer')
    .where('i.request_id', '=', requestId)
    .limit(1)
    .executeTakeFirst();
  if (changed) await enqueue(trx, deps.clock, 'mws.corrected-pdf', { applicationId, requestId });
}

/** Outbox handler: render, store (encrypted, owned by the applicant) and hand over the corrected edition. */
export function correctionJobs(deps: AppDeps): Record<string, OutboxHandler> {
  return {
    async 'mws.corrected-pdf'({ applicationId, requestId }: { applicationId: string; requestId: string }) {
      const db = deps.db.db;
      const app = await db.selectFrom('applications').selectAll().where('id', '=', applicationId).executeTakeFirst();
      const round = await db.selectFrom('mws_requests').select(['answered_at']).where('id', '=', requestId).where('application_id', '=', applicationId).executeTakeFirst();
      const item = await db.selectFrom('work_items').select('jobcenter_id').where('type', '=', 'ade').where('ref_id', '=', applicationId).executeTakeFirst();
      if (!app || !app.number || !app.submitted_at || !round || !item) throw new Error(`application ${applicationId} or round ${requestId} missing`);
      const docId = correctionDocId(requestId);
      let doc = await findOwnDocument(db, deps.config.documentKey, docId, app.account_id);
      if (!doc) {
        const answers = JSON.parse(app.answers) as Answers;
        const portal = await db.selectFrom('jobcenters').select(['id', 'name']).where('id', '=', app.portal_jobcenter_id).executeTakeFirstOrThrow();
        const account = await findAccountById(db, app.account_id);
        const bytes = await deps.pdf.renderApplication({
          number: `${app.number} (korrigierte Fassung)`,
          applicationDate: app.application_date,
          submittedAt: round.answered_at ?? app.submitted_at,
          answers,
          dataSha256: canonicalHash(answers),
          portalJobcenter: { id: portal.id, name: portal.name },
          accountEmail: account?.email ?? '',
        });
        const day = berlinDate(round.answered_at ? new Date(round.answered_at) : deps.clock.now());
        await insertDocument(db, deps.config.documentKey, {
          id: docId,
          ownerAccountId: app.account_id,
          kind: 'ade_pdf_correction',
          filename: `Antrag-${app.number}-korrigiert-${day}.pdf`,
          mediaType: 'application/pdf',
          bytes,
          createdAt: deps.clock.now().toISOString(),
        });
        doc = await findOwnDocument(db, deps.config.documentKey, docId, app.account_id);
        if (!doc) throw new Error(`corrected PDF ${docId} not stored`);
      }
      await deps.eakte.handOver({
        externalKey: `ade:${applicationId}:correction:${requestId}`,
        jobcenterId: item.jobcenter_id,
        filename: doc.filename,
        mediaType: doc.media_type,
        bytes: doc.bytes,
        metadata: { documentClass: 'Antrag SGB II – korrigierte Fassung nach Mitwirkung', applicationNumber: app.number, requestId, sha256: doc.sha256 },
      });
    },
  };
}
