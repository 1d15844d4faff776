import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answers } from '../../domain/forms/engine.js';
import type { ApplicationPdfInput } from '../../server/adapters/pdf/pdf-renderer.js';
import { complete, HOUSEHOLDS } from '../fixtures/households.js';
import { Agent, applicant, createTestApp, DIALECTS, GOOD_PASSWORD, tdaBody, type TestApp } from './harness.js';
import { berlinDate } from '../../domain/dates.js';

let keyNo = 0;
const newKey = () => `ade-key-${Date.now()}-${++keyNo}`;
const EMPTY: Answers = { main: {}, members: [], anlagen: {} };
const MISSING = '00000000-0000-4000-8000-000000000000';

/** Starts (or returns) the agent's draft. */
async function start(a: Agent, body: Record<string, unknown> = { portalJobcenterId: 'musterstadt' }) {
  return a.post('/api/applications', body);
}

/** Autosaves answers with the version read. */
function save(a: Agent, id: string, version: number | string | undefined, answers: unknown) {
  const headers: Record<string, string> = version === undefined ? {} : { 'if-match': typeof version === 'number' ? `"${version}"` : version };
  return a.request('PUT', `/api/applications/${id}/answers`, { body: { answers }, headers });
}

/** Submits the version read under a key. */
function submit(a: Agent, id: string, version: number, key = newKey()) {
  return a.request('POST', `/api/applications/${id}/submit`, { headers: { 'if-match': `"${version}"`, 'idempotency-key': key } });
}

/** A complete, valid application on the draft's date. */
const completeAnswers = (date: string) => complete(HOUSEHOLDS[0].answers, date);

