/**
 * OAP evidence uploads: the applicant proves a certificate of her CV ("Zeugnisse und Zertifikate") with a file.
 * Same checks, quota and storage as the ADE uploads (server/uploads); the link belongs to her OAP profile and the
 * certificate's evidence item `OAP_CERT:cv:<list item id>` (as domain/forms/engine.ts names per-item evidence:
 * `<code>:<scope>:<item id>`, the scope being the eService). Staff of M&I read them in the review (audited).
 */
import { Hono, type Context } from 'hono';
import type { Kysely } from 'kysely';
import { SERVICE_MIN_LEVEL } from '../../domain/account.js';
import { oapCertItemId } from '../../domain/forms/oap-cv.js';
import type { OapDocumentView } from '../../domain/oap.js';
import { appendAudit } from '../audit/audit.js';
import type { AppDeps, AppEnv } from '../context.js';
import type { Database } from '../db/schema.js';
import { findOwnDocument } from '../documents/documents.repository.js';
import { problem } from '../http/problem.js';
import { requireLevel } from '../sessions/sessions.service.js';
import { requireStaff } from '../staff/staff.auth.js';
import { attachmentHeader } from '../uploads/file-type.js';
import { readUploadedFile } from '../uploads/multipart.js';
import { uploadLimits } from '../uploads/policy.js';
import { storeEvidenceFile } from '../uploads/uploads.service.js';
import { certificatesOf, titleOf } from './oap.certificates.js';
import { applicantProfile } from './oap.service.js';
import { auditOf, scopedProfile } from './oap.staff.js';
import * as repo from './oap.repository.js';

const ID = /^[0-9a-f-]{36}$/;
/** `OAP_CERT:cv:<list item id>`. */
const ITEM = new RegExp(`^${oapCertItemId('')}([A-Za-z0-9_-]{1,64})$`);

/** Certificates (item id → name) of the current CV draft and every submitted CV version. */
async function certificates(db: Kysely<Database>, profileId: string): Promise<Map<string, string>> {
  const [draft, subs] = await Promise.all([repo.findDraft(db, profileId, 'cv'), repo.listSubmissions(db, profileId)]);
  const out = new Map<string, string>();
  for (const a of [...subs.filter((s) => s.service === 'cv').map((s) => s.answers), draft?.answers]) {
    for (const c of certificatesOf(a)) if (typeof c.id === 'string' && titleOf(c)) out.set(oapCertItemId(c.id), titleOf(c));
  }
  return out;
}

const docs = (db: Kysely<Database>) =>
  db.selectFrom('oap_documents as l').innerJoin('documents as d', 'd.id', 'l.document_id').select(['d.id', 'l.item_id', 'd.filename', 'd.media_type', 'd.size', 'd.sha256', 'd.created_at', 'l.eakte_reference']);

/** The profile's uploads, oldest first, with the address `href(id, itemId)`. */
export async function listOapDocuments(db: Kysely<Database>, profileId: string, href: (id: string, itemId: string) => string): Promise<OapDocumentView[]> {
  const [rows, certs] = await Promise.all([docs(db).where('l.profile_id', '=', profileId).orderBy('d.created_at').orderBy('d.id').execute(), certificates(db, profileId)]);
  return rows.map((r) => ({ id: r.id, itemId: r.item_id, certificate: certs.get(r.item_id) ?? '', filename: r.filename, mediaType: r.media_type, size: Number(r.size), sha256: r.sha256, createdAt: r.created_at, href: href(r.id, r.item_id), eakteReference: r.eakte_reference }));
}

const ownHref = (id: string, itemId: string) => `/api/oap/cv/evidence/${encodeURIComponent(itemId)}/documents/${id}`;
/** Staff download address of an OAP upload. */
export const staffOapDocumentHref = (profileId: string) => (id: string) => `/api/staff/oap/${profileId}/documents/${id}`;

/** The applicant's profile and the path's item (a named certificate of hers), or 404. */
async function ownItem(deps: AppDeps, accountId: string, itemId: string) {
  const profile = await applicantProfile(deps, accountId);
  if (!profile || !ITEM.test(itemId) || !(await certificates(deps.db.db, profile.id)).has(itemId)) throw problem('not-found');
  return profile;
}

