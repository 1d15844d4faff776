/**
 * Duplicate check (Internetperson → Person): scorer quality, blocking keys (Kölner Phonetik, no planted pair lost,
 * migration backfill, index use on a 20,000-person register), scope matrix, convert/merge exactly once, release
 * gate, bad input.
 */
import { randomUUID } from 'node:crypto';
import { CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../server/audit/audit.js';
import * as personKeysMigration from '../../server/db/migrations/2026_11_25_2210_create_person_keys.js';
import { probeKeys, registerKeys } from '../../server/persons/blocking-keys.js';
import { DEMO_PROBES, demoPersons } from '../../server/persons/demo-persons.js';
import { koelnerPhonetik } from '../../server/persons/koelner-phonetik.js';
import { CANDIDATE_LIMIT, candidateIdsQuery, candidatesFor } from '../../server/persons/persons.candidates.js';
import { insertPersons, listRegister, personRow } from '../../server/persons/persons.repository.js';
import { DEFAULT_THRESHOLD, nameKey, rankCandidates, scorePair } from '../../server/persons/scoring.js';
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

describe('blocking keys', () => {
  it('Kölner Phonetik: the published examples, and spellings that sound alike share a code', () => {
    expect(koelnerPhonetik('Müller-Lüdenscheidt')).toBe('65752682');
    expect(koelnerPhonetik('Wikipedia')).toBe('3412');
    expect(koelnerPhonetik('Breschnew')).toBe('17863');
    expect(koelnerPhonetik('Christoph')).toBe('47823');
    expect(koelnerPhonetik('Xaver')).toBe('4837');
    for (const same of [['Meyer', 'Maier', 'Mayer'], ['Sophie', 'Sofie'], ['Müller', 'Mueller', 'Muller'], ['Groß', 'Gross'], ['Öztürk', 'Oeztuerk'], ['Łukasz', 'Lukasz'], ['Schmidt', 'Schmitt']]) {
      expect(new Set(same.map(koelnerPhonetik)).size, same.join('/')).toBe(1);
    }
    expect(koelnerPhonetik('Schmidt')).not.toBe(koelnerPhonetik('Schneider'));
    expect(koelnerPhonetik('')).toBe('');
    expect(koelnerPhonetik('Ωμέγα')).toBe('');
  });

  it('a probe asks for every key of the same person, and for the swapped names', () => {
    const p = { firstName: 'Hannah', lastName: 'Schmitz', birthDate: '1995-05-05', street: 'Rosenstraße', postalCode: '00125', city: '', rvNr: '65 050595 H 001' };
    expect(registerKeys(p)).toEqual(['b:1995-05-05', 'r:65050595H001', 'n:868:1995', 'v:868:06', 'p:00125:h']);
    expect(probeKeys(p)).toEqual(expect.arrayContaining([...registerKeys(p), 'n:06:1995', 'v:06:868', 'p:00125:s']));
    expect(registerKeys({ ...base, firstName: '', lastName: '', birthDate: '' })).toEqual([]);
  });
});

describe.each(DIALECTS)('blocking keys on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  it('loses no planted pair: recall and precision via the keys equal the full scan; every likely duplicate is a candidate', async () => {
    const db = t.deps.db.db;
    const register = await listRegister(db);
    const predicted = (ranked: { person: { id: string }; score: number }[]) => ranked.filter((c) => c.score >= DEFAULT_THRESHOLD).map((c) => c.person.id);
    let hitsFull = 0;
    let hitsKeys = 0;
    for (const p of DEMO_PROBES) {
      const blocked = await candidatesFor(db, p.data);
      expect(blocked.length).toBeLessThan(register.length / 4);
      const [full, keys] = [rankCandidates(p.data, register, 10), rankCandidates(p.data, blocked, 10)];
      expect(predicted(keys), p.label).toEqual(predicted(full));
      expect(keys[0], p.label).toEqual(full[0]);
      if (p.expected && predicted(full).includes(p.expected)) hitsFull++;
      if (p.expected && predicted(keys).includes(p.expected)) hitsKeys++;
    }
    expect(hitsKeys).toBe(hitsFull);
    expect(hitsKeys).toBe(DEMO_PROBES.filter((p) => p.expected).length);
  });

  it('the migration backfills the same keys as the app writes', async () => {
    const db = t.deps.db.db;
    const all = async () => (await db.selectFrom('person_keys').select(['key', 'person_id']).execute()).map((r) => `${r.person_id} ${r.key}`).sort();
    const written = await all();
    const expected = (await listRegister(db)).flatMap((p) => registerKeys(p).map((k) => `${p.id} ${k}`)).sort();
    expect(written).toEqual(expected);
    await personKeysMigration.down(db);
    await personKeysMigration.up(db);
    expect(await all()).toEqual(expected);
  });

  it('20,000 more persons: the candidate query reads the key index and finds the planted duplicate (bounded)', async () => {
    const db = t.deps.db.db;
    const now = new Date().toISOString();
    const generated = demoPersons(20_000)
      .filter((p) => p.id.startsWith('dp-g'))
      .map((p, i) => ({ ...p, id: `bg-${i}`, kundennummer: `800B${String(i).padStart(6, '0')}` }));
    const planted = { id: 'bg-planted', kundennummer: '800C000001', firstName: 'Wiebke', lastName: 'Thorsen', birthDate: '1979-06-13', street: 'Deichweg', postalCode: '00333', city: 'Demostadt', rvNr: null };
    await db.transaction().execute((trx) => insertPersons(trx, [...generated, planted].map((p) => personRow(p, now))));
    await db.executeQuery(CompiledQuery.raw(dialect === 'sqlite' ? 'analyze' : 'analyze persons, person_keys'));

    // Typo in the first name, one letter more in the surname, the day of birth off by one digit, moved.
    const probe = { firstName: 'Wibke', lastName: 'Thorssen', birthDate: '1979-06-18', street: 'Am Hafen', postalCode: '00444', city: '', rvNr: null };
    const candidates = await candidatesFor(db, probe);
    expect(candidates.map((p) => p.id)).toContain('bg-planted');
    expect(candidates.length).toBeLessThanOrEqual(CANDIDATE_LIMIT);
    expect(rankCandidates(probe, candidates)[0].person.id).toBe('bg-planted');
    // A common name on a busy birth date still stays within the bound.
    const common = { ...probe, firstName: 'Anna', lastName: 'Schmidt', birthDate: '1980-01-01' };
    expect((await candidatesFor(db, common)).length).toBeLessThanOrEqual(CANDIDATE_LIMIT);

    const q = candidateIdsQuery(db, probeKeys(probe)).compile();
    if (dialect === 'sqlite') {
      const plan = await db.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${q.sql}`, [...q.parameters]));
      const scans = plan.rows.map((r) => r.detail).filter((d) => /person_keys/.test(d));
      expect(scans.length).toBe(probeKeys(probe).length);
      for (const d of scans) expect(d).toMatch(/^SEARCH person_keys USING (COVERING )?INDEX \S+ \(key=\?\)/);
    } else {
      const plan = await db.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`explain ${q.sql}`, [...q.parameters]));
      const text = plan.rows.map((r) => r['QUERY PLAN']).join('\n');
      // One index access per key (an index scan, or a bitmap built from the index for few rows), no scan of the table.
      expect(text.match(/(Index (Only )?Scan using|Bitmap Index Scan on) person_keys_pk/g)?.length, text).toBe(probeKeys(probe).length);
      expect(text).not.toMatch(/Seq Scan/);
    }
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
    // The new Person is stored under its blocking keys at once: the next check finds it.
    const stored = await t.deps.db.db.selectFrom('person_keys').select('key').where('person_id', '=', ok.body.person.id).orderBy('key').execute();
    expect(stored.map((r) => r.key)).toEqual(registerKeys(ok.body.person).sort());
    expect((await candidatesFor(t.deps.db.db, ok.body.person)).map((p) => p.id)).toContain(ok.body.person.id);
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
