/**
 * Evidence uploads (SEC-30, SEC-37): type by content, size and quota limits, virus scan before anything is
 * stored, encrypted at rest. Uploading never depends on a consent to digital-only notices (§ 37 Abs. 2a SGB X).
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { findOwnApplication } from '../applications/applications.repository.js';
import { isEvidenceItem, type Answers } from '../applications/validation.js';
import type { AppDeps } from '../context.js';
import type { Database } from '../db/schema.js';
import { sha256Hex } from '../documents/crypto.js';
import { insertDocument } from '../documents/documents.repository.js';
import { isOpenRequestItem } from '../mws/mws.applicant.js';
import { logSafe, problem } from '../http/problem.js';
import { canonicalHash, once, type StoredResponse } from '../idempotency/idempotency.js';
import { enqueue } from '../outbox/outbox.js';
import { displayName, FILE_TYPES, sniff } from './file-type.js';
import type { UploadedFile } from './multipart.js';
import { mib, uploadLimits, virusScanner } from './policy.js';
import { EVIDENCE_KIND, insertEvidenceLink, usedBytes } from './uploads.repository.js';

/** The account's application with this evidence item, or 404 for anything else (SEC-10). */
export async function ownItem(deps: AppDeps, accountId: string, applicationId: string, itemId: string) {
  const app = await findOwnApplication(deps.db.db, applicationId, accountId);
  if (!app) throw problem('not-found');
  // Evidence asked for in an open MWS request round of a submitted application: `req:<request item id>`.
  if (itemId.startsWith('req:')) {
    if (app.status !== 'submitted' || !(await isOpenRequestItem(deps, applicationId, itemId))) throw problem('not-found');
    return app;
  }
  if (!isEvidenceItem(JSON.parse(app.answers) as Answers, app.application_date, itemId)) throw problem('not-found');
  return app;
}

function quotaProblem(used: number, size: number, quota: number) {
  return problem('quota-exceeded', {
    detail: `Sie haben ${mib(used)} von ${mib(quota)} belegt; diese Datei (${mib(size)}) passt nicht mehr. Löschen Sie nicht mehr benötigte Nachweise.`,
  });
}

/** Serialises uploads of one account on PostgreSQL (quota); SQLite has one writer anyway. */
async function lockAccount(deps: AppDeps, trx: Kysely<Database>, accountId: string): Promise<void> {
  if (deps.db.dialect !== 'postgres') return;
  await trx.selectFrom('accounts').select('id').where('id', '=', accountId).forUpdate().execute();
}

/** Stores one evidence file; with an Idempotency-Key a retry replays the stored answer (REL-03). */
export async function uploadEvidence(
  deps: AppDeps,
  accountId: string,
  ids: { applicationId: string; itemId: string },
  file: UploadedFile,
  key?: string,
): Promise<StoredResponse> {
  await ownItem(deps, accountId, ids.applicationId, ids.itemId);
  return storeEvidenceFile(deps, accountId, file, {
    key,
    scope: 'ade.upload',
    ids,
    lock: async (trx) => {
      if (deps.db.dialect === 'postgres') await trx.selectFrom('applications').select('id').where('id', '=', ids.applicationId).forUpdate().execute();
    },
    link: async (trx, doc) => {
      const app = await findOwnApplication(trx, ids.applicationId, accountId);
      if (!app) throw problem('not-found');
      await insertEvidenceLink(trx, { documentId: doc.id, applicationId: ids.applicationId, accountId, itemId: ids.itemId, createdAt: doc.createdAt });
      // After submission the jobcenter needs it too: evidence is often handed in later.
      if (app.status === 'submitted') await enqueue(trx, deps.clock, 'ade.evidence', { documentId: doc.id });
      return `/api/applications/${ids.applicationId}/evidence/${encodeURIComponent(ids.itemId)}/documents/${doc.id}`;
    },
  });
}

/** A stored evidence document as its owner sees it. */
export interface StoredEvidence {
  id: string;
  itemId: string;
  filename: string;
  mediaType: string;
  size: number;
  sha256: string;
  createdAt: string;
  href: string;
}

/**
 * The checks and storage every evidence upload shares (ADE, OAP): type by content, quota (again under the
 * account's lock), virus scan, encrypted document of kind `evidence`; `link` ties it to its owner object in the
 * same transaction and returns the download address. The caller has checked the item is the account's own.
 */
export async function storeEvidenceFile(
  deps: AppDeps,
  accountId: string,
  file: UploadedFile,
  opts: {
    key?: string;
    scope: string;
    ids: Record<string, string>;
    lock?: (trx: Transaction<Database>) => Promise<void>;
    link: (trx: Transaction<Database>, doc: { id: string; createdAt: string }) => Promise<string>;
  },
): Promise<StoredResponse> {
  const limits = uploadLimits(deps);
  const mediaType = sniff(file.bytes, limits.allowedTypes);
  if (!mediaType) {
    const allowed = limits.allowedTypes.map((t) => FILE_TYPES[t].ext[0].slice(1).toUpperCase()).join(', ');
    throw problem('unsupported-file-type', { detail: `Erlaubt sind: ${allowed}. Maßgeblich ist der Inhalt, nicht der Dateiname.` });
  }
  const filename = displayName(file.claimedName, mediaType);
  const size = file.bytes.byteLength;

  const work = async (complete?: (trx: Transaction<Database>, status: number, body: unknown) => Promise<void>): Promise<StoredResponse> => {
    const before = await usedBytes(deps.db.db, accountId);
    if (before + size > limits.quotaBytes) throw quotaProblem(before, size, limits.quotaBytes);
    await scan(deps, file.bytes);
    const id = randomUUID();
    const body = await deps.db.db.transaction().execute(async (trx) => {
      await lockAccount(deps, trx, accountId);
      await opts.lock?.(trx);
      // Checked again under the lock: two parallel uploads must not both fit into the last free megabytes.
      const used = await usedBytes(trx, accountId);
      if (used + size > limits.quotaBytes) throw quotaProblem(used, size, limits.quotaBytes);
      const createdAt = deps.clock.now().toISOString();
      const sha256 = await insertDocument(trx, deps.config.documentKey, { id, ownerAccountId: accountId, kind: EVIDENCE_KIND, filename, mediaType, bytes: file.bytes, createdAt });
      const href = await opts.link(trx, { id, createdAt });
      const view: StoredEvidence = { id, itemId: opts.ids.itemId ?? '', filename, mediaType, size, sha256, createdAt, href };
      await complete?.(trx, 201, view);
      return view;
    });
    return { status: 201, body, replayed: false };
  };
  const requestHash = canonicalHash({ ...opts.ids, filename, sha256: sha256Hex(file.bytes) });
  const result = opts.key ? await once(deps, { accountId, scope: opts.scope, key: opts.key, requestHash }, work) : await work();
  deps.onOutbox?.();
  return result;
}

/** Scans before anything is stored and outside any transaction (REL-06); no verdict means no upload. */
async function scan(deps: AppDeps, bytes: Uint8Array): Promise<void> {
  let verdict;
  try {
    verdict = await virusScanner(deps).scan(bytes);
  } catch (err) {
    console.warn(`[uploads] virus scan unavailable: ${logSafe((err as Error).message)}`);
    throw problem('virus-scan-unavailable', { headers: { 'retry-after': '30' } });
  }
  if (!verdict.clean) throw problem('virus-found', { detail: verdict.signature ? `Fund: ${verdict.signature}` : undefined });
}