/** The applicant's own upload of this item, or 404. */
async function ownDocument(deps: AppDeps, accountId: string, itemId: string, docId: string) {
  const profile = await applicantProfile(deps, accountId);
  if (!profile || !ITEM.test(itemId) || !ID.test(docId)) throw problem('not-found');
  const link = await deps.db.db
    .selectFrom('oap_documents')
    .select('document_id')
    .where('document_id', '=', docId)
    .where('profile_id', '=', profile.id)
    .where('item_id', '=', itemId)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  const doc = link ? await findOwnDocument(deps.db.db, deps.config.documentKey, link.document_id, accountId) : undefined;
  if (!doc) throw problem('not-found');
  return doc;
}

function download(c: Context<AppEnv>, doc: { filename: string; media_type: string; bytes: Buffer; sha256: string }) {
  return c.body(new Uint8Array(doc.bytes), 200, {
    'content-type': doc.media_type,
    'content-disposition': attachmentHeader(doc.filename),
    'content-length': String(doc.bytes.byteLength),
    'x-content-type-options': 'nosniff',
    'x-content-sha256': doc.sha256,
  });
}

/** An optional Idempotency-Key (as for ADE uploads). */
function optionalKey(c: Context): string | undefined {
  const key = c.req.header('idempotency-key');
  if (key !== undefined && !/^[A-Za-z0-9_.:-]{8,100}$/.test(key)) throw problem('idempotency-key-missing');
  return key;
}

/** Builds the OAP upload sub-app (mounted at /api, before the OAP routes). */
export function oapUploadRoutes(deps: AppDeps) {
  const DOC = '/oap/cv/evidence/:itemId/documents/:docId';
  return new Hono<AppEnv>()
    .get('/oap/cv/documents', async (c) => {
      const session = requireLevel(c, SERVICE_MIN_LEVEL.oap);
      const profile = await applicantProfile(deps, session.accountId);
      return c.json({ items: profile ? await listOapDocuments(deps.db.db, profile.id, ownHref) : [] }, 200);
    })
    .post('/oap/cv/evidence/:itemId/documents', async (c) => {
      const session = requireLevel(c, SERVICE_MIN_LEVEL.oap);
      const itemId = c.req.param('itemId');
      const profile = await ownItem(deps, session.accountId, itemId);
      const key = optionalKey(c);
      const file = await readUploadedFile(c, uploadLimits(deps).maxFileBytes);
      const result = await storeEvidenceFile(deps, session.accountId, file, {
        key,
        scope: 'oap.upload',
        ids: { profileId: profile.id, itemId },
        link: async (trx, doc) => {
          await trx.insertInto('oap_documents').values({ document_id: doc.id, profile_id: profile.id, account_id: session.accountId, item_id: itemId, eakte_reference: null, created_at: doc.createdAt }).execute();
          return ownHref(doc.id, itemId);
        },
      });
      const body = { ...(result.body as OapDocumentView), certificate: (await certificates(deps.db.db, profile.id)).get(itemId) ?? '' };
      c.header('location', body.href);
      if (result.replayed) c.header('idempotent-replayed', 'true');
      return c.json(body, result.replayed ? 200 : 201);
    })
    .get(DOC, async (c) => {
      const session = requireLevel(c, SERVICE_MIN_LEVEL.oap);
      return download(c, await ownDocument(deps, session.accountId, c.req.param('itemId'), c.req.param('docId')));
    })
    .delete(DOC, async (c) => {
      const session = requireLevel(c, SERVICE_MIN_LEVEL.oap);
      const doc = await ownDocument(deps, session.accountId, c.req.param('itemId'), c.req.param('docId'));
      await deps.db.db.transaction().execute(async (trx) => {
        await trx.deleteFrom('oap_documents').where('document_id', '=', doc.id).execute();
        await trx.deleteFrom('documents').where('id', '=', doc.id).execute();
      });
      return c.body(null, 204);
    })
    .get('/staff/oap/:profileId/documents/:docId', async (c) => {
      const call = { staff: requireStaff(c), requestId: c.get('requestId') };
      const { profile } = await scopedProfile(deps, call.staff, c.req.param('profileId'));
      const docId = c.req.param('docId');
      const link = ID.test(docId)
        ? await deps.db.db.selectFrom('oap_documents').select('document_id').where('document_id', '=', docId).where('profile_id', '=', profile.id).executeTakeFirst()
        : undefined;
      const doc = link ? await findOwnDocument(deps.db.db, deps.config.documentKey, link.document_id, profile.account_id) : undefined;
      if (!doc) throw problem('not-found');
      await deps.db.db.transaction().execute((trx) => appendAudit(trx, { ...auditOf(deps, call, 'read', profile.id), objectType: 'document', objectId: doc.id }));
      return download(c, doc);
    });
}
