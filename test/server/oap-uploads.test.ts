import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { verifyAuditChain } from '../../server/audit/audit.js';
import { OAP_ANSWERS } from '../fixtures/oap.js';
import { type Agent, applicant, createTestApp, DIALECTS, type Res, staffAgent, type StaffAgent, tdaBody, type TestApp } from './harness.js';

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));
const PDF = bytes('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const EXE = bytes('MZ', [0x90, 0x00, 0x03], 'This program cannot be run in DOS mode.');
const KiB = 1024;
const SECRET = 'Attest Psychotherapie Dr. Kummer';
let keyNo = 0;
const newKey = () => `oapup-key-${Date.now()}-${++keyNo}`;
const SERVICES = ['situation', 'cv', 'conditions'] as const;

describe.each(DIALECTS)('OAP certificate uploads on %s', (dialect) => {
  let t: TestApp;
  let mika: StaffAgent; // markt_integration, Musterstadt
  let lea: StaffAgent; // leistung, Musterstadt
  let piotr: StaffAgent; // markt_integration, Hafenstadt

  beforeAll(async () => {
    t = await createTestApp(dialect, { deps: { uploads: { maxFileBytes: 64 * KiB, quotaBytes: 160 * KiB } } });
    mika = await staffAgent(t, { email: 'integration@musterstadt.example' });
    lea = await staffAgent(t, { email: 'leistung@musterstadt.example' });
    piotr = await staffAgent(t, { email: 'integration@hafenstadt.example' });
  });
  afterAll(() => t.close());

  async function send(a: Agent, method: string, path: string, init: { body?: BodyInit; headers?: Record<string, string> } = {}): Promise<Res> {
    const res = await t.app.request(`http://localhost:3000${path}`, { method, body: init.body, headers: { cookie: a.cookie!, ...init.headers } });
    const type = res.headers.get('content-type') ?? '';
    const body = type.includes('json') ? await res.json() : new Uint8Array(await res.arrayBuffer());
    return { status: res.status, headers: res.headers, body };
  }
  function upload(a: Agent, path: string, content: Uint8Array, name: string, type = 'application/pdf', headers: Record<string, string> = {}): Promise<Res> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(content)], { type }), name);
    return send(a, 'POST', path, { body: form, headers });
  }
  const docs = (certId: string) => `/api/oap/cv/evidence/${encodeURIComponent(`OAP_CERT:cv:${certId}`)}/documents`;
  const put = (a: Agent, service: string, answers: unknown, version: number) =>
    a.request('PUT', `/api/oap/${service}/answers`, { body: { answers }, headers: { 'if-match': `"${version}"` } });

  /** A new applicant with a TdA and a CV draft naming two certificates (one without a name yet). */
  async function withCv(over: Record<string, unknown> = {}) {
    const a = await applicant(t);
    const tda = await a.post('/api/tda', tdaBody({ lastName: `Cert${randomUUID().slice(0, 6)}`, ...over }), { 'idempotency-key': newKey() });
    expect(tda.status, JSON.stringify(tda.body)).toBe(201);
    const cert = randomUUID();
    const unnamed = randomUUID();
    const cv = { ...OAP_ANSWERS.cv, certificates: [{ id: cert, title: 'Staplerschein', year: 2019 }, { id: unnamed, title: '' }] };
    const saved = await put(a, 'cv', cv, (await a.get('/api/oap/cv')).body.version);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    return { a, cert, unnamed, cv };
  }

  /** Submits all three eServices (CV as given); returns the profile id. */
  async function submitAll(a: Agent, cv: Record<string, unknown>): Promise<string> {
    for (const s of SERVICES) {
      const cur = await a.get(`/api/oap/${s}`);
      const saved = await put(a, s, s === 'cv' ? cv : OAP_ANSWERS[s], cur.body.version);
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      const sub = await a.request('POST', `/api/oap/${s}/submit`, { headers: { 'if-match': `"${saved.body.version}"`, 'idempotency-key': newKey() } });
      expect(sub.status, JSON.stringify(sub.body)).toBe(200);
    }
    await t.outbox.drain();
    return (await a.get('/api/oap')).body.profileId as string;
  }

  it('stores a certificate PDF for a named certificate, lists it, downloads it (own only) and deletes it', async () => {
    const { a, cert } = await withCv();
    const res = await upload(a, docs(cert), PDF, 'staplerschein.pdf');
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ itemId: `OAP_CERT:cv:${cert}`, certificate: 'Staplerschein', filename: 'staplerschein.pdf', mediaType: 'application/pdf', size: PDF.length });
    expect(res.headers.get('location')).toBe(res.body.href);
    expect(res.body.href).toBe(`${docs(cert)}/${res.body.id}`);
    const list = await a.get('/api/oap/cv/documents');
    expect(list.body.items.map((d: { id: string }) => d.id)).toEqual([res.body.id]);
    const got = await send(a, 'GET', res.body.href);
    expect(got.status).toBe(200);
    expect(Buffer.from(got.body).equals(PDF)).toBe(true);
    expect(got.headers.get('content-disposition')).toMatch(/^attachment/);
    // The same quota as the ADE uploads: the policy counts it.
    expect((await a.get('/api/uploads/policy')).body.usedBytes).toBe(PDF.length);
    // Encrypted at rest.
    const row = await t.deps.db.db.selectFrom('documents').select(['content', 'kind']).where('id', '=', res.body.id).executeTakeFirstOrThrow();
    expect(row.kind).toBe('evidence');
    expect(Buffer.from(row.content).includes(Buffer.from('%PDF'))).toBe(false);
    expect((await send(a, 'DELETE', res.body.href)).status).toBe(204);
    expect((await send(a, 'GET', res.body.href)).status).toBe(404);
    expect((await a.get('/api/oap/cv/documents')).body.items).toEqual([]);
  });

  it('replays an upload retried with the same Idempotency-Key instead of storing it twice', async () => {
    const { a, cert } = await withCv();
    const key = newKey();
    const first = await upload(a, docs(cert), PDF, 'a.pdf', 'application/pdf', { 'idempotency-key': key });
    const retry = await upload(a, docs(cert), PDF, 'a.pdf', 'application/pdf', { 'idempotency-key': key });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body.id).toBe(first.body.id);
    expect((await a.get('/api/oap/cv/documents')).body.items).toHaveLength(1);
  });

  it('refuses a renamed .exe and a wrong type (415), a too large file and the full quota (413)', async () => {
    const { a, cert } = await withCv();
    for (const [content, name, type] of [[EXE, 'zeugnis.pdf', 'application/pdf'], [bytes('Hallo'), 'zeugnis.txt', 'text/plain']] as const) {
      const r = await upload(a, docs(cert), content, name, type);
      expect(r.status, name).toBe(415);
      expect(r.body.type).toBe('/problems/unsupported-file-type');
    }
    const pdfOf = (size: number) => Buffer.concat([PDF, Buffer.alloc(size - PDF.length, 0x20)]);
    const big = await upload(a, docs(cert), pdfOf(64 * KiB + 1), 'gross.pdf');
    expect(big.status).toBe(413);
    expect(big.body.type).toBe('/problems/file-too-large');
    for (let i = 0; i < 3; i++) expect((await upload(a, docs(cert), pdfOf(50 * KiB), `teil-${i}.pdf`)).status).toBe(201);
    const full = await upload(a, docs(cert), pdfOf(50 * KiB), 'voll.pdf');
    expect(full.status).toBe(413);
    expect(full.body.type).toBe('/problems/quota-exceeded');
  });

  it('only for named certificates of the own CV; 404 for an unnamed or unknown item and for another applicant', async () => {
    const owner = await withCv();
    expect((await upload(owner.a, docs(owner.unnamed), PDF, 'x.pdf')).status).toBe(404);
    expect((await upload(owner.a, docs(randomUUID()), PDF, 'x.pdf')).status).toBe(404);
    expect((await upload(owner.a, '/api/oap/cv/evidence/KONTOAUSZUEGE%3Aapplicant%3Ax/documents', PDF, 'x.pdf')).status).toBe(404);
    const doc = await upload(owner.a, docs(owner.cert), PDF, 'mein.pdf');
    expect(doc.status).toBe(201);
    const intruder = await withCv();
    expect((await upload(intruder.a, docs(owner.cert), PDF, 'fremd.pdf')).status).toBe(404);
    expect((await send(intruder.a, 'GET', doc.body.href)).status).toBe(404);
    expect((await send(intruder.a, 'DELETE', doc.body.href)).status).toBe(404);
    // Under the intruder's own item id the owner's document is not found either.
    expect((await send(intruder.a, 'GET', `${docs(intruder.cert)}/${doc.body.id}`)).status).toBe(404);
    expect((await send(owner.a, 'GET', doc.body.href)).status).toBe(200);
  });

  it('lists the uploads in the staff review; M&I of the jobcenter downloads (audited), Leistung 403, other jobcenter 404', async () => {
    const lines: string[] = [];
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => vi.spyOn(console, m).mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(' '))));
    let profileId = '';
    let docId = '';
    const secretPdf = Buffer.concat([PDF, Buffer.from(SECRET, 'latin1')]);
    try {
      const { a, cert, cv } = await withCv();
      const up = await upload(a, docs(cert), secretPdf, 'attest.pdf');
      expect(up.status).toBe(201);
      docId = up.body.id;
      profileId = await submitAll(a, { ...cv, certificates: (cv.certificates as { title: string }[]).filter((c) => c.title) });
      const r = await mika.get(`/api/staff/oap/${profileId}`);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body.documents).toEqual([
        expect.objectContaining({ id: docId, itemId: `OAP_CERT:cv:${cert}`, certificate: 'Staplerschein', filename: 'attest.pdf', href: `/api/staff/oap/${profileId}/documents/${docId}` }),
      ]);
      const dl = await send(mika, 'GET', r.body.documents[0].href);
      expect(dl.status).toBe(200);
      expect(Buffer.from(dl.body).equals(secretPdf)).toBe(true);
      expect((await send(lea, 'GET', `/api/staff/oap/${profileId}/documents/${docId}`)).status).toBe(403);
      expect((await send(piotr, 'GET', `/api/staff/oap/${profileId}/documents/${docId}`)).status).toBe(404);
      expect((await send(mika, 'GET', `/api/staff/oap/${profileId}/documents/${randomUUID()}`)).status).toBe(404);
      // A document of another profile is not reachable through this profile.
      const other = await withCv();
      const foreign = await upload(other.a, docs(other.cert), PDF, 'fremd.pdf');
      expect((await send(mika, 'GET', `/api/staff/oap/${profileId}/documents/${foreign.body.id}`)).status).toBe(404);
      // The applicant's own route is not open to staff.
      expect((await send(mika, 'GET', up.body.href)).status).toBe(401);
    } finally {
      for (const s of spies) s.mockRestore();
    }
    const db = t.deps.db.db;
    const audits = await db.selectFrom('audit_log').select(['action', 'object_type', 'object_id', 'actor_id']).where('object_type', '=', 'document').where('object_id', '=', docId).execute();
    expect(audits).toEqual([expect.objectContaining({ action: 'read', actor_id: mika.staff.id })]);
    expect((await verifyAuditChain(db)).ok).toBe(true);
    expect(lines.join('\n')).not.toContain(SECRET);
    expect(JSON.stringify(await db.selectFrom('audit_log').selectAll().execute())).not.toContain('attest');
  });
});
