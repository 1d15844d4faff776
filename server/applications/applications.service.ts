/** ADE drafts: starting one, the applicant's view of it, and autosave with optimistic concurrency (REL-01/02). */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AppDeps } from '../context.js';
import { isUniqueViolation } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { problem } from '../http/problem.js';
import { findJobcenter } from '../jobcenters/jobcenters.repository.js';
import { requireModule } from '../jobcenters/module-guard.js';
import { listEvidenceDocuments } from '../uploads/uploads.repository.js';
import type { ApplicationsTable } from './applications.table.js';
import {
  findOpenDraft,
  findOwnApplication,
  findUsableTda,
  insertApplication,
  updateAnswersIfVersion,
} from './applications.repository.js';
import { derive, type Answers } from './validation.js';
import { berlinDate } from '../../domain/dates.js';

/** TdA fields the Hauptantrag asks again (same ids in section A): she never types them twice. */
const FROM_TDA = ['firstName', 'lastName', 'birthDate', 'street', 'houseNumber', 'addressSuffix', 'postalCode', 'city', 'phone', 'email'] as const;

/** The first answers of a Hauptantrag from the TdA's data. */
function prefillFromTda(data: string): Record<string, unknown> {
  const tda = JSON.parse(data) as Record<string, unknown>;
  return Object.fromEntries(FROM_TDA.filter((k) => typeof tda[k] === 'string' && tda[k] !== '').map((k) => [k, tda[k]]));
}

/** The summary of an application (the list view; no answers). */
export function summaryOf(row: ApplicationsTable, pdfSha256?: string) {
  return {
    id: row.id,
    status: row.status as 'draft' | 'submitted',
    version: Number(row.version),
    applicationDate: row.application_date,
    portalJobcenterId: row.portal_jobcenter_id,
    ...(row.tda_id ? { tdaId: row.tda_id } : {}),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ...(row.submitted_at ? { submittedAt: row.submitted_at } : {}),
    ...(row.number ? { number: row.number } : {}),
    ...(row.status === 'submitted'
      ? { pdf: { status: row.pdf_status, ...(row.pdf_status === 'ready' ? { sha256: pdfSha256, href: `/api/applications/${row.id}/pdf` } : {}) } }
      : {}),
  };
}

/** The full view: answers, what the engine derives from them, and the uploads. */
export async function viewOf(db: Kysely<Database>, row: ApplicationsTable) {
  const answers = JSON.parse(row.answers) as Answers;
  const { anlagen, evidence, todos } = derive(answers, row.application_date);
  const [docs, pdf] = await Promise.all([
    listEvidenceDocuments(db, row.id),
    row.pdf_document_id
      ? db.selectFrom('documents').select('sha256').where('id', '=', row.pdf_document_id).executeTakeFirst()
      : undefined,
  ]);
  return {
    ...summaryOf(row, pdf?.sha256),
    answers,
    anlagen,
    evidence,
    todos,
    documents: docs.map((d) => ({
      id: d.id,
      itemId: d.item_id,
      filename: d.filename,
      mediaType: d.media_type,
      size: Number(d.size),
      sha256: d.sha256,
      createdAt: d.created_at,
      href: `/api/applications/${row.id}/evidence/${encodeURIComponent(d.item_id)}/documents/${d.id}`,
    })),
  };
}

/** Starts the account's draft, or returns the open one (one open draft per account). */
export async function startApplication(
  deps: AppDeps,
  accountId: string,
  input: { portalJobcenterId: string; tdaId?: string },
): Promise<{ created: boolean; row: ApplicationsTable }> {
  const open = await findOpenDraft(deps.db.db, accountId);
  if (open) return { created: false, row: open };
  const portal = await findJobcenter(deps.db.db, input.portalJobcenterId);
  if (!portal) throw problem('validation', { errors: [{ path: 'portalJobcenterId', code: 'unknown_jobcenter', message: 'Unbekanntes Jobcenter.' }] });
  const now = deps.clock.now();
  await requireModule(deps, portal, 'ade');
  const tda = await findUsableTda(deps.db.db, accountId, input.tdaId);
  if (input.tdaId && !tda) throw problem('validation', { errors: [{ path: 'tdaId', code: 'unknown_tda', message: 'Unbekannte Erklärung zum Tag der Antragstellung.' }] });
  if (tda?.used_by) throw problem('validation', { errors: [{ path: 'tdaId', code: 'tda_in_use', message: 'Zu dieser Erklärung gibt es schon einen Antrag.' }] });
  const row: ApplicationsTable = {
    id: randomUUID(),
    account_id: accountId,
    portal_jobcenter_id: portal.id,
    tda_id: tda?.id ?? null,
    status: 'draft',
    version: 1,
    answers: JSON.stringify({ main: tda ? prefillFromTda(tda.data) : {}, members: [], anlagen: {} } satisfies Answers),
    // § 37 SGB II: the TdA is the application; the Hauptantrag completes it and keeps its date.
    application_date: berlinDate(tda ? new Date(tda.received_at) : now),
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
    submitted_at: null,
    number: null,
    answers_sha256: null,
    pdf_status: 'none',
    pdf_document_id: null,
    eakte_reference: null,
  };
  try {
    await insertApplication(deps.db.db, row);
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    // A parallel start won the open-draft slot (or took the same TdA): answer with its draft.
    const winner = await findOpenDraft(deps.db.db, accountId);
    if (winner) return { created: false, row: winner };
    throw problem('validation', { errors: [{ path: 'tdaId', code: 'tda_in_use', message: 'Zu dieser Erklärung gibt es schon einen Antrag.' }] });
  }
  return { created: true, row };
}

/** Why a conditional write matched nothing: missing (404), submitted (409) or a newer version (412 with it). */
export async function conflictOf(deps: AppDeps, id: string, accountId: string): Promise<never> {
  const current = await findOwnApplication(deps.db.db, id, accountId);
  if (!current) throw problem('not-found');
  if (current.status !== 'draft') throw problem('application-submitted', { headers: { etag: `"${current.version}"` } });
  throw problem('version-conflict', {
    detail: 'Laden Sie den aktuellen Stand, bevor Sie weiter ändern.',
    headers: { etag: `"${current.version}"` },
    extensions: { current: { version: Number(current.version), answers: JSON.parse(current.answers), updatedAt: current.updated_at } },
  });
}

/** Autosave: one conditional UPDATE on the happy path, nothing slow (REL-06, PERF-02). */
export async function saveAnswers(deps: AppDeps, accountId: string, id: string, version: number, answers: Answers) {
  const updatedAt = deps.clock.now().toISOString();
  const ok = await updateAnswersIfVersion(deps.db.db, { id, accountId, version }, JSON.stringify(answers), updatedAt);
  if (!ok) return conflictOf(deps, id, accountId);
  return { version: version + 1, updatedAt };
}
