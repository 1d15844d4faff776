/** Outbox jobs of a TdA: render the PDF, hand it to the E-AKTE, route the work item (REL-05). */
import { randomUUID } from 'node:crypto';
import type { TdaData } from '../../domain/tda.js';
import type { AppDeps } from '../context.js';
import { findOwnDocument, insertDocument } from '../documents/documents.repository.js';
import { findAccountById } from '../accounts/accounts.repository.js';
import { findJobcenter } from '../jobcenters/jobcenters.repository.js';
import type { OutboxHandler } from '../outbox/outbox.js';
import { enqueue } from '../outbox/outbox.js';
import { routeWorkItem } from '../work-items/routing.service.js';
import { findTda, updateTda } from './tda.repository.js';
import { berlinDate } from '../../domain/dates.js';

async function load(deps: AppDeps, tdaId: string) {
  const tda = await findTda(deps.db.db, tdaId);
  if (!tda) throw new Error(`TdA ${tdaId} not found`);
  const portal = await findJobcenter(deps.db.db, tda.portal_jobcenter_id);
  const responsible = await findJobcenter(deps.db.db, tda.jobcenter_id);
  if (!portal || !responsible) throw new Error(`jobcenter of TdA ${tdaId} missing`);
  // A zkT is not on the platform: the receiving gE files it and forwards it (§ 16 Abs. 2 SGB I).
  const handling = tda.responsibility === 'municipal_forwarded' ? portal : responsible;
  return { tda, portal, responsible, handling, data: JSON.parse(tda.data) as TdaData };
}

/** The handlers, keyed by outbox kind. */
export function tdaJobs(deps: AppDeps): Record<string, OutboxHandler> {
  return {
    async 'tda.pdf'({ tdaId }: { tdaId: string }) {
      const { tda, portal, responsible, data } = await load(deps, tdaId);
      if (tda.pdf_document_id) return;
      const account = await findAccountById(deps.db.db, tda.account_id);
      const bytes = await deps.pdf.renderTda({
        number: tda.number,
        receivedAt: tda.received_at,
        data,
        dataSha256: tda.data_sha256,
        portalJobcenter: { id: portal.id, name: portal.name },
        responsibleJobcenter: { id: responsible.id, name: responsible.name },
        accountEmail: account?.email ?? '',
      });
      await deps.db.db.transaction().execute(async (trx) => {
        const fresh = await findTda(trx, tdaId);
        if (!fresh || fresh.pdf_document_id) return;
        const documentId = randomUUID();
        await insertDocument(trx, deps.config.documentKey, {
          id: documentId,
          ownerAccountId: tda.account_id,
          kind: 'tda_pdf',
          filename: `Antrag-${tda.number}.pdf`,
          mediaType: 'application/pdf',
          bytes,
          createdAt: deps.clock.now().toISOString(),
        });
        await updateTda(trx, tdaId, { pdf_document_id: documentId, pdf_status: 'ready' });
        await enqueue(trx, deps.clock, 'tda.handover', { tdaId });
        await enqueue(trx, deps.clock, 'tda.route', { tdaId });
      });
      deps.onOutbox?.();
    },

    async 'tda.handover'({ tdaId }: { tdaId: string }) {
      const { tda, handling, responsible } = await load(deps, tdaId);
      if (tda.eakte_reference || !tda.pdf_document_id) return;
      const doc = await findOwnDocument(deps.db.db, deps.config.documentKey, tda.pdf_document_id, tda.account_id);
      if (!doc) throw new Error(`PDF of TdA ${tdaId} missing`);
      const { reference } = await deps.eakte.handOver({
        externalKey: `tda:${tda.id}`,
        jobcenterId: handling.id,
        filename: doc.filename,
        mediaType: doc.media_type,
        bytes: doc.bytes,
        metadata: {
          documentClass: 'Antrag SGB II – Tag der Antragstellung',
          applicationNumber: tda.number,
          receivedAt: tda.received_at,
          responsibleJobcenter: responsible.id,
          sha256: doc.sha256,
        },
      });
      await updateTda(deps.db.db, tdaId, {
        eakte_reference: reference,
        status: tda.responsibility === 'municipal_forwarded' ? 'forwarded' : 'processed',
      });
    },

    async 'tda.route'({ tdaId }: { tdaId: string }) {
      const { tda, handling, responsible, data } = await load(deps, tdaId);
      const forward = tda.responsibility === 'municipal_forwarded' ? ` – Weiterleitung an ${responsible.name}` : '';
      await routeWorkItem(
        deps,
        handling.id,
        {
          type: 'tda',
          surname: data.lastName,
          birthDate: data.birthDate,
          postalCode: data.postalCode,
          language: data.contactLanguage,
          applicationDate: berlinDate(new Date(tda.received_at)),
        },
        { refId: tda.id, title: `TdA ${tda.number} – ${data.lastName}, ${data.firstName}${forward}` },
      );
    },
  };
}
