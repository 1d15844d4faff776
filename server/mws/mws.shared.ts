/** MWS building blocks both sides use: review state, field paths, request views, history rows and audit entries. */
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { checkValue, fill, pagesFor, valueOf, visibleQuestions, type PageInstance } from '../../domain/forms/engine.js';
import type { Question } from '../../domain/forms/types.js';
import { legalPlaceholders } from '../../domain/legal.js';
import type { ReviewStatus } from '../../domain/mws.js';
import type { Answers } from '../applications/validation.js';
import type { AppDeps } from '../context.js';
import type { Database } from '../db/schema.js';
import { listEvidenceDocuments } from '../uploads/uploads.repository.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Upload item id of an evidence request item. */
export const reqItemId = (itemId: string) => `req:${itemId}`;

/** The review row of a submitted application, created as `eingegangen` on first use. */
export async function ensureReview(db: Db, applicationId: string, now: string) {
  await db
    .insertInto('mws_reviews')
    .values({ application_id: applicationId, status: 'eingegangen', version: 1, updated_at: now })
    .onConflict((oc) => oc.column('application_id').doNothing())
    .execute();
  const row = await db.selectFrom('mws_reviews').selectAll().where('application_id', '=', applicationId).executeTakeFirstOrThrow();
  return { status: row.status as ReviewStatus, version: Number(row.version), updatedAt: row.updated_at };
}

/** Locks the review row for the rest of the transaction (PostgreSQL; SQLite has one writer). */
export async function lockReview(deps: AppDeps, trx: Transaction<Database>, applicationId: string, now: string) {
  await ensureReview(trx, applicationId, now);
  if (deps.db.dialect === 'postgres') await trx.selectFrom('mws_reviews').select('version').where('application_id', '=', applicationId).forUpdate().execute();
  return ensureReview(trx, applicationId, now);
}

/** Sets the review status (recorded in the history when it changes) and bumps the version. */
export async function setReviewStatus(trx: Transaction<Database>, applicationId: string, from: ReviewStatus, to: ReviewStatus, actor: string, now: string): Promise<void> {
  await trx
    .updateTable('mws_reviews')
    .set((eb) => ({ status: to, version: eb('version', '+', 1), updated_at: now }))
    .where('application_id', '=', applicationId)
    .execute();
  if (from !== to) await insertHistory(trx, { applicationId, kind: 'status', oldValue: from, newValue: to, actor, at: now });
}

/** Bumps the review version (a change staff should notice, e.g. a reply). */
export async function bumpReview(trx: Transaction<Database>, applicationId: string, now: string): Promise<void> {
  await trx.updateTable('mws_reviews').set((eb) => ({ version: eb('version', '+', 1), updated_at: now })).where('application_id', '=', applicationId).execute();
}

/** One history row. */
export async function insertHistory(
  db: Db,
  h: { applicationId: string; kind: 'status' | 'answer' | 'deadline'; path?: string; oldValue: string | null; newValue: string | null; actor: string; requestItemId?: string; at: string },
): Promise<void> {
  await db
    .insertInto('mws_history')
    .values({ id: randomUUID(), application_id: h.applicationId, kind: h.kind, path: h.path ?? null, old_value: h.oldValue, new_value: h.newValue, actor: h.actor, request_item_id: h.requestItemId ?? null, at: h.at })
    .execute();
}

/** A question found by its path `pageKey/questionId` (page keys are `main/<page>` or `<anlageKey>/<page>`). */
export interface FieldRef {
  page: PageInstance;
  question: Question;
  path: string;
}

/** Resolves a path to a visible, single-valued question of these answers; undefined otherwise. */
export function resolveField(answers: Answers, date: string, path: string): FieldRef | undefined {
  const cut = path.lastIndexOf('/');
  if (cut <= 0) return undefined;
  const [key, id] = [path.slice(0, cut), path.slice(cut + 1)];
  const page = pagesFor(answers, date).find((p) => p.key === key);
  const question = page && visibleQuestions(answers, page, date).find((q) => q.id === id);
  if (!page || !question || question.kind === 'list') return undefined;
  return { page, question, path };
}

/** The question's label in German, placeholders filled. */
export function labelOf(q: Question, date: string): string {
  return fill(q.label, 'de', legalPlaceholders(date, 'de'));
}

/** The engine's check of one corrected answer: null when fine, else an error code. */
export function checkAnswer(ref: FieldRef, value: unknown, date: string): string | null {
  if (value === undefined || value === null || value === '') return ref.question.required === false ? null : 'required';
  return checkValue(ref.question, value, date);
}

