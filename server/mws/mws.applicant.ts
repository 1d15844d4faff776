/**
 * The applicant's side of the MWS: her open and answered requests with deadline and § 66 notice, messages (never
 * internal notes, SEC-12), a status timeline, and her answers: corrected fields (a new answers version, old → new in
 * the history), evidence uploaded for a request item, replies. A finished round routes an `mws_reply` work item.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { REVIEW_STATUS_LABELS, type ReviewStatus } from '../../domain/mws.js';
import type { Text } from '../../domain/forms/types.js';
import { findOwnApplication } from '../applications/applications.repository.js';
import { etagOf } from '../applications/if-match.js';
import { applicantFacts, type Answers } from '../applications/validation.js';
import { appendAudit } from '../audit/audit.js';
import type { AppDeps } from '../context.js';
import type { Database } from '../db/schema.js';
import { problem } from '../http/problem.js';
import { InvalidField } from '../http/validate.js';
import type { OutboxHandler } from '../outbox/outbox.js';
import { enqueue } from '../outbox/outbox.js';
import { routeWorkItem } from '../work-items/routing.service.js';
import { withValue } from '../../domain/forms/engine.js';
import { correctionJobs, enqueueCorrectionIfChanged } from './mws.corrections.js';
import { bumpReview, checkAnswer, currentValue, ensureReview, insertHistory, messageViews, reqItemId, requestViews, resolveField, setReviewStatus } from './mws.shared.js';

/** Her submitted application, or 404 (drafts have no requests; another account's never exists, SEC-10). */
async function ownSubmitted(deps: AppDeps, accountId: string, id: string) {
  const app = await findOwnApplication(deps.db.db, id, accountId);
  if (!app || app.status !== 'submitted') throw problem('not-found');
  return app;
}

const TIMELINE: { key: string; status?: ReviewStatus; label: Text }[] = [
  { key: 'tda_received', label: { de: 'Antrag gestellt (Tag der Antragstellung)', en: 'Application made (date of application)' } },
  { key: 'application_received', status: 'eingegangen', label: REVIEW_STATUS_LABELS.eingegangen },
  { key: 'in_review', status: 'in_bearbeitung', label: REVIEW_STATUS_LABELS.in_bearbeitung },
  { key: 'evidence_requested', status: 'mitwirkung_angefordert', label: REVIEW_STATUS_LABELS.mitwirkung_angefordert },
  { key: 'ready_for_decision', status: 'entscheidungsreif', label: REVIEW_STATUS_LABELS.entscheidungsreif },
  { key: 'completed', status: 'abgeschlossen', label: REVIEW_STATUS_LABELS.abgeschlossen },
];

/** GET /api/applications/:id/requests. */
export async function applicantRequests(deps: AppDeps, accountId: string, id: string) {
  const app = await ownSubmitted(deps, accountId, id);
  const db = deps.db.db;
  // A read never writes: without a review row the application is simply „eingegangen“.
  const row = await db.selectFrom('mws_reviews').select('status').where('application_id', '=', id).executeTakeFirst();
  const review = { status: (row?.status ?? 'eingegangen') as ReviewStatus };
  const [requests, messages, history, tda] = await Promise.all([
    requestViews(db, app, (itemId, docId) => `/api/applications/${id}/evidence/${encodeURIComponent(itemId)}/documents/${docId}`),
    messageViews(db, id, false),
    db.selectFrom('mws_history').select(['new_value', 'at']).where('application_id', '=', id).where('kind', '=', 'status').orderBy('at').execute(),
    app.tda_id ? db.selectFrom('tda').select('received_at').where('id', '=', app.tda_id).executeTakeFirst() : undefined,
  ]);
  const firstAt = (s: ReviewStatus) => (s === 'eingegangen' ? app.submitted_at : (history.find((h) => h.new_value === s)?.at ?? null));
  const timeline = TIMELINE.map((step) => {
    const at = step.status ? firstAt(step.status) : (tda?.received_at ?? null);
    return { key: step.key, label: step.label, at, reached: at !== null, current: step.status === review.status };
  });
  return {
    status: review.status,
    statusLabel: REVIEW_STATUS_LABELS[review.status],
    timeline,
    open: requests.filter((r) => r.state === 'open'),
    answered: requests.filter((r) => r.state === 'answered'),
    // Only what she and staff wrote to each other: internal notes are never selected here.
    messages: messages.map(({ id: mid, from, requestId, text, createdAt }) => ({ id: mid, from, requestId, text, createdAt })),
  };
}

