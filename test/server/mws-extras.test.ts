/**
 * MWS beyond the basic loop: comments on a document (re-upload wanted), the evidence catalogue, staff names in the
 * history, read-only applicant reads, document preview, deadline reminders and overdue escalation, staff sign-in
 * audit rows and an admin's reset of a colleague's second factor. Both databases.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evidenceCatalogue } from '../../domain/forms/evidence-catalogue.js';
import { verifyAuditChain } from '../../server/audit/audit.js';
import { sweepDeadlines } from '../../server/mws/mws.deadlines.js';
import { complete, HOUSEHOLDS } from '../fixtures/households.js';
import { type Agent, applicant, createTestApp, DIALECTS, type Res, staffAgent, type StaffAgent, type TestApp, DEMO_STAFF_PASSWORD } from './harness.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');
const DAY = 86_400_000;
let keyNo = 0;
const newKey = () => `mws-x-${Date.now()}-${++keyNo}`;

describe.each(DIALECTS)('MWS extras on %s', (dialect) => {
  let t: TestApp;
  let lea: StaffAgent;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    lea = await staffAgent(t, { email: 'leistung@musterstadt.example' });
  });
  afterAll(() => t.close());

  async function submitted(): Promise<{ a: Agent; id: string; email: string }> {
    const email = `mwsx-${randomUUID().slice(0, 8)}@beispiel.de`;
    const a = await applicant(t, email);
    const start = await a.post('/api/applications', { portalJobcenterId: 'musterstadt' });
    const id = start.body.id as string;
    const answers = complete(HOUSEHOLDS[0].answers, start.body.applicationDate);
    const saved = await a.request('PUT', `/api/applications/${id}/answers`, { body: { answers }, headers: { 'if-match': '"1"' } });
    const sub = await a.request('POST', `/api/applications/${id}/submit`, { headers: { 'if-match': `"${saved.body.version}"`, 'idempotency-key': newKey() } });
    expect(sub.status, JSON.stringify(sub.body)).toBe(200);
    await t.outbox.drain();
    return { a, id, email };
  }

  async function upload(a: Agent, path: string, name: string): Promise<Res> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(PDF)], { type: 'application/pdf' }), name);
    const res = await t.app.request(`http://localhost:3000${path}`, { method: 'POST', body: form, headers: { cookie: a.cookie! } });
    return { status: res.status, headers: res.headers, body: await res.json() };
  }

  it('comments on an uploaded document: the applicant sees the comment with the file name and uploads again', async () => {
    const { a, id } = await submitted();
    // A read of the applicant's requests never creates the review row.
    expect((await a.get(`/api/applications/${id}/requests`)).body.status).toBe('eingegangen');
    expect(await t.deps.db.db.selectFrom('mws_reviews').select('status').where('application_id', '=', id).executeTakeFirst()).toBeUndefined();

    const first = (await lea.get(`/api/staff/applications/${id}`)).body;
    const ev = first.evidence[0];
    const up = await upload(a, `/api/applications/${id}/evidence/${encodeURIComponent(ev.id)}/documents`, 'scan-unscharf.pdf');
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    const review = (await lea.get(`/api/staff/applications/${id}`)).body;
    const doc = review.documents.find((d: { name: string }) => d.name === 'scan-unscharf.pdf');
    expect(doc).toBeDefined();

    // The preview shows PDFs inline with a locked-down CSP; the plain link stays a download.
    const inline = await t.app.request(`http://localhost:3000${doc.href}?inline=1`, { headers: { cookie: lea.cookie! } });
    expect(inline.status).toBe(200);
    expect(inline.headers.get('content-disposition')).toMatch(/^inline; filename="scan-unscharf.pdf"/);
    expect(inline.headers.get('content-security-policy')).toContain("default-src 'none'");
    const plain = await t.app.request(`http://localhost:3000${doc.href}`, { headers: { cookie: lea.cookie! } });
    expect(plain.headers.get('content-disposition')).toMatch(/^attachment/);

    // A document of another application is refused at the field.
    const bad = await lea.post(`/api/staff/applications/${id}/requests`, { items: [{ kind: 'evidence', title: 'Neu', documentId: randomUUID(), comment: 'unleserlich' }] }, { 'idempotency-key': newKey() });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'items.0.documentId', code: 'unknown_document' })]);

    const sent = await lea.post(
      `/api/staff/applications/${id}/requests`,
      { items: [{ kind: 'evidence', code: ev.code, title: 'Bitte neu einreichen: scan-unscharf.pdf', documentId: doc.id, comment: 'Die zweite Seite ist nicht lesbar.' }] },
      { 'idempotency-key': newKey() },
    );
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    expect(sent.body.items[0]).toMatchObject({ kind: 'evidence', documentId: doc.id, documentName: 'scan-unscharf.pdf', comment: 'Die zweite Seite ist nicht lesbar.' });

    const todo = await a.get(`/api/applications/${id}/requests`);
    const item = todo.body.open[0].items[0];
    expect(item).toMatchObject({ documentName: 'scan-unscharf.pdf', comment: 'Die zweite Seite ist nicht lesbar.', state: 'open' });
    const again = await upload(a, `/api/applications/${id}/evidence/${encodeURIComponent(item.uploadItemId)}/documents`, 'scan-neu.pdf');
    expect(again.status, JSON.stringify(again.body)).toBe(201);
  });

  it('offers the evidence catalogue and names the staff member in history, notes and messages', async () => {
    const { id } = await submitted();
    const v0 = (await lea.get(`/api/staff/applications/${id}`)).body;
    expect(v0.catalogue.length).toBe(evidenceCatalogue().length);
    expect(v0.catalogue).toContainEqual({ code: 'MIETVERTRAG', title: 'Mietvertrag' });
    expect(v0.catalogue).toContainEqual(expect.objectContaining({ code: 'MELDEBESCHEINIGUNG' }));
    expect(v0.catalogue.some((e: { title: string }) => e.title.includes('{'))).toBe(false);
    await lea.post(`/api/staff/applications/${id}/status`, { status: 'in_bearbeitung' }, { 'if-match': `"${v0.version}"` });
    await lea.post(`/api/staff/applications/${id}/notes`, { text: 'Vermerk' });
    const sent = await lea.post(`/api/staff/applications/${id}/requests`, { items: [{ kind: 'evidence', code: 'MELDEBESCHEINIGUNG', title: 'Meldebescheinigung' }] }, { 'idempotency-key': newKey() });
    expect(sent.status).toBe(201);
    const v = (await lea.get(`/api/staff/applications/${id}`)).body;
    expect(v.history[0]).toMatchObject({ kind: 'status', actor: lea.staff.id, actorName: lea.staff.name });
    expect(v.notes[0]).toMatchObject({ staffName: lea.staff.name });
  });

  it('reminds three days before the deadline (once, content-free) and escalates an overdue round to the Postkorb', async () => {
    const { id, email } = await submitted();
    const sent = await lea.post(`/api/staff/applications/${id}/requests`, { items: [{ kind: 'evidence', code: 'MIETVERTRAG', title: 'Mietvertrag' }], deadlineDays: 7 }, { 'idempotency-key': newKey() });
    expect(sent.status).toBe(201);
    // The caseworker had closed the ADE work item while waiting.
    await t.deps.db.db.updateTable('work_items').set({ status: 'erledigt' }).where('type', '=', 'ade').where('ref_id', '=', id).execute();
    const mailsBefore = (await t.mails()).filter((m) => m.to === email).length;

    expect(await sweepDeadlines(t.deps)).toMatchObject({ overdue: 0 });
    const early = (await t.mails()).filter((m) => m.to === email).length;
    expect(early).toBe(mailsBefore); // 7 days ahead: no reminder yet

    t.clock.advance(5 * DAY);
    const r1 = await sweepDeadlines(t.deps);
    expect(r1.reminded).toBeGreaterThanOrEqual(1);
    await t.outbox.drain();
    const reminders = (await t.mails()).filter((m) => m.to === email).slice(mailsBefore);
    expect(reminders).toHaveLength(1);
    expect(reminders[0].subject).toBe('Erinnerung: Frist zu Ihrem Antrag');
    expect(reminders[0].text).not.toMatch(/Mietvertrag|ADE-|Muster|§/);
    await sweepDeadlines(t.deps);
    await t.outbox.drain();
    expect((await t.mails()).filter((m) => m.to === email).slice(mailsBefore)).toHaveLength(1);

    t.clock.advance(4 * DAY);
    const r2 = await sweepDeadlines(t.deps);
    expect(r2.overdue).toBeGreaterThanOrEqual(1);
    expect((await sweepDeadlines(t.deps)).overdue).toBe(0);
    const wi = await t.deps.db.db.selectFrom('work_items').select(['status']).where('type', '=', 'ade').where('ref_id', '=', id).executeTakeFirstOrThrow();
    expect(wi.status).toBe('neu');
    const caseworker = await staffAgent(t, { email: 'leistung@musterstadt.example' });
    const v = (await caseworker.get(`/api/staff/applications/${id}`)).body;
    expect(v.history).toContainEqual(expect.objectContaining({ kind: 'deadline', actor: 'system', deadline: sent.body.deadline }));
  });

  it('hands a corrected edition of the application PDF to the E-AKTE once the applicant corrected answers', async () => {
    const { a, id } = await submitted();
    const caseworker = await staffAgent(t, { email: 'leistung@musterstadt.example' });
    const sent = await caseworker.post(`/api/staff/applications/${id}/requests`, { items: [{ kind: 'field', path: 'KDU/miete/baseRent', comment: 'Bitte prüfen' }] }, { 'idempotency-key': newKey() });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    const [item] = sent.body.items;
    expect(item.question).toEqual({ kind: 'money' });
    const answered = await a.post(`/api/applications/${id}/requests/${sent.body.id}/items/${item.id}/answer`, { value: 520 });
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    await t.outbox.drain();
    const v = (await caseworker.get(`/api/staff/applications/${id}`)).body;
    const round = v.requests.find((r: { id: string }) => r.id === sent.body.id);
    expect(round).toMatchObject({ state: 'answered', correctedPdf: `/api/staff/applications/${id}/requests/${sent.body.id}/pdf` });
    const pdf = await caseworker.get(round.correctedPdf);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-disposition')).toMatch(/korrigiert/);
    expect(Buffer.from(pdf.body as Uint8Array).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const inFile = await t.deps.db.db.selectFrom('eakte_documents').select('external_key').where('external_key', '=', `ade:${id}:correction:${sent.body.id}`).execute();
    expect(inFile).toHaveLength(1);
    // A round without corrected answers makes no new edition.
    const other = await caseworker.post(`/api/staff/applications/${id}/requests`, { items: [{ kind: 'evidence', title: 'Meldebescheinigung' }] }, { 'idempotency-key': newKey() });
    await a.post(`/api/applications/${id}/requests/${other.body.id}/submit`, {});
    await t.outbox.drain();
    const v2 = (await caseworker.get(`/api/staff/applications/${id}`)).body;
    expect(v2.requests.find((r: { id: string }) => r.id === other.body.id).correctedPdf).toBeNull();
    expect((await caseworker.get(`/api/staff/applications/${id}/requests/${other.body.id}/pdf`)).status).toBe(404);
  });

  it('lets a jobcenter admin reset a colleague’s second factor: sessions end, the next sign-in enrols anew, audited', async () => {
    const target = await staffAgent(t, { email: 'integration@musterstadt.example' });
    const admin = await staffAgent(t, { email: 'admin@musterstadt.example' });
    const foreignAdmin = await staffAgent(t, { email: 'admin@beispielkreis.example' });
    const caseworker = await staffAgent(t, { email: 'leistung@musterstadt.example' });
    const path = `/api/staff/members/${target.staff.id}/reset-second-factor`;

    expect((await caseworker.post(path, {})).status).toBe(403);
    expect((await foreignAdmin.post(path, {})).status).toBe(404);
    expect((await admin.post(`/api/staff/members/${admin.staff.id}/reset-second-factor`, {})).status).toBe(403);
    expect((await admin.post('/api/staff/members/staff-nobody/reset-second-factor', {})).status).toBe(404);

    const ok = await admin.post(path, {});
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toEqual({ id: target.staff.id, enrolled: false, enrolmentCode: expect.stringMatching(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/), enrolmentCodeExpiresAt: expect.any(String) });
    expect((await target.get('/api/staff/inbox')).status).toBe(401);
    const next = await t.app.request('http://localhost:3000/api/staff/sessions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'integration@musterstadt.example', password: DEMO_STAFF_PASSWORD }),
    });
    expect((await next.json()).step).toBe('enrol');

    const rows = await t.deps.db.db.selectFrom('audit_log').select(['action', 'actor_id', 'object_id']).execute();
    expect(rows).toContainEqual({ action: 'reset_second_factor', actor_id: admin.staff.id, object_id: target.staff.id });
    expect(rows).toContainEqual({ action: 'sign_in', actor_id: admin.staff.id, object_id: admin.staff.id });
    expect((await verifyAuditChain(t.deps.db.db)).ok).toBe(true);
  });
});
