/**
 * E-AKTE handover of OAP certificate uploads (REL-05). The takeover enqueues `oap.certificates` in its own
 * transaction, naming the CV version it took over; the job hands every file of a certificate that version names
 * to the E-AKTE once (external key `oap-cert:<document id>`) and keeps the reference on the link row. Files of
 * certificates the version no longer names, and files uploaded after the takeover, stay in the portal until a
 * later takeover names them. Index data carry ids, dates and the certificate's name, never other answers.
 */
import { OAP_CERT_LIST, oapCertItemId } from '../../domain/forms/oap-cv.js';
import type { AppDeps } from '../context.js';
import { openContent } from '../uploads/uploads.repository.js';
import { findProfile } from './oap.repository.js';

/** Document class of a handed-over certificate file in the E-AKTE. */
export const OAP_CERT_DOCUMENT_CLASS = 'Nachweis Arbeitsmarktprofil – Zertifikat';

/** A certificate entry of the CV answers (unchecked JSON). */
export type Cert = { id?: unknown; title?: unknown };

/** The certificate list of CV answers (JSON text), [] when missing. */
export const certificatesOf = (answers: string | undefined): Cert[] => {
  const list = answers ? (JSON.parse(answers) as Record<string, unknown>)[OAP_CERT_LIST.id] : undefined;
  return Array.isArray(list) ? (list as Cert[]) : [];
};

/** A certificate's trimmed name, '' when it has none. */
export const titleOf = (c: Cert | undefined) => (c && typeof c.title === 'string' ? c.title.trim() : '');

/** Payload of the `oap.certificates` job. */
export interface OapCertificatesJob {
  profileId: string;
  /** The CV version the takeover took over. */
  submissionId: string;
  /** Files uploaded later wait for the next takeover (the caseworker did not see them). */
  takenOverAt: string;
}

/** Hands the files of the taken-over CV's certificates to the E-AKTE; idempotent (a rerun hands over nothing twice). */
export async function handOverCertificates(deps: AppDeps, job: OapCertificatesJob): Promise<void> {
  const db = deps.db.db;
  const profile = await findProfile(db, job.profileId);
  if (!profile) throw new Error(`OAP profile ${job.profileId} missing`);
  const sub = await db
    .selectFrom('oap_submissions')
    .select('answers')
    .where('id', '=', job.submissionId)
    .where('profile_id', '=', profile.id)
    .where('service', '=', 'cv')
    .executeTakeFirst();
  if (!sub) throw new Error(`CV version ${job.submissionId} missing`);
  const titles = new Map<string, string>();
  for (const c of certificatesOf(sub.answers)) if (typeof c.id === 'string') titles.set(oapCertItemId(c.id), titleOf(c));
  if (titles.size === 0) return;
  const due = await db
    .selectFrom('oap_documents')
    .select(['document_id', 'item_id', 'created_at'])
    .where('profile_id', '=', profile.id)
    .where('item_id', 'in', [...titles.keys()])
    .where('eakte_reference', 'is', null)
    .where('created_at', '<=', job.takenOverAt)
    .orderBy('created_at')
    .orderBy('document_id')
    .execute();
  for (const link of due) {
    // One file at a time: the content is loaded only for the file being handed over.
    const doc = await db.selectFrom('documents').select(['id', 'filename', 'media_type', 'sha256', 'content']).where('id', '=', link.document_id).executeTakeFirst();
    if (!doc) continue; // deleted by the applicant meanwhile
    const { reference } = await deps.eakte.handOver({
      externalKey: `oap-cert:${doc.id}`,
      jobcenterId: profile.jobcenter_id,
      filename: doc.filename,
      mediaType: doc.media_type,
      bytes: openContent(deps.config.documentKey, doc),
      metadata: {
        documentClass: OAP_CERT_DOCUMENT_CLASS,
        certificate: titles.get(link.item_id) ?? '',
        profileId: profile.id,
        jobcenterId: profile.jobcenter_id,
        uploadedAt: link.created_at,
        evidenceItem: link.item_id,
        sha256: doc.sha256,
      },
    });
    await db.updateTable('oap_documents').set({ eakte_reference: reference }).where('document_id', '=', doc.id).execute();
  }
}