/** The open item of her open round, locked for the transaction on PostgreSQL. */
async function openItem(deps: AppDeps, trx: Transaction<Database>, ids: { id: string; rid: string; iid: string }) {
  let q = trx
    .selectFrom('mws_request_items as i')
    .innerJoin('mws_requests as r', 'r.id', 'i.request_id')
    .select(['i.id', 'i.kind', 'i.path', 'i.state', 'r.state as request_state'])
    .where('i.id', '=', ids.iid)
    .where('i.request_id', '=', ids.rid)
    .where('r.application_id', '=', ids.id);
  if (deps.db.dialect === 'postgres') q = q.forUpdate();
  const item = await q.executeTakeFirst();
  if (!item) throw problem('not-found');
  if (item.request_state !== 'open') throw problem('request-closed');
  return item;
}

function auditApplicant(deps: AppDeps, accountId: string, objectType: string, objectId: string, requestId: string) {
  return { at: deps.clock.now().toISOString(), actorId: accountId, actorRole: 'applicant', action: 'write' as const, objectType, objectId, requestId };
}

/**
 * Answers one item: a field with `{ value }` (the engine's check; the old value kept in the history), an evidence
 * item with `{}` once at least one document was uploaded for it. Finishes the round when nothing is left open.
 */
export async function answerItem(deps: AppDeps, accountId: string, ids: { id: string; rid: string; iid: string }, body: { value?: unknown }, requestId: string) {
  await ownSubmitted(deps, accountId, ids.id);
  const now = deps.clock.now().toISOString();
  const finished = await deps.db.db.transaction().execute(async (trx) => {
    if (deps.db.dialect === 'postgres') await trx.selectFrom('applications').select('id').where('id', '=', ids.id).forUpdate().execute();
    const item = await openItem(deps, trx, ids);
    const app = (await findOwnApplication(trx, ids.id, accountId))!;
    if (item.kind === 'field') {
      if (!('value' in body)) throw new InvalidField('value', 'required');
      const answers = JSON.parse(app.answers) as Answers;
      const ref = item.path ? resolveField(answers, app.application_date, item.path) : undefined;
      if (!ref) throw problem('not-found');
      const code = checkAnswer(ref, body.value, app.application_date);
      if (code) throw new InvalidField('value', code);
      const old = currentValue(answers, ref);
      const next = withValue(answers, ref.page, ref.question.id, body.value);
      await trx
        .updateTable('applications')
        .set((eb) => ({ answers: JSON.stringify(next), updated_at: now, version: eb('version', '+', 1) }))
        .where('id', '=', ids.id)
        .execute();
      await insertHistory(trx, { applicationId: ids.id, kind: 'answer', path: ref.path, oldValue: JSON.stringify(old ?? null), newValue: JSON.stringify(body.value), actor: 'applicant', requestItemId: item.id, at: now });
    } else {
      if ('value' in body) throw new InvalidField('value', 'not_allowed');
      const doc = await trx.selectFrom('application_documents').select('document_id').where('application_id', '=', ids.id).where('item_id', '=', reqItemId(item.id)).limit(1).executeTakeFirst();
      if (!doc) throw new InvalidField('documents', 'required');
    }
    await trx.updateTable('mws_request_items').set({ state: 'answered', answered_at: now }).where('id', '=', item.id).execute();
    await appendAudit(trx, auditApplicant(deps, accountId, 'mws_request_item', item.id, requestId));
    const left = await trx.selectFrom('mws_request_items').select('id').where('request_id', '=', ids.rid).where('state', '=', 'open').limit(1).executeTakeFirst();
    if (left) {
      await bumpReview(trx, ids.id, now);
      return false;
    }
    return finishRound(deps, trx, ids.id, ids.rid, accountId, requestId);
  });
  if (finished) deps.onOutbox?.();
  const view = await applicantRequests(deps, accountId, ids.id);
  const app = (await findOwnApplication(deps.db.db, ids.id, accountId))!;
  return { view, etag: etagOf(Number(app.version)) };
}

/**
 * Closes a round once: status back to in_bearbeitung, the work item's deadline recomputed, an outbox job that routes
 * the `mws_reply` work item (idempotent per round, REL-05). False if it was closed already.
 */
