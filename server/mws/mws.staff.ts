/**
 * The caseworker's side of the MWS: review of a submitted application, request rounds, statuses, internal notes and
 * messages. Leistung roles of the handling jobcenter only (the jobcenter of the application's ADE work item; others
 * get 404, SEC-10); every read and write appends an audit row without payload (SEC-40).
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { fill, pagesFor, valueOf, visibleQuestions } from '../../domain/forms/engine.js';
import { evidenceCatalogue } from '../../domain/forms/evidence-catalogue.js';
import { correctionDocId } from './mws.corrections.js';
import { legalPlaceholders, mitwirkungNotice } from '../../domain/legal.js';
import { REVIEW_STATUS_LABELS, REVIEW_TRANSITIONS, type ReviewStatus } from '../../domain/mws.js';
import { LEISTUNG_ROLES } from '../../domain/staff.js';
import { findAccountById } from '../accounts/accounts.repository.js';
import { findApplication } from '../applications/applications.repository.js';
import { etagOf } from '../applications/if-match.js';
import type { ApplicationsTable } from '../applications/applications.table.js';
import { derive, type Answers } from '../applications/validation.js';
import { appendAudit, type AuditAction } from '../audit/audit.js';
import type { AppDeps, StaffInfo } from '../context.js';
import { isUniqueViolation } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { findOwnDocument } from '../documents/documents.repository.js';
import { problem } from '../http/problem.js';
import { requireModule } from '../jobcenters/module-guard.js';
import { canonicalHash } from '../idempotency/idempotency.js';
import { InvalidField } from '../http/validate.js';
import { enqueue } from '../outbox/outbox.js';
import { hasRole, inJobcenterScope } from '../staff/staff.auth.js';
import { listEvidenceDocuments } from '../uploads/uploads.repository.js';
import { ensureReview, formatValue, lockReview, messageViews, newsMail, requestViews, resolveField, setReviewStatus } from './mws.shared.js';
import type { createRequestInput } from '../../domain/mws.js';
import type * as z from 'zod';
import { addDays, berlinDate } from '../../domain/dates.js';

/** What a staff call needs: who, and the request id for the audit row. */
export interface StaffCall {
  staff: StaffInfo;
  requestId: string;
}

function audit(deps: AppDeps, call: StaffCall, action: AuditAction, objectType: string, objectId: string) {
  return { at: deps.clock.now().toISOString(), actorId: call.staff.id, actorRole: call.staff.roles.join(','), action, objectType, objectId, requestId: call.requestId };
}

/**
 * The submitted application if the staff member may work on it: a Leistung role (403 otherwise) and the jobcenter
 * of its ADE work item (404 otherwise, as for a draft or a missing one).
 */
export async function scopedApplication(deps: AppDeps, staff: StaffInfo, id: string): Promise<{ app: ApplicationsTable; jobcenterId: string; workItemId: string }> {
  if (!hasRole(staff, LEISTUNG_ROLES)) throw problem('forbidden');
  const app = await findApplication(deps.db.db, id);
  if (!app || app.status !== 'submitted') throw problem('not-found');
  const item = await deps.db.db.selectFrom('work_items').select(['id', 'jobcenter_id']).where('type', '=', 'ade').where('ref_id', '=', id).executeTakeFirst();
  if (!item || !staff.jobcenterId || !inJobcenterScope(staff, item.jobcenter_id) || staff.jobcenterId !== item.jobcenter_id) throw problem('not-found');
  return { app, jobcenterId: item.jobcenter_id, workItemId: item.id };
}

/** The review: answers by section/Anlage, evidence with documents, PDFs, requests, notes, messages, history (audited). */
export async function reviewApplication(deps: AppDeps, call: StaffCall, id: string) {
  const { app } = await scopedApplication(deps, call.staff, id);
  const now = deps.clock.now().toISOString();
  const review = await deps.db.db.transaction().execute(async (trx) => {
    const r = await ensureReview(trx, id, now);
    await appendAudit(trx, audit(deps, call, 'read', 'application', id));
    return r;
  });
  return reviewView(deps, app, review);
}

