import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Mailer, MailMessage } from '../../server/adapters/mail/mailer.js';
import { backoffMs } from '../../server/outbox/outbox.js';
import { Agent, createTestApp, DIALECTS, GOOD_PASSWORD, type TestApp } from './harness.js';

/** A mail server that is down until told otherwise (a real failure path, not a pretend success). */
class FlakyMailer implements Mailer {
  up = false;
  delivered: MailMessage[] = [];
  attempts = 0;
  async send(m: MailMessage) {
    this.attempts++;
    if (!this.up) throw new Error('connect ECONNREFUSED 127.0.0.1:25');
    this.delivered.push(m);
    return { messageId: `<${this.delivered.length}@test>` };
  }
}

describe.each(DIALECTS)('transactional outbox on %s', (dialect) => {
  let t: TestApp;
  const mailer = new FlakyMailer();
  beforeAll(async () => {
    t = await createTestApp(dialect, { mailer });
  });
  afterAll(() => t.close());

  it('loses no confirmation mail while the mail server is down; retries with back-off until delivered', async () => {
    const res = await new Agent(t).post('/api/accounts', { email: 'ausfall@beispiel.de', password: GOOD_PASSWORD });
    expect(res.status).toBe(202);
    await t.outbox.runOnce();
    expect(mailer.attempts).toBe(1);
    const job = await t.deps.db.db.selectFrom('outbox').selectAll().where('kind', '=', 'mail').executeTakeFirstOrThrow();
    expect(job).toMatchObject({ status: 'pending', attempts: 1 });
    expect(job.last_error).toMatch(/ECONNREFUSED/);
    // Not due yet: back-off.
    await t.outbox.runOnce();
    expect(mailer.attempts).toBe(1);
    t.clock.advance(backoffMs(1) + 10);
    await t.outbox.runOnce();
    expect(mailer.attempts).toBe(2);
    mailer.up = true;
    t.clock.advance(backoffMs(2) + 10);
    await t.outbox.drain();
    expect(mailer.delivered.map((m) => m.to)).toEqual(['ausfall@beispiel.de']);
    const done = await t.deps.db.db.selectFrom('outbox').selectAll().where('id', '=', job.id).executeTakeFirstOrThrow();
    expect(done.status).toBe('done');
  });

  it('parks a job as dead after the last attempt and keeps it for the operator', async () => {
    const { enqueue, MAX_ATTEMPTS } = await import('../../server/outbox/outbox.js');
    await enqueue(t.deps.db.db, t.clock, 'does-not-exist', { x: 1 });
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await t.outbox.runOnce();
      t.clock.advance(backoffMs(i + 1) + 10);
    }
    const job = await t.deps.db.db.selectFrom('outbox').selectAll().where('kind', '=', 'does-not-exist').executeTakeFirstOrThrow();
    expect(job.status).toBe('dead');
    expect(job.attempts).toBe(MAX_ATTEMPTS);
  });

  it('two workers never run the same job twice', async () => {
    const { createOutbox, enqueue } = await import('../../server/outbox/outbox.js');
    const runs: number[] = [];
    const handler = async (p: { n: number }) => {
      runs.push(p.n);
      await new Promise((r) => setTimeout(r, 5));
    };
    const w1 = createOutbox(t.deps.db.db, t.clock, { count: handler });
    const w2 = createOutbox(t.deps.db.db, t.clock, { count: handler });
    for (let n = 0; n < 40; n++) await enqueue(t.deps.db.db, t.clock, 'count', { n });
    await Promise.all([w1.drain(), w2.drain(), w1.drain()]);
    expect(runs.sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i));
  });

  it('logs failures without the e-mail address the SMTP server quoted (SEC-42)', async () => {
    const { createOutbox, enqueue } = await import('../../server/outbox/outbox.js');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const w = createOutbox(t.deps.db.db, t.clock, {
        smtp: async () => {
          throw new Error('550 5.1.1 <olena.schewtschenko@beispiel.de>: Recipient address rejected\nforged line');
        },
      });
      await enqueue(t.deps.db.db, t.clock, 'smtp', {});
      await w.runOnce();
      const line = warn.mock.calls.map((c) => String(c[0])).find((l) => l.includes('smtp'));
      expect(line).toBeDefined();
      expect(line).not.toContain('olena');
      expect(line).toContain('<e-mail>');
      expect(line).not.toContain('\n');
    } finally {
      warn.mockRestore();
    }
  });

  it('backs off exponentially up to one hour', () => {
    expect([1, 2, 3, 4].map(backoffMs)).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffMs(30)).toBe(3_600_000);
  });
});