async function finishRound(deps: AppDeps, trx: Transaction<Database>, id: string, rid: string, accountId: string, requestId: string): Promise<boolean> {
  const now = deps.clock.now().toISOString();
  const res = await trx.updateTable('mws_requests').set({ state: 'answered', answered_at: now }).where('id', '=', rid).where('state', '=', 'open').executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) return false;
  const review = await ensureReview(trx, id, now);
  const stillOpen = await trx.selectFrom('mws_requests').select('deadline').where('application_id', '=', id).where('state', '=', 'open').orderBy('deadline').limit(1).executeTakeFirst();
  const to: ReviewStatus = review.status === 'mitwirkung_angefordert' && !stillOpen ? 'in_bearbeitung' : review.status;
  await setReviewStatus(trx, id, review.status, to, 'applicant', now);
  await trx.updateTable('work_items').set({ deadline: stillOpen?.deadline ?? null }).where('type', '=', 'ade').where('ref_id', '=', id).execute();
  await enqueue(trx, deps.clock, 'mws.route', { applicationId: id, requestId: rid });
  await enqueueCorrectionIfChanged(deps, trx, id, rid);
  await appendAudit(trx, auditApplicant(deps, accountId, 'mws_request', rid, requestId));
  return true;
}

/** POST …/requests/:rid/submit: sends the round back even with items left open. */
export async function submitRound(deps: AppDeps, accountId: string, ids: { id: string; rid: string }, requestId: string) {
  await ownSubmitted(deps, accountId, ids.id);
  const done = await deps.db.db.transaction().execute(async (trx) => {
    const round = await trx.selectFrom('mws_requests').select(['id', 'state']).where('id', '=', ids.rid).where('application_id', '=', ids.id).executeTakeFirst();
    if (!round) throw problem('not-found');
    return finishRound(deps, trx, ids.id, ids.rid, accountId, requestId);
  });
  if (done) deps.onOutbox?.();
  return applicantRequests(deps, accountId, ids.id);
}

/** POST …/requests/:rid/reply: a message to the caseworker about one round. */
export async function replyToRound(deps: AppDeps, accountId: string, ids: { id: string; rid: string }, text: string, requestId: string) {
  await ownSubmitted(deps, accountId, ids.id);
  const row = { id: randomUUID(), application_id: ids.id, kind: 'reply', staff_id: null, request_id: ids.rid, text, created_at: deps.clock.now().toISOString() };
  await deps.db.db.transaction().execute(async (trx) => {
    const round = await trx.selectFrom('mws_requests').select('id').where('id', '=', ids.rid).where('application_id', '=', ids.id).executeTakeFirst();
    if (!round) throw problem('not-found');
    await trx.insertInto('mws_messages').values(row).execute();
    await bumpReview(trx, ids.id, row.created_at);
    await appendAudit(trx, auditApplicant(deps, accountId, 'mws_message', row.id, requestId));
  });
  return { id: row.id, from: 'applicant' as const, requestId: ids.rid, text, createdAt: row.created_at };
}

/** True when `itemId` is `req:<id>` of an open evidence item of an open round of this application (uploads). */
export async function isOpenRequestItem(deps: AppDeps, applicationId: string, itemId: string): Promise<boolean> {
  if (!itemId.startsWith('req:')) return false;
  const row = await deps.db.db
    .selectFrom('mws_request_items as i')
    .innerJoin('mws_requests as r', 'r.id', 'i.request_id')
    .select('i.id')
    .where('i.id', '=', itemId.slice(4))
    .where('i.application_id', '=', applicationId)
    .where('i.kind', '=', 'evidence')
    .where('r.state', '=', 'open')
    .executeTakeFirst();
  return Boolean(row);
}

/** Outbox handler: routes the `mws_reply` work item of a finished round into the responsible Postkorb. */
export function mwsJobs(deps: AppDeps): Record<string, OutboxHandler> {
  return {
    ...correctionJobs(deps),
    async 'mws.route'({ applicationId, requestId }: { applicationId: string; requestId: string }) {
      const db = deps.db.db;
      const app = await db.selectFrom('applications').selectAll().where('id', '=', applicationId).executeTakeFirst();
      const ade = await db.selectFrom('work_items').select('jobcenter_id').where('type', '=', 'ade').where('ref_id', '=', applicationId).executeTakeFirst();
      if (!app || !ade) throw new Error(`application ${applicationId} or its work item missing`);
      const facts = applicantFacts(JSON.parse(app.answers) as Answers);
      await routeWorkItem(
        deps,
        ade.jobcenter_id,
        { type: 'mws_reply', surname: facts.lastName, birthDate: facts.birthDate, postalCode: facts.postalCode, language: facts.language, applicationDate: app.application_date },
        { refId: requestId, title: `Antwort ${app.number ?? ''} – ${facts.lastName}, ${facts.firstName}` },
      );
    },
  };
}
