import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEISTUNG_ROLES } from '../../domain/staff.js';
import type { AppEnv, StaffInfo } from '../../server/context.js';
import { seedDemoStaff } from '../../server/db/seed.js';
import { onError } from '../../server/http/problem.js';
import { sessionMiddleware } from '../../server/sessions/sessions.service.js';
import { DEMO_STAFF } from '../../server/staff/demo-staff.js';
import { inJobcenterScope, requireStaff } from '../../server/staff/staff.auth.js';
import { openSecret, secretAad } from '../../server/staff/staff-secrets.js';
import { staffSessionMiddleware } from '../../server/staff/staff-sessions.service.js';
import { base32Decode, base32Encode, hotp, stepAt } from '../../server/staff/totp.js';
import {
  Agent,
  applicant,
  createTestApp,
  DEMO_ENROLMENT_CODE,
  DEMO_STAFF_PASSWORD,
  DIALECTS,
  nextStaffCode,
  rememberStaffSecret,
  staffAgent,
  type TestApp,
} from './harness.js';

const MIN = 60 * 1000;

describe.each(DIALECTS)('staff sign-in with TOTP on %s', (dialect) => {
  let t: TestApp;
  // Handed out at the enrolment of leistung@musterstadt.example in the first test.
  let recoveryCodes: string[] = [];
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  const signIn = (a: Agent, email: string, password = DEMO_STAFF_PASSWORD) => a.post('/api/staff/sessions', { email, password });
  const secondFactor = (a: Agent, challenge: string, code: string) => a.post('/api/staff/sessions/second-factor', { challenge, code });

  it('enrols on first sign-in: enrolment code, then secret, otpauth URL and QR code; the first code confirms and returns 10 recovery codes', async () => {
    const email = 'leistung@musterstadt.example';
    const a = new Agent(t);
    const password = await signIn(a, 'Leistung@Musterstadt.example');
    expect(password.status).toBe(200);
    // The password alone reveals no secret: the enrolment code comes first.
    expect(password.body).toEqual({ step: 'enrol', challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
    const first = await a.post('/api/staff/enrolment', { challenge: password.body.challenge, enrolmentCode: DEMO_ENROLMENT_CODE.toLowerCase() });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(first.body.challenge).not.toBe(password.body.challenge);
    expect(first.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(first.body.otpauthUrl).toBe(`otpauth://totp/Jobcenter:${email}?secret=${first.body.secret}&issuer=Jobcenter`);
    expect(first.body.qrSvg).toMatch(/^<svg role="img" aria-label="[^"]+" xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(first.headers.get('set-cookie')).toBeNull();
    expect((await a.get('/api/staff/session')).status).toBe(204);

    // The pending secret is encrypted too.
    const pending = await t.deps.db.db.selectFrom('staff_challenges').select('pending_secret').where('purpose', '=', 'enrol').execute();
    expect(pending.some((p) => p.pending_secret?.includes(first.body.secret))).toBe(false);

    const secret = base32Decode(first.body.secret);
    const step = stepAt(t.clock.now());
    const wrong = await a.post('/api/staff/totp/confirm', { challenge: first.body.challenge, code: hotp(secret, step + 3) });
    expect(wrong.status).toBe(401);
    expect(wrong.body.type).toBe('/problems/invalid-code');

    const ok = await a.post('/api/staff/totp/confirm', { challenge: first.body.challenge, code: hotp(secret, step) });
    expect(ok.status).toBe(200);
    expect(ok.body.staff).toEqual({ id: 'staff-musterstadt-leistung', name: 'Lea Becker', email, jobcenterId: 'musterstadt', roles: ['leistung'] });
    expect(Date.parse(ok.body.expiresAt)).toBeGreaterThan(t.clock.now().getTime());
    expect(ok.body.recoveryCodes).toHaveLength(10);
    expect(new Set(ok.body.recoveryCodes).size).toBe(10);
    for (const code of ok.body.recoveryCodes) expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const cookie = ok.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^__Host-jc_staff=[A-Za-z0-9_-]{43};/);
    for (const attr of [/HttpOnly/, /Secure/, /SameSite=Strict/, /Path=\//]) expect(cookie).toMatch(attr);
    const session = await a.get('/api/staff/session');
    expect(session.status).toBe(200);
    expect(session.body.staff.id).toBe('staff-musterstadt-leistung');

    // The challenge is single-use.
    const again = await a.post('/api/staff/totp/confirm', { challenge: first.body.challenge, code: hotp(secret, step + 1) });
    expect(again.status).toBe(401);
    expect(again.body.type).toBe('/problems/staff-challenge-invalid');

    // At rest: neither the base32 secret nor its raw bytes appear; the ciphertext is bound to its row.
    const row = await t.deps.db.db.selectFrom('staff_users').selectAll().where('email', '=', email).executeTakeFirstOrThrow();
    expect(row.totp_secret).not.toContain(first.body.secret);
    expect(row.totp_secret).not.toContain(secret.toString('base64'));
    expect(JSON.stringify(row)).not.toContain(first.body.secret);
    expect(row.recovery_codes).not.toContain(ok.body.recoveryCodes[0].replace(/-/g, ''));
    expect(base32Encode(openSecret(t.deps.config.documentKey, row.totp_secret!, secretAad(row.id)))).toBe(first.body.secret);
    expect(() => openSecret(t.deps.config.documentKey, row.totp_secret!, secretAad('staff-hafenstadt-leistung'))).toThrow();

    rememberStaffSecret(t, email, first.body.secret, step);
    const later = await signIn(new Agent(t), email);
    expect(later.body).toEqual({ step: 'totp', challenge: expect.any(String) });
    recoveryCodes = ok.body.recoveryCodes;
  });

  it('signs in with a TOTP code; the same code again is a replay and gets 401', async () => {
    const email = 'integration@musterstadt.example';
    await staffAgent(t, { email });
    const a = new Agent(t);
    const { body } = await signIn(a, email);
    const code = nextStaffCode(t, email);
    const ok = await secondFactor(a, body.challenge, code);
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ staff: expect.objectContaining({ email, roles: ['markt_integration'] }), expiresAt: expect.any(String) });
    expect(ok.body.recoveryCodes).toBeUndefined();

    const b = new Agent(t);
    const second = await signIn(b, email);
    const replay = await secondFactor(b, second.body.challenge, code);
    expect(replay.status).toBe(401);
    expect(replay.body.type).toBe('/problems/invalid-code');
    expect((await b.get('/api/staff/session')).status).toBe(204);
    // The challenge survives a wrong code; a fresh step works.
    expect((await secondFactor(b, second.body.challenge, nextStaffCode(t, email))).status).toBe(200);
  });

  it('lets one code win when it is sent twice at once (two challenges, one step)', async () => {
    const email = 'integration@beispielkreis.example';
    await staffAgent(t, { email });
    const [a, b] = [new Agent(t), new Agent(t)];
    const [ca, cb] = await Promise.all([signIn(a, email), signIn(b, email)]);
    const code = nextStaffCode(t, email);
    const results = await Promise.all([secondFactor(a, ca.body.challenge, code), secondFactor(b, cb.body.challenge, code)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 401]);
  });

  it('answers unknown e-mail and wrong password alike with 401', async () => {
    const unknown = await signIn(new Agent(t), 'niemand@musterstadt.example');
    const wrong = await signIn(new Agent(t), 'admin@musterstadt.example', 'Falsches-Passwort-99');
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect({ ...unknown.body, instance: undefined }).toEqual({ ...wrong.body, instance: undefined });
    expect(wrong.body.type).toBe('/problems/invalid-credentials');
  });

  it('throttles wrong codes per account (429 with Retry-After, even for the right code) without a permanent lock-out', async () => {
    const email = 'teamleitung@beispielkreis.example';
    await staffAgent(t, { email });
    const a = new Agent(t);
    const { body } = await signIn(a, email);
    for (let i = 0; i < 6; i++) {
      const res = await secondFactor(a, body.challenge, '000000');
      expect(res.status).toBe(401);
    }
    const blocked = await secondFactor(a, body.challenge, nextStaffCode(t, email));
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await signIn(new Agent(t), email)).status).toBe(429);
    // Another member is not affected.
    expect((await signIn(new Agent(t), 'admin@beispielkreis.example')).status).toBe(200);
    t.clock.advance(31_000);
    const ok = await secondFactor(a, body.challenge, nextStaffCode(t, email));
    expect(ok.status).toBe(200);
  });

  it('accepts each recovery code once (hyphens and case do not matter)', async () => {
    const email = 'leistung@musterstadt.example';
    const codes = recoveryCodes;
    const a = new Agent(t);
    const first = await signIn(a, email);
    const ok = await secondFactor(a, first.body.challenge, codes[0].replace(/-/g, '').toLowerCase());
    expect(ok.status).toBe(200);
    expect(ok.body.staff.email).toBe(email);
    const b = new Agent(t);
    const second = await signIn(b, email);
    const reused = await secondFactor(b, second.body.challenge, codes[0]);
    expect(reused.status).toBe(401);
    expect((await secondFactor(b, second.body.challenge, codes[1])).status).toBe(200);
    const row = await t.deps.db.db.selectFrom('staff_users').select('recovery_codes').where('email', '=', email).executeTakeFirstOrThrow();
    expect(JSON.parse(row.recovery_codes)).toHaveLength(8);
  });

  it('rejects an expired challenge and a challenge of the other purpose', async () => {
    const email = 'integration@musterstadt.example';
    const a = new Agent(t);
    const { body } = await signIn(a, email);
    const wrongPurpose = await a.post('/api/staff/totp/confirm', { challenge: body.challenge, code: nextStaffCode(t, email) });
    expect(wrongPurpose.status).toBe(401);
    expect(wrongPurpose.body.type).toBe('/problems/staff-challenge-invalid');
    t.clock.advance(5 * MIN + 1000);
    const late = await secondFactor(a, body.challenge, nextStaffCode(t, email));
    expect(late.status).toBe(401);
    expect(late.body.type).toBe('/problems/staff-challenge-invalid');
  });

  it('keeps applicant and staff sessions apart', async () => {
    const applicantAgent = await applicant(t);
    const staff = await staffAgent(t, { email: 'leistung@hafenstadt.example' });
    const applicantToken = applicantAgent.cookie!.split('=')[1];
    const staffToken = staff.cookie!.split('=')[1];

    // An applicant session is no staff session, whatever cookie name carries it.
    expect((await applicantAgent.get('/api/staff/session')).status).toBe(204);
    const forged = new Agent(t);
    forged.cookie = `__Host-jc_staff=${applicantToken}`;
    expect((await forged.get('/api/staff/session')).status).toBe(204);

    // A staff session is no applicant session: not as the staff cookie, not as applicant cookie, not as bearer.
    expect((await staff.get('/api/session')).status).toBe(204);
    expect((await staff.post('/api/tda', {}, { 'idempotency-key': 'key-staff-001' })).status).toBe(401);
    const asApplicant = new Agent(t);
    asApplicant.cookie = `__Host-jc_session=${staffToken}`;
    expect((await asApplicant.get('/api/session')).status).toBe(204);
    const asBearer = new Agent(t);
    asBearer.bearer = staffToken;
    expect((await asBearer.get('/api/session')).status).toBe(204);

    // requireStaff on a route: the applicant gets 401, the caseworker passes, a missing role is 403.
    const probe = new Hono<AppEnv>();
    probe.onError(onError);
    probe.use('*', sessionMiddleware(t.deps), staffSessionMiddleware(t.deps));
    probe.get('/any', (c) => c.json({ id: requireStaff(c).id }));
    probe.get('/admin', (c) => c.json({ id: requireStaff(c, ['jobcenter_admin', 'rd_admin']).id }));
    const ask = (path: string, cookie: string) => probe.request(`http://localhost:3000${path}`, { headers: { cookie } });
    expect((await ask('/any', applicantAgent.cookie!)).status).toBe(401);
    expect((await ask('/any', `${applicantAgent.cookie}; __Host-jc_staff=${applicantToken}`)).status).toBe(401);
    expect((await ask('/any', staff.cookie!)).status).toBe(200);
    const denied = await ask('/admin', staff.cookie!);
    expect(denied.status).toBe(403);
    expect((await denied.json()).type).toBe('/problems/forbidden');
    expect((await ask('/any', '')).status).toBe(401);
  });

  it('ends a staff session after 30 minutes idle and after 12 hours in any case', async () => {
    const email = 'admin@hafenstadt.example';
    const a = await staffAgent(t, { email });
    t.clock.advance(29 * MIN);
    expect((await a.get('/api/staff/session')).status).toBe(200);
    t.clock.advance(29 * MIN);
    expect((await a.get('/api/staff/session')).status).toBe(200);
    t.clock.advance(31 * MIN);
    expect((await a.get('/api/staff/session')).status).toBe(204);

    const b = await staffAgent(t, { email });
    let elapsed = 0;
    while (elapsed + 25 * MIN < 12 * 60 * MIN) {
      t.clock.advance(25 * MIN);
      elapsed += 25 * MIN;
      expect((await b.get('/api/staff/session')).status).toBe(200);
    }
    t.clock.advance(25 * MIN);
    expect((await b.get('/api/staff/session')).status).toBe(204);
  });

  it('revokes the session at sign-out and rotates it at sign-in', async () => {
    const email = 'teamleitung@hafenstadt.example';
    const a = await staffAgent(t, { email });
    const copy = new Agent(t);
    copy.cookie = a.cookie;
    // Signing in again while holding a session revokes the old token.
    const b = new Agent(t);
    b.cookie = a.cookie;
    const first = await signIn(b, email);
    expect((await secondFactor(b, first.body.challenge, nextStaffCode(t, email))).status).toBe(200);
    expect(b.cookie).not.toBe(a.cookie);
    expect((await copy.get('/api/staff/session')).status).toBe(204);

    const keep = new Agent(t);
    keep.cookie = b.cookie;
    const out = await b.request('DELETE', '/api/staff/session');
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/^__Host-jc_staff=;.*Max-Age=0/);
    expect((await keep.get('/api/staff/session')).status).toBe(204);
    expect((await new Agent(t).request('DELETE', '/api/staff/session')).status).toBe(204);
  });

  it('answers malformed bodies with 400/415 problems, never 500', async () => {
    const a = new Agent(t);
    const challenge = 'x'.repeat(43);
    const cases: [string, { raw?: string; body?: unknown; headers?: Record<string, string> }][] = [
      ['/api/staff/sessions', { raw: '{"email":', headers: { 'content-type': 'application/json' } }],
      ['/api/staff/sessions', { raw: 'email=a', headers: { 'content-type': 'application/x-www-form-urlencoded' } }],
      ['/api/staff/sessions', { body: null }],
      ['/api/staff/sessions', { body: [] }],
      ['/api/staff/sessions', { body: { email: 'kein-at', password: 'x' } }],
      ['/api/staff/sessions', { body: { email: 'a@b.example', password: 'x'.repeat(500) } }],
      ['/api/staff/sessions', { body: { email: 'a@b.example', password: 'x', roles: ['rd_admin'] } }],
      ['/api/staff/sessions/second-factor', { body: { challenge, code: '12345' } }],
      ['/api/staff/sessions/second-factor', { body: { challenge, code: 123456 } }],
      ['/api/staff/sessions/second-factor', { body: { challenge: 'short', code: '123456' } }],
      ['/api/staff/sessions/second-factor', { body: { challenge, code: '1234-5678-90AB-CDEF' } }],
      ['/api/staff/totp/confirm', { body: { challenge, code: 'ABCD-EFGH-JKLM' } }],
      ['/api/staff/totp/confirm', { body: { challenge } }],
      ['/api/staff/totp/confirm', { raw: '"\u0000"', headers: { 'content-type': 'application/json' } }],
      ['/api/staff/enrolment', { body: { challenge } }],
      ['/api/staff/enrolment', { body: { challenge, enrolmentCode: 'ABCD-EFGH' } }],
      ['/api/staff/enrolment', { body: { challenge, enrolmentCode: 12 } }],
    ];
    for (const [path, init] of cases) {
      const res = await a.request('POST', path, init);
      expect([400, 415], `${path} ${JSON.stringify(init)}`).toContain(res.status);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
    const bad = await a.post('/api/staff/sessions/second-factor', { challenge, code: '12345' });
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'code', code: 'invalid_code' })]);
    // Well-formed but unknown challenge: 401, not 500.
    expect((await secondFactor(a, challenge, '123456')).status).toBe(401);
  });

  it('signs in staff without a jobcenter; scope: own jobcenter only, RD admin all, support none', async () => {
    const rd = await staffAgent(t, { email: 'rd-admin@regionaldirektion.example' });
    expect(rd.staff).toMatchObject({ jobcenterId: null, roles: ['rd_admin'] });
    const support = await staffAgent(t, { email: 'support@regionaldirektion.example' });
    expect(support.staff).toMatchObject({ jobcenterId: null, roles: ['support'] });

    const info = (jobcenterId: string | null, roles: StaffInfo['roles']): StaffInfo => ({
      id: 'x', name: 'x', email: 'x@x.example', jobcenterId, roles, tokenHash: 'x', expiresAt: '',
    });
    expect(inJobcenterScope(info('musterstadt', ['leistung']), 'musterstadt')).toBe(true);
    expect(inJobcenterScope(info('musterstadt', ['leistung']), 'hafenstadt')).toBe(false);
    expect(inJobcenterScope(info('musterstadt', LEISTUNG_ROLES), 'musterstadt')).toBe(true);
    expect(inJobcenterScope(info(null, ['rd_admin']), 'hafenstadt')).toBe(true);
    expect(inJobcenterScope(info(null, ['support']), 'musterstadt')).toBe(false);
    expect(inJobcenterScope(info(null, []), 'musterstadt')).toBe(false);
  });

  it('seeds the demo staff once; DEMO_TOTP_SECRET pre-enrols those not enrolled yet', async () => {
    const count = await t.deps.db.db.selectFrom('staff_users').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(DEMO_STAFF.length);
    const demoSecret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    await seedDemoStaff(t.deps.db.db, t.deps.config.documentKey, { totpSecret: demoSecret });
    const again = await t.deps.db.db.selectFrom('staff_users').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(again.n)).toBe(DEMO_STAFF.length);

    const email = 'leistung@beispielkreis.example';
    const a = new Agent(t);
    const first = await signIn(a, email);
    expect(first.body.step).toBe('totp');
    rememberStaffSecret(t, email, demoSecret);
    expect((await secondFactor(a, first.body.challenge, nextStaffCode(t, email))).status).toBe(200);
    // Members enrolled before keep their own secret.
    const kept = await signIn(new Agent(t), 'integration@musterstadt.example');
    expect((await secondFactor(new Agent(t), kept.body.challenge, hotp(base32Decode(demoSecret), stepAt(t.clock.now())))).status).toBe(401);
  });
});
