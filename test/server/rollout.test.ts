import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../server/audit/audit.js';
import { complete, HOUSEHOLDS } from '../fixtures/households.js';
import { type Agent, applicant, createTestApp, DIALECTS, staffAgent, type StaffAgent, tdaBody, type TestApp } from './harness.js';
import { berlinDate } from '../../domain/dates.js';

let keyNo = 0;
const newKey = () => `rollout-${Date.now()}-${++keyNo}`;

describe.each(DIALECTS)('roll-out and the module gate on %s', (dialect) => {
  let t: TestApp;
  let a: Agent; // applicant with a TdA at Musterstadt
  let uwe: StaffAgent; // jobcenter_admin, Musterstadt
  let petra: StaffAgent; // jobcenter_admin, Beispielkreis
  let klaus: StaffAgent; // rd_admin
  let lea: StaffAgent; // leistung, Musterstadt
  let nina: StaffAgent; // support

  beforeAll(async () => {
    t = await createTestApp(dialect);
    a = await applicant(t);
    expect((await a.post('/api/tda', tdaBody(), { 'idempotency-key': newKey() })).status).toBe(201);
    uwe = await staffAgent(t, { email: 'admin@musterstadt.example' });
    petra = await staffAgent(t, { email: 'admin@beispielkreis.example' });
    klaus = await staffAgent(t, { email: 'rd-admin@regionaldirektion.example' });
    lea = await staffAgent(t, { email: 'leistung@musterstadt.example' });
    nina = await staffAgent(t, { email: 'support@regionaldirektion.example' });
  });
  afterAll(() => t.close());

  const put = async (s: Agent, id: string, body: unknown) => {
    const cur = await s.get(`/api/admin/rollout/${id}`);
    return s.request('PUT', `/api/admin/rollout/${id}`, { body, headers: { 'if-match': cur.headers.get('etag') ?? '' } });
  };

  it('lists every jobcenter for RD admins, the own one for jobcenter admins, nothing for others', async () => {
    const all = await klaus.get('/api/admin/rollout');
    expect(all.status).toBe(200);
    expect(all.body.items).toHaveLength(5);
    expect(all.body.items.find((j: { id: string }) => j.id === 'bergland-sued')).toMatchObject({ live: false, modules: { tda: false }, switches: { tda: true }, version: 1 });
    expect((await uwe.get('/api/admin/rollout')).body.items.map((j: { id: string }) => j.id)).toEqual(['musterstadt']);
    expect((await lea.get('/api/admin/rollout')).status).toBe(403);
    expect((await nina.get('/api/admin/rollout')).status).toBe(403);
    expect((await lea.request('PUT', '/api/admin/rollout/musterstadt', { body: { modules: { tda: false } }, headers: { 'if-match': '"1"' } })).status).toBe(403);
    expect((await nina.request('PUT', '/api/admin/rollout/musterstadt', { body: { modules: { tda: false } }, headers: { 'if-match': '"1"' } })).status).toBe(403);
    expect((await uwe.get('/api/admin/rollout/beispielkreis')).status).toBe(404);
    expect((await uwe.request('PUT', '/api/admin/rollout/beispielkreis', { body: { modules: { tda: false } }, headers: { 'if-match': '"1"' } })).status).toBe(404);
  });

  it('needs If-Match (428), refuses stale versions (412 with the current state) and bad bodies (400)', async () => {
    expect((await klaus.request('PUT', '/api/admin/rollout/hafenstadt', { body: { wave: 'wave1' } })).status).toBe(428);
    const stale = await klaus.request('PUT', '/api/admin/rollout/hafenstadt', { body: { wave: 'wave1' }, headers: { 'if-match': '"7"' } });
    expect(stale.status).toBe(412);
    expect(stale.body.current).toMatchObject({ id: 'hafenstadt', version: 1 });
    const bad = await klaus.request('PUT', '/api/admin/rollout/hafenstadt', { body: { wave: 'wave9', goLive: '2026-02-30', modules: { tda: 'ja', chat: true } }, headers: { 'if-match': '"1"' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['goLive', 'modules.chat', 'modules.tda', 'wave']);
    // A jobcenter admin may switch modules, not move the wave or the go-live date.
    expect((await put(uwe, 'musterstadt', { wave: 'wave2' })).status).toBe(403);
    expect((await put(uwe, 'musterstadt', { goLive: '2030-01-01' })).status).toBe(403);
  });

  it('gates TdA, ADE and OAP by the module switch; switching back on works; history and audit are written', async () => {
    expect((await a.get('/api/oap')).status).toBe(200);
    const off = await put(uwe, 'musterstadt', { modules: { tda: false, ade: false, oap: false } });
    expect(off.status, JSON.stringify(off.body)).toBe(200);
    expect(off.body).toMatchObject({ version: 2, switches: { tda: false, ade: false, oap: false, ibd: true, mws: true } });
    expect(off.headers.get('etag')).toBe('"2"');
    expect((await a.get('/api/jobcenters/musterstadt')).body.modules).toMatchObject({ tda: false, ade: false, oap: false, ibd: true });

    const tda = await a.post('/api/tda', tdaBody(), { 'idempotency-key': newKey() });
    expect(tda.status).toBe(403);
    expect(tda.body).toMatchObject({ type: '/problems/module-unavailable', module: 'tda', jobcenterId: 'musterstadt', live: true, fallback: { phone: '0000 123450' } });
    const ade = await a.post('/api/applications', { portalJobcenterId: 'musterstadt' }, { 'accept-language': 'en' });
    expect(ade.status).toBe(403);
    expect(ade.body).toMatchObject({ type: '/problems/module-unavailable', title: 'This service is not available at this jobcenter yet.', module: 'ade' });
    const oap = await a.get('/api/oap');
    expect(oap.status).toBe(403);
    expect(oap.body.type).toBe('/problems/module-unavailable');

    const on = await put(uwe, 'musterstadt', { modules: { tda: true, ade: true, oap: true } });
    expect(on.body.version).toBe(3);
    expect((await a.post('/api/tda', tdaBody(), { 'idempotency-key': newKey() })).status).toBe(201);
    const draft = await a.post('/api/applications', { portalJobcenterId: 'musterstadt' });
    expect(draft.status).toBe(201);
    expect((await a.get('/api/oap')).status).toBe(200);

    // A draft begun while ADE was on keeps its saved answers, but cannot be submitted while ADE is off.
    await put(uwe, 'musterstadt', { modules: { ade: false } });
    const sub = await a.request('POST', `/api/applications/${draft.body.id}/submit`, { headers: { 'if-match': `"${draft.body.version}"`, 'idempotency-key': newKey() } });
    expect(sub.status).toBe(403);
    expect(sub.body.module).toBe('ade');
    expect((await a.get(`/api/applications/${draft.body.id}`)).status).toBe(200);
    await put(uwe, 'musterstadt', { modules: { ade: true } });

    const detail = await uwe.get('/api/admin/rollout/musterstadt');
    expect(detail.body.history).toHaveLength(4);
    expect(detail.body.history[3]).toMatchObject({ version: 2, changedBy: 'Uwe Lorenz', changedById: 'staff-musterstadt-admin', old: { modules: { tda: true } }, new: { modules: { tda: false } } });
    const audit = await t.deps.db.db.selectFrom('audit_log').selectAll().where('object_type', '=', 'jobcenter_rollout').execute();
    expect(audit).toHaveLength(4);
    expect((await verifyAuditChain(t.deps.db.db)).ok).toBe(true);
  });

  it('gates new MWS request rounds by the module switch', async () => {
    const b = await applicant(t);
    const start = await b.post('/api/applications', { portalJobcenterId: 'musterstadt' });
    const saved = await b.request('PUT', `/api/applications/${start.body.id}/answers`, { body: { answers: complete(HOUSEHOLDS[0].answers, start.body.applicationDate) }, headers: { 'if-match': '"1"' } });
    const sub = await b.request('POST', `/api/applications/${start.body.id}/submit`, { headers: { 'if-match': `"${saved.body.version}"`, 'idempotency-key': newKey() } });
    expect(sub.status, JSON.stringify(sub.body)).toBe(200);
    await t.outbox.drain();
    const ask = () => lea.post(`/api/staff/applications/${start.body.id}/requests`, { items: [{ kind: 'evidence', title: 'Mietvertrag' }], deadlineDays: 30 }, { 'idempotency-key': newKey() });
    await put(uwe, 'musterstadt', { modules: { mws: false } });
    const off = await ask();
    expect(off.status).toBe(403);
    expect(off.body).toMatchObject({ type: '/problems/module-unavailable', module: 'mws' });
    await put(uwe, 'musterstadt', { modules: { mws: true } });
    expect((await ask()).status).toBe(201);
  });

  it('gates every module before go-live: RD moves the date, the public view and the APIs follow', async () => {
    const today = berlinDate(t.clock.now());
    const later = await put(klaus, 'musterstadt', { wave: 'wave2', goLive: '2099-01-01' });
    expect(later.status, JSON.stringify(later.body)).toBe(200);
    expect(later.body).toMatchObject({ wave: 'wave2', goLive: '2099-01-01', live: false, switches: { tda: true } });
    const view = await a.get('/api/jobcenters/musterstadt');
    expect(view.body).toMatchObject({ live: false, goLive: '2099-01-01', modules: { tda: false, ade: false, ibd: false, mws: false, oap: false } });
    const tda = await a.post('/api/tda', tdaBody(), { 'idempotency-key': newKey() });
    expect(tda.status).toBe(403);
    expect(tda.body).toMatchObject({ module: 'tda', live: false, goLive: '2099-01-01' });
    expect((await a.get('/api/oap')).status).toBe(403);
    expect((await a.get('/api/jobcenters/musterstadt/ibd?type=erstantrag')).body).toEqual({ available: false });

    const live = await put(klaus, 'musterstadt', { wave: 'pilot', goLive: today });
    expect(live.body).toMatchObject({ live: true, modules: { tda: true } });
    expect((await a.post('/api/tda', tdaBody(), { 'idempotency-key': newKey() })).status).toBe(201);
    expect((await a.get('/api/jobcenters/musterstadt/ibd?type=erstantrag')).body.available).toBe(true);
    // Switching IBD off is not an error for the notice: it renders nothing.
    await put(petra, 'beispielkreis', { modules: { ibd: false } });
    expect((await a.get('/api/jobcenters/beispielkreis/ibd?type=erstantrag')).body).toEqual({ available: false });
    const bergland = await put(klaus, 'bergland-sued', { goLive: null, wave: 'not_yet' });
    expect(bergland.body).toMatchObject({ live: false, goLive: null, wave: 'not_yet' });
  });
});