describe.each(DIALECTS)('ADE applications on %s', (dialect) => {
  let t: TestApp;
  const rendered: ApplicationPdfInput[] = [];
  beforeAll(async () => {
    t = await createTestApp(dialect);
    // The real renderer, wrapped so the test sees what the job hands it.
    const real = t.deps.pdf.renderApplication.bind(t.deps.pdf);
    t.deps.pdf.renderApplication = async (input) => {
      rendered.push(input);
      return real(input);
    };
  });
  afterAll(() => t.close());

  it('starts one draft per account, dated today in Germany, and returns it with an ETag', async () => {
    const a = await applicant(t);
    const res = await start(a);
    expect(res.status).toBe(201);
    expect(res.headers.get('etag')).toBe('"1"');
    expect(res.headers.get('location')).toBe(`/api/applications/${res.body.id}`);
    expect(res.body).toMatchObject({ status: 'draft', version: 1, answers: EMPTY, portalJobcenterId: 'musterstadt', applicationDate: berlinDate(t.clock.now()) });
    expect(res.body.evidence).toContainEqual(expect.objectContaining({ id: 'other' }));
    const again = await start(a, { portalJobcenterId: 'hafenstadt' });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(res.body.id);
    const got = await a.get(`/api/applications/${res.body.id}`);
    expect(got.status).toBe(200);
    expect(got.headers.get('etag')).toBe('"1"');
    expect(got.headers.get('cache-control')).toBe('no-store');
    const list = await a.get('/api/applications');
    expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([res.body.id]);
  });

  it('parallel starts still make exactly one draft', async () => {
    const a = await applicant(t);
    const all = await Promise.all(Array.from({ length: 8 }, () => start(a)));
    expect(new Set(all.map((r) => r.body.id)).size).toBe(1);
    expect(all.filter((r) => r.status === 201)).toHaveLength(1);
  });

  it('dates the application back to the TdA (§ 37 SGB II) and refuses another person’s TdA', async () => {
    const email = `tda-${newKey()}@beispiel.de`.toLowerCase();
    const a = await applicant(t, email);
    const tda = await a.post('/api/tda', tdaBody(), { 'idempotency-key': newKey() });
    const other = await applicant(t);
    const foreign = await start(other, { portalJobcenterId: 'musterstadt', tdaId: tda.body.id });
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors[0]).toMatchObject({ path: 'tdaId', code: 'unknown_tda' });
    // Days later the applicant comes back (a new session) to fill in the Hauptantrag.
    t.clock.advance(3 * 24 * 3600 * 1000);
    await a.post('/api/sessions', { email, password: GOOD_PASSWORD });
    const res = await start(a);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ tdaId: tda.body.id, applicationDate: berlinDate(new Date(tda.body.receivedAt)) });
    expect(res.body.applicationDate).not.toBe(berlinDate(t.clock.now()));
    // What the TdA already said is prefilled, so she never types it twice.
    expect(res.body.answers.main).toEqual({
      firstName: 'Erika', lastName: 'Mustermann', birthDate: '1988-04-12', street: 'Lindenweg', houseNumber: '7a', postalCode: '00123', city: 'Musterstadt', phone: '0000 123456',
    });
  });

  it('checks the jobcenter and never takes status, owner or dates from the body (SEC-12)', async () => {
    const a = await applicant(t);
    const closed = await start(a, { portalJobcenterId: 'bergland-sued' });
    expect(closed.status).toBe(403);
    expect(closed.body.type).toBe('/problems/module-unavailable');
    const unknown = await start(a, { portalJobcenterId: 'gibt-es-nicht' });
    expect(unknown.body.errors[0]).toMatchObject({ path: 'portalJobcenterId', code: 'unknown_jobcenter' });
    const smuggled = await start(a, { portalJobcenterId: 'musterstadt', status: 'submitted', accountId: 'x', applicationDate: '2020-01-01' });
    expect(smuggled.status).toBe(400);
    expect(smuggled.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['accountId', 'applicationDate', 'status']);
    expect((await new Agent(t).post('/api/applications', { portalJobcenterId: 'musterstadt' })).status).toBe(401);
  });

  it('autosaves with If-Match; the answers are back in another browser (REL-01)', async () => {
    const a = await applicant(t, 'zweiter-browser@beispiel.de');
    const { body } = await start(a);
    const answers = { ...EMPTY, main: { firstName: 'Erika', lastName: 'Muster' } };
    const saved = await save(a, body.id, 1, answers);
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ version: 2, updatedAt: expect.any(String) });
    expect(saved.headers.get('etag')).toBe('"2"');
    const b = new Agent(t);
    await b.post('/api/sessions', { email: 'zweiter-browser@beispiel.de', password: GOOD_PASSWORD });
    const got = await b.get(`/api/applications/${body.id}`);
    expect(got.body).toMatchObject({ version: 2, answers });
    expect(got.body.evidence.map((e: { id: string }) => e.id)).toContain('AUSWEIS:applicant');
    // A 100 KiB draft is more than the API's default body limit but fine here; 300 KiB is not.
    const big = { ...EMPTY, main: { ...answers.main, notes: 'x'.repeat(100 * 1024) } };
    expect((await save(a, body.id, 2, big)).status).toBe(200);
    const huge = { ...EMPTY, main: { notes: 'x'.repeat(300 * 1024) } };
    expect((await save(a, body.id, 3, huge)).status).toBe(413);
  });

  it('a stale If-Match gets 412 with the current state; a missing one 428 (REL-02)', async () => {
    const a = await applicant(t);
    const { body } = await start(a);
    const first = { ...EMPTY, main: { firstName: 'Tab eins' } };
    await save(a, body.id, 1, first);
    const stale = await save(a, body.id, 1, { ...EMPTY, main: { firstName: 'Tab zwei' } });
    expect(stale.status).toBe(412);
    expect(stale.headers.get('content-type')).toMatch(/problem\+json/);
    expect(stale.body).toMatchObject({ type: '/problems/version-conflict', status: 412, current: { version: 2, answers: first, updatedAt: expect.any(String) } });
    expect(stale.headers.get('etag')).toBe('"2"');
    for (const header of [undefined, '*', 'W/"2"', '"abc"', '']) {
      const res = await save(a, body.id, header, first);
      expect(res.status, String(header)).toBe(428);
      expect(res.body.type).toBe('/problems/precondition-required');
    }
    expect((await a.get(`/api/applications/${body.id}`)).body.answers).toEqual(first);
  });

  it('two tabs saving the same version in parallel: exactly one wins, the others get 412', async () => {
    const a = await applicant(t);
    const { body } = await start(a);
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => save(a, body.id, 1, { ...EMPTY, main: { firstName: `Tab ${i}` } })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 412)).toHaveLength(9);
    const winner = results.findIndex((r) => r.status === 200);
    const got = await a.get(`/api/applications/${body.id}`);
    expect(got.body).toMatchObject({ version: 2, answers: { main: { firstName: `Tab ${winner}` } } });
  });

  it('rejects tampered drafts at the edge: unknown structure, wrong types, other content types', async () => {
    const a = await applicant(t);
    const { body } = await start(a);
    const tampered = await save(a, body.id, 1, { ...EMPTY, status: 'submitted' });
    expect(tampered.status).toBe(400);
    expect(tampered.body.errors).toContainEqual(expect.objectContaining({ path: 'answers.status', code: 'unknown_field' }));
    const extra = await a.request('PUT', `/api/applications/${body.id}/answers`, { body: { answers: EMPTY, version: 99 }, headers: { 'if-match': '"1"' } });
    expect(extra.body.errors).toContainEqual(expect.objectContaining({ path: 'version', code: 'unknown_field' }));
    const members = await save(a, body.id, 1, { ...EMPTY, members: [{ firstName: 'ohne id' }] });
    expect(members.body.errors[0].path).toBe('answers.members.0.id');
    const text = await a.request('PUT', `/api/applications/${body.id}/answers`, { raw: JSON.stringify({ answers: EMPTY }), headers: { 'content-type': 'text/plain', 'if-match': '"1"' } });
    expect(text.status).toBe(415);
    expect((await a.get(`/api/applications/${body.id}`)).body.version).toBe(1);
  });

  it('submit with errors: 400 naming every field, nothing changes; the key may be used again', async () => {
    const a = await applicant(t);
    const { body } = await start(a);
    const key = newKey();
    const empty = await submit(a, body.id, 1, key);
    expect(empty.status).toBe(400);
    const paths = empty.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['main.firstName', 'main.lastName', 'main.birthDate']));
    const valid = completeAnswers(body.applicationDate);
    await save(a, body.id, 1, { ...valid, main: { ...valid.main, isAdmin: true, status: 'submitted' } });
    const tampered = await submit(a, body.id, 2, key);
    expect(tampered.status).toBe(400);
    expect(tampered.body.errors.map((e: { path: string; code: string }) => [e.path, e.code])).toEqual([
      ['main.isAdmin', 'unknown_field'],
      ['main.status', 'unknown_field'],
    ]);
    const got = await a.get(`/api/applications/${body.id}`);
    expect(got.body).toMatchObject({ status: 'draft', version: 2 });
    expect(got.body.number).toBeUndefined();
    expect((await a.request('POST', `/api/applications/${body.id}/submit`, { headers: { 'idempotency-key': newKey() } })).status).toBe(428);
    expect((await a.request('POST', `/api/applications/${body.id}/submit`, { headers: { 'if-match': '"2"' } })).status).toBe(400);
    expect((await submit(a, body.id, 1)).status).toBe(412);
  });

  it('submits once: number, read-only afterwards, PDF, E-AKTE handover and a routed work item', async () => {
    const a = await applicant(t);
    const { body } = await start(a);
    await save(a, body.id, 1, completeAnswers(body.applicationDate));
    const key = newKey();
    const res = await submit(a, body.id, 2, key);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'submitted', version: 3, pdf: { status: 'pending' } });
    expect(res.body.number).toMatch(/^ADE-\d{4}-[0-9A-Z]{6}$/);
    expect(res.headers.get('etag')).toBe('"3"');
    const replay = await submit(a, body.id, 2, key);
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(res.body);
    expect((await submit(a, body.id, 2, newKey())).status).toBe(409);
    const locked = await save(a, body.id, 3, EMPTY);
    expect(locked.status).toBe(409);
    expect(locked.body.type).toBe('/problems/application-submitted');

    await t.outbox.drain();
    const input = rendered.find((r) => r.number === res.body.number)!;
    expect(input).toMatchObject({ applicationDate: body.applicationDate, portalJobcenter: { id: 'musterstadt' }, answers: { main: { lastName: 'Muster' } } });
    expect(input.dataSha256).toMatch(/^[0-9a-f]{64}$/);
    const ready = await a.get(`/api/applications/${body.id}`);
    expect(ready.body.pdf).toMatchObject({ status: 'ready', href: `/api/applications/${body.id}/pdf`, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const pdf = await a.get(ready.body.pdf.href);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-disposition')).toMatch(new RegExp(`^attachment; filename="Antrag-${res.body.number}.pdf"`));
    expect(Buffer.from(pdf.body as Uint8Array).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: Buffer.from(pdf.body as Uint8Array), encoding: 'utf8' });
    expect(text).toContain(res.body.number);
    expect(text).toContain('Muster');

    const db = t.deps.db.db;
    const archived = await db.selectFrom('eakte_documents').selectAll().where('external_key', '=', `ade:${body.id}`).execute();
    expect(archived).toHaveLength(1);
    expect(JSON.parse(archived[0].metadata)).toMatchObject({ applicationNumber: res.body.number, applicationDate: body.applicationDate });
    const items = await db.selectFrom('work_items').selectAll().where('ref_id', '=', body.id).execute();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ type: 'ade', jobcenter_id: 'musterstadt', postkorb_id: 'musterstadt-l-z' });
  });

  it('20 parallel duplicate submits (one key, and different keys) make exactly one submission', async () => {
    for (const sameKey of [true, false]) {
      const a = await applicant(t);
      const { body } = await start(a);
      await save(a, body.id, 1, completeAnswers(body.applicationDate));
      const key = newKey();
      const results = await Promise.all(Array.from({ length: 20 }, () => submit(a, body.id, 2, sameKey ? key : newKey())));
      const ok = results.filter((r) => r.status === 200);
      expect(results.every((r) => r.status === 200 || r.status === 409), results.map((r) => r.status).join()).toBe(true);
      expect(ok.filter((r) => r.headers.get('idempotent-replayed') !== 'true')).toHaveLength(1);
      expect(new Set(ok.map((r) => r.body.number)).size).toBe(1);
      const db = t.deps.db.db;
      const jobs = await db.selectFrom('outbox').select('id').where('kind', '=', 'ade.pdf').where('payload', 'like', `%${body.id}%`).execute();
      expect(jobs).toHaveLength(1);
    }
  });

  it("answers 404 on every route for another applicant's application, exactly as for a missing id (SEC-10)", async () => {
    const owner = await applicant(t);
    const { body } = await start(owner);
    await save(owner, body.id, 1, completeAnswers(body.applicationDate));
    await submit(owner, body.id, 2);
    await t.outbox.drain();
    const intruder = await applicant(t);
    const missing = await intruder.get(`/api/applications/${MISSING}`);
    expect(missing.status).toBe(404);
    const attempts = [
      () => intruder.get(`/api/applications/${body.id}`),
      () => intruder.get(`/api/applications/${body.id}/pdf`),
      () => save(intruder, body.id, 3, EMPTY),
      () => submit(intruder, body.id, 3),
      () => intruder.get(`/api/applications/not-a-uuid`),
    ];
    for (const attempt of attempts) {
      const res = await attempt();
      expect(res.status).toBe(404);
      expect({ ...res.body, instance: undefined }).toEqual({ ...missing.body, instance: undefined });
    }
    expect((await intruder.get('/api/applications')).body.items).toEqual([]);
  });

  it('answers malformed bodies with 4xx problem+json, never 500 (SEC-20)', async () => {
    const a = await applicant(t);
    const { body } = await start(a);
    const raws = ['', 'null', '[]', '{', '"x"', '{"answers":null}', '{"answers":{"main":[]}}', '{"answers":{"main":{},"members":{},"anlagen":{}}}',
      JSON.stringify({ answers: { ...EMPTY, members: Array.from({ length: 21 }, (_, i) => ({ id: `m${i}` })) } }),
      JSON.stringify({ answers: { ...EMPTY, main: { ['k'.repeat(100)]: 1 } } }), '{"__proto__":{"answers":1}}', '\u00ff\u00fe'];
    for (const raw of raws) {
      for (const [method, path] of [['PUT', `/api/applications/${body.id}/answers`], ['POST', '/api/applications']]) {
        const res = await a.request(method, path, { raw, headers: { 'content-type': 'application/json', 'if-match': '"1"' } });
        expect(res.status, `${method} ${raw.slice(0, 30)}`).toBeGreaterThanOrEqual(400);
        expect(res.status, `${method} ${raw.slice(0, 30)}`).toBeLessThan(500);
        expect(res.headers.get('content-type')).toMatch(/problem\+json/);
      }
    }
  });
});
