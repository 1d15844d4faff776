import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_JOBCENTERS } from '../../server/jobcenters/demo-jobcenters.js';
import { applicant, createTestApp, DIALECTS, tdaBody, type TestApp } from './harness.js';

/** One TdA per seeded rule (plus the defaults), each crafted so that exactly that rule is the first match. */
const CASES: { name: string; body: Record<string, unknown>; jobcenter: string; postkorb: string; rule: string | null }[] = [
  { name: 'U25', body: { birthDate: '2005-06-01', lastName: 'Zimmer' }, jobcenter: 'musterstadt', postkorb: 'musterstadt-u25', rule: 'musterstadt-r1' },
  { name: 'language', body: { contactLanguage: 'uk', lastName: 'Bondarenko' }, jobcenter: 'musterstadt', postkorb: 'musterstadt-international', rule: 'musterstadt-r2' },
  { name: 'PLZ Nord', body: { postalCode: '00155', lastName: 'Albers' }, jobcenter: 'musterstadt', postkorb: 'musterstadt-nord', rule: 'musterstadt-r3' },
  { name: 'A–K (umlaut folded)', body: { lastName: 'Çelik' }, jobcenter: 'musterstadt', postkorb: 'musterstadt-a-k', rule: 'musterstadt-r4' },
  { name: 'L–Z', body: { lastName: 'Łukaszewicz' }, jobcenter: 'musterstadt', postkorb: 'musterstadt-l-z', rule: 'musterstadt-r5' },
  { name: 'default (non-Latin surname)', body: { lastName: 'Шевченко', firstName: 'Олена' }, jobcenter: 'musterstadt', postkorb: 'musterstadt-eingang', rule: null },
  { name: 'Außenstelle', body: { postalCode: '00281', city: 'Talheim' }, jobcenter: 'beispielkreis', postkorb: 'beispielkreis-aussenstelle', rule: 'beispielkreis-r1' },
  { name: 'Beispielkreis default', body: { postalCode: '00210', city: 'Beispielstadt' }, jobcenter: 'beispielkreis', postkorb: 'beispielkreis-eingang', rule: null },
  { name: 'Hafenstadt multilingual', body: { postalCode: '00310', contactLanguage: 'ar', firstName: 'محمد', lastName: 'العلي' }, jobcenter: 'hafenstadt', postkorb: 'hafenstadt-mehrsprachig', rule: 'hafenstadt-r1' },
  { name: 'Bergland-Süd (not live) default', body: { postalCode: '00410', city: 'Bergdorf' }, jobcenter: 'bergland-sued', postkorb: 'bergland-sued-eingang', rule: null },
];

describe.each(DIALECTS)('routing by the dezentrales Regelwerk on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  it('routes each TdA into the Postkorb of the first matching rule, or the default Postkorb', async () => {
    const a = await applicant(t);
    const ids: Record<string, string> = {};
    for (const c of CASES) {
      const res = await a.post('/api/tda', tdaBody(c.body), { 'idempotency-key': `routing-${c.name.replace(/\W/g, '')}-0001` });
      expect(res.status, c.name).toBe(201);
      ids[c.name] = res.body.id;
    }
    await t.outbox.drain();
    for (const c of CASES) {
      const item = await t.deps.db.db.selectFrom('work_items').selectAll().where('ref_id', '=', ids[c.name]).executeTakeFirstOrThrow();
      expect({ jobcenter: item.jobcenter_id, postkorb: item.postkorb_id, rule: item.rule_id }, c.name).toEqual({
        jobcenter: c.jobcenter,
        postkorb: c.postkorb,
        rule: c.rule,
      });
    }
  });

  it('hits every seeded rule at least once', () => {
    // Rules for other item types (the OAP rules → Markt & Integration) are covered in oap.test.ts.
    const seeded = DEMO_JOBCENTERS.flatMap((j) => j.rules.filter((r) => !r.condition.types || r.condition.types.includes('tda')).map((r) => r.id)).sort();
    const hit = [...new Set(CASES.map((c) => c.rule).filter((r): r is string => r !== null))].sort();
    expect(hit).toEqual(seeded);
  });

  it('re-running a routing job changes nothing (idempotent per work item)', async () => {
    const a = await applicant(t);
    const res = await a.post('/api/tda', tdaBody(), { 'idempotency-key': 'routing-repeat-0001' });
    await t.outbox.drain();
    const { enqueue } = await import('../../server/outbox/outbox.js');
    await enqueue(t.deps.db.db, t.clock, 'tda.route', { tdaId: res.body.id });
    await t.outbox.drain();
    const items = await t.deps.db.db.selectFrom('work_items').select('id').where('ref_id', '=', res.body.id).execute();
    expect(items).toHaveLength(1);
  });
});