async function reviewView(deps: AppDeps, app: ApplicationsTable, review: { status: ReviewStatus; version: number; updatedAt: string }) {
  const db = deps.db.db;
  const answers = JSON.parse(app.answers) as Answers;
  const date = app.application_date;
  const vars = legalPlaceholders(date, 'de');
  const base = `/api/staff/applications/${app.id}`;
  const groups: { group: string; title: string; questions: { path: string; label: string; value: unknown; formatted: string; page: string }[] }[] = [];
  for (const p of pagesFor(answers, date)) {
    let g = groups.find((x) => x.group === p.group);
    if (!g) groups.push((g = { group: p.group, title: p.groupTitle, questions: [] }));
    for (const q of visibleQuestions(answers, p, date)) {
      const value = valueOf(answers, p, q);
      g.questions.push({ path: `${p.key}/${q.id}`, label: fill(q.label, 'de', vars), value, formatted: formatValue(q, value), page: p.title });
    }
  }
  const { anlagen, evidence } = derive(answers, date);
  const [docs, tda, requests, messages, history] = await Promise.all([
    listEvidenceDocuments(db, app.id),
    app.tda_id ? db.selectFrom('tda').select(['id', 'received_at', 'pdf_document_id']).where('id', '=', app.tda_id).executeTakeFirst() : undefined,
    requestViews(db, app, (_item, docId) => `${base}/documents/${docId}`),
    messageViews(db, app.id, true),
    db.selectFrom('mws_history').selectAll().where('application_id', '=', app.id).orderBy('at').orderBy('id').execute(),
  ]);
  const correctionIds = requests.filter((r) => r.state === 'answered').map((r) => correctionDocId(r.id));
  const corrections = new Set(correctionIds.length ? (await db.selectFrom('documents').select('id').where('id', 'in', correctionIds).execute()).map((d) => d.id) : []);
  const staffIds = [...new Set([...history.map((h) => h.actor), ...messages.map((m) => m.staffId ?? '')].filter((a) => a && a !== 'applicant' && a !== 'system'))];
  const names = new Map(
    staffIds.length ? (await db.selectFrom('staff_users').select(['id', 'name']).where('id', 'in', staffIds).execute()).map((s) => [s.id, s.name] as const) : [],
  );
  const actorName = (a: string | null) => (a ? (names.get(a) ?? null) : null);
  const docView = (d: (typeof docs)[number]) => ({ id: d.id, itemId: d.item_id, name: d.filename, type: d.media_type, size: Number(d.size), sha256: d.sha256, createdAt: d.created_at, href: `${base}/documents/${d.id}` });
  return {
    id: app.id,
    number: app.number,
    applicationDate: app.application_date,
    submittedAt: app.submitted_at,
    tdaReceivedAt: tda?.received_at ?? null,
    status: review.status,
    statusLabel: REVIEW_STATUS_LABELS[review.status],
    allowedTransitions: REVIEW_TRANSITIONS[review.status],
    version: review.version,
    answers: groups,
    anlagen,
    evidence: evidence.map((e) => ({ ...e, documents: docs.filter((d) => d.item_id === e.id).map(docView) })),
    /** Every upload, including those for request items (`req:<itemId>`). */
    documents: docs.map(docView),
    pdfs: {
      application: app.pdf_document_id ? `${base}/pdf` : null,
      tda: tda?.pdf_document_id ? `${base}/tda-pdf` : null,
    },
    /** Each round, with the corrected edition of the application PDF once it exists (answers were corrected). */
    requests: requests.map((r) => ({ ...r, correctedPdf: corrections.has(correctionDocId(r.id)) ? `${base}/requests/${r.id}/pdf` : null })),
    comments: requests.flatMap((r) => r.items.filter((i) => i.kind === 'field').map((i) => ({ requestId: r.id, ...i }))),
    notes: messages.filter((m) => m.kind === 'note').map((m) => ({ ...m, staffName: actorName(m.staffId) })),
    messages: messages.filter((m) => m.kind !== 'note').map((m) => ({ ...m, staffName: actorName(m.staffId) })),
    /** The evidence catalogue for the request composer (code + German title). */
    catalogue: evidenceCatalogue().map((e) => ({ code: e.code, title: e.title.de })),
    history: history.map((h) =>
      h.kind === 'status'
        ? { kind: 'status' as const, at: h.at, actor: h.actor, actorName: actorName(h.actor), from: h.old_value, to: h.new_value }
        : h.kind === 'deadline'
          ? { kind: 'deadline' as const, at: h.at, actor: h.actor, actorName: null, deadline: h.new_value }
          : { kind: 'answer' as const, at: h.at, actor: h.actor, actorName: actorName(h.actor), path: h.path, requestItemId: h.request_item_id, old: parse(h.old_value), new: parse(h.new_value) },
    ),
  };
}

const parse = (v: string | null): unknown => (v === null ? null : JSON.parse(v));

