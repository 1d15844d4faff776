import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complete, HOUSEHOLDS } from '../fixtures/households.js';
import { applicant, createTestApp, DIALECTS, type TestApp } from './harness.js';

/**
 * Each demo household of domain.md §6 through the server API: draft, autosave, read back the computed
 * Anlagen (per person) and evidence items, submit, and find the work item in the right jobcenter.
 */
describe.each(DIALECTS)('demo households through the API on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  for (const h of HOUSEHOLDS) {
    it(`${h.name}: exactly its Anlagen and evidence, then submitted and routed`, async () => {
      const a = await applicant(t);
      const start = await a.post('/api/applications', { portalJobcenterId: 'musterstadt' });
      expect(start.status).toBe(201);
      const answers = complete(h.answers, start.body.applicationDate);
      const saved = await a.request('PUT', `/api/applications/${start.body.id}/answers`, { body: { answers }, headers: { 'if-match': `"${start.body.version}"` } });
      expect(saved.status).toBe(200);
      const view = await a.get(`/api/applications/${start.body.id}`);
      expect(view.body.anlagen.map((x: { key: string }) => x.key).sort()).toEqual([...h.anlagen].sort());
      const evidence = view.body.evidence.map((x: { id: string }) => x.id).filter((id: string) => id !== 'other');
      expect(evidence.sort()).toEqual([...h.evidence].sort());
      const submitted = await a.request('POST', `/api/applications/${start.body.id}/submit`, {
        headers: { 'if-match': `"${saved.body.version}"`, 'idempotency-key': `household-${h.name.replace(/\W/g, '').slice(0, 40)}` },
      });
      expect(submitted.status, JSON.stringify(submitted.body.errors ?? '')).toBe(200);
      await t.outbox.drain();
      const item = await t.deps.db.db.selectFrom('work_items').selectAll().where('ref_id', '=', start.body.id).executeTakeFirstOrThrow();
      expect(item).toMatchObject({ type: 'ade', jobcenter_id: 'musterstadt' });
    });
  }

  it('routes the application to the jobcenter responsible for the address in the Hauptantrag', async () => {
    const a = await applicant(t);
    const start = await a.post('/api/applications', { portalJobcenterId: 'musterstadt' });
    const base = complete(HOUSEHOLDS[0].answers, start.body.applicationDate);
    const answers = { ...base, main: { ...base.main, postalCode: '00311', city: 'Hafenstadt' } };
    const saved = await a.request('PUT', `/api/applications/${start.body.id}/answers`, { body: { answers }, headers: { 'if-match': `"${start.body.version}"` } });
    await a.request('POST', `/api/applications/${start.body.id}/submit`, { headers: { 'if-match': `"${saved.body.version}"`, 'idempotency-key': 'household-hafenstadt-1' } });
    await t.outbox.drain();
    const item = await t.deps.db.db.selectFrom('work_items').selectAll().where('ref_id', '=', start.body.id).executeTakeFirstOrThrow();
    expect(item).toMatchObject({ jobcenter_id: 'hafenstadt', postkorb_id: 'hafenstadt-eingang' });
    const archived = await t.deps.db.db.selectFrom('eakte_documents').select('jobcenter_id').where('external_key', '=', `ade:${start.body.id}`).executeTakeFirstOrThrow();
    expect(archived.jobcenter_id).toBe('hafenstadt');
  });
});
