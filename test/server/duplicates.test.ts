/** Duplicate check (Internetperson → Person): scorer quality, scope matrix, convert/merge exactly once, release gate, bad input. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../server/audit/audit.js';
import { nameKey, scorePair } from '../../server/persons/scoring.js';
import { measureDuplicates } from '../bench/duplicates.js';
import { complete, HOUSEHOLDS } from '../fixtures/households.js';
import { type Agent, applicant, createTestApp, DIALECTS, staffAgent, type StaffAgent, tdaBody, type TestApp } from './harness.js';

let keyNo = 0;
const newKey = () => `dup-key-${Date.now()}-${++keyNo}`;
const base = { street: '', postalCode: '', city: '', rvNr: null };

describe('duplicate scorer', () => {
  it('folds umlauts, transliterations, ß/ss and Ł/L to one key', () => {
    expect(new Set(['Müller', 'Mueller', 'Muller', 'MÜLLER'].map(nameKey)).size).toBe(1);
    expect(nameKey('Weiß')).toBe(nameKey('Weiss'));
    expect(nameKey('Łukasz')).toBe(nameKey('Lukasz'));
  });

  it('names its reasons: swapped names, near birth date, RV-Nr', () => {
    const a = { ...base, firstName: 'Hannah', lastName: 'Schmitz', birthDate: '1995-05-05' };
    expect(scorePair(a, { ...a, firstName: 'Schmitz', lastName: 'Hannah' }).reasons).toContain('name_swapped');
    expect(scorePair(a, { ...a, birthDate: '1995-05-06' }).reasons).toContain('birth_date_near');
    const rv = scorePair({ ...a, rvNr: '65 050595 H 001' }, { ...a, lastName: 'Berg', rvNr: '65050595H001' });
    expect(rv.reasons).toContain('rv_nr');
    expect(rv.score).toBeGreaterThanOrEqual(0.9);
  });

  it('finds the planted near-duplicates of the demo register (precision/recall printed)', () => {
    const f = measureDuplicates();
    expect(f.recall).toBeGreaterThanOrEqual(0.9);
    expect(f.precision).toBeGreaterThanOrEqual(0.8);
    expect(f.register).toBeGreaterThanOrEqual(300);
  });
});

describe.each(DIALECTS)('Internetperson → Person on %s', (dialect) => {
  let t: TestApp;
  let lea: StaffAgent; // leistung, Musterstadt
  let sabine: StaffAgent; // teamleitung, Musterstadt
  const others: Record<string, StaffAgent> = {};

  beforeAll(async () => {
    t = await createTestApp(dialect);
    lea = await staffAgent(t, { email: 'leistung@musterstadt.example' });
    sabine = await staffAgent(t, { email: 'teamleitung@musterstadt.example' });
    for (const email of ['integration@musterstadt.example', 'admin@musterstadt.example', 'rd-admin@regionaldirektion.example', 'support@regionaldirektion.example', 'leistung@beispielkreis.example']) {
      others[email] = await staffAgent(t, { email });
    }
  });
  afterAll(() => t.close());

  /** A new applicant whose TdA arrived at Musterstadt; returns her agent and account id. */
  async function internetPerson(over: Record<string, unknown> = {}): Promise<{ a: Agent; id: string }> {
    const a = await applicant(t, `dup-${randomUUID().slice(0, 8)}@beispiel.de`);
    const tda = await a.post('/api/tda', tdaBody(over), { 'idempotency-key': newKey() });
    expect(tda.status, JSON.stringify(tda.body)).toBe(201);
    const s = await a.get('/api/session');
    await t.outbox.drain();
    return { a, id: s.body.account.id as string };
  }

  async function submitAde(a: Agent): Promise<string> {
    const start = await a.post('/api/applications', { portalJobcenterId: 'musterstadt' });
    const id = start.body.id as string;
    const answers = complete(HOUSEHOLDS[0].answers, start.body.applicationDate);
    const saved = await a.request('PUT', `/api/applications/${id}/answers`, { body: { answers }, headers: { 'if-match': '"1"' } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const sub = await a.request('POST', `/api/applications/${id}/submit`, { headers: { 'if-match': `"${saved.body.version}"`, 'idempotency-key': newKey() } });
    expect(sub.status, JSON.stringify(sub.body)).toBe(200);
    await t.outbox.drain();
    return id;
  }

  const persons = async () => Number((await t.deps.db.db.selectFrom('persons').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('lists Internetpersonen with their best candidate; the detail shows scored candidates with reasons', async () => {
    const { id } = await internetPerson({ firstName: 'Jurgen', lastName: 'Mueller', birthDate: '1971-02-03', postalCode: '00124' });
    const list = await lea.get('/api/staff/internet-persons');
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    const row = list.body.items.find((i: { id: string }) => i.id === id);
    expect(row.bestScore).toBeGreaterThanOrEqual(0.6);
    const detail = await sabine.get(`/api/staff/internet-persons/${id}`);
    expect(detail.status).toBe(200);
    expect(detail.headers.get('etag')).toBe('"1"');
    expect(detail.body).toMatchObject({ id, state: 'open', threshold: 0.6 });
    expect(detail.body.matches[0].person).toMatchObject({ id: 'dp-002', lastName: 'Müller' });
    expect(detail.body.matches[0].reasons).toEqual(expect.arrayContaining(['birth_date_exact']));
  });

  it('scope: other roles 403, another jobcenter 404 and not listed, applicants 401', async () => {
    const { a, id } = await internetPerson();
    for (const email of ['integration@musterstadt.example', 'admin@musterstadt.example', 'rd-admin@regionaldirektion.example', 'support@regionaldirektion.example']) {
      expect((await others[email].get('/api/staff/internet-persons')).status, email).toBe(403);
      expect((await others[email].get(`/api/staff/internet-persons/${id}`)).status, email).toBe(403);
      expect((await others[email].request('POST', `/api/staff/internet-persons/${id}/convert`)).status, email).toBe(403);
    }
    const jonas = others['leistung@beispielkreis.example'];
    expect((await jonas.get(`/api/staff/internet-persons/${id}`)).status).toBe(404);
    expect((await jonas.request('POST', `/api/staff/internet-persons/${id}/convert`)).status).toBe(404);
    expect((await jonas.get('/api/staff/internet-persons')).body.items.map((i: { id: string }) => i.id)).not.toContain(id);
    expect((await a.get('/api/staff/internet-persons')).status).toBe(401);
  });

  it('converts exactly once: concurrent double click → one new Person, one 409; merge afterwards 409', async () => {
    const { id } = await internetPerson({ firstName: 'Ivana', lastName: 'Horvat', birthDate: '1993-02-28' });
    const before = await persons();
    const [x, y] = await Promise.all([lea.request('POST', `/api/staff/internet-persons/${id}/convert`), sabine.request('POST', `/api/staff/internet-persons/${id}/convert`)]);
    expect([x.status, y.status].sort()).toEqual([201, 409]);
    const ok = x.status === 201 ? x : y;
    expect(ok.body.person.kundennummer).toMatch(/^\d{3}[A-Z]\d{6}$/);
    expect(ok.body.person).toMatchObject({ firstName: 'Ivana', lastName: 'Horvat' });
    expect(await persons()).toBe(before + 1);
    const merge = await lea.post(`/api/staff/internet-persons/${id}/merge`, { personId: 'dp-001' });
    expect(merge.status).toBe(409);
    expect(merge.body.type).toMatch(/person-decided/);
    expect((await lea.get('/api/staff/internet-persons')).body.items.map((i: { id: string }) => i.id)).not.toContain(id);
    expect((await lea.get(`/api/staff/internet-persons/${id}`)).body.state).toBe('converted');
    const audit = await t.deps.db.db.selectFrom('audit_log').selectAll().where('object_id', '=', id).where('action', '=', 'write').execute();
    expect(audit.map((r) => r.object_type)).toEqual(['person_link_convert']);
    expect((await verifyAuditChain(t.deps.db.db)).ok).toBe(true);
  });

  it('merges with If-Match: a stale version 412, the right one 200, a second caseworker 409', async () => {
    const { id } = await internetPerson();
    const stale = await lea.post(`/api/staff/internet-persons/${id}/merge`, { personId: 'dp-001' }, { 'if-match': '"7"' });
    expect(stale.status).toBe(412);
    const ok = await lea.post(`/api/staff/internet-persons/${id}/merge`, { personId: 'dp-001' }, { 'if-match': '"1"' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ state: 'merged', person: { id: 'dp-001', kundennummer: expect.any(String) } });
    const again = await sabine.post(`/api/staff/internet-persons/${id}/merge`, { personId: 'dp-001' }, { 'if-match': '"1"' });
    expect(again.status).toBe(409);
  });

  it('release gate: a submitted ADE waits for the decision; decided first, the handover releases it', async () => {
    const first = await internetPerson();
    const appId = await submitAde(first.a);
    const open = await lea.get(`/api/staff/internet-persons/${first.id}`);
    expect(open.body.applications).toEqual([expect.objectContaining({ id: appId, released: false })]);
    expect(await t.deps.db.db.selectFrom('ade_releases').selectAll().where('application_id', '=', appId).execute()).toHaveLength(0);
    const merged = await lea.post(`/api/staff/internet-persons/${first.id}/merge`, { personId: 'dp-001' });
    expect(merged.body.released).toBe(1);
    expect((await lea.get(`/api/staff/internet-persons/${first.id}`)).body.applications[0].released).toBe(true);

    const second = await internetPerson({ firstName: 'Samuel', lastName: 'Okafor', birthDate: '1985-12-12' });
    expect((await lea.request('POST', `/api/staff/internet-persons/${second.id}/convert`)).status).toBe(201);
    const later = await submitAde(second.a);
    const row = await t.deps.db.db.selectFrom('ade_releases').selectAll().where('application_id', '=', later).executeTakeFirst();
    expect(row?.person_id).toBeTruthy();
  });

  it('bad input → 400/404/415/428, never 500', async () => {
    const { id } = await internetPerson();
    expect((await lea.get('/api/staff/internet-persons/not-an-id')).status).toBe(404);
    expect((await lea.get(`/api/staff/internet-persons/${randomUUID()}`)).status).toBe(404);
    expect((await lea.post(`/api/staff/internet-persons/${id}/merge`, { personId: 'nobody' })).status).toBe(400);
    expect((await lea.post(`/api/staff/internet-persons/${id}/merge`, { personId: 5 })).status).toBe(400);
    expect((await lea.post(`/api/staff/internet-persons/${id}/merge`, { personId: 'dp-001', extra: 1 })).status).toBe(400);
    expect((await lea.request('POST', `/api/staff/internet-persons/${id}/merge`, { raw: '{', headers: { 'content-type': 'application/json' } })).status).toBe(400);
    expect((await lea.request('POST', `/api/staff/internet-persons/${id}/merge`, { raw: 'personId=dp-001', headers: { 'content-type': 'text/plain' } })).status).toBe(415);
    expect((await lea.request('POST', `/api/staff/internet-persons/${id}/convert`, { headers: { 'if-match': 'W/"1"' } })).status).toBe(428);
    expect((await lea.get(`/api/staff/internet-persons/${id}`)).body.state).toBe('open');
  });
});