/** A document of the application (evidence, or the application's or TdA's PDF) for download (audited read). */
export async function staffDocument(deps: AppDeps, call: StaffCall, id: string, which: { docId: string } | { round: string } | 'pdf' | 'tda-pdf') {
  const { app } = await scopedApplication(deps, call.staff, id);
  const db = deps.db.db;
  let docId: string | null | undefined;
  if (which === 'pdf') docId = app.pdf_document_id;
  else if (which === 'tda-pdf') docId = app.tda_id ? (await db.selectFrom('tda').select('pdf_document_id').where('id', '=', app.tda_id).executeTakeFirst())?.pdf_document_id : null;
  else if ('round' in which) {
    const round = await db.selectFrom('mws_requests').select('id').where('id', '=', which.round).where('application_id', '=', id).executeTakeFirst();
    docId = round ? correctionDocId(round.id) : null;
  } else {
    const link = await db.selectFrom('application_documents').select('document_id').where('application_id', '=', id).where('document_id', '=', which.docId).executeTakeFirst();
    docId = link?.document_id;
  }
  const doc = docId ? await findOwnDocument(db, deps.config.documentKey, docId, app.account_id) : undefined;
  if (!doc) throw problem('not-found');
  await db.transaction().execute((trx) => appendAudit(trx, audit(deps, call, 'read', 'document', doc.id)));
  return doc;
}

/** The review's state after a change, for the 412's `current`. */
async function currentReview(deps: AppDeps, id: string) {
  const r = await ensureReview(deps.db.db, id, deps.clock.now().toISOString());
  return { status: r.status, version: r.version, allowedTransitions: REVIEW_TRANSITIONS[r.status] };
}

/** Sets a status if the review still has `version`: 412 with `current` when stale, 409 for a transition not allowed. */
export async function setStatus(deps: AppDeps, call: StaffCall, id: string, version: number, status: ReviewStatus) {
  await scopedApplication(deps, call.staff, id);
  const now = deps.clock.now().toISOString();
  const outcome = await deps.db.db.transaction().execute(async (trx) => {
    const review = await lockReview(deps, trx, id, now);
    if (review.version !== version) return 'stale' as const;
    if (!REVIEW_TRANSITIONS[review.status].includes(status)) return { invalid: review.status };
    await setReviewStatus(trx, id, review.status, status, call.staff.id, now);
    if (status === 'abgeschlossen') await trx.updateTable('work_items').set({ deadline: null }).where('type', '=', 'ade').where('ref_id', '=', id).execute();
    await appendAudit(trx, audit(deps, call, 'write', 'application', id));
    return 'ok' as const;
  });
  const current = await currentReview(deps, id);
  if (outcome === 'stale') throw problem('version-conflict', { detail: 'Der Antrag wurde inzwischen geändert. Laden Sie den aktuellen Stand.', headers: { etag: etagOf(current.version) }, extensions: { current } });
  if (outcome !== 'ok') {
    const allowed = REVIEW_TRANSITIONS[outcome.invalid];
    throw problem('status-transition', {
      detail: `Von „${REVIEW_STATUS_LABELS[outcome.invalid].de}“ ist kein Wechsel nach „${REVIEW_STATUS_LABELS[status].de}“ möglich.${allowed.length ? ` Möglich: ${allowed.map((s) => `„${REVIEW_STATUS_LABELS[s].de}“`).join(', ')}.` : ''}`,
      extensions: { current, from: outcome.invalid, to: status, allowed },
    });
  }
  return current;
}

/** Outbox mail to the applicant: only that there is news (no content, no social data). */
async function mailApplicant(deps: AppDeps, trx: Transaction<Database>, accountId: string): Promise<void> {
  const account = await findAccountById(trx, accountId);
  if (account) await enqueue(trx, deps.clock, 'mail', newsMail(deps, account.email));
}

/**
 * Sends a request round (exactly once per Idempotency-Key: a retry with the same body gets the same round, another
 * body 422): the deadline computed here, the § 66 notice in force stored with it, status → mitwirkung_angefordert,
 * the work item's deadline, a content-free mail, an audit row.
 */
