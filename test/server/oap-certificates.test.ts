import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { createDatabaseEAkte, EAkte } from '../../server/adapters/eakte.js';
import { sweepRetention } from '../../server/retention/retention.service.js';
import { OAP_ANSWERS } from '../fixtures/oap.js';
import { type Agent, applicant, createTestApp, DIALECTS, type Res, staffAgent, type StaffAgent, tdaBody, type TestApp } from './harness.js';

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n1 0 obj <<>> endobj\n% ${text}\ntrailer <<>>\n%%EOF\n`, 'latin1');
let keyNo = 0;
const newKey = () => `oapcert-key-${Date.now()}-${++keyNo}`;
const SERVICES = ['situation', 'cv', 'conditions'] as const;
type Cert = { id: string; title: string; year?: number };

describe.each(DIALECTS)('OAP certificates to the E-AKTE on %s', (dialect) => {
  let t: TestApp;
  let mika: StaffAgent; // markt_integration, Musterstadt
  let archive: ReturnType<typeof createDatabaseEAkte>;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    archive = t.deps.eakte as ReturnType<typeof createDatabaseEAkte>;
    mika = await staffAgent(t, { email: 'integration@musterstadt.example' });
  });
  afterAll(() => t.close());

  async function upload(a: Agent, certId: string, content: Buffer, name: string): Promise<Res> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(content)], { type: 'application/pdf' }), name);
    const path = `/api/oap/cv/evidence/${encodeURIComponent(`OAP_CERT:cv:${certId}`)}/documents`;
    const r = await t.app.request(`http://localhost:3000${path}`, { method: 'POST', body: form, headers: { cookie: a.cookie! } });
    return { status: r.status, headers: r.headers, body: await r.json() };
  }
  const put = (a: Agent, service: string, answers: unknown, version: number) =>
    a.request('PUT', `/api/oap/${service}/answers`, { body: { answers }, headers: { 'if-match': `"${version}"` } });

  async function save(a: Agent, service: string, answers: unknown): Promise<number> {
    const saved = await put(a, service, answers, (await a.get(`/api/oap/${service}`)).body.version);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    return saved.body.version as number;
  }
  async function submit(a: Agent, service: string, answers: unknown): Promise<void> {
    const version = await save(a, service, answers);
    const sub = await a.request('POST', `/api/oap/${service}/submit`, { headers: { 'if-match': `"${version}"`, 'idempotency-key': newKey() } });
    expect(sub.status, JSON.stringify(sub.body)).toBe(200);
  }
  const cvWith = (certificates: Cert[]) => ({ ...OAP_ANSWERS.cv, certificates });

  /** The review, then a takeover accepting every open field; the outbox is drained afterwards. */
  async function takeOverAll(profileId: string): Promise<void> {
    const r = await mika.get(`/api/staff/oap/${profileId}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const decisions = r.body.fields.filter((f: { state: string }) => f.state !== 'same').map((f: { path: string }) => ({ path: f.path, accept: true }));
    const done = await mika.post(`/api/staff/oap/${profileId}/takeover`, { decisions }, { 'if-match': `"${r.body.version}"`, 'idempotency-key': newKey() });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    await t.outbox.drain();
  }

  /** An applicant with a TdA, two certificates with one file each, the second removed before the submission. */
  async function scenario() {
    const a = await applicant(t);
    const tda = await a.post('/api/tda', tdaBody({ lastName: `Zert${randomUUID().slice(0, 6)}` }), { 'idempotency-key': newKey() });
    expect(tda.status, JSON.stringify(tda.body)).toBe(201);
    const kept: Cert = { id: randomUUID(), title: 'Staplerschein', year: 2019 };
    const dropped: Cert = { id: randomUUID(), title: 'Erste Hilfe', year: 2020 };
    await save(a, 'cv', cvWith([kept, dropped]));
    const keptFile = await upload(a, kept.id, pdf('stapler'), 'staplerschein.pdf');
    const droppedFile = await upload(a, dropped.id, pdf('erste-hilfe'), 'erste-hilfe.pdf');
    expect([keptFile.status, droppedFile.status]).toEqual([201, 201]);
    for (const s of SERVICES) await submit(a, s, s === 'cv' ? cvWith([kept]) : OAP_ANSWERS[s]);
    await t.outbox.drain();
    const profileId = (await a.get('/api/oap')).body.profileId as string;
    return { a, profileId, kept, dropped, keptId: keptFile.body.id as string, droppedId: droppedFile.body.id as string };
  }

  const inEakte = (documentId: string) => t.deps.db.db.selectFrom('eakte_documents').selectAll().where('external_key', '=', `oap-cert:${documentId}`).execute();
  const referenceOf = async (documentId: string) =>
    (await t.deps.db.db.selectFrom('oap_documents').select('eakte_reference').where('document_id', '=', documentId).executeTakeFirstOrThrow()).eakte_reference;
  const certJobs = (profileId: string) =>
    t.deps.db.db.selectFrom('outbox').select(['status', 'attempts', 'payload']).where('kind', '=', 'oap.certificates').where('payload', 'like', `%${profileId}%`).execute();

  it('hands over exactly the files of certificates in the taken-over CV, once, with index data and the reference', async () => {
    const { a, profileId, kept, dropped, keptId, droppedId } = await scenario();
    // Nothing goes before the takeover.
    expect(await inEakte(keptId)).toEqual([]);
    const before = await mika.get(`/api/staff/oap/${profileId}`);
    expect(before.body.documents.map((d: { id: string; eakteReference: string | null }) => [d.id, d.eakteReference])).toEqual([[keptId, null], [droppedId, null]]);

    await takeOverAll(profileId);
    const jobs = await certJobs(profileId);
    expect(jobs.map((j) => j.status)).toEqual(['done']);
    const [row] = await inEakte(keptId);
    expect(row).toBeDefined();
    expect(await inEakte(droppedId)).toEqual([]);
    expect(row.jobcenter_id).toBe('musterstadt');
    expect(row.filename).toBe('staplerschein.pdf');
    const reference = await referenceOf(keptId);
    expect(reference).toBe(`EAKTE-${row.id}`);
    expect(await referenceOf(droppedId)).toBeNull();
    const stored = await archive.read(reference!);
    expect(stored!.bytes.equals(pdf('stapler'))).toBe(true);
    const uploadedAt = (await t.deps.db.db.selectFrom('oap_documents').select('created_at').where('document_id', '=', keptId).executeTakeFirstOrThrow()).created_at;
    expect(stored!.metadata).toEqual({
      documentClass: 'Nachweis Arbeitsmarktprofil – Zertifikat',
      certificate: kept.title,
      profileId,
      jobcenterId: 'musterstadt',
      uploadedAt,
      evidenceItem: `OAP_CERT:cv:${kept.id}`,
      sha256: row.sha256,
    });
    // Only ids, dates and the certificate's name: no other answers of the profile (e.g. the situation's health question).
    expect(Object.keys(stored!.metadata).some((k) => /health|situation/i.test(k))).toBe(false);
    expect(JSON.stringify(stored!.metadata)).not.toContain(dropped.title);
    // The review shows which file is in the E-AKTE.
    const after = await mika.get(`/api/staff/oap/${profileId}`);
    expect(after.body.documents.map((d: { id: string; eakteReference: string | null }) => [d.id, d.eakteReference])).toEqual([[keptId, reference], [droppedId, null]]);
    // A rerun of the job (crash after the handover) hands over nothing twice.
    await t.deps.db.db.updateTable('outbox').set({ status: 'pending', run_at: new Date(0).toISOString() }).where('kind', '=', 'oap.certificates').where('payload', 'like', `%${profileId}%`).execute();
    await t.outbox.drain();
    expect(await inEakte(keptId)).toHaveLength(1);
    expect(await referenceOf(keptId)).toBe(reference);

    // A later CV version with a new certificate and a new file for the kept one: the second takeover hands over only those.
    const added: Cert = { id: randomUUID(), title: 'Sprachzertifikat B2', year: 2024 };
    await save(a, 'cv', cvWith([kept, added]));
    const second = await upload(a, kept.id, pdf('stapler-rueckseite'), 'rueckseite.pdf');
    const third = await upload(a, added.id, pdf('sprache'), 'sprache.pdf');
    expect([second.status, third.status]).toEqual([201, 201]);
    await submit(a, 'cv', cvWith([kept, added]));
    await t.outbox.drain();
    const eakteBefore = await t.deps.db.db.selectFrom('eakte_documents').select('external_key').where('external_key', 'like', 'oap-cert:%').execute();
    await takeOverAll(profileId);
    expect((await certJobs(profileId)).map((j) => j.status)).toEqual(['done', 'done']);
    const eakteAfter = await t.deps.db.db.selectFrom('eakte_documents').select('external_key').where('external_key', 'like', 'oap-cert:%').execute();
    const fresh = eakteAfter.map((r) => r.external_key).filter((k) => !eakteBefore.some((b) => b.external_key === k));
    expect(fresh.sort()).toEqual([`oap-cert:${second.body.id}`, `oap-cert:${third.body.id}`].sort());
    expect(await inEakte(keptId)).toHaveLength(1);
    expect(await inEakte(droppedId)).toEqual([]);
    const newRef = await referenceOf(third.body.id);
    expect((await archive.read(newRef!))!.metadata.certificate).toBe(added.title);
    expect((await archive.read(newRef!))!.bytes.equals(pdf('sprache'))).toBe(true);
  });

  it('enqueues the handover in the takeover commit and retries after a failing E-AKTE, handing over once', async () => {
    const { profileId, keptId, droppedId } = await scenario();
    const real: EAkte = archive;
    let calls = 0;
    // The first call stores the file but the answer is lost (as after a timeout); the retry must not store it again.
    t.deps.eakte = {
      async handOver(doc) {
        calls++;
        if (calls === 1) {
          await real.handOver(doc);
          throw new Error('E-AKTE timeout');
        }
        return real.handOver(doc);
      },
    };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      await takeOverAll(profileId);
      let [job] = await certJobs(profileId);
      expect(job).toMatchObject({ status: 'pending', attempts: 1 });
      expect(await referenceOf(keptId)).toBeNull();
      t.clock.advance(5_000);
      await t.outbox.drain();
      [job] = await certJobs(profileId);
      expect(job).toMatchObject({ status: 'done', attempts: 2 });
    } finally {
      warn.mockRestore();
      t.deps.eakte = real;
    }
    expect(calls).toBe(2);
    const rows = await inEakte(keptId);
    expect(rows).toHaveLength(1);
    expect(await referenceOf(keptId)).toBe(`EAKTE-${rows[0].id}`);
    expect(await inEakte(droppedId)).toEqual([]);
  });

  it('retention empties the portal copy of a handed-over file once the review is closed and quiet for the period', async () => {
    const { a, profileId, keptId, droppedId } = await scenario();
    await takeOverAll(profileId);
    const waiting = await scenario(); // submitted, not taken over: nothing is in the E-AKTE, nothing is emptied
    const old = new Date(t.clock.now().getTime() - 91 * 86_400_000).toISOString();
    const db = t.deps.db.db;
    for (const p of [profileId, waiting.profileId]) {
      await db.updateTable('oap_documents').set({ created_at: old }).where('profile_id', '=', p).execute();
      await db.updateTable('oap_submissions').set({ submitted_at: old }).where('profile_id', '=', p).execute();
      await db.updateTable('oap_takeovers').set({ created_at: old }).where('profile_id', '=', p).execute();
    }
    const content = async (id: string) => Buffer.from((await db.selectFrom('documents').select('content').where('id', '=', id).executeTakeFirstOrThrow()).content).byteLength;
    const counts = await sweepRetention(t.deps, t.clock.now());
    expect(counts.oapCopies).toBeGreaterThanOrEqual(1);
    expect(await content(keptId)).toBe(0);
    expect(await content(droppedId)).toBeGreaterThan(0); // never handed over
    expect(await content(waiting.keptId)).toBeGreaterThan(0);
    const staffDl = await t.app.request(`http://localhost:3000/api/staff/oap/${profileId}/documents/${keptId}`, { headers: { cookie: mika.cookie! } });
    expect(staffDl.status).toBe(410);
    // The E-AKTE copy is the record.
    expect((await archive.read((await referenceOf(keptId))!))!.bytes.equals(pdf('stapler'))).toBe(true);
    expect((await a.get('/api/oap/cv/documents')).body.items.map((d: { id: string }) => d.id)).toContain(keptId);
    expect((await sweepRetention(t.deps, t.clock.now())).oapCopies).toBe(0);
  });
});
