import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, applicant, confirmationToken, createTestApp, DIALECTS, GOOD_PASSWORD, type TestApp } from './harness.js';

describe.each(DIALECTS)('accounts and sessions on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  it('signs up, mails a confirmation link, confirms to level 1, signs in and out', async () => {
    const a = new Agent(t);
    const up = await a.post('/api/accounts', { email: 'Erika.Muster@Beispiel.de', password: GOOD_PASSWORD });
    expect(up.status).toBe(202);
    expect(up.body).toEqual({ status: 'confirmation_sent' });

    const mail = (await t.mails()).find((m) => m.to === 'erika.muster@beispiel.de');
    expect(mail?.subject).toMatch(/bestätigen/);
    expect(mail?.text).toMatch(/http:\/\/localhost:3000\/konto\.html\?token=/);

    // Before confirming: level 0, and the TdA is refused with a step-up hint.
    const early = await a.post('/api/sessions', { email: 'erika.muster@beispiel.de', password: GOOD_PASSWORD });
    expect(early.status).toBe(200);
    expect(early.body.account).toMatchObject({ level: 0, emailConfirmed: false });
    expect(early.body.token).toBeUndefined();
    const denied = await a.post('/api/tda', {}, { 'idempotency-key': 'key-0000001' });
    expect(denied.status).toBe(403);
    expect(denied.body).toMatchObject({ type: '/problems/level-too-low', requiredLevel: 1 });

    const oldCookie = a.cookie;
    const conf = await a.post('/api/accounts/confirm', { token: await confirmationToken(t, 'erika.muster@beispiel.de') });
    expect(conf.status).toBe(200);
    expect(conf.body.account).toMatchObject({ email: 'erika.muster@beispiel.de', level: 1, emailConfirmed: true });
    // The session was rotated at the level change: the old token is dead, the new one carries level 1.
    expect(a.cookie).not.toBe(oldCookie);
    const stale = new Agent(t);
    stale.cookie = oldCookie;
    expect((await stale.get('/api/session')).status).toBe(204);
    expect((await a.get('/api/session')).body.account.level).toBe(1);

    const out = await a.request('DELETE', '/api/session');
    expect(out.status).toBe(204);
    expect(a.cookie).toBeUndefined();
    const again = new Agent(t);
    const si = await again.post('/api/sessions', { email: 'erika.muster@beispiel.de', password: GOOD_PASSWORD });
    expect(si.status).toBe(200);
    expect(si.body.account.level).toBe(1);
  });

  it('sets a __Host- cookie that is HttpOnly, Secure and SameSite=Strict; sign-out revokes it server-side', async () => {
    const a = await applicant(t);
    const res = await t.app.request('http://localhost:3000/api/sessions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: (await a.get('/api/session')).body.account.email, password: GOOD_PASSWORD }),
    });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^__Host-jc_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\//);
    const copy = new Agent(t);
    copy.cookie = a.cookie;
    await a.request('DELETE', '/api/session');
    expect((await copy.get('/api/session')).status).toBe(204);
  });

  it('gives a bearer token for cross-origin embedding, which works only as a bearer', async () => {
    const a = await applicant(t);
    const email = (await a.get('/api/session')).body.account.email;
    const b = new Agent(t);
    const si = await b.post('/api/sessions', { email, password: GOOD_PASSWORD, transport: 'bearer' });
    expect(si.status).toBe(200);
    expect(si.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(si.headers.get('set-cookie')).toBeNull();
    b.bearer = si.body.token;
    expect((await b.get('/api/session')).status).toBe(200);
    const asCookie = new Agent(t);
    asCookie.cookie = `__Host-jc_session=${si.body.token}`;
    expect((await asCookie.get('/api/session')).status).toBe(204);
  });

  it('answers the same for a known address and mails the owner instead (no enumeration)', async () => {
    const a = await applicant(t, 'bekannt@beispiel.de');
    expect(a.cookie).toBeDefined();
    const again = await new Agent(t).post('/api/accounts', { email: 'bekannt@beispiel.de', password: 'Ein-ganz-anderes-Passwort-9' });
    expect(again.status).toBe(202);
    expect(again.body).toEqual({ status: 'confirmation_sent' });
    const mails = (await t.mails()).filter((m) => m.to === 'bekannt@beispiel.de');
    expect(mails.at(-1)?.subject).toBe('Registrierung mit Ihrer E-Mail-Adresse');
    // The original password still works: a second sign-up never changes an account.
    expect((await new Agent(t).post('/api/sessions', { email: 'bekannt@beispiel.de', password: GOOD_PASSWORD })).status).toBe(200);
    expect((await new Agent(t).post('/api/accounts/resend-confirmation', { email: 'niemand@beispiel.de' })).status).toBe(202);
  });

  it('rejects short and common passwords with field errors', async () => {
    const a = new Agent(t);
    const short = await a.post('/api/accounts', { email: 'kurz@beispiel.de', password: 'kurz' });
    expect(short.status).toBe(400);
    expect(short.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(short.body.errors).toEqual([expect.objectContaining({ path: 'password', code: 'password_too_short' })]);
    for (const pw of ['passwort123456', 'Sonnenschein2024!', 'aaaaaaaaaaaaaa', '123456789012', 'gewoehnlich@beispiel.de!']) {
      const res = await a.post('/api/accounts', { email: 'gewoehnlich@beispiel.de', password: pw });
      expect(res.status, pw).toBe(400);
      expect(res.body.errors[0]).toMatchObject({ path: 'password', code: 'password_common' });
    }
    const en = await a.post('/api/accounts', { email: 'x', password: 'kurz' }, { 'accept-language': 'en-GB' });
    expect(en.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['email', 'password']);
    expect(en.body.title).toBe('The data is incomplete or invalid.');
  });

  it('confirmation tokens are single-use and expire after 48 hours', async () => {
    const a = new Agent(t);
    await a.post('/api/accounts', { email: 'token@beispiel.de', password: GOOD_PASSWORD });
    const token = await confirmationToken(t, 'token@beispiel.de');
    expect((await a.post('/api/accounts/confirm', { token })).status).toBe(200);
    const reuse = await a.post('/api/accounts/confirm', { token });
    expect(reuse.status).toBe(400);
    expect(reuse.body.type).toBe('/problems/token-invalid');

    await a.post('/api/accounts', { email: 'spaet@beispiel.de', password: GOOD_PASSWORD });
    const late = await confirmationToken(t, 'spaet@beispiel.de');
    t.clock.advance(49 * 3600 * 1000);
    try {
      expect((await a.post('/api/accounts/confirm', { token: late })).status).toBe(400);
    } finally {
      t.clock.advance(-49 * 3600 * 1000);
    }
  });

  it('throttles failed sign-ins per account with growing waits, never a permanent lock-out', async () => {
    const a = await applicant(t, 'gedrosselt@beispiel.de');
    expect(a.cookie).toBeDefined();
    const b = new Agent(t);
    for (let i = 0; i < 5; i++) {
      const res = await b.post('/api/sessions', { email: 'gedrosselt@beispiel.de', password: 'falsches-Passwort-123' });
      expect(res.status).toBe(401);
      expect(res.body.title).toBe('E-Mail-Adresse oder Passwort ist falsch.');
    }
    const sixth = await b.post('/api/sessions', { email: 'gedrosselt@beispiel.de', password: 'falsches-Passwort-123' });
    expect(sixth.status).toBe(401);
    const blocked = await b.post('/api/sessions', { email: 'gedrosselt@beispiel.de', password: GOOD_PASSWORD });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    t.clock.advance(31_000);
    try {
      expect((await b.post('/api/sessions', { email: 'gedrosselt@beispiel.de', password: GOOD_PASSWORD })).status).toBe(200);
    } finally {
      t.clock.advance(-31_000);
    }
    // An unknown address fails the same way as a wrong password.
    const unknown = await b.post('/api/sessions', { email: 'unbekannt@beispiel.de', password: GOOD_PASSWORD });
    expect(unknown.status).toBe(401);
    expect(unknown.body.title).toBe(sixth.body.title);
  });

  it('ends sessions after 30 minutes idle and after 12 hours in any case', async () => {
    const a = await applicant(t);
    t.clock.advance(29 * 60 * 1000);
    expect((await a.get('/api/session')).status).toBe(200);
    t.clock.advance(31 * 60 * 1000);
    expect((await a.get('/api/session')).status).toBe(204);
    t.clock.advance(-60 * 60 * 1000);

    const b = await applicant(t);
    for (let i = 0; i < 25; i++) {
      t.clock.advance(29 * 60 * 1000);
      await b.get('/api/session');
    }
    expect((await b.get('/api/session')).status).toBe(204);
    t.clock.advance(-25 * 29 * 60 * 1000);
  });

  it('rotates the session at sign-in: the token presented before is revoked', async () => {
    const a = await applicant(t);
    const email = (await a.get('/api/session')).body.account.email;
    const before = a.cookie;
    await a.post('/api/sessions', { email, password: GOOD_PASSWORD });
    expect(a.cookie).not.toBe(before);
    const old = new Agent(t);
    old.cookie = before;
    expect((await old.get('/api/session')).status).toBe(204);
  });
});
