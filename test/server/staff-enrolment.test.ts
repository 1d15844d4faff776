/** The enrolment code (Freischaltcode) that guards the first TOTP enrolment of a staff member, on both databases. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENROLMENT_CODE_TTL_MS } from '../../server/staff/staff-secrets.js';
import { base32Decode, hotp, stepAt } from '../../server/staff/totp.js';
import { Agent, createTestApp, DEMO_ENROLMENT_CODE, DEMO_STAFF_PASSWORD, DIALECTS, staffAgent, type TestApp } from './harness.js';

describe.each(DIALECTS)('staff enrolment code on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  const signIn = (a: Agent, email: string) => a.post('/api/staff/sessions', { email, password: DEMO_STAFF_PASSWORD });
  const unlock = (a: Agent, challenge: string, enrolmentCode: string) => a.post('/api/staff/enrolment', { challenge, enrolmentCode });
  const confirm = (a: Agent, challenge: string, secret: string) =>
    a.post('/api/staff/totp/confirm', { challenge, code: hotp(base32Decode(secret), stepAt(t.clock.now())) });
  const reset = async (email: string) => {
    const admin = await staffAgent(t, { email: 'admin@hafenstadt.example' });
    const id = `staff-hafenstadt-${email.split('@')[0]}`;
    const res = await admin.post(`/api/staff/members/${id}/reset-second-factor`, {});
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as { enrolmentCode: string; enrolmentCodeExpiresAt: string };
  };

  it('shows no secret without the code: the password challenge cannot confirm an enrolment', async () => {
    const a = new Agent(t);
    const first = await signIn(a, 'leistung@musterstadt.example');
    expect(first.body).toEqual({ step: 'enrol', challenge: expect.any(String) });
    const skip = await a.post('/api/staff/totp/confirm', { challenge: first.body.challenge, code: '123456' });
    expect(skip.status).toBe(401);
    expect(skip.body.type).toBe('/problems/staff-challenge-invalid');
    const pending = await t.deps.db.db.selectFrom('staff_challenges').select('pending_secret').where('staff_id', '=', 'staff-musterstadt-leistung').execute();
    expect(pending.every((p) => p.pending_secret === null)).toBe(true);
  });

  it('refuses a wrong code (the typed challenge survives) and counts it toward the throttle', async () => {
    const email = 'integration@musterstadt.example';
    const a = new Agent(t);
    const { body } = await signIn(a, email);
    const wrong = await unlock(a, body.challenge, 'ABCD-EFGH-JKMN');
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(wrong.body.type).toBe('/problems/enrolment-code-invalid');
    expect(wrong.body.title).toMatch(/Administrator/);
    expect(wrong.body.secret).toBeUndefined();
    const en = await a.post('/api/staff/enrolment', { challenge: body.challenge, enrolmentCode: 'ABCD-EFGH-JKMN' }, { 'accept-language': 'en' });
    expect(en.body.title).toMatch(/ask your administrator for a new code/);
    for (let i = 0; i < 4; i++) expect((await unlock(a, body.challenge, 'ABCD-EFGH-JKMN')).status).toBe(401);
    const blocked = await unlock(a, body.challenge, DEMO_ENROLMENT_CODE);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await signIn(new Agent(t), email)).status).toBe(429);
    t.clock.advance(31_000);
    const ok = await unlock(a, body.challenge, DEMO_ENROLMENT_CODE);
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    // The unlocked challenge replaces the first one.
    expect((await unlock(a, body.challenge, DEMO_ENROLMENT_CODE)).body.type).toBe('/problems/staff-challenge-invalid');
    expect((await confirm(a, ok.body.challenge, ok.body.secret)).status).toBe(200);
  });

  it('refuses an expired code with the problem that asks for a new one', async () => {
    const email = 'leistung@hafenstadt.example';
    t.clock.advance(ENROLMENT_CODE_TTL_MS + 60_000);
    const a = new Agent(t);
    const { body } = await signIn(a, email);
    const late = await unlock(a, body.challenge, DEMO_ENROLMENT_CODE);
    expect(late.status).toBe(401);
    expect(late.body.type).toBe('/problems/enrolment-code-invalid');
    // A fresh code from the admin works.
    const { enrolmentCode, enrolmentCodeExpiresAt } = await reset(email);
    expect(Date.parse(enrolmentCodeExpiresAt) - t.clock.now().getTime()).toBeCloseTo(ENROLMENT_CODE_TTL_MS, -4);
    const b = new Agent(t);
    const again = await signIn(b, email);
    const ok = await unlock(b, again.body.challenge, enrolmentCode.replace(/-/g, ' '));
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect((await confirm(b, ok.body.challenge, ok.body.secret)).status).toBe(200);
  });

  it('uses a code up at enrolment: it cannot enrol again', async () => {
    const email = 'teamleitung@musterstadt.example';
    await staffAgent(t, { email });
    const row = await t.deps.db.db.selectFrom('staff_users').selectAll().where('email', '=', email).executeTakeFirstOrThrow();
    expect(row.enrolment_code_hash).toBeNull();
    // Even with the authenticator gone by hand, the used code unlocks nothing.
    await t.deps.db.db.updateTable('staff_users').set({ totp_secret: null, totp_enabled_at: null }).where('id', '=', row.id).execute();
    const a = new Agent(t);
    const { body } = await signIn(a, email);
    expect(body.step).toBe('enrol');
    expect((await unlock(a, body.challenge, DEMO_ENROLMENT_CODE)).body.type).toBe('/problems/enrolment-code-invalid');
  });

  it('reset hands out a new code once and invalidates the old code and open enrolments; no plaintext in rows or audit', async () => {
    const email = 'integration@hafenstadt.example';
    const a = new Agent(t);
    const open = await signIn(a, email);
    const unlocked = await unlock(a, open.body.challenge, DEMO_ENROLMENT_CODE);
    expect(unlocked.status).toBe(200);
    const first = await reset(email);
    // The reset ended the enrolment begun with the demo code.
    expect((await confirm(a, unlocked.body.challenge, unlocked.body.secret)).body.type).toBe('/problems/staff-challenge-invalid');
    const second = await reset(email);
    expect(second.enrolmentCode).not.toBe(first.enrolmentCode);
    expect(second.enrolmentCode).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);

    const b = new Agent(t);
    const { body } = await signIn(b, email);
    for (const old of [DEMO_ENROLMENT_CODE, first.enrolmentCode]) expect((await unlock(b, body.challenge, old)).body.type).toBe('/problems/enrolment-code-invalid');

    const row = await t.deps.db.db.selectFrom('staff_users').selectAll().where('email', '=', email).executeTakeFirstOrThrow();
    const audit = await t.deps.db.db.selectFrom('audit_log').selectAll().execute();
    expect(audit.filter((r) => r.action === 'reset_second_factor' && r.object_id === row.id)).toHaveLength(2);
    const stored = JSON.stringify([row, audit]);
    for (const code of [first.enrolmentCode, second.enrolmentCode]) {
      expect(stored).not.toContain(code);
      expect(stored).not.toContain(code.replace(/-/g, ''));
    }
    expect(row.enrolment_code_hash).toMatch(/^[0-9a-f]{64}$/);

    t.clock.advance(31_000); // the two wrong codes above
    const ok = await unlock(b, body.challenge, second.enrolmentCode.toLowerCase());
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect((await confirm(b, ok.body.challenge, ok.body.secret)).status).toBe(200);
  });
});
