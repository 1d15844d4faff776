import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complete, HOUSEHOLDS } from '../fixtures/households.js';
import { Agent, applicant, createTestApp, DIALECTS, staffAgent, tdaBody, type StaffAgent, type TestApp } from './harness.js';
import { berlinDate } from '../../domain/dates.js';

const CFG = '/api/admin/jobcenters/musterstadt';
const SUBJECT = { type: 'tda', surname: 'Müller', birthDate: '1988-04-12', postalCode: '00123', language: 'de', applicationDate: '2026-11-25' };
const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const NEW_RULE = { id: 'musterstadt-r-m', name: 'Nachname M → Team Nord', condition: { surnameFrom: 'M', surnameTo: 'M' }, postkorbId: 'musterstadt-nord' };

describe.each(DIALECTS)('jobcenter configuration admin on %s', (dialect) => {
  let t: TestApp;
  let admin: StaffAgent;
  let rd: StaffAgent;
  let other: StaffAgent;
  let lea: StaffAgent;
  let etag: string;
  let doc: any;
  const reload = async () => {
    const res = await admin.get(`${CFG}/config`);
    etag = res.headers.get('etag')!;
    doc = res.body.document;
    return res;
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await staffAgent(t, { email: 'admin@musterstadt.example' });
    rd = await staffAgent(t, { email: 'rd-admin@regionaldirektion.example' });
    other = await staffAgent(t, { email: 'admin@beispielkreis.example' });
    lea = await staffAgent(t, { email: 'leistung@musterstadt.example' });
  });
  afterAll(() => t.close());

  it('shows the current configuration document with its version as ETag', async () => {
    const res = await reload();
    expect(res.status).toBe(200);
    expect(etag).toBe('"0"');
    expect(doc).toMatchObject({ schema: 'urn:jc:jobcenter-config', schemaVersion: 2, jobcenterId: 'musterstadt', theme: 'musterstadt' });
    expect(doc.rules.map((r: any) => r.id)).toEqual(['musterstadt-r0-oap', 'musterstadt-r1', 'musterstadt-r2', 'musterstadt-r3', 'musterstadt-r4', 'musterstadt-r5']);
    expect(doc.postkoerbe.find((p: any) => p.isDefault).id).toBe('musterstadt-eingang');
  });

  it('scopes: own jobcenter admin and RD admin yes; other staff 403, other jobcenter 404, no session 401', async () => {
    expect((await rd.get(`${CFG}/config`)).status).toBe(200);
    expect((await lea.get(`${CFG}/config`)).status).toBe(403);
    expect((await other.get(`${CFG}/config`)).status).toBe(404);
    expect((await other.post(`${CFG}/simulate`, { subject: SUBJECT })).status).toBe(404);
    expect((await rd.get('/api/admin/jobcenters/nirgendwo/config')).status).toBe(404);
    expect((await new Agent(t).get(`${CFG}/config`)).status).toBe(401);
    const support = await staffAgent(t, { email: 'support@regionaldirektion.example' });
    expect((await support.get(`${CFG}/config/export`)).status).toBe(403);
  });

  it('evaluates rules in order, and the simulation says where a real TdA lands', async () => {
    await reload();
    const before = await admin.post(`${CFG}/simulate`, { subject: SUBJECT });
    expect(before.body).toMatchObject({ postkorbId: 'musterstadt-l-z', ruleId: 'musterstadt-r5' });
    expect(before.body.trace.at(-1)).toEqual({ ruleId: 'musterstadt-r5', matched: true, reasons: [] });
    expect(before.body.trace[1]).toMatchObject({ ruleId: 'musterstadt-r1', matched: false, reasons: ['age'] });
    // Unsaved preview: the new rule before L–Z wins.
    const rules = [...doc.rules.slice(0, 5), NEW_RULE, doc.rules[5]];
    const preview = await admin.post(`${CFG}/simulate`, { subject: SUBJECT, rules, postkoerbe: doc.postkoerbe });
    expect(preview.body).toMatchObject({ postkorbId: 'musterstadt-nord', postkorbName: 'Team Nord', ruleId: 'musterstadt-r-m' });

    const put = await admin.request('PUT', `${CFG}/rules`, { body: { postkoerbe: doc.postkoerbe, rules }, headers: { 'if-match': etag } });
    expect(put.status).toBe(200);
    expect(put.headers.get('etag')).toBe('"1"');
    const sim = await admin.post(`${CFG}/simulate`, { subject: { ...SUBJECT, applicationDate: new Date().toISOString().slice(0, 10) } });
    expect(sim.body).toMatchObject({ postkorbId: 'musterstadt-nord', ruleId: 'musterstadt-r-m' });
    const a = await applicant(t);
    const tda = await a.post('/api/tda', tdaBody({ lastName: 'Müller' }), { 'idempotency-key': 'admin-sim-0001' });
    expect(tda.status).toBe(201);
    await t.outbox.drain();
    const item = await t.deps.db.db.selectFrom('work_items').selectAll().where('ref_id', '=', tda.body.id).executeTakeFirstOrThrow();
    expect({ postkorb: item.postkorb_id, rule: item.rule_id }).toEqual({ postkorb: sim.body.postkorbId, rule: sim.body.ruleId });
  });

  it('routes a submitted ADE by an Anlage present (the job passes the Anlagen codes)', async () => {
    await reload();
    const kdu = { id: 'musterstadt-r-kdu', name: 'ADE mit Anlage KDU → Team Nord', condition: { types: ['ade'], anlagen: ['KDU'] }, postkorbId: 'musterstadt-nord' };
    const put = await admin.request('PUT', `${CFG}/rules`, { body: { postkoerbe: doc.postkoerbe, rules: [kdu, ...doc.rules] }, headers: { 'if-match': etag } });
    expect(put.status).toBe(200);
    const a = await applicant(t);
    const draft = await a.post('/api/applications', { portalJobcenterId: 'musterstadt' });
    const answers = complete(HOUSEHOLDS[0].answers, draft.body.applicationDate);
    expect((await a.request('PUT', `/api/applications/${draft.body.id}/answers`, { body: { answers }, headers: { 'if-match': '"1"' } })).status).toBe(200);
    const sub = await a.request('POST', `/api/applications/${draft.body.id}/submit`, { headers: { 'if-match': '"2"', 'idempotency-key': 'admin-ade-kdu-0001' } });
    expect(sub.status).toBe(200);
    await t.outbox.drain();
    const item = await t.deps.db.db.selectFrom('work_items').selectAll().where('ref_id', '=', draft.body.id).executeTakeFirstOrThrow();
    expect({ postkorb: item.postkorb_id, rule: item.rule_id }).toEqual({ postkorb: 'musterstadt-nord', rule: 'musterstadt-r-kdu' });
    // back to the rule set before, so the versions below stay as they were
    await reload();
    expect((await admin.request('PUT', `${CFG}/rules`, { body: { postkoerbe: doc.postkoerbe, rules: doc.rules.slice(1) }, headers: { 'if-match': etag } })).status).toBe(200);
  });

  it('needs If-Match and refuses a stale one', async () => {
    await reload();
    expect((await admin.request('PUT', `${CFG}/theme`, { body: { theme: 'dark' } })).status).toBe(428);
    const stale = await admin.request('PUT', `${CFG}/theme`, { body: { theme: 'dark' }, headers: { 'if-match': '"0"' } });
    expect(stale.status).toBe(412);
    expect(stale.body.currentVersion).toBe(3);
    expect((await admin.request('PUT', `${CFG}/theme`, { body: { theme: 'neon' }, headers: { 'if-match': etag } })).status).toBe(400);
  });

  it('rejects broken rule sets with 422 and the list of problems', async () => {
    await reload();
    const put = (body: unknown) => admin.request('PUT', `${CFG}/rules`, { body, headers: { 'if-match': etag } });
    const noDefault = await put({ postkoerbe: doc.postkoerbe.map((p: any) => ({ ...p, isDefault: false })), rules: doc.rules });
    expect(noDefault.status).toBe(422);
    expect(noDefault.body.problems).toContainEqual({ code: 'no-default' });
    const shadowed = await put({ postkoerbe: doc.postkoerbe, rules: [...doc.rules, { ...NEW_RULE, id: 'musterstadt-r-late' }] });
    expect(shadowed.body.problems).toContainEqual({ code: 'unreachable', ruleId: 'musterstadt-r-late', shadowedBy: 'musterstadt-r-m' });
    const bad = await put({ postkoerbe: doc.postkoerbe, rules: [{ ...NEW_RULE, id: 'x1', postkorbId: 'nowhere', condition: { ageFrom: 30, ageUnder: 20 } }] });
    expect(bad.body.problems).toEqual(expect.arrayContaining([{ code: 'unknown-postkorb', ruleId: 'x1', postkorbId: 'nowhere' }, { code: 'age-range', ruleId: 'x1' }]));
    expect((await put({ postkoerbe: doc.postkoerbe, rules: [{ ...NEW_RULE, condition: { colour: 'red' } }] })).status).toBe(400);
    const taken = await put({ postkoerbe: [...doc.postkoerbe, { id: 'beispielkreis-eingang', name: 'Fremd', isDefault: false }], rules: doc.rules });
    expect(taken.body.problems).toContainEqual({ code: 'id-taken', postkorbId: 'beispielkreis-eingang' });
    expect((await reload()).headers.get('etag')).toBe('"3"');
  });

  it('validates origins and CORS sees a change at once', async () => {
    await reload();
    const origin = new Agent(t, 'https://neu.example');
    expect((await origin.get('/api/jobcenters/musterstadt')).headers.get('access-control-allow-origin')).toBeNull();
    const put = (allowedOrigins: string[]) => admin.request('PUT', `${CFG}/origins`, { body: { allowedOrigins }, headers: { 'if-match': etag } });
    const bad = await put(['http://evil.example', 'https://*.example', 'https://a.example/pfad', 'kein origin']);
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: any) => [e.path, e.code])).toEqual([
      ['allowedOrigins.0', 'origin_not_https'],
      ['allowedOrigins.1', 'origin_wildcard'],
      ['allowedOrigins.2', 'origin_path'],
      ['allowedOrigins.3', 'invalid_origin'],
    ]);
    const ok = await put([...doc.allowedOrigins, 'https://NEU.example/', 'http://localhost:8080']);
    expect(ok.status).toBe(200);
    expect(ok.body.document.allowedOrigins).toEqual([...doc.allowedOrigins, 'https://neu.example', 'http://localhost:8080']);
    expect((await origin.get('/api/jobcenters/musterstadt')).headers.get('access-control-allow-origin')).toBe('https://neu.example');
  });

  it('export → import round trip: unchanged is an empty diff; a change needs a second admin; stale gets 409', async () => {
    const exp = await admin.get(`${CFG}/config/export`);
    expect(exp.status).toBe(200);
    expect(exp.headers.get('content-disposition')).toMatch(/^attachment; filename="jobcenter-config-musterstadt-v\d+\.json"$/);
    const same = await admin.post(`${CFG}/config/import`, exp.body);
    expect(same.status).toBe(201);
    expect(same.body.diff).toEqual([]);
    expect((await admin.post(`${CFG}/config/import`, { ...exp.body, jobcenterId: 'beispielkreis' })).body.problems).toEqual([{ code: 'jobcenter-mismatch' }]);
    expect((await admin.post(`${CFG}/config/import`, { ...exp.body, schemaVersion: 3 })).status).toBe(400);
    expect((await admin.post(`${CFG}/config/import`, { ...exp.body, schemaVersion: 1 })).status).toBe(400); // version 1 has no ibd
    const { ibd: _, ...noIbd } = exp.body;
    expect((await admin.post(`${CFG}/config/import`, noIbd)).status).toBe(400); // version 2 needs it

    const changed = { ...exp.body, theme: 'high-contrast', rules: exp.body.rules.filter((r: any) => r.id !== 'musterstadt-r-m') };
    const imp = await admin.post(`${CFG}/config/import`, changed);
    expect(imp.body.diff.map((l: any) => [l.op, l.area, l.id])).toEqual([
      ['removed', 'rule', 'musterstadt-r-m'],
      ['changed', 'theme', 'theme'],
    ]);
    expect((await admin.get(`${CFG}/config`)).body.document.theme).toBe('musterstadt'); // never applied by import
    expect((await admin.post(`${CFG}/config/changes/${imp.body.id}/approve`, {})).status).toBe(403);
    const before = (await admin.get(`${CFG}/config`)).body.version;
    const ok = await rd.post(`${CFG}/config/changes/${imp.body.id}/approve`, {});
    expect(ok.status).toBe(200);
    expect(ok.body.version).toBe(before + 1);
    const now = (await reload()).body.document;
    expect(now.theme).toBe('high-contrast');
    expect(now.rules.map((r: any) => r.id)).not.toContain('musterstadt-r-m');
    expect((await rd.post(`${CFG}/config/changes/${imp.body.id}/approve`, {})).status).toBe(409);

    const again = await admin.post(`${CFG}/config/import`, { ...now, theme: 'dark' });
    expect((await admin.request('PUT', `${CFG}/theme`, { body: { theme: 'default' }, headers: { 'if-match': etag } })).status).toBe(200);
    const stale = await rd.post(`${CFG}/config/changes/${again.body.id}/approve`, {});
    expect(stale.status).toBe(409);
    expect(stale.body.diff.map((l: any) => l.text)).toEqual(['Theme default → dark']);
    expect((await rd.post(`${CFG}/config/changes/${again.body.id}/approve`, {})).status).toBe(200);
    expect((await reload()).body.document.theme).toBe('dark');
    const pending = await rd.get(`${CFG}/config/changes`);
    expect(pending.body.items.map((c: any) => c.id)).toEqual([same.body.id]);
    expect((await rd.post(`${CFG}/config/changes/${same.body.id}/reject`, {})).body.status).toBe('rejected');
  });

  it('audits every configuration change with object ids only, versions each applied document', async () => {
    const rows = await t.deps.db.db.selectFrom('audit_log').selectAll().where('object_type', 'in', ['jobcenter_config', 'config_change']).orderBy('seq').execute();
    expect(rows.filter((r) => r.object_type === 'jobcenter_config').map((r) => r.object_id)).toEqual(['musterstadt:1', 'musterstadt:2', 'musterstadt:3', 'musterstadt:4', 'musterstadt:5', 'musterstadt:6', 'musterstadt:7']);
    expect(rows.every((r) => r.action === 'write' && r.actor_id.startsWith('staff-'))).toBe(true);
    const versions = await t.deps.db.db.selectFrom('config_versions').select(['version', 'source', 'created_by']).where('jobcenter_id', '=', 'musterstadt').orderBy('version').execute();
    expect(versions.map((v) => [Number(v.version), v.source])).toEqual([[1, 'rules'], [2, 'rules'], [3, 'rules'], [4, 'origins'], [5, 'import'], [6, 'theme'], [7, 'import']]);
  });

  it('takes feedback from jobcenter staff and shows it to RD admins per jobcenter', async () => {
    expect((await lea.post(`${CFG}/feedback`, { text: 'Bitte ein Feld für die Telefonzeiten.' })).status).toBe(201);
    expect((await other.post(`${CFG}/feedback`, { text: 'x' })).status).toBe(404);
    expect((await rd.post(`${CFG}/feedback`, { text: 'x' })).status).toBe(404);
    expect((await lea.post(`${CFG}/feedback`, { text: '' })).status).toBe(400);
    const list = await rd.get('/api/admin/feedback?jobcenter=musterstadt');
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ jobcenterId: 'musterstadt', staffId: 'staff-musterstadt-leistung' });
    expect((await rd.get('/api/admin/feedback?jobcenter=beispielkreis')).body.items).toEqual([]);
    expect((await lea.get('/api/admin/feedback')).status).toBe(403);
  });

  describe('IBD texts in the configuration document', () => {
    const ERST = 'Erstanträge bearbeiten wir in der Regel innerhalb von {weeks} Wochen, sobald alle Unterlagen vorliegen. Fragen beantwortet das {jobcenter} unter {phone}.';
    const NEU = 'Erstanträge bearbeiten wir derzeit innerhalb von {weeks} Wochen, wenn alle Unterlagen da sind.';
    const WBA = 'Weiterbewilligungsanträge bearbeiten wir in der Regel innerhalb von {weeks} Wochen.';
    let today: string;
    const ibdRows = () => t.deps.db.db.selectFrom('ibd_texts').selectAll().where('jobcenter_id', '=', 'musterstadt').orderBy('type').orderBy('version').execute();
    const exportDoc = async () => (await admin.get(`${CFG}/config/export`)).body;
    beforeAll(() => {
      today = berlinDate(t.clock.now());
    });

    it('exports the version in force today and the future ones; unchanged re-import is an empty diff', async () => {
      const exp = await exportDoc();
      expect(exp.schemaVersion).toBe(2);
      expect(exp.ibd.map((e: any) => [e.type, e.weeks, e.effectiveFrom > today])).toEqual([
        ['erstantrag', 3, false],
        ['erstantrag', 2, true],
      ]);
      expect(exp.ibd[0]).toMatchObject({ text: ERST, effectiveFrom: '2022-10-04', textEn: expect.stringContaining('{weeks} weeks') });
      const same = await admin.post(`${CFG}/config/import`, exp);
      expect(same.status).toBe(201);
      expect(same.body.diff).toEqual([]);
      expect((await rd.post(`${CFG}/config/changes/${same.body.id}/reject`, {})).status).toBe(200);
    });

    it('validates entries like POST …/ibd and refuses removing or doubling a version', async () => {
      const exp = await exportDoc();
      const future = exp.ibd[1].effectiveFrom;
      const bad = await admin.post(`${CFG}/config/import`, {
        ...exp,
        ibd: [...exp.ibd, { type: 'veraenderung', text: 'zu kurz', effectiveFrom: future }, { type: 'veraenderung', text: 'Veränderungen bearbeiten wir sofort, Rückfragen unter {wochen}.', effectiveFrom: future }, { type: 'weiterbewilligung', text: WBA, effectiveFrom: future }],
      });
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((e: any) => e.path)).toEqual(['ibd.2.text', 'ibd.3.text', 'ibd.4.weeks']);
      const removed = await admin.post(`${CFG}/config/import`, { ...exp, ibd: [exp.ibd[0]] });
      expect(removed.status).toBe(422);
      expect(removed.body.problems).toEqual([{ code: 'ibd-removed', ibdType: 'erstantrag', effectiveFrom: future }]);
      const twice = await admin.post(`${CFG}/config/import`, { ...exp, ibd: [...exp.ibd, { ...exp.ibd[1], weeks: 4 }] });
      expect(twice.status).toBe(422);
      expect(twice.body.problems).toEqual([{ code: 'ibd-duplicate', ibdType: 'erstantrag', effectiveFrom: future }]);
    });

    it('diffs IBD changes, and approval appends versions for the changed entries only (past dates take effect today)', async () => {
      const exp = await exportDoc();
      const future = exp.ibd[1].effectiveFrom;
      const wbaDate = addDays(today, 10);
      const next = {
        ...exp,
        ibd: [{ ...exp.ibd[0], text: NEU }, { ...exp.ibd[1], weeks: 5 }, { type: 'weiterbewilligung', text: WBA, weeks: 4, effectiveFrom: wbaDate }],
      };
      const before = await ibdRows();
      const imp = await admin.post(`${CFG}/config/import`, next);
      expect(imp.status).toBe(201);
      expect(imp.body.diff).toEqual([
        { op: 'changed', area: 'ibd', id: `erstantrag:${today}`, text: `IBD Erstantrag ab ${today} (heute; das Datum 2022-10-04 im Dokument liegt in der Vergangenheit): neuer Text „${NEU.slice(0, 59)}…“` },
        { op: 'changed', area: 'ibd', id: `erstantrag:${future}`, text: `IBD Erstantrag ab ${future}: Wochen 2 → 5` },
        { op: 'added', area: 'ibd', id: `weiterbewilligung:${wbaDate}`, text: `IBD Weiterbewilligung ab ${wbaDate}: neuer Text „${WBA.slice(0, 59)}…“; Wochen 4` },
      ]);
      expect(await ibdRows()).toEqual(before); // import never applies
      expect((await admin.post(`${CFG}/config/changes/${imp.body.id}/approve`, {})).status).toBe(403);
      const ok = await rd.post(`${CFG}/config/changes/${imp.body.id}/approve`, {});
      expect(ok.status).toBe(200);
      const after = await ibdRows();
      expect(after.slice(0, before.length)).toEqual(before); // append-only
      expect(after.slice(before.length).map((r) => [r.type, Number(r.version), r.effective_from, r.weeks === null ? null : Number(r.weeks), r.created_by])).toEqual([
        ['erstantrag', 3, today, 3, 'staff-rd-admin'],
        ['erstantrag', 4, future, 5, 'staff-rd-admin'],
        ['weiterbewilligung', 1, wbaDate, 4, 'staff-rd-admin'],
      ]);
      const audited = await t.deps.db.db.selectFrom('audit_log').select('object_id').where('object_type', '=', 'ibd_text').execute();
      expect(audited.map((r) => r.object_id)).toEqual(expect.arrayContaining(after.slice(before.length).map((r) => r.id)));
      const notice = await new Agent(t).get('/api/jobcenters/musterstadt/ibd?type=erstantrag');
      expect(notice.body).toMatchObject({ version: 3, effectiveFrom: today, fallback: false });
      expect(notice.body.text).toContain('derzeit innerhalb von 3 Wochen');

      // Round trip after the change: the new versions export, and re-importing them changes nothing.
      const again = await exportDoc();
      expect(again.ibd.map((e: any) => [e.type, e.effectiveFrom, e.weeks])).toEqual([
        ['erstantrag', today, 3],
        ['erstantrag', future, 5],
        ['weiterbewilligung', wbaDate, 4],
      ]);
      const same = await admin.post(`${CFG}/config/import`, again);
      expect(same.body.diff).toEqual([]);
      expect((await rd.post(`${CFG}/config/changes/${same.body.id}/approve`, {})).status).toBe(200);
      expect(await ibdRows()).toHaveLength(after.length);
    });

    it('imports a version-1 document (no ibd) and leaves the IBD texts as they are', async () => {
      const { ibd: _, ...rest } = await exportDoc();
      const before = await ibdRows();
      const imp = await admin.post(`${CFG}/config/import`, { ...rest, schemaVersion: 1, theme: 'beispielkreis' });
      expect(imp.status).toBe(201);
      expect(imp.body.diff.map((l: any) => l.text)).toEqual(['Theme dark → beispielkreis']);
      expect((await rd.post(`${CFG}/config/changes/${imp.body.id}/approve`, {})).status).toBe(200);
      expect(await ibdRows()).toEqual(before);
      expect((await exportDoc()).ibd).toHaveLength(3);
    });

    it('an IBD version saved after the import makes the approval stale (409 with the new diff and the problem)', async () => {
      const exp = await exportDoc();
      const d = addDays(today, 20);
      const imp = await admin.post(`${CFG}/config/import`, { ...exp, ibd: [...exp.ibd, { type: 'veraenderung', text: 'Veränderungen bearbeiten wir in der Regel sofort nach Eingang.', effectiveFrom: d }] });
      expect(imp.body.diff.map((l: any) => l.id)).toEqual([`veraenderung:${d}`]);
      expect((await admin.post(`${CFG}/ibd`, { type: 'weiterbewilligung', text: WBA, weeks: 6, effectiveFrom: addDays(today, 30) })).status).toBe(201);
      const stale = await rd.post(`${CFG}/config/changes/${imp.body.id}/approve`, {});
      const problems = [{ code: 'ibd-removed', ibdType: 'weiterbewilligung', effectiveFrom: addDays(today, 30) }];
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({ diff: [expect.objectContaining({ id: `veraenderung:${d}` })], problems });
      const again = await rd.post(`${CFG}/config/changes/${imp.body.id}/approve`, {});
      expect(again.status).toBe(422); // the document would remove the new version: export again
      expect(again.body.problems).toEqual(problems);
      expect((await rd.post(`${CFG}/config/changes/${imp.body.id}/reject`, {})).status).toBe(200);
    });
  });
});
