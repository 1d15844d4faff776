/**
 * Retention (SEC-50): abandoned drafts go with their uploads; portal copies of handed-over documents of closed
 * reviews are emptied (download 410, receipt keeps number and hash); nothing before the E-AKTE handover or while the
 * review is open; done outbox rows and dev mails; expired sessions; a second sweep deletes nothing. Both databases.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepRetention, type RetentionCounts } from '../../server/retention/retention.service.js';
import { complete, HOUSEHOLDS } from '../fixtures/households.js';
import { OAP_ANSWERS } from '../fixtures/oap.js';
import { type Agent, applicant, createTestApp, DIALECTS, type Res, staffAgent, type StaffAgent, tdaBody, type TestApp } from './harness.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');
const DAY = 86_400_000;
let keyNo = 0;
const newKey = () => `ret-${Date.now()}-${++keyNo}`;
const total = (c: RetentionCounts) => Object.values(c).reduce((a, b) => a + b, 0);

describe.each(DIALECTS)('retention on %s', (dialect) => {
  let t: TestApp;
  let lea: StaffAgent;
  const db = () => t.deps.db.db;
  const ago = (days: number) => new Date(t.clock.now().getTime() - days * DAY).toISOString();

  beforeAll(async () => {
    t = await createTestApp(dialect);
    lea = await staffAgent(t, { email: 'leistung@musterstadt.example' });
  });
  afterAll(() => t.close());

  async function send(a: Agent, method: string, path: string, init: { body?: BodyInit; headers?: Record<string, string> } = {}): Promise<Res> {
    const res = await t.app.request(`http://localhost:3000${path}`, { method, body: init.body, headers: { cookie: a.cookie!, ...init.headers } });
    const type = res.headers.get('content-type') ?? '';
    const body = type.includes('json') ? await res.json() : new Uint8Array(await res.arrayBuffer());
    return { status: res.status, headers: res.headers, body };
  }
  function upload(a: Agent, path: string, name: string): Promise<Res> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(PDF)], { type: 'application/pdf' }), name);
    return send(a, 'POST', path, { body: form });
  }

  /** A submitted application (with TdA and one evidence upload), handed over to the E-AKTE. */
  async function submitted() {
    const a = await applicant(t, `ret-${randomUUID().slice(0, 8)}@beispiel.de`);
    const tda = await a.post('/api/tda', tdaBody(), { 'idempotency-key': newKey() });
    expect(tda.status, JSON.stringify(tda.body)).toBe(201);
    const start = await a.post('/api/applications', { portalJobcenterId: 'musterstadt', tdaId: tda.body.id });
    expect(start.status, JSON.stringify(start.body)).toBe(201);
    const id = start.body.id as string;
    const answers = complete(HOUSEHOLDS[0].answers, start.body.applicationDate);
    const saved = await a.request('PUT', `/api/applications/${id}/answers`, { body: { answers }, headers: { 'if-match': '"1"' } });
    const sub = await a.request('POST', `/api/applications/${id}/submit`, { headers: { 'if-match': `"${saved.body.version}"`, 'idempotency-key': newKey() } });
    expect(sub.status, JSON.stringify(sub.body)).toBe(200);
    await t.outbox.drain();
    const ev = (await lea.get(`/api/staff/applications/${id}`)).body.evidence[0];
    const up = await upload(a, `/api/applications/${id}/evidence/${encodeURIComponent(ev.id)}/documents`, 'nachweis.pdf');
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    await t.outbox.drain();
    const app = await db().selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(app.eakte_reference).toBeTruthy();
    return { a, id, tdaId: tda.body.id as string, evidenceHref: up.body.href as string, docId: up.body.id as string, pdfDocId: app.pdf_document_id! };
  }

  /** Sets the review status and moves submission and the status change `days` into the past. */
  async function review(id: string, status: string, days: number) {
    const at = ago(days);
    await db()
      .insertInto('mws_reviews')
      .values({ application_id: id, status, version: 1, updated_at: at })
      .onConflict((oc) => oc.column('application_id').doUpdateSet({ status, updated_at: at }))
      .execute();
    await db().updateTable('applications').set({ submitted_at: at }).where('id', '=', id).execute();
  }

  const contentLength = async (docId: string) =>
    Buffer.from((await db().selectFrom('documents').select('content').where('id', '=', docId).executeTakeFirstOrThrow()).content).byteLength;

  it('deletes an abandoned ADE draft with its uploads and keeps a fresh one', async () => {
    const old = await applicant(t);
    const oldId = (await old.post('/api/applications', { portalJobcenterId: 'musterstadt' })).body.id as string;
    const up = await upload(old, `/api/applications/${oldId}/evidence/other/documents`, 'alt.pdf');
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    const fresh = await applicant(t);
    const freshId = (await fresh.post('/api/applications', { portalJobcenterId: 'musterstadt' })).body.id as string;
    const freshUp = await upload(fresh, `/api/applications/${freshId}/evidence/other/documents`, 'neu.pdf');
    expect(freshUp.status).toBe(201);
    // Old answers but a recent upload: still in use.
    const busy = await applicant(t);
    const busyId = (await busy.post('/api/applications', { portalJobcenterId: 'musterstadt' })).body.id as string;
    expect((await upload(busy, `/api/applications/${busyId}/evidence/other/documents`, 'b.pdf')).status).toBe(201);

    await db().updateTable('applications').set({ updated_at: ago(181) }).where('id', 'in', [oldId, busyId]).execute();
    await db().updateTable('application_documents').set({ created_at: ago(181) }).where('application_id', '=', oldId).execute();

    const counts = await sweepRetention(t.deps, t.clock.now());
    expect(counts).toMatchObject({ adeDrafts: 1, adeDraftDocuments: 1 });
    expect(await db().selectFrom('applications').select('id').where('id', '=', oldId).executeTakeFirst()).toBeUndefined();
    expect(await db().selectFrom('documents').select('id').where('id', '=', up.body.id).executeTakeFirst()).toBeUndefined();
    expect(await db().selectFrom('application_documents').select('document_id').where('application_id', '=', oldId).executeTakeFirst()).toBeUndefined();
    expect((await old.get(`/api/applications/${oldId}`)).status).toBe(404);
    expect((await fresh.get(`/api/applications/${freshId}`)).status).toBe(200);
    expect((await send(fresh, 'GET', freshUp.body.href)).status).toBe(200);
    expect((await busy.get(`/api/applications/${busyId}`)).status).toBe(200);
  });

  it('deletes an abandoned OAP draft and the certificate uploads nothing refers to any more', async () => {
    const a = await applicant(t);
    expect((await a.post('/api/tda', tdaBody({ lastName: 'Oap' }), { 'idempotency-key': newKey() })).status).toBe(201);
    const cert = randomUUID();
    const cv = { ...OAP_ANSWERS.cv, certificates: [{ id: cert, title: 'Staplerschein', year: 2019 }] };
    const saved = await a.request('PUT', '/api/oap/cv/answers', { body: { answers: cv }, headers: { 'if-match': `"${(await a.get('/api/oap/cv')).body.version}"` } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const up = await upload(a, `/api/oap/cv/evidence/${encodeURIComponent(`OAP_CERT:cv:${cert}`)}/documents`, 'stapler.pdf');
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    await db().updateTable('oap_drafts').set({ updated_at: ago(181) }).execute();
    await db().updateTable('oap_documents').set({ created_at: ago(181) }).where('document_id', '=', up.body.id).execute();

    const counts = await sweepRetention(t.deps, t.clock.now());
    expect(counts.oapDrafts).toBeGreaterThanOrEqual(1);
    expect(counts.oapDocuments).toBe(1);
    expect(await db().selectFrom('documents').select('id').where('id', '=', up.body.id).executeTakeFirst()).toBeUndefined();
    expect((await a.get('/api/oap/cv/documents')).body.items).toEqual([]);
  });

  it('empties handed-over copies of a closed review after the period (410, receipt kept); keeps open reviews and anything not handed over', async () => {
    const closed = await submitted();
    const open = await submitted();
    const notHanded = await submitted();
    const outboxBlocked = await submitted();
    await review(closed.id, 'abgeschlossen', 91);
    await review(open.id, 'in_bearbeitung', 91);
    await review(notHanded.id, 'abgeschlossen', 91);
    await review(outboxBlocked.id, 'abgeschlossen', 91);
    // REL-05: the handover of one never happened (job dead); another has a job still pending.
    await db().updateTable('applications').set({ eakte_reference: null }).where('id', '=', notHanded.id).execute();
    await db().updateTable('tda').set({ eakte_reference: null }).where('id', '=', notHanded.tdaId).execute();
    await db().updateTable('application_documents').set({ eakte_reference: null }).where('application_id', '=', notHanded.id).execute();
    const now = ago(0);
    const job = (kind: string, status: string, payload: unknown) => ({
      id: randomUUID(), kind, payload: JSON.stringify(payload), status, attempts: status === 'dead' ? 12 : 0, run_at: now, locked_until: null, last_error: null, created_at: ago(100), done_at: null,
    });
    await db().insertInto('outbox').values([job('ade.handover', 'dead', { applicationId: notHanded.id }), job('ade.evidence', 'pending', { documentId: outboxBlocked.docId })]).execute();
    // The pending job must not run in this test (its document is handed over already; it would just finish).
    await db().updateTable('outbox').set({ run_at: new Date(Date.now() + 365 * DAY).toISOString() }).where('status', '=', 'pending').execute();
    // A closed review that is too recent is kept as well.
    const recent = await submitted();
    await review(recent.id, 'abgeschlossen', 10);

    const before = await t.deps.db.db.selectFrom('applications').select(['number']).where('id', '=', closed.id).executeTakeFirstOrThrow();
    const counts = await sweepRetention(t.deps, t.clock.now());
    expect(counts).toMatchObject({ applicationPdfs: 1, evidence: 1, tdaPdfs: 1 });

    // The closed one: content gone, metadata and hash kept.
    expect(await contentLength(closed.pdfDocId)).toBe(0);
    expect(await contentLength(closed.docId)).toBe(0);
    const pdf = await closed.a.get(`/api/applications/${closed.id}/pdf`);
    expect(pdf.status).toBe(410);
    expect(pdf.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(pdf.body).toMatchObject({ type: '/problems/copy-deleted', status: 410, title: expect.stringContaining('im Jobcenter abgelegt') });
    const en = await closed.a.get(`/api/applications/${closed.id}/pdf`, { 'accept-language': 'en' });
    expect(en.body.title).toContain('filed at the jobcenter');
    expect((await send(closed.a, 'GET', closed.evidenceHref)).status).toBe(410);
    expect((await closed.a.get(`/api/tda/${closed.tdaId}/pdf`)).status).toBe(410);
    expect((await lea.get(`/api/staff/applications/${closed.id}/pdf`)).status).toBe(410);
    expect((await lea.get(`/api/staff/applications/${closed.id}/tda-pdf`)).status).toBe(410);
    expect((await lea.get(`/api/staff/applications/${closed.id}/documents/${closed.docId}`)).status).toBe(410);
    expect((await lea.get(`/api/staff/applications/${closed.id}`)).status).toBe(200);
    expect((await closed.a.get(`/api/applications/${closed.id}/requests`)).status).toBe(200);
    const receipt = await closed.a.get(`/api/applications/${closed.id}`);
    expect(receipt.status).toBe(200);
    expect(receipt.body.number).toBe(before.number);
    expect(receipt.body.pdf.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(receipt.body.documents[0]).toMatchObject({ id: closed.docId, sha256: expect.stringMatching(/^[0-9a-f]{64}$/), filename: 'nachweis.pdf' });
    const tdaReceipt = await closed.a.get(`/api/tda/${closed.tdaId}`);
    expect(tdaReceipt.status).toBe(200);
    expect(tdaReceipt.body.number).toMatch(/^TDA-/);

    // Still in review, not handed over, outbox pending, or closed too recently: untouched.
    for (const k of [open, notHanded, outboxBlocked, recent]) {
      expect(await contentLength(k.pdfDocId)).toBeGreaterThan(0);
      expect(await contentLength(k.docId)).toBeGreaterThan(0);
      expect((await k.a.get(`/api/applications/${k.id}/pdf`)).status).toBe(200);
      expect((await send(k.a, 'GET', k.evidenceHref)).status).toBe(200);
      expect((await k.a.get(`/api/tda/${k.tdaId}/pdf`)).status).toBe(200);
    }
    expect((await lea.get(`/api/staff/applications/${open.id}/pdf`)).status).toBe(200);

    // Idempotent: the second sweep deletes nothing more.
    expect(total(await sweepRetention(t.deps, t.clock.now()))).toBe(0);
  });

  it('deletes done outbox rows and dev mails after the period, never pending or dead jobs', async () => {
    await t.outbox.drain();
    const done = await db().selectFrom('outbox').select('id').where('status', '=', 'done').execute();
    expect(done.length).toBeGreaterThan(0);
    await db().updateTable('outbox').set({ done_at: ago(31) }).where('status', '=', 'done').execute();
    await db().updateTable('outbox').set({ created_at: ago(400) }).where('status', '!=', 'done').execute();
    const mails = await db().selectFrom('dev_mails').select('id').execute();
    expect(mails.length).toBeGreaterThan(0);
    await db().updateTable('dev_mails').set({ created_at: ago(31) }).execute();
    const keptMail = await db().selectFrom('dev_mails').select('id').limit(1).executeTakeFirstOrThrow();
    await db().updateTable('dev_mails').set({ created_at: ago(29) }).where('id', '=', keptMail.id).execute();
    const notDone = await db().selectFrom('outbox').select('id').where('status', '!=', 'done').execute();

    // Small batches: every batch its own transaction, all of them run.
    t.deps.config.retention = { batchSize: 5 };
    const counts = await sweepRetention(t.deps, t.clock.now()).finally(() => {
      t.deps.config.retention = undefined;
    });
    expect(done.length).toBeGreaterThan(5);
    expect(counts.outbox).toBe(done.length);
    expect(counts.devMails).toBe(mails.length - 1);
    expect(await db().selectFrom('outbox').select('id').where('status', '=', 'done').execute()).toEqual([]);
    expect((await db().selectFrom('outbox').select('id').where('status', '!=', 'done').execute()).length).toBe(notDone.length);
    expect((await db().selectFrom('dev_mails').select('id').execute()).map((m) => m.id)).toEqual([keptMail.id]);
    expect(total(await sweepRetention(t.deps, t.clock.now()))).toBe(0);
  });

  it('deletes expired sessions, staff sessions and challenges', async () => {
    const a = await applicant(t);
    expect((await a.get('/api/session')).status).not.toBe(401);
    const later = new Date(t.clock.now().getTime() + 400 * DAY);
    const at = later.toISOString();
    const counts = await sweepRetention(t.deps, later);
    expect(counts.expired).toBeGreaterThan(0);
    expect(await db().selectFrom('sessions').select('token_hash').where('expires_at', '<', at).execute()).toEqual([]);
    expect(await db().selectFrom('staff_sessions').select('token_hash').where('expires_at', '<', at).execute()).toEqual([]);
    expect(await db().selectFrom('staff_challenges').select('token_hash').where('expires_at', '<', at).execute()).toEqual([]);
    expect((await sweepRetention(t.deps, later)).expired).toBe(0);
  });
});