export async function createRequest(deps: AppDeps, call: StaffCall, id: string, key: string, input: z.output<typeof createRequestInput>) {
  const { app, jobcenterId } = await scopedApplication(deps, call.staff, id);
  // MWS off: no new online request rounds (open ones stay answerable: their deadline runs).
  await requireModule(deps, jobcenterId, 'mws');
  const answers = JSON.parse(app.answers) as Answers;
  const docs = await listEvidenceDocuments(deps.db.db, id);
  input.items.forEach((item, i) => {
    if (item.kind === 'field' && !resolveField(answers, app.application_date, item.path)) throw new InvalidField(`items.${i}.path`, 'unknown_field');
    if (item.kind === 'evidence' && item.documentId && !docs.some((d) => d.id === item.documentId)) throw new InvalidField(`items.${i}.documentId`, 'unknown_document');
  });
  const requestHash = canonicalHash(input);
  const existing = async () => {
    const row = await deps.db.db.selectFrom('mws_requests').select(['id', 'request_hash']).where('application_id', '=', id).where('idempotency_key', '=', key).executeTakeFirst();
    if (row && row.request_hash !== requestHash) throw problem('idempotency-key-reused');
    return row?.id;
  };
  const replay = await existing();
  if (replay) return { replayed: true, requestId: replay, view: await roundView(deps, id, replay) };

  const now = deps.clock.now();
  const at = now.toISOString();
  const today = berlinDate(now);
  const notice = mitwirkungNotice(today);
  const deadline = addDays(today, input.deadlineDays);
  const requestId = randomUUID();
  try {
    await deps.db.db.transaction().execute(async (trx) => {
      const review = await lockReview(deps, trx, id, at);
      if (review.status === 'abgeschlossen') throw problem('status-transition', { detail: 'Der Antrag ist abgeschlossen; es können keine Unterlagen mehr angefordert werden.', extensions: { current: { status: review.status, version: review.version } } });
      await trx
        .insertInto('mws_requests')
        .values({
          id: requestId,
          application_id: id,
          staff_id: call.staff.id,
          idempotency_key: key,
          request_hash: requestHash,
          state: 'open',
          created_at: at,
          deadline,
          message: input.message || null,
          notice_version: notice.from,
          notice_de: notice.text.de,
          notice_en: notice.text.en,
          answered_at: null,
        })
        .execute();
      await trx
        .insertInto('mws_request_items')
        .values(
          input.items.map((item, position) => ({
            id: randomUUID(),
            request_id: requestId,
            application_id: id,
            position,
            kind: item.kind,
            code: item.kind === 'evidence' ? (item.code ?? null) : null,
            title: item.kind === 'evidence' ? item.title : null,
            path: item.kind === 'field' ? item.path : null,
            comment: item.comment ?? null,
            document_id: item.kind === 'evidence' ? (item.documentId ?? null) : null,
            state: 'open',
            answered_at: null,
          })),
        )
        .execute();
      await setReviewStatus(trx, id, review.status, 'mitwirkung_angefordert', call.staff.id, at);
      // The earliest open deadline of the application shows in the inbox.
      const open = await trx.selectFrom('mws_requests').select('deadline').where('application_id', '=', id).where('state', '=', 'open').orderBy('deadline').limit(1).executeTakeFirst();
      await trx.updateTable('work_items').set({ deadline: open?.deadline ?? deadline }).where('type', '=', 'ade').where('ref_id', '=', id).execute();
      await mailApplicant(deps, trx, app.account_id);
      await appendAudit(trx, audit(deps, call, 'write', 'mws_request', requestId));
    });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const winner = await existing();
    if (!winner) throw problem('idempotency-in-progress');
    return { replayed: true, requestId: winner, view: await roundView(deps, id, winner) };
  }
  deps.onOutbox?.();
  return { replayed: false, requestId, view: await roundView(deps, id, requestId) };
}

async function roundView(deps: AppDeps, id: string, requestId: string) {
  const app = await findApplication(deps.db.db, id);
  const views = await requestViews(deps.db.db, app!, (_i, docId) => `/api/staff/applications/${id}/documents/${docId}`);
  return views.find((r) => r.id === requestId)!;
}

/** An internal note (never shown to the applicant, SEC-12) or a message to her (with a content-free mail). */
export async function addStaffText(deps: AppDeps, call: StaffCall, id: string, kind: 'note' | 'message', text: string) {
  const { app } = await scopedApplication(deps, call.staff, id);
  const row = { id: randomUUID(), application_id: id, kind, staff_id: call.staff.id, request_id: null, text, created_at: deps.clock.now().toISOString() };
  await deps.db.db.transaction().execute(async (trx) => {
    await trx.insertInto('mws_messages').values(row).execute();
    if (kind === 'message') await mailApplicant(deps, trx, app.account_id);
    await appendAudit(trx, audit(deps, call, 'write', kind === 'note' ? 'mws_note' : 'mws_message', row.id));
  });
  if (kind === 'message') deps.onOutbox?.();
  return { id: row.id, kind, from: 'staff' as const, staffId: call.staff.id, requestId: null, text, createdAt: row.created_at };
}