/** An answer formatted for people (German). */
export function formatValue(q: Question, v: unknown): string {
  if (v === undefined || v === null || v === '') return '–';
  if (typeof v === 'object' && !Array.isArray(v) && (v as { later?: unknown }).later === true) return 'reiche ich nach';
  const option = (x: unknown) => (q.options?.find((o) => o.value === x)?.label.de ?? String(x));
  switch (q.kind) {
    case 'yesno':
      return v === true ? 'Ja' : 'Nein';
    case 'choice':
      return option(v);
    case 'multi':
      return Array.isArray(v) ? v.map(option).join(', ') : String(v);
    case 'money':
      return typeof v === 'number' ? `${v.toLocaleString('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} €` : String(v);
    case 'date':
      return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v.slice(8, 10)}.${v.slice(5, 7)}.${v.slice(0, 4)}` : String(v);
    case 'list':
      return Array.isArray(v) ? `${v.length} Einträge` : String(v);
    default:
      return typeof v === 'string' || typeof v === 'number' ? String(v) : JSON.stringify(v);
  }
}

/** The current value of a field. */
export const currentValue = (answers: Answers, ref: FieldRef): unknown => valueOf(answers, ref.page, ref.question);

/**
 * The request rounds of an application with their items, oldest first; `docHref` builds a document's link for the
 * side asking (staff or applicant).
 */
export async function requestViews(db: Db, app: { id: string; answers: string; application_date: string }, docHref: (itemId: string, docId: string) => string) {
  const [requests, items, docs] = await Promise.all([
    db.selectFrom('mws_requests').selectAll().where('application_id', '=', app.id).orderBy('created_at').orderBy('id').execute(),
    db.selectFrom('mws_request_items').selectAll().where('application_id', '=', app.id).orderBy('position').execute(),
    listEvidenceDocuments(db, app.id),
  ]);
  const answers = JSON.parse(app.answers) as Answers;
  return requests.map((r) => ({
    id: r.id,
    state: r.state as 'open' | 'answered',
    createdAt: r.created_at,
    deadline: r.deadline,
    message: r.message,
    notice: { version: r.notice_version, de: r.notice_de, en: r.notice_en },
    answeredAt: r.answered_at,
    items: items
      .filter((i) => i.request_id === r.id)
      .map((i) => {
        const ref = i.kind === 'field' && i.path ? resolveField(answers, app.application_date, i.path) : undefined;
        const value = ref ? currentValue(answers, ref) : undefined;
        const uploadItemId = i.kind === 'evidence' ? reqItemId(i.id) : null;
        return {
          id: i.id,
          kind: i.kind as 'evidence' | 'field',
          state: i.state as 'open' | 'answered',
          answeredAt: i.answered_at,
          code: i.code,
          title: i.title,
          uploadItemId,
          documents: docs
            .filter((d) => uploadItemId !== null && d.item_id === uploadItemId)
            .map((d) => ({ id: d.id, filename: d.filename, mediaType: d.media_type, size: Number(d.size), sha256: d.sha256, href: docHref(d.item_id, d.id) })),
          documentId: i.document_id,
          documentName: i.document_id ? (docs.find((d) => d.id === i.document_id)?.filename ?? null) : null,
          path: i.path,
          comment: i.comment,
          label: ref ? labelOf(ref.question, app.application_date) : null,
          ...(ref ? { currentValue: value } : {}),
          formattedValue: ref ? formatValue(ref.question, value) : null,
          question: ref ? { kind: ref.question.kind, ...(ref.question.options ? { options: ref.question.options.map((o) => ({ value: o.value, label: o.label })) } : {}) } : null,
        };
      }),
  }));
}

/** Messages (staff → applicant and replies); internal notes only when `withNotes` (staff side). */
export async function messageViews(db: Db, applicationId: string, withNotes: boolean) {
  const kinds = withNotes ? ['message', 'reply', 'note'] : ['message', 'reply'];
  const rows = await db
    .selectFrom('mws_messages')
    .selectAll()
    .where('application_id', '=', applicationId)
    .where('kind', 'in', kinds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((m) => ({
    id: m.id,
    kind: m.kind as 'message' | 'reply' | 'note',
    from: m.kind === 'reply' ? ('applicant' as const) : ('staff' as const),
    staffId: m.staff_id,
    requestId: m.request_id,
    text: m.text,
    createdAt: m.created_at,
  }));
}

/** The content-free notice mail (SEC: no social data in e-mails): only that there is news, and where. */
export function newsMail(deps: AppDeps, to: string) {
  const url = new URL('/', deps.config.publicUrl).toString();
  return {
    to,
    subject: 'Neue Nachricht zu Ihrem Antrag',
    text: `Guten Tag,\n\nSie haben eine neue Nachricht zu Ihrem Antrag.\n\nBitte melden Sie sich im Portal an, um sie zu lesen:\n${url}\n\nIhr Jobcenter`,
  };
}
