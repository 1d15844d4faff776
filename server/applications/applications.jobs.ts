/** Outbox jobs of a submitted application: PDF, E-AKTE handover (application and evidence), routing (REL-05). */
import { randomUUID } from 'node:crypto';
import { findAccountById } from '../accounts/accounts.repository.js';
import type { AppDeps } from '../context.js';
import { findOwnDocument, insertDocument } from '../documents/documents.repository.js';
import { findJobcenter, findJobcenterByPlz } from '../jobcenters/jobcenters.repository.js';
import { findTda } from '../tda/tda.repository.js';
import { releaseIfDecided } from '../persons/persons.release.js';
import type { OutboxHandler } from '../outbox/outbox.js';
import { enqueue } from '../outbox/outbox.js';
import { findEvidenceForHandover, listEvidenceDocuments, openContent, setEvidenceReference } from '../uploads/uploads.repository.js';
import { routeWorkItem } from '../work-items/routing.service.js';
import { anlagenFor } from '../../domain/forms/engine.js';
import { findApplication, updateProcessing } from './applications.repository.js';
import { applicantFacts, type Answers } from './validation.js';

/**
 * The gE that handles the application: the one responsible for the address in the Hauptantrag (it may be
 * newer than the TdA's); for a municipal jobcenter (zkT) or an unknown postal code, the TdA's gE, else the
 * portal's (it forwards, § 16 Abs. 2 SGB I).
 */
async function handlingJobcenterId(deps: AppDeps, portalId: string, tdaId: string | null, postalCode: string): Promise<string> {
  const byPlz = /^\d{5}$/.test(postalCode) ? await findJobcenterByPlz(deps.db.db, postalCode) : undefined;
  if (byPlz?.kind === 'ge') return byPlz.id;
  const tda = tdaId ? await findTda(deps.db.db, tdaId) : undefined;
  return tda && tda.responsibility !== 'municipal_forwarded' ? tda.jobcenter_id : portalId;
}

async function load(deps: AppDeps, applicationId: string) {
  const app = await findApplication(deps.db.db, applicationId);
  if (!app || app.status !== 'submitted' || !app.number || !app.submitted_at) throw new Error(`application ${applicationId} not submitted`);
  const portal = await findJobcenter(deps.db.db, app.portal_jobcenter_id);
  if (!portal) throw new Error(`jobcenter of application ${applicationId} missing`);
  const answers = JSON.parse(app.answers) as Answers;
  const handlingId = await handlingJobcenterId(deps, portal.id, app.tda_id, applicantFacts(answers).postalCode);
  return { app, portal, handlingId, number: app.number, submittedAt: app.submitted_at, answers };
}

/** The handlers, keyed by outbox kind; each is idempotent (a job may run again after a crash). */
export function applicationJobs(deps: AppDeps): Record<string, OutboxHandler> {
  /** Hands one upload to the E-AKTE once (externalKey), after the application was submitted. */
  async function handOverEvidence(documentId: string): Promise<void> {
    const doc = await findEvidenceForHandover(deps.db.db, documentId);
    if (!doc || doc.eakte_reference) return; // deleted meanwhile, or already there
    const { app, number, handlingId } = await load(deps, doc.application_id);
    const { reference } = await deps.eakte.handOver({
      externalKey: `ade:${app.id}:evidence:${doc.id}`,
      jobcenterId: handlingId,
      filename: doc.filename,
      mediaType: doc.media_type,
      bytes: openContent(deps.config.documentKey, doc),
      metadata: { documentClass: 'Nachweis zum Antrag SGB II', applicationNumber: number, evidenceItem: doc.item_id, sha256: doc.sha256 },
    });
    await setEvidenceReference(deps.db.db, doc.id, reference);
  }

  return {
    async 'ade.pdf'({ applicationId }: { applicationId: string }) {
      const { app, portal, number, submittedAt, answers } = await load(deps, applicationId);
      if (app.pdf_document_id) return;
      const account = await findAccountById(deps.db.db, app.account_id);
      const bytes = await deps.pdf.renderApplication({
        number,
        applicationDate: app.application_date,
        submittedAt,
        answers,
        dataSha256: app.answers_sha256 ?? '',
        portalJobcenter: { id: portal.id, name: portal.name },
        accountEmail: account?.email ?? '',
      });
      await deps.db.db.transaction().execute(async (trx) => {
        const fresh = await findApplication(trx, applicationId);
        if (!fresh || fresh.pdf_document_id) return;
        const documentId = randomUUID();
        await insertDocument(trx, deps.config.documentKey, {
          id: documentId,
          ownerAccountId: app.account_id,
          kind: 'ade_pdf',
          filename: `Antrag-${number}.pdf`,
          mediaType: 'application/pdf',
          bytes,
          createdAt: deps.clock.now().toISOString(),
        });
        await updateProcessing(trx, applicationId, { pdf_document_id: documentId, pdf_status: 'ready' });
        await enqueue(trx, deps.clock, 'ade.handover', { applicationId });
      });
      deps.onOutbox?.();
    },

    async 'ade.handover'({ applicationId }: { applicationId: string }) {
      const { app, number, submittedAt, handlingId } = await load(deps, applicationId);
      if (!app.pdf_document_id) throw new Error(`PDF of application ${applicationId} not ready`);
      if (!app.eakte_reference) {
        const doc = await findOwnDocument(deps.db.db, deps.config.documentKey, app.pdf_document_id, app.account_id);
        if (!doc) throw new Error(`PDF of application ${applicationId} missing`);
        const { reference } = await deps.eakte.handOver({
          externalKey: `ade:${app.id}`,
          jobcenterId: handlingId,
          filename: doc.filename,
          mediaType: doc.media_type,
          bytes: doc.bytes,
          metadata: {
            documentClass: 'Antrag SGB II – Hauptantrag mit Anlagen',
            applicationNumber: number,
            applicationDate: app.application_date,
            submittedAt,
            ...(app.tda_id ? { tdaId: app.tda_id } : {}),
            sha256: doc.sha256,
          },
        });
        await updateProcessing(deps.db.db, applicationId, { eakte_reference: reference });
      }
      // Evidence uploaded while it was a draft follows the application.
      for (const d of await listEvidenceDocuments(deps.db.db, applicationId)) if (!d.eakte_reference) await handOverEvidence(d.id);
      // Release to the benefit system waits for the duplicate check: until then the Internetperson's decision does it.
      await releaseIfDecided(deps, app.account_id);
    },

    async 'ade.evidence'({ documentId }: { documentId: string }) {
      await handOverEvidence(documentId);
    },

    async 'ade.route'({ applicationId }: { applicationId: string }) {
      const { app, number, handlingId, answers } = await load(deps, applicationId);
      const facts = applicantFacts(answers);
      await routeWorkItem(
        deps,
        handlingId,
        { type: 'ade', surname: facts.lastName, birthDate: facts.birthDate, postalCode: facts.postalCode, language: facts.language, applicationDate: app.application_date, anlagen: [...new Set(anlagenFor(answers, app.application_date).map((a) => a.code))] },
        { refId: app.id, title: `Antrag ${number} – ${facts.lastName}, ${facts.firstName}` },
      );
    },
  };
}
