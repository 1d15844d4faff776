import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mitwirkungNotice } from '../../domain/legal.js';
import { verifyAuditChain } from '../../server/audit/audit.js';
import { complete, HOUSEHOLDS } from '../fixtures/households.js';
import { type Agent, applicant, createTestApp, DIALECTS, type Res, staffAgent, type StaffAgent, type TestApp } from './harness.js';
import { addDays, berlinDate } from '../../domain/dates.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');
const RENT = 'KDU/miete/baseRent';
const NOTE = 'Interner Vermerk: Vermieter ist der Bruder – prüfen';
let keyNo = 0;
const newKey = () => `mws-key-${Date.now()}-${++keyNo}`;

describe.each(DIALECTS)('MWS review and requests on %s', (dialect) => {
  let t: TestApp;
  let lea: StaffAgent; // leistung, Musterstadt (handling jobcenter of postal code 00123)
  let sabine: StaffAgent; // teamleitung, Musterstadt
  let mika: StaffAgent; // markt_integration, Musterstadt
  let jonas: StaffAgent; // leistung, Beispielkreis

  beforeAll(async () => {
    t = await createTestApp(dialect);
    lea = await staffAgent(t, { email: 'leistung@musterstadt.example' });
    sabine = await staffAgent(t, { email: 'teamleitung@musterstadt.example' });
    mika = await staffAgent(t, { email: 'integration@musterstadt.example' });
    jonas = await staffAgent(t, { email: 'leistung@beispielkreis.example' });
  });
  afterAll(() => t.close());

  /** A new applicant with a submitted application, routed (the ADE work item exists). */
  async function submitted(): Promise<{ a: Agent; id: string; email: string }> {
    const email = `mws-${randomUUID().slice(0, 8)}@beispiel.de`;
    const a = await applicant(t, email);
    const start = await a.post('/api/applications', { portalJobcenterId: 'musterstadt' });
    const id = start.body.id as string;
    const answers = complete(HOUSEHOLDS[0].answers, start.body.applicationDate);
    const saved = await a.request('PUT', `/api/applications/${id}/answers`, { body: { answers }, headers: { 'if-match': '"1"' } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const sub = await a.request('POST', `/api/applications/${id}/submit`, { headers: { 'if-match': `"${saved.body.version}"`, 'idempotency-key': newKey() } });
    expect(sub.status, JSON.stringify(sub.body)).toBe(200);
    await t.outbox.drain();
    return { a, id, email };
  }

  async function upload(a: Agent, path: string, content: Buffer, name: string): Promise<Res> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(content)], { type: 'application/pdf' }), name);
    const res = await t.app.request(`http://localhost:3000${path}`, { method: 'POST', body: form, headers: { cookie: a.cookie! } });
    return { status: res.status, headers: res.headers, body: await res.json() };
  }

  const request = (s: Agent, id: string, body: unknown, key = newKey()) => s.post(`/api/staff/applications/${id}/requests`, body, { 'idempotency-key': key });
  const setStatus = (s: Agent, id: string, status: string, version: number) => s.post(`/api/staff/applications/${id}/status`, { status }, { 'if-match': `"${version}"` });
  const noNotes = (res: Res) => expect(JSON.stringify(res.body)).not.toContain(NOTE);

  it('runs the whole loop: review, comment and evidence request, correction, upload, reply routed, entscheidungsreif', async () => {
    const { a, id, email } = await submitted();
    const before = (await t.mails()).length;

    // The caseworker opens the application: answers grouped, documents and PDF hrefs.
    const review = await lea.get(`/api/staff/applications/${id}`);
    expect(review.status, JSON.stringify(review.body)).toBe(200);
    expect(review.headers.get('etag')).toBe(`"${review.body.version}"`);
    expect(review.body).toMatchObject({ id, status: 'eingegangen', number: expect.stringMatching(/^ADE-/) });
    const kdu = review.body.answers.find((g: { group: string }) => g.group === 'KDU');
    expect(kdu.questions).toContainEqual(expect.objectContaining({ path: RENT, value: 0, formatted: '0,00 €' }));
    expect(review.body.pdfs.application).toBe(`/api/staff/applications/${id}/pdf`);
    const pdf = await lea.get(review.body.pdfs.application);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');

    // In Bearbeitung, then a request round: a field comment and the tenancy agreement, 14 days.
    const inWork = await setStatus(lea, id, 'in_bearbeitung', review.body.version);
    expect(inWork.status, JSON.stringify(inWork.body)).toBe(200);
    await lea.post(`/api/staff/applications/${id}/notes`, { text: NOTE });
    const created = await request(lea, id, {
      items: [
        { kind: 'field', path: RENT, comment: 'Die Kaltmiete fehlt. Bitte tragen Sie sie ein.' },
        { kind: 'evidence', code: 'MIETVERTRAG', title: 'Mietvertrag' },
      ],
      message: 'Bitte reichen Sie die Unterlagen ein.',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const today = berlinDate(t.clock.now());
    expect(created.body).toMatchObject({ state: 'open', deadline: addDays(today, 14), notice: { version: mitwirkungNotice(today).from, de: mitwirkungNotice(today).text.de } });
    expect(created.body.notice.de).toContain('§ 66');
    const [fieldItem, evidenceItem] = created.body.items;
    expect(fieldItem).toMatchObject({ kind: 'field', path: RENT, label: expect.any(String), state: 'open' });
    expect(evidenceItem).toMatchObject({ kind: 'evidence', title: 'Mietvertrag', uploadItemId: `req:${evidenceItem.id}` });

    // The work item carries the deadline; the mail says only that there is news.
    const wi = await t.deps.db.db.selectFrom('work_items').selectAll().where('type', '=', 'ade').where('ref_id', '=', id).executeTakeFirstOrThrow();
    expect(wi.deadline).toBe(addDays(today, 14));
    const mails = (await t.mails()).slice(before).filter((m) => m.to === email);
    expect(mails).toHaveLength(1);
    expect(mails[0].text).toContain('Sie haben eine neue Nachricht zu Ihrem Antrag');
    expect(mails[0].text).not.toMatch(/Miete|Mietvertrag|ADE-|Muster|Kaltmiete|§/);

    // The applicant sees the request with deadline, notice and the commented field; never the note.
    const todo = await a.get(`/api/applications/${id}/requests`);
    expect(todo.status).toBe(200);
    noNotes(todo);
    expect(todo.body.status).toBe('mitwirkung_angefordert');
    expect(todo.body.open).toHaveLength(1);
    expect(todo.body.open[0]).toMatchObject({ deadline: addDays(today, 14), message: 'Bitte reichen Sie die Unterlagen ein.' });
    expect(todo.body.open[0].notice.de).toBe(mitwirkungNotice(today).text.de);
    expect(todo.body.open[0].items[0]).toMatchObject({ comment: 'Die Kaltmiete fehlt. Bitte tragen Sie sie ein.', currentValue: 0 });
    expect(todo.body.timeline.map((s: { key: string; reached: boolean }) => [s.key, s.reached])).toEqual([
      ['tda_received', false],
      ['application_received', true],
      ['in_review', true],
      ['evidence_requested', true],
      ['ready_for_decision', false],
      ['completed', false],
    ]);
    expect(todo.body.timeline[3].label).toEqual({ de: 'Unterlagen angefordert', en: 'Evidence requested' });

    // A bad value is refused by the engine's check; a good one is stored as a new version.
    const base = `/api/applications/${id}/requests/${created.body.id}/items`;
    const bad = await a.post(`${base}/${fieldItem.id}/answer`, { value: 'viel' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ path: 'value', code: 'invalid_money' });
    const ok = await a.post(`${base}/${fieldItem.id}/answer`, { value: 480.5 });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    noNotes(ok);
    const own = await a.get(`/api/applications/${id}`);
    expect(own.body.answers.anlagen.KDU.baseRent).toBe(480.5);

    // Evidence: answering before uploading is refused; upload with req:<item>, then mark it answered.
    const early = await a.post(`${base}/${evidenceItem.id}/answer`, {});
    expect(early.status).toBe(400);
    const up = await upload(a, `/api/applications/${id}/evidence/${encodeURIComponent(`req:${evidenceItem.id}`)}/documents`, PDF, 'Mietvertrag.pdf');
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    const done = await a.post(`${base}/${evidenceItem.id}/answer`, {});
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.open).toHaveLength(0);
    expect(done.body.answered[0]).toMatchObject({ id: created.body.id, state: 'answered' });
    expect(done.body.status).toBe('in_bearbeitung');

    // The round routed one mws_reply work item into a Postkorb of the handling jobcenter.
    await t.outbox.drain();
    const replies = await t.deps.db.db.selectFrom('work_items').selectAll().where('type', '=', 'mws_reply').where('ref_id', '=', created.body.id).execute();
    expect(replies).toHaveLength(1);
    expect(replies[0].jobcenter_id).toBe('musterstadt');
    const inbox = await lea.get('/api/staff/inbox?type=mws_reply');
    expect(inbox.body.items.map((i: { id: string }) => i.id)).toContain(replies[0].id);
    // Both the reply and the ADE item lead the review to the same application.
    expect(inbox.body.items.find((i: { id: string }) => i.id === replies[0].id).applicationId).toBe(id);
    const adeItems = await lea.get('/api/staff/inbox?type=ade');
    expect(adeItems.body.items.map((i: { applicationId: string }) => i.applicationId)).toContain(id);
    const tdaItems = await lea.get('/api/staff/inbox?type=tda');
    expect(tdaItems.body.items.every((i: { applicationId: string | null }) => i.applicationId === null)).toBe(true);
    // An explicit submit after that changes nothing (idempotent per round).
    const again = await a.post(`/api/applications/${id}/requests/${created.body.id}/submit`, {});
    expect(again.status).toBe(200);
    await t.outbox.drain();
    expect(await t.deps.db.db.selectFrom('work_items').select('id').where('type', '=', 'mws_reply').where('ref_id', '=', created.body.id).execute()).toHaveLength(1);

    // The caseworker sees old → new, the document, and sets entscheidungsreif.
    const after = await lea.get(`/api/staff/applications/${id}`);
    expect(after.body.status).toBe('in_bearbeitung');
    expect(after.body.history).toContainEqual(expect.objectContaining({ kind: 'answer', path: RENT, old: 0, new: 480.5 }));
    const kdu2 = after.body.answers.find((g: { group: string }) => g.group === 'KDU');
    expect(kdu2.questions).toContainEqual(expect.objectContaining({ path: RENT, value: 480.5, formatted: '480,50 €' }));
    const doc = after.body.requests[0].items[1].documents[0];
    expect(doc).toMatchObject({ filename: 'Mietvertrag.pdf', href: `/api/staff/applications/${id}/documents/${up.body.id}` });
    const file = await lea.get(doc.href);
    expect(file.status).toBe(200);
    expect(file.headers.get('x-content-sha256')).toBe(up.body.sha256);
    expect(after.body.notes.map((n: { text: string }) => n.text)).toEqual([NOTE]);
    const ready = await setStatus(lea, id, 'entscheidungsreif', after.body.version);
    expect(ready.status, JSON.stringify(ready.body)).toBe(200);
    expect(ready.body.status).toBe('entscheidungsreif');
    const timeline = await a.get(`/api/applications/${id}/requests`);
    expect(timeline.body.timeline.find((s: { key: string }) => s.key === 'ready_for_decision')).toMatchObject({ reached: true, current: true });

    // Every staff read and write was audited; the chain still verifies.
    const rows = await t.deps.db.db.selectFrom('audit_log').selectAll().where('actor_id', '=', 'staff-musterstadt-leistung').execute();
    expect(rows.filter((r) => r.object_id === id && r.action === 'read').length).toBeGreaterThanOrEqual(2);
    expect(rows.some((r) => r.object_type === 'document' && r.object_id === up.body.id)).toBe(true);
    expect(rows.some((r) => r.object_type === 'mws_request' && r.object_id === created.body.id)).toBe(true);
    expect(JSON.stringify(rows)).not.toContain('Kaltmiete');
    expect(await verifyAuditChain(t.deps.db.db)).toMatchObject({ ok: true });
  });

  it('scopes every route: foreign jobcenter and wrong role get nothing, applicants only their own', async () => {
    const { a, id } = await submitted();
    const other = await applicant(t);
    const created = await request(sabine, id, { items: [{ kind: 'evidence', title: 'Mietvertrag' }] });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const rid = created.body.id;
    const iid = created.body.items[0].id;
    const up = await upload(a, `/api/applications/${id}/evidence/req:${iid}/documents`, PDF, 'm.pdf');
    expect(up.status).toBe(201);
    const S = `/api/staff/applications/${id}`;
    const staffRoutes: [string, string, unknown?, Record<string, string>?][] = [
      ['GET', S],
      ['GET', `${S}/documents/${up.body.id}`],
      ['GET', `${S}/pdf`],
      ['POST', `${S}/requests`, { items: [{ kind: 'evidence', title: 'X' }] }, { 'idempotency-key': newKey() }],
      ['POST', `${S}/status`, { status: 'in_bearbeitung' }, { 'if-match': '"1"' }],
      ['POST', `${S}/notes`, { text: 'x' }],
      ['POST', `${S}/messages`, { text: 'x' }],
    ];
    for (const [method, path, body, headers] of staffRoutes) {
      const send = (ag: Agent) => ag.request(method, path, { body, headers });
      expect((await send(jonas)).status, `${method} ${path} foreign jobcenter`).toBe(404);
      expect((await send(mika)).status, `${method} ${path} M&I`).toBe(403);
      expect((await send(a)).status, `${method} ${path} applicant session`).toBe(401);
    }
    const A = `/api/applications/${id}/requests`;
    const applicantRoutes: [string, string, unknown?][] = [
      ['GET', A],
      ['POST', `${A}/${rid}/items/${iid}/answer`, {}],
      ['POST', `${A}/${rid}/reply`, { text: 'x' }],
      ['POST', `${A}/${rid}/submit`, {}],
    ];
    for (const [method, path, body] of applicantRoutes) {
      expect((await other.request(method, path, { body })).status, `${method} ${path} other account`).toBe(404);
      expect((await lea.request(method, path, { body })).status, `${method} ${path} staff session`).toBe(401);
    }
    // Uploads for a request item of someone else's application, or an unknown item, do not exist.
    expect((await upload(other, `/api/applications/${id}/evidence/req:${iid}/documents`, PDF, 'm.pdf')).status).toBe(404);
    expect((await upload(a, `/api/applications/${id}/evidence/req:${randomUUID()}/documents`, PDF, 'm.pdf')).status).toBe(404);
    // Drafts are never visible to staff.
    const draftOwner = await applicant(t);
    const draft = await draftOwner.post('/api/applications', { portalJobcenterId: 'musterstadt' });
    expect((await lea.get(`/api/staff/applications/${draft.body.id}`)).status).toBe(404);
    expect((await draftOwner.get(`/api/applications/${draft.body.id}/requests`)).status).toBe(404);
    expect((await lea.get(`/api/staff/applications/${randomUUID()}`)).status).toBe(404);
    expect((await lea.get('/api/staff/applications/not-an-id')).status).toBe(404);
  });

  it('never shows internal notes to the applicant, on any of her routes', async () => {
    const { a, id } = await submitted();
    expect((await lea.post(`/api/staff/applications/${id}/notes`, { text: NOTE })).status).toBe(201);
    const msg = await lea.post(`/api/staff/applications/${id}/messages`, { text: 'Bitte rufen Sie uns an.' });
    expect(msg.status).toBe(201);
    const created = await request(lea, id, { items: [{ kind: 'evidence', title: 'Kontoauszüge' }] });
    const rid = created.body.id;
    const responses = [
      await a.get(`/api/applications/${id}/requests`),
      await a.get(`/api/applications/${id}`),
      await a.get('/api/applications'),
      await a.post(`/api/applications/${id}/requests/${rid}/reply`, { text: 'Ich reiche sie nach.' }),
      await a.post(`/api/applications/${id}/requests/${rid}/submit`, {}),
    ];
    for (const r of responses) {
      expect(r.status).toBeLessThan(300);
      noNotes(r);
    }
    const view = responses[0].body;
    expect(view.messages.map((m: { text: string }) => m.text)).toEqual(['Bitte rufen Sie uns an.']);
    const staffView = await lea.get(`/api/staff/applications/${id}`);
    expect(staffView.body.messages.map((m: { from: string; text: string }) => [m.from, m.text])).toEqual([
      ['staff', 'Bitte rufen Sie uns an.'],
      ['applicant', 'Ich reiche sie nach.'],
    ]);
    expect(staffView.body.notes).toHaveLength(1);
  });

  it('stores the deadline and the notice text with each request; creation is idempotent per key', async () => {
    const { id } = await submitted();
    const key = newKey();
    const body = { items: [{ kind: 'evidence', title: 'Mietvertrag' }], deadlineDays: 30 };
    const first = await request(lea, id, body, key);
    expect(first.status).toBe(201);
    const replay = await request(lea, id, body, key);
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body.id).toBe(first.body.id);
    expect((await request(lea, id, { ...body, deadlineDays: 20 }, key)).status).toBe(422);
    expect((await lea.post(`/api/staff/applications/${id}/requests`, body)).status).toBe(400);
    const rows = await t.deps.db.db.selectFrom('mws_requests').selectAll().where('application_id', '=', id).execute();
    expect(rows).toHaveLength(1);
    const today = berlinDate(t.clock.now());
    expect(rows[0]).toMatchObject({ deadline: addDays(today, 30), notice_de: mitwirkungNotice(today).text.de, notice_en: mitwirkungNotice(today).text.en });
    // The stored wording is what the applicant sees, even if the current text changes later.
    await t.deps.db.db.updateTable('mws_requests').set({ notice_de: 'Fassung vom Tag der Anforderung' }).where('id', '=', first.body.id).execute();
    const own = await lea.get(`/api/staff/applications/${id}`);
    expect(own.body.requests[0].notice.de).toBe('Fassung vom Tag der Anforderung');
    // Deadline bounds 7–60 days.
    expect((await request(lea, id, { ...body, deadlineDays: 6 })).status).toBe(400);
    expect((await request(lea, id, { ...body, deadlineDays: 61 })).status).toBe(400);
  });

  it('rejects invalid status transitions with 409 and stale versions with 412 and the current state', async () => {
    const { id } = await submitted();
    const review = await lea.get(`/api/staff/applications/${id}`);
    const v = review.body.version;
    const invalid = await setStatus(lea, id, 'abgeschlossen', v);
    expect(invalid.status).toBe(409);
    expect(invalid.body).toMatchObject({ type: expect.stringContaining('status-transition'), from: 'eingegangen', to: 'abgeschlossen', allowed: ['in_bearbeitung'] });
    const ok = await setStatus(lea, id, 'in_bearbeitung', v);
    expect(ok.status).toBe(200);
    const stale = await setStatus(sabine, id, 'entscheidungsreif', v);
    expect(stale.status).toBe(412);
    expect(stale.body.current).toMatchObject({ status: 'in_bearbeitung', version: ok.body.version });
    expect((await lea.post(`/api/staff/applications/${id}/status`, { status: 'entscheidungsreif' })).status).toBe(428);
    expect((await setStatus(lea, id, 'entscheidungsreif', ok.body.version)).status).toBe(200);
    const r2 = await lea.get(`/api/staff/applications/${id}`);
    expect((await setStatus(lea, id, 'abgeschlossen', r2.body.version)).status).toBe(200);
    const r3 = await lea.get(`/api/staff/applications/${id}`);
    expect(r3.body.allowedTransitions).toEqual([]);
    expect((await request(lea, id, { items: [{ kind: 'evidence', title: 'X' }] })).status).toBe(409);
  });

  it('answers malformed bodies with 4xx, never 500', async () => {
    const { a, id } = await submitted();
    const created = await request(lea, id, { items: [{ kind: 'field', path: RENT, comment: 'Bitte prüfen' }] });
    const rid = created.body.id;
    const iid = created.body.items[0].id;
    const S = `/api/staff/applications/${id}`;
    const cases: [Agent, string, string, string | undefined, Record<string, string>][] = [
      [lea, 'POST', `${S}/requests`, '{', { 'idempotency-key': newKey() }],
      [lea, 'POST', `${S}/requests`, JSON.stringify({ items: [] }), { 'idempotency-key': newKey() }],
      [lea, 'POST', `${S}/requests`, JSON.stringify({ items: [{ kind: 'nope' }] }), { 'idempotency-key': newKey() }],
      [lea, 'POST', `${S}/requests`, JSON.stringify({ items: [{ kind: 'field', path: 'main/nope/x', comment: 'c' }] }), { 'idempotency-key': newKey() }],
      [lea, 'POST', `${S}/requests`, JSON.stringify({ items: 'x', extra: 1 }), { 'idempotency-key': newKey() }],
      [lea, 'POST', `${S}/status`, JSON.stringify({ status: 'erledigt' }), { 'if-match': '"1"' }],
      [lea, 'POST', `${S}/status`, JSON.stringify([]), { 'if-match': '"1"' }],
      [lea, 'POST', `${S}/notes`, JSON.stringify({ text: '' }), {}],
      [lea, 'POST', `${S}/notes`, JSON.stringify({ text: 'x'.repeat(5000) }), {}],
      [lea, 'POST', `${S}/messages`, 'null', {}],
      [a, 'POST', `/api/applications/${id}/requests/${rid}/items/${iid}/answer`, JSON.stringify({ value: { deep: [1, 2] } }), {}],
      [a, 'POST', `/api/applications/${id}/requests/${rid}/items/${iid}/answer`, JSON.stringify({}), {}],
      [a, 'POST', `/api/applications/${id}/requests/${rid}/items/${iid}/answer`, JSON.stringify({ value: 1, x: 2 }), {}],
      [a, 'POST', `/api/applications/${id}/requests/${rid}/reply`, JSON.stringify({ text: 5 }), {}],
      [a, 'POST', `/api/applications/${id}/requests/${rid}/submit`, JSON.stringify({ x: 1 }), {}],
      [a, 'POST', `/api/applications/${id}/requests/not-a-uuid/submit`, '{}', {}],
    ];
    for (const [ag, method, path, raw, headers] of cases) {
      const res = await ag.request(method, path, { raw, headers: { 'content-type': 'application/json', ...headers } });
      expect(res.status, `${path} ${raw}`).toBeGreaterThanOrEqual(400);
      expect(res.status, `${path} ${raw}`).toBeLessThan(500);
    }
    const unknownField = await request(lea, id, { items: [{ kind: 'field', path: 'main/nope/x', comment: 'c' }] });
    expect(unknownField.body.errors[0]).toMatchObject({ path: 'items.0.path', code: 'unknown_field' });
  });
});
