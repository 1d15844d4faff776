/** 1st-level support: technical account state only (no social data in any answer), resend and unlock, audited. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, applicant, createTestApp, DIALECTS, GOOD_PASSWORD, staffAgent, type StaffAgent, tdaBody, type TestApp } from './harness.js';

/** Distinctive social data of the seeded applicant: none of it may appear in a support answer. */
const SOCIAL = { firstName: 'Zyprianna', lastName: 'Quetschkowski', birthDate: '1966-09-27', street: 'Zwetschgenallee', houseNumber: '99z', postalCode: '00987', city: 'Quakenbrueck-Ost', phone: '0000 9988776' };
const FORBIDDEN = [...Object.values(SOCIAL), '27.09.1966'];

describe.each(DIALECTS)('support view on %s', (dialect) => {
  let t: TestApp;
  let support: StaffAgent;
  let lea: StaffAgent;
  let rd: StaffAgent;
  let email: string;
  let accountId: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    support = await staffAgent(t, { email: 'support@regionaldirektion.example' });
    lea = await staffAgent(t, { email: 'leistung@musterstadt.example' });
    rd = await staffAgent(t, { email: 'rd-admin@regionaldirektion.example' });
    email = `support-${randomUUID().slice(0, 8)}@beispiel.de`;
    const a = await applicant(t, email);
    const tda = await a.post('/api/tda', tdaBody(SOCIAL), { 'idempotency-key': `support-${randomUUID()}` });
    expect(tda.status, JSON.stringify(tda.body)).toBe(201);
    accountId = (await a.get('/api/session')).body.account.id;
    await t.outbox.drain();
  });
  afterAll(() => t.close());

  /** The raw text of a support request, checked for every piece of the applicant's social data. */
  async function raw(agent: Agent, method: string, path: string, body?: unknown): Promise<{ status: number; text: string }> {
    const headers: Record<string, string> = { cookie: agent.cookie!, accept: 'application/json', ...(body !== undefined ? { 'content-type': 'application/json' } : {}) };
    const res = await t.app.request(`http://localhost:3000${path}`, { method, headers, body: body !== undefined ? JSON.stringify(body) : undefined });
    const text = await res.text();
    for (const s of FORBIDDEN) expect(text, `${path} leaks ${s}`).not.toContain(s);
    return { status: res.status, text };
  }

  const audits = async (type: string) =>
    (await t.deps.db.db.selectFrom('audit_log').select(['actor_id', 'object_id']).where('object_type', '=', type).where('object_id', '=', accountId).execute()).length;

  it('shows only the technical state, never social data', async () => {
    const res = await raw(support, 'POST', '/api/support/accounts/lookup', { email });
    expect(res.status).toBe(200);
    const { account } = JSON.parse(res.text);
    expect(Object.keys(account).sort()).toEqual(['confirmed', 'createdAt', 'failedSignIns', 'id', 'lastSignInAt', 'level', 'locked', 'lockedUntil', 'openTda'].sort());
    expect(account).toMatchObject({ id: accountId, confirmed: true, locked: false, level: 1, openTda: true, lastSignInAt: expect.any(String) });
    expect(await audits('account_state')).toBe(1);
    for (const path of [`/api/support/accounts/${accountId}/unlock`, `/api/support/accounts/${accountId}/resend-confirmation`]) {
      const r = await raw(support, 'POST', path);
      expect(r.status).toBeLessThan(500);
    }
    for (const e of ['nobody@beispiel.de', 'kaputt']) expect((await raw(support, 'POST', '/api/support/accounts/lookup', { email: e })).status).toBeLessThan(500);
    expect((await raw(support, 'POST', `/api/support/accounts/${randomUUID()}/unlock`)).status).toBeLessThan(500);
  });

  it('is for the support role only: other staff 403, applicants and strangers 401', async () => {
    for (const s of [lea, rd]) {
      expect((await s.post('/api/support/accounts/lookup', { email: email })).status).toBe(403);
      expect((await s.request('POST', `/api/support/accounts/${accountId}/unlock`)).status).toBe(403);
      expect((await s.request('POST', `/api/support/accounts/${accountId}/resend-confirmation`)).status).toBe(403);
    }
    expect((await new Agent(t).post('/api/support/accounts/lookup', { email })).status).toBe(401);
  });

  it('unlock lifts a sign-in throttle and is audited', async () => {
    const a = new Agent(t);
    for (let i = 0; i < 6; i++) await a.post('/api/sessions', { email, password: 'falsch-falsch-falsch' });
    expect((await a.post('/api/sessions', { email, password: GOOD_PASSWORD })).status).toBe(429);
    const locked = await support.post('/api/support/accounts/lookup', { email: email });
    expect(locked.body.account).toMatchObject({ locked: true, lockedUntil: expect.any(String), failedSignIns: 6 });
    const un = await support.request('POST', `/api/support/accounts/${accountId}/unlock`);
    expect(un.status).toBe(200);
    expect((await support.post('/api/support/accounts/lookup', { email: email })).body.account).toMatchObject({ locked: false, failedSignIns: 0 });
    expect((await a.post('/api/sessions', { email, password: GOOD_PASSWORD })).status).toBe(200);
    expect(await audits('account_unlocked')).toBeGreaterThanOrEqual(1);
  });

  it('resends a content-free confirmation mail for an unconfirmed account, throttled; 409 when confirmed', async () => {
    expect((await support.request('POST', `/api/support/accounts/${accountId}/resend-confirmation`)).status).toBe(409);
    const other = `unconfirmed-${randomUUID().slice(0, 8)}@beispiel.de`;
    expect((await new Agent(t).post('/api/accounts', { email: other, password: GOOD_PASSWORD })).status).toBe(202);
    const id = (await support.post('/api/support/accounts/lookup', { email: other })).body.account.id as string;
    const before = (await t.mails()).filter((m) => m.to === other).length;
    for (let i = 0; i < 3; i++) expect((await support.request('POST', `/api/support/accounts/${id}/resend-confirmation`)).status).toBe(202);
    const limited = await support.request('POST', `/api/support/accounts/${id}/resend-confirmation`);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const mails = (await t.mails()).filter((m) => m.to === other);
    expect(mails.length).toBe(before + 3);
    expect(mails.at(-1)!.text).toMatch(/token=/);
    const rows = await t.deps.db.db.selectFrom('audit_log').selectAll().where('object_type', '=', 'account_confirmation_resent').where('object_id', '=', id).execute();
    expect(rows).toHaveLength(3);
    expect(rows[0].actor_id).toBe('staff-support');
  });

  it('bad input → 400/404, never 500', async () => {
    expect((await support.post('/api/support/accounts/lookup', {})).status).toBe(400);
    expect((await support.post('/api/support/accounts/lookup', { email: 'kein-at' })).status).toBe(400);
    expect((await support.post('/api/support/accounts/lookup', { email: 'x@y.de', extra: 1 })).status).toBe(400);
    expect((await support.request('POST', '/api/support/accounts/lookup', { raw: 'email=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } })).status).toBe(415);
    expect((await support.post('/api/support/accounts/lookup', { email: 'nobody@beispiel.de' })).status).toBe(404);
    // The old GET with the address in the URL is gone.
    expect((await support.get('/api/support/accounts?email=nobody%40beispiel.de')).status).toBe(404);
    expect((await support.request('POST', '/api/support/accounts/xyz/unlock')).status).toBe(404);
    expect((await support.request('POST', `/api/support/accounts/${randomUUID()}/resend-confirmation`)).status).toBe(404);
  });
});
