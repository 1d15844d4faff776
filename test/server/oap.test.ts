import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { route } from '../../domain/routing.js';
import { createDatabaseVerbis } from '../../server/adapters/verbis.js';
import { DEMO_JOBCENTERS } from '../../server/jobcenters/demo-jobcenters.js';
import { verifyAuditChain } from '../../server/audit/audit.js';
import { OAP_ANSWERS } from '../fixtures/oap.js';
import { type Agent, applicant, createTestApp, DIALECTS, type Res, staffAgent, type StaffAgent, tdaBody, type TestApp } from './harness.js';

const HEALTH = 'Bandscheibenvorfall L4 – kein Heben über 5 kg';
let keyNo = 0;
const newKey = () => `oap-key-${Date.now()}-${++keyNo}`;
const SERVICES = ['situation', 'cv', 'conditions'] as const;

describe('OAP routing rules of the demo jobcenters', () => {
  it('sends every OAP of a jobcenter offering it to its Markt & Integration Postkorb, before any other rule', () => {
    for (const jc of DEMO_JOBCENTERS.filter((j) => j.modules.oap)) {
      const rules = jc.rules.map((r, i) => ({ ...r, position: (i + 1) * 10 }));
      const subject = { type: 'oap' as const, surname: 'Abel', birthDate: '2005-01-01', postalCode: '00155', language: 'uk', applicationDate: '2026-11-25' };
      const hit = route(rules, subject);
      expect(hit?.postkorbId, jc.id).toBe(`${jc.id}-mi`);
      expect(jc.postkoerbe.find((p) => p.id === hit?.postkorbId)?.name).toBe('Markt & Integration');
      expect(route(rules, { ...subject, type: 'tda' })?.postkorbId, jc.id).not.toBe(`${jc.id}-mi`);
    }
  });
});

