import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../server/audit/audit.js';
import { Agent, createTestApp, DIALECTS, staffAgent, type StaffAgent, type TestApp } from './harness.js';
import { berlinDate } from '../../domain/dates.js';

const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe.each(DIALECTS)('IBD (Information zur Bearbeitungsdauer) on %s', (dialect) => {
  let t: TestApp;
  let pub: Agent;
  let uwe: StaffAgent; // jobcenter_admin, Musterstadt
  let klaus: StaffAgent; // rd_admin
  let lea: StaffAgent; // leistung, Musterstadt
  let nina: StaffAgent; // support
  let today: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    pub = new Agent(t);
    uwe = await staffAgent(t, { email: 'admin@musterstadt.example' });
    klaus = await staffAgent(t, { email: 'rd-admin@regionaldirektion.example' });
    lea = await staffAgent(t, { email: 'leistung@musterstadt.example' });
    nina = await staffAgent(t, { email: 'support@regionaldirektion.example' });
    today = berlinDate(t.clock.now());
  });
  afterAll(() => t.close());

  const notice = (jc: string, query: string, headers?: Record<string, string>) => pub.get(`/api/jobcenters/${jc}/ibd?${query}`, headers);

  it('selects the version in force on the date, fills the placeholders, and falls back before the first one', async () => {
    const now = await notice('musterstadt', 'type=erstantrag');
    expect(now.status).toBe(200);
    expect(now.body).toMatchObject({ available: true, fallback: false, version: 1, effectiveFrom: '2022-10-04', lang: 'de' });
    expect(now.body.text).toBe('Erstanträge bearbeiten wir in der Regel innerhalb von 3 Wochen, sobald alle Unterlagen vorliegen. Fragen beantwortet das Jobcenter Musterstadt unter 0000 123450.');
    const later = await notice('musterstadt', `type=erstantrag&date=${addDays(today, 61)}`);
    expect(later.body).toMatchObject({ version: 2, fallback: false });
    expect(later.body.text).toContain('innerhalb von 2 Wochen');
    const before = await notice('musterstadt', 'type=erstantrag&date=2022-10-03');
    expect(before.body).toMatchObject({ available: true, fallback: true, version: null, effectiveFrom: null });
    expect(before.body.text).toContain('Jobcenter Musterstadt');
    expect(before.body.text).not.toMatch(/\{\w+\}/);
  });

  it('answers in English when asked and a text exists, German otherwise; other types and jobcenters fall back', async () => {
    const en = await notice('musterstadt', 'type=erstantrag', { 'accept-language': 'en-GB,en;q=0.9' });
    expect(en.body).toMatchObject({ lang: 'en', fallback: false });
    expect(en.body.text).toContain('within 3 weeks');
    const deOnly = await notice('hafenstadt', 'type=weiterbewilligung', { 'accept-language': 'en' });
    expect(deOnly.body).toMatchObject({ lang: 'de', fallback: false });
    expect(deOnly.body.text).toContain('innerhalb von 4 Wochen');
    const fb = await notice('beispielkreis', 'type=veraenderung', { 'accept-language': 'en' });
    expect(fb.body).toMatchObject({ available: true, fallback: true, lang: 'en' });
    expect(fb.body.text).toContain('Jobcenter Landkreis Beispielkreis');
  });

  it('404 for an unknown jobcenter, 400 naming the field for a bad type or date, unavailable before go-live', async () => {
    expect((await notice('nirgendwo', 'type=erstantrag')).status).toBe(404);
    const badType = await notice('musterstadt', 'type=antrag');
    expect(badType.status).toBe(400);
    expect(badType.body.errors).toEqual([expect.objectContaining({ path: 'type' })]);
    const noType = await notice('musterstadt', '');
    expect(noType.status).toBe(400);
    const badDate = await notice('musterstadt', 'type=erstantrag&date=2026-02-30');
    expect(badDate.status).toBe(400);
    expect(badDate.body.errors).toEqual([expect.objectContaining({ path: 'date', code: 'invalid_date' })]);
    const off = await notice('bergland-sued', 'type=erstantrag');
    expect(off.status).toBe(200);
    expect(off.body).toEqual({ available: false });
  });

  it('lets the own jobcenter admin and RD admins list versions; others get 404 or 403', async () => {
    const own = await uwe.get('/api/admin/jobcenters/musterstadt/ibd');
    expect(own.status).toBe(200);
    expect(own.body.items.map((v: { version: number; current: boolean }) => [v.version, v.current])).toEqual([[2, false], [1, true]]);
    expect((await uwe.get('/api/admin/jobcenters/beispielkreis/ibd')).status).toBe(404);
    expect((await uwe.get('/api/admin/jobcenters/nirgendwo/ibd')).status).toBe(404);
    expect((await klaus.get('/api/admin/jobcenters/beispielkreis/ibd')).status).toBe(200);
    expect((await lea.get('/api/admin/jobcenters/musterstadt/ibd')).status).toBe(403);
    expect((await nina.get('/api/admin/jobcenters/musterstadt/ibd')).status).toBe(403);
    expect((await pub.get('/api/admin/jobcenters/musterstadt/ibd')).status).toBe(401);
    expect((await uwe.post('/api/admin/jobcenters/beispielkreis/ibd', { type: 'erstantrag', text: 'x'.repeat(30), effectiveFrom: today })).status).toBe(404);
    expect((await lea.post('/api/admin/jobcenters/musterstadt/ibd', { type: 'erstantrag', text: 'x'.repeat(30), effectiveFrom: today })).status).toBe(403);
  });

  it('validates new versions with field errors (never 500): length, placeholders, past dates, weeks, unknown fields', async () => {
    const post = (body: unknown) => uwe.post('/api/admin/jobcenters/musterstadt/ibd', body);
    const base = { type: 'erstantrag', text: 'Wir bearbeiten Erstanträge innerhalb von {weeks} Wochen.', weeks: 3, effectiveFrom: today };
    const cases: [unknown, string, string][] = [
      [{ ...base, text: 'Zu kurz.' }, 'text', 'too_small'],
      [{ ...base, text: 'y'.repeat(601) }, 'text', 'too_long'],
      [{ ...base, text: 'Hallo {name}, wir bearbeiten das in {weeks} Wochen.' }, 'text', 'unknown_placeholder'],
      [{ ...base, weeks: undefined }, 'weeks', 'required'],
      [{ ...base, weeks: 0 }, 'weeks', 'too_small'],
      [{ ...base, effectiveFrom: '2026-13-01' }, 'effectiveFrom', 'invalid_date'],
      [{ ...base, effectiveFrom: addDays(today, -1) }, 'effectiveFrom', 'date_in_past'],
      [{ ...base, type: 'wba' }, 'type', 'invalid_value'],
      [{ ...base, createdBy: 'someone' }, 'createdBy', 'unknown_field'],
    ];
    for (const [body, path, code] of cases) {
      const res = await post(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.errors, JSON.stringify(res.body)).toContainEqual(expect.objectContaining({ path, code }));
    }
    expect((await uwe.request('POST', '/api/admin/jobcenters/musterstadt/ibd', { raw: 'type=erstantrag', headers: { 'content-type': 'text/plain' } })).status).toBe(415);
    expect((await uwe.request('POST', '/api/admin/jobcenters/musterstadt/ibd', { raw: '{', headers: { 'content-type': 'application/json' } })).status).toBe(400);
  });

  it('stores a new version without touching old ones, previews it, serves it from its date, and audits it', async () => {
    const before = await t.deps.db.db.selectFrom('ibd_texts').selectAll().where('jobcenter_id', '=', 'musterstadt').execute();
    const res = await uwe.post('/api/admin/jobcenters/musterstadt/ibd', {
      type: 'erstantrag',
      text: 'Neu: Erstanträge bearbeiten wir meist in {weeks} Wochen. Ihr {jobcenter}.',
      textEn: 'New: we usually process first applications in {weeks} weeks. Your {jobcenter}.',
      weeks: 4,
      effectiveFrom: today,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ version: 3, createdBy: 'staff-musterstadt-admin', effectiveFrom: today });
    expect(res.body.preview).toEqual({ de: 'Neu: Erstanträge bearbeiten wir meist in 4 Wochen. Ihr Jobcenter Musterstadt.', en: 'New: we usually process first applications in 4 weeks. Your Jobcenter Musterstadt.' });
    const served = await notice('musterstadt', 'type=erstantrag');
    expect(served.body).toMatchObject({ version: 3, text: res.body.preview.de });
    // The future seeded version still wins from its own date on.
    expect((await notice('musterstadt', `type=erstantrag&date=${addDays(today, 61)}`)).body.version).toBe(2);
    const after = await t.deps.db.db.selectFrom('ibd_texts').selectAll().where('jobcenter_id', '=', 'musterstadt').execute();
    expect(after).toHaveLength(before.length + 1);
    for (const old of before) expect(after).toContainEqual(old);
    const audit = await t.deps.db.db.selectFrom('audit_log').selectAll().where('object_type', '=', 'ibd_text').where('object_id', '=', res.body.id).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_id: 'staff-musterstadt-admin', action: 'write' });
    expect(JSON.stringify(audit[0])).not.toContain('Erstanträge');
    expect((await verifyAuditChain(t.deps.db.db)).ok).toBe(true);
    const rd = await klaus.post('/api/admin/jobcenters/beispielkreis/ibd', { type: 'veraenderung', text: 'Veränderungen bearbeiten wir zügig, meist in {weeks} Wochen.', weeks: 2, effectiveFrom: addDays(today, 5) });
    expect(rd.status).toBe(201);
    expect((await notice('beispielkreis', 'type=veraenderung')).body.fallback).toBe(true);
    expect((await notice('beispielkreis', `type=veraenderung&date=${addDays(today, 5)}`)).body).toMatchObject({ fallback: false, version: 1 });
  });
});