describe.each(DIALECTS)('OAP on %s', (dialect) => {
  let t: TestApp;
  let mika: StaffAgent; // markt_integration, Musterstadt
  let lea: StaffAgent; // leistung, Musterstadt
  let sabine: StaffAgent; // teamleitung, Musterstadt
  let piotr: StaffAgent; // markt_integration, Hafenstadt

  beforeAll(async () => {
    t = await createTestApp(dialect);
    mika = await staffAgent(t, { email: 'integration@musterstadt.example' });
    lea = await staffAgent(t, { email: 'leistung@musterstadt.example' });
    sabine = await staffAgent(t, { email: 'teamleitung@musterstadt.example' });
    piotr = await staffAgent(t, { email: 'integration@hafenstadt.example' });
  });
  afterAll(() => t.close());

  /** A new applicant with a TdA (Musterstadt unless other TdA fields are given). */
  async function withTda(over: Record<string, unknown> = {}): Promise<Agent> {
    const a = await applicant(t);
    const tda = await a.post('/api/tda', tdaBody({ lastName: `Oap${randomUUID().slice(0, 6)}`, ...over }), { 'idempotency-key': newKey() });
    expect(tda.status, JSON.stringify(tda.body)).toBe(201);
    return a;
  }

  const put = (a: Agent, service: string, answers: unknown, version: number | null) =>
    a.request('PUT', `/api/oap/${service}/answers`, { body: { answers }, headers: version === null ? {} : { 'if-match': `"${version}"` } });
  const submit = (a: Agent, service: string, version: number, key = newKey()) =>
    a.request('POST', `/api/oap/${service}/submit`, { headers: { 'if-match': `"${version}"`, 'idempotency-key': key } });

  /** Saves and submits the three eServices; returns the profile id. */
  async function submitAll(a: Agent, over: Partial<Record<(typeof SERVICES)[number], Record<string, unknown>>> = {}): Promise<string> {
    for (const s of SERVICES) {
      const cur = await a.get(`/api/oap/${s}`);
      const saved = await put(a, s, { ...OAP_ANSWERS[s], ...over[s] }, cur.body.version);
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      const sub = await submit(a, s, saved.body.version);
      expect(sub.status, JSON.stringify(sub.body)).toBe(200);
    }
    await t.outbox.drain();
    return (await a.get('/api/oap')).body.profileId as string;
  }

  const review = (s: Agent, id: string) => s.get(`/api/staff/oap/${id}`);
  const takeover = (s: Agent, id: string, version: number, decisions: unknown, key = newKey()) =>
    s.post(`/api/staff/oap/${id}/takeover`, { decisions }, { 'if-match': `"${version}"`, 'idempotency-key': key });
  const acceptAll = (r: Res, except: string[] = []) =>
    r.body.fields.filter((f: { state: string }) => f.state !== 'same').map((f: { path: string }) => ({ path: f.path, accept: !except.includes(f.path) }));

  it('autosaves with If-Match (428 without, 412 with the current state when stale) and reports completeness', async () => {
    const a = await withTda();
    const empty = await a.get('/api/oap');
    expect(empty.status, JSON.stringify(empty.body)).toBe(200);
    expect(empty.body.profileId).toBeNull();
    expect(empty.body.services.map((s: { service: string; status: string; version: number }) => [s.service, s.status, s.version])).toEqual([
      ['situation', 'empty', 0],
      ['cv', 'empty', 0],
      ['conditions', 'empty', 0],
    ]);
    expect((await put(a, 'situation', { status: 'employed' }, null)).status).toBe(428);
    const first = await put(a, 'situation', { status: 'employed' }, 0);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.headers.get('etag')).toBe('"1"');
    expect(first.body).toMatchObject({ status: 'draft', version: 1, completeness: { answered: 1 } });
    expect(first.body.completeness.required).toBeGreaterThan(1);
    const stale = await put(a, 'situation', { status: 'unemployed' }, 0);
    expect(stale.status).toBe(412);
    expect(stale.body.current).toEqual({ version: 1, answers: { status: 'employed' } });
    const second = await put(a, 'situation', { status: 'employed', noticeGiven: true }, 1);
    expect(second.body.version).toBe(2);
    const back = await a.get('/api/oap/situation');
    expect(back.body).toMatchObject({ answers: { status: 'employed', noticeGiven: true }, version: 2, etag: '"2"', history: [] });
    expect((await a.get('/api/oap/unknown')).status).toBe(404);
  });

  it('refuses unknown fields and wrong types at autosave with field errors, never a 500', async () => {
    const a = await withTda();
    const bad = await put(a, 'cv', { schoolLevel: 'abitur', salary: 1, languages: [{ id: 'l1', language: 'Deutsch', level: 'Z9' }] }, 0);
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string; code: string }) => `${e.path}:${e.code}`)).toEqual(['salary:unknown_field', 'languages.0.level:invalid_option']);
    const wrong = await put(a, 'conditions', { commuteMaxMinutes: 'weit', desiredOccupations: ['00000'] }, 0);
    expect(wrong.body.errors.map((e: { code: string }) => e.code)).toEqual(['invalid_number', 'invalid_option']);
    for (const body of [{ answers: [] }, { answers: 'x' }, { answers: {}, status: 'taken_over' }, null, { answers: { languages: [1, 2] } }, { answers: { trainings: [{ id: 5 }] } }]) {
      const r = await a.request('PUT', '/api/oap/cv/answers', { body, headers: { 'if-match': '"0"' } });
      expect(r.status, JSON.stringify(body)).toBe(400);
    }
    expect((await a.request('PUT', '/api/oap/cv/answers', { raw: '{', headers: { 'if-match': '"0"', 'content-type': 'application/json' } })).status).toBe(400);
    expect((await a.request('PUT', '/api/oap/cv/answers', { raw: 'a=1', headers: { 'if-match': '"0"', 'content-type': 'text/plain' } })).status).toBe(415);
  });

  it('validates each eService fully at submit (422 with field errors) and versions submissions', async () => {
    const a = await withTda();
    const saved = await put(a, 'conditions', { workingTime: 'part' }, 0);
    const incomplete = await submit(a, 'conditions', saved.body.version);
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['desiredOccupations', 'hoursPerWeek', 'commuteMaxMinutes']));
    expect((await submit(a, 'cv', 0)).status).toBe(422);
    const badSituation = await put(a, 'situation', { ...OAP_ANSWERS.situation, unemployedSince: '2099-01-01' }, 0);
    expect((await submit(a, 'situation', badSituation.body.version)).body.errors).toEqual([expect.objectContaining({ path: 'unemployedSince', code: 'date_not_past' })]);

    const full = await put(a, 'conditions', OAP_ANSWERS.conditions, saved.body.version);
    expect((await submit(a, 'conditions', full.body.version - 1)).status).toBe(412);
    const key = newKey();
    const sub = await submit(a, 'conditions', full.body.version, key);
    expect(sub.status, JSON.stringify(sub.body)).toBe(200);
    expect(sub.body).toMatchObject({ status: 'submitted', submittedVersion: 1, history: [{ version: 1, takenOverAt: null }] });
    const replay = await submit(a, 'conditions', full.body.version, key);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(sub.body);
    expect((await a.request('POST', '/api/oap/conditions/submit', { headers: { 'if-match': `"${full.body.version}"` } })).status).toBe(400);
    expect((await a.request('POST', '/api/oap/conditions/submit', { headers: { 'idempotency-key': newKey() } })).status).toBe(428);

    // A later change is a draft again; the next submit is version 2; the first stays as it was.
    const changed = await put(a, 'conditions', { ...OAP_ANSWERS.conditions, hoursPerWeek: 20 }, full.body.version);
    expect(changed.body).toMatchObject({ status: 'draft', submittedVersion: 1 });
    const sub2 = await submit(a, 'conditions', changed.body.version);
    expect(sub2.body).toMatchObject({ status: 'submitted', submittedVersion: 2 });
    expect(sub2.body.history.map((h: { version: number }) => h.version)).toEqual([1, 2]);
    const rows = await t.deps.db.db.selectFrom('oap_submissions').select(['number', 'answers']).where('service', '=', 'conditions').where('profile_id', '=', (await a.get('/api/oap')).body.profileId).orderBy('number').execute();
    expect(rows.map((r) => JSON.parse(r.answers).hoursPerWeek)).toEqual([30, 20]);
  });

  it('routes one work item of type oap into the M&I Postkorb, name only in the title', async () => {
    const a = await withTda({ lastName: 'Zander', firstName: 'Maria', birthDate: '2004-01-01' });
    const id = await submitAll(a);
    const items = await t.deps.db.db.selectFrom('work_items').selectAll().where('type', '=', 'oap').where('ref_id', '=', id).execute();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ jobcenter_id: 'musterstadt', postkorb_id: 'musterstadt-mi', rule_id: 'musterstadt-r0-oap', status: 'neu', title: 'Arbeitsmarktprofil – Zander, Maria' });
    // A further submission while it is open adds none.
    const cur = await a.get('/api/oap/cv');
    const saved = await put(a, 'cv', { ...OAP_ANSWERS.cv, itSkills: 'Excel' }, cur.body.version);
    expect((await submit(a, 'cv', saved.body.version)).status).toBe(200);
    await t.outbox.drain();
    expect(await t.deps.db.db.selectFrom('work_items').select('id').where('type', '=', 'oap').where('ref_id', '=', id).execute()).toHaveLength(1);
    // The M&I caseworker finds it in her inbox (refId = profile id); Leistung does not.
    const inbox = await mika.get('/api/staff/inbox?limit=50');
    expect(inbox.status).toBe(200);
    expect(inbox.body.items.find((i: { oapProfileId?: string }) => i.oapProfileId === id)).toMatchObject({ type: 'oap', postkorbId: 'musterstadt-mi' });
    expect(JSON.stringify((await lea.get('/api/staff/inbox?limit=50')).body)).not.toContain(id);
  });

  it('compares with VerBIS, takes over the accepted fields once, and the applicant sees "taken over"', async () => {
    const a = await withTda();
    const id = await submitAll(a);
    const r = await review(mika, id);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.headers.get('etag')).toBe(`"${r.body.version}"`);
    expect(r.body).toMatchObject({ profileId: id, verbisVersion: 0, takenOver: false });
    expect(r.body.services.map((s: { status: string }) => s.status)).toEqual(['submitted', 'submitted', 'submitted']);
    const lang = r.body.fields.find((f: { path: string }) => f.path === 'cv.languages');
    expect(lang).toMatchObject({ service: 'cv', state: 'new', applicantFormatted: 'Deutsch (Muttersprache); Englisch (B2 – gut)', verbisValue: null, verbisFormatted: '–' });

    // Every non-same field needs a decision.
    const missing = await takeover(mika, id, r.body.version, [{ path: 'cv.languages', accept: true }]);
    expect(missing.status).toBe(422);
    expect(missing.body.errors.map((e: { path: string }) => e.path)).toContain('situation.status');
    expect(missing.body.errors.map((e: { path: string }) => e.path)).not.toContain('cv.languages');
    const unknown = await takeover(mika, id, r.body.version, [...acceptAll(r), { path: 'cv.salary', accept: true }]);
    expect(unknown.status).toBe(422);
    expect((await takeover(mika, id, r.body.version - 1, acceptAll(r))).status).toBe(412);

    const decisions = acceptAll(r, ['conditions.commuteMaxMinutes']);
    const key = newKey();
    const done = await takeover(mika, id, r.body.version, decisions, key);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ profileId: id, verbisVersion: 1, rejected: ['conditions.commuteMaxMinutes'] });
    const again = await takeover(mika, id, r.body.version, decisions, key);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(done.body);
    const second = await takeover(mika, id, r.body.version + 1, decisions);
    expect(second.status).toBe(409);
    expect(await t.deps.db.db.selectFrom('verbis_profile_versions').select('version').where('person_key', '=', id).execute()).toHaveLength(1);

    const exp = await mika.get(`/api/staff/oap/${id}/verbis-export`);
    expect(exp.status).toBe(200);
    expect(exp.body).toMatchObject({ schema: 'urn:jc:verbis-profile', schemaVersion: 1, profileId: id, version: 1 });
    expect(exp.body.fields['cv.drivingLicences']).toEqual(['B']);
    expect(exp.body.fields['conditions.commuteMaxMinutes']).toBeUndefined();

    const item = await t.deps.db.db.selectFrom('work_items').select('status').where('type', '=', 'oap').where('ref_id', '=', id).executeTakeFirstOrThrow();
    expect(item.status).toBe('erledigt');
    const view = await a.get('/api/oap');
    for (const s of view.body.services) expect(s).toMatchObject({ status: 'taken_over', takenOverAt: done.body.takenOverAt });
    const after = await review(mika, id);
    expect(after.body.takenOver).toBe(true);
    expect(after.body.fields.find((f: { path: string }) => f.path === 'conditions.commuteMaxMinutes').state).toBe('new');
    expect(after.body.fields.find((f: { path: string }) => f.path === 'cv.languages').state).toBe('same');
    expect((await verifyAuditChain(t.deps.db.db)).ok).toBe(true);
  });

  it('lets only one of two parallel takeovers win (one VerBIS version) and submits once under parallel retries', async () => {
    const a = await withTda();
    const cur = await a.get('/api/oap/situation');
    const saved = await put(a, 'situation', OAP_ANSWERS.situation, cur.body.version);
    const key = newKey();
    const subs = await Promise.all([1, 2, 3].map(() => submit(a, 'situation', saved.body.version, key)));
    expect(subs.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(1);
    for (const r of subs) expect([200, 409]).toContain(r.status);
    const id = await submitAll(a);
    const n = await t.deps.db.db.selectFrom('oap_submissions').select('number').where('profile_id', '=', id).where('service', '=', 'situation').execute();
    expect(n).toHaveLength(1);
    const r = await review(mika, id);
    const results = await Promise.all([takeover(mika, id, r.body.version, acceptAll(r)), takeover(mika, id, r.body.version, acceptAll(r))]);
    expect(results.map((x) => x.status).sort()).toEqual([200, 409]);
    expect(await t.deps.db.db.selectFrom('verbis_profile_versions').select('version').where('person_key', '=', id).execute()).toHaveLength(1);
  });

  it('marks a conflict when VerBIS changed since the last takeover and differs from the new value', async () => {
    const a = await withTda();
    const id = await submitAll(a);
    const r = await review(mika, id);
    expect((await takeover(mika, id, r.body.version, acceptAll(r))).status).toBe(200);
    // Someone changes VerBIS directly; the applicant changes the same field and another one.
    const verbis = createDatabaseVerbis(t.deps.db.db, t.clock.now);
    await verbis.write(id, { externalKey: `manual-${id}`, source: 'verbis-ui', set: { 'conditions.hoursPerWeek': 25, 'conditions.ownCar': true } });
    const cur = await a.get('/api/oap/conditions');
    const saved = await put(a, 'conditions', { ...OAP_ANSWERS.conditions, hoursPerWeek: 35, commuteMaxMinutes: 60 }, cur.body.version);
    expect((await submit(a, 'conditions', saved.body.version)).status).toBe(200);
    await t.outbox.drain();
    expect((await t.deps.db.db.selectFrom('work_items').select('status').where('type', '=', 'oap').where('ref_id', '=', id).executeTakeFirstOrThrow()).status).toBe('neu');
    const r2 = await review(mika, id);
    const state = (p: string) => r2.body.fields.find((f: { path: string }) => f.path === p).state;
    expect(state('conditions.hoursPerWeek')).toBe('conflict');
    expect(state('conditions.commuteMaxMinutes')).toBe('changed');
    expect(state('conditions.ownCar')).toBe('conflict');
    expect(state('conditions.workingTime')).toBe('same');
    const done = await takeover(mika, id, r2.body.version, acceptAll(r2, ['conditions.ownCar']));
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.verbisVersion).toBe(3);
    const exp = await mika.get(`/api/staff/oap/${id}/verbis-export`);
    expect(exp.body.fields).toMatchObject({ 'conditions.hoursPerWeek': 35, 'conditions.ownCar': true, 'conditions.commuteMaxMinutes': 60 });
  });

  it('scopes staff: Leistung and Teamleitung 403, another jobcenter 404, no session 401, unknown ids 404', async () => {
    const a = await withTda();
    const id = await submitAll(a);
    expect((await review(lea, id)).status).toBe(403);
    expect((await review(sabine, id)).status).toBe(403);
    expect((await takeover(lea, id, 1, [])).status).toBe(403);
    expect((await lea.get(`/api/staff/oap/${id}/verbis-export`)).status).toBe(403);
    expect((await review(piotr, id)).status).toBe(404);
    expect((await takeover(piotr, id, 1, [])).status).toBe(404);
    expect((await piotr.get(`/api/staff/oap/${id}/verbis-export`)).status).toBe(404);
    expect((await review(mika, randomUUID())).status).toBe(404);
    expect((await review(mika, '../etc')).status).toBe(404);
    expect((await a.get(`/api/staff/oap/${id}`)).status).toBe(401);
    // A profile with drafts only is invisible to staff.
    const b = await withTda();
    await put(b, 'cv', { schoolLevel: 'abitur' }, 0);
    const draftOnly = (await b.get('/api/oap')).body.profileId;
    expect((await review(mika, draftOnly)).status).toBe(404);
  });

  it('scopes applicants: own profile only, level and TdA needed, module off → 403', async () => {
    const a = await withTda();
    await put(a, 'cv', { schoolLevel: 'abitur', itSkills: 'geheim-a' }, 0);
    const b = await withTda();
    expect(JSON.stringify((await b.get('/api/oap/cv')).body)).not.toContain('geheim-a');
    expect((await b.get('/api/oap/cv')).body.status).toBe('empty');
    const anon = await t.app.request('http://localhost:3000/api/oap');
    expect(anon.status).toBe(401);
    const noTda = await applicant(t);
    const r = await noTda.get('/api/oap');
    expect(r.status).toBe(409);
    expect(r.body.type).toBe('/problems/oap-no-tda');
    expect(r.body.title).toMatch(/Tag der Antragstellung/);
    expect((await put(noTda, 'cv', {}, 0)).status).toBe(409);
    const off = await withTda({ postalCode: '00210', city: 'Beispielstadt' });
    const offRes = await off.get('/api/oap');
    expect(offRes.status).toBe(403);
    expect(offRes.body).toMatchObject({ type: '/problems/module-unavailable', code: 'module_off' });
    expect((await put(off, 'cv', { schoolLevel: 'abitur' }, 0)).status).toBe(403);
  });

  it('keeps health data (Art. 9 DSGVO) out of logs, work items, audit rows and mails', async () => {
    const lines: string[] = [];
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => vi.spyOn(console, m).mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(' '))));
    const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => (lines.push(String(chunk)), true));
    try {
      const a = await withTda();
      const id = await submitAll(a, { situation: { hasHealthRestrictions: true, healthRestrictions: HEALTH } });
      const bad = await put(a, 'situation', { healthRestrictions: `${HEALTH}\u0000` }, (await a.get('/api/oap/situation')).body.version);
      expect(bad.status).toBe(400);
      const r = await review(mika, id);
      expect(r.body.fields.find((f: { path: string }) => f.path === 'situation.healthRestrictions').applicantValue).toBe(HEALTH);
      expect((await takeover(mika, id, r.body.version, acceptAll(r))).status).toBe(200);
      await t.outbox.drain();
    } finally {
      for (const s of spies) s.mockRestore();
      out.mockRestore();
    }
    expect(lines.join('\n')).not.toContain('Bandscheibe');
    const db = t.deps.db.db;
    expect(JSON.stringify(await db.selectFrom('work_items').select('title').execute())).not.toContain('Bandscheibe');
    expect(JSON.stringify(await db.selectFrom('audit_log').selectAll().execute())).not.toContain('Bandscheibe');
    expect(JSON.stringify(await db.selectFrom('outbox').selectAll().execute())).not.toContain('Bandscheibe');
    expect(JSON.stringify(await t.mails())).not.toContain('Bandscheibe');
    const audits = await db.selectFrom('audit_log').select(['action', 'object_type']).where('object_type', '=', 'oap_profile').execute();
    expect(audits.some((x) => x.action === 'read')).toBe(true);
    expect(audits.some((x) => x.action === 'write')).toBe(true);
  });
});
