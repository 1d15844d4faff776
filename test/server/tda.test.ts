import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tdaReceipt } from '../../domain/tda.js';
import { Agent, applicant, createTestApp, DIALECTS, tdaBody, type TestApp } from './harness.js';

let keyNo = 0;
const newKey = () => `tda-key-${Date.now()}-${++keyNo}`;

describe.each(DIALECTS)('Tag der Antragstellung on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  it('records a TdA with the server timestamp, renders the PDF, hands it to the E-AKTE and routes a work item', async () => {
    const a = await applicant(t);
    const before = Date.now();
    const res = await a.post(
      '/api/tda',
      tdaBody({ firstName: 'Łukasz', lastName: 'Dvořák-Ünal', receivedAt: undefined }),
      { 'idempotency-key': newKey() },
    );
    expect(res.status).toBe(201);
    const receipt = tdaReceipt.parse(res.body);
    expect(Date.parse(receipt.receivedAt)).toBeGreaterThanOrEqual(before - 5);
    expect(receipt.number).toMatch(/^TDA-\d{4}-[0-9A-Z]{6}$/);
    expect(receipt).toMatchObject({
      status: 'received',
      responsibility: 'portal',
      portalJobcenter: { id: 'musterstadt' },
      responsibleJobcenter: { id: 'musterstadt', name: 'Jobcenter Musterstadt', kind: 'ge' },
      pdf: { status: 'pending' },
    });
    expect(res.headers.get('location')).toBe(`/api/tda/${receipt.id}`);
    expect(res.headers.get('cache-control')).toBe('no-store');

    await t.outbox.drain();
    const ready = await a.get(`/api/tda/${receipt.id}`);
    expect(ready.body.status).toBe('processed');
    expect(ready.body.pdf).toMatchObject({ status: 'ready', href: `/api/tda/${receipt.id}/pdf` });

    const pdf = await a.get(ready.body.pdf.href);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toBe(`attachment; filename="Antrag-${receipt.number}.pdf"`);
    const bytes = pdf.body as Uint8Array;
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(ready.body.pdf.sha256);

    const dir = mkdtempSync(join(tmpdir(), 'jc-pdf-'));
    writeFileSync(join(dir, 'tda.pdf'), bytes);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'tda.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('Łukasz');
    expect(text).toContain('Dvořák-Ünal');
    expect(text).toContain(receipt.number);
    expect(text).toContain('Jobcenter Musterstadt');

    const db = t.deps.db.db;
    const archived = await db.selectFrom('eakte_documents').selectAll().where('external_key', '=', `tda:${receipt.id}`).execute();
    expect(archived).toHaveLength(1);
    expect(archived[0].sha256).toBe(ready.body.pdf.sha256);
    expect(JSON.parse(archived[0].metadata)).toMatchObject({ applicationNumber: receipt.number });
    // Encrypted at rest: the stored bytes are not the PDF.
    expect(Buffer.from(archived[0].content).includes(Buffer.from('%PDF-'))).toBe(false);
    const items = await db.selectFrom('work_items').selectAll().where('ref_id', '=', receipt.id).execute();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ type: 'tda', status: 'neu', jobcenter_id: 'musterstadt', postkorb_id: 'musterstadt-a-k', rule_id: 'musterstadt-r4' });
  });

  it('is idempotent: a retry replays, another payload under the same key is 422, a missing key is 400', async () => {
    const a = await applicant(t);
    const key = newKey();
    const first = await a.post('/api/tda', tdaBody(), { 'idempotency-key': key });
    const retry = await a.post('/api/tda', tdaBody(), { 'idempotency-key': key });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toEqual(first.body);
    const other = await a.post('/api/tda', tdaBody({ city: 'Anderswo' }), { 'idempotency-key': key });
    expect(other.status).toBe(422);
    expect(other.body.type).toBe('/problems/idempotency-key-reused');
    const missing = await a.post('/api/tda', tdaBody());
    expect(missing.status).toBe(400);
    expect(missing.body.type).toBe('/problems/idempotency-key-missing');
  });

  it('parallel duplicates (a double click, a retry storm) create exactly one TdA', async () => {
    const a = await applicant(t);
    const key = newKey();
    const results = await Promise.all(Array.from({ length: 25 }, () => a.post('/api/tda', tdaBody(), { 'idempotency-key': key })));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.every((s) => s === 201 || s === 200 || s === 409)).toBe(true);
    const ids = new Set(results.filter((r) => r.status < 300).map((r) => r.body.id));
    expect(ids.size).toBe(1);
    const account = (await a.get('/api/session')).body.account.id;
    const rows = await t.deps.db.db.selectFrom('tda').select('id').where('account_id', '=', account).execute();
    expect(rows).toHaveLength(1);
    await t.outbox.drain();
    const items = await t.deps.db.db.selectFrom('work_items').select('id').where('ref_id', '=', rows[0].id).execute();
    expect(items).toHaveLength(1);
  });

  it('tells the applicant when another jobcenter is responsible, and forwards for a municipal jobcenter', async () => {
    const a = await applicant(t);
    const other = await a.post('/api/tda', tdaBody({ postalCode: '00312', city: 'Hafenstadt' }), { 'idempotency-key': newKey() });
    expect(other.body).toMatchObject({ responsibility: 'other_jobcenter', responsibleJobcenter: { id: 'hafenstadt', name: 'Jobcenter Hafenstadt' } });
    const zkt = await a.post('/api/tda', tdaBody({ postalCode: '00512', city: 'Exempel' }), { 'idempotency-key': newKey() });
    expect(zkt.body).toMatchObject({ responsibility: 'municipal_forwarded', responsibleJobcenter: { id: 'exempelkreis', kind: 'zkt' } });
    const unknown = await a.post('/api/tda', tdaBody({ postalCode: '99999', city: 'Irgendwo' }), { 'idempotency-key': newKey() });
    expect(unknown.body).toMatchObject({ responsibility: 'unknown_postal_code', responsibleJobcenter: { id: 'musterstadt' } });
    await t.outbox.drain();
    const db = t.deps.db.db;
    const item = (id: string) => db.selectFrom('work_items').selectAll().where('ref_id', '=', id).executeTakeFirstOrThrow();
    expect(await item(other.body.id)).toMatchObject({ jobcenter_id: 'hafenstadt', postkorb_id: 'hafenstadt-eingang' });
    const fwd = await item(zkt.body.id);
    expect(fwd).toMatchObject({ jobcenter_id: 'musterstadt' });
    expect(fwd.title).toMatch(/Weiterleitung an Kommunales Jobcenter Exempelkreis/);
    expect((await a.get(`/api/tda/${zkt.body.id}`)).body.status).toBe('forwarded');
  });

  it('enforces the level and the module switch on the server (a page cannot bypass them)', async () => {
    expect((await new Agent(t).post('/api/tda', tdaBody(), { 'idempotency-key': newKey() })).status).toBe(401);
    const a = await applicant(t);
    const closed = await a.post('/api/tda', tdaBody({ portalJobcenterId: 'bergland-sued' }), { 'idempotency-key': newKey() });
    expect(closed.status).toBe(403);
    expect(closed.body.type).toBe('/problems/module-unavailable');
    const unknown = await a.post('/api/tda', tdaBody({ portalJobcenterId: 'gibt-es-nicht' }), { 'idempotency-key': newKey() });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0]).toMatchObject({ path: 'portalJobcenterId', code: 'unknown_jobcenter' });
  });

  it('names every wrong field and never takes status, owner or timestamps from the body', async () => {
    const a = await applicant(t);
    const bad = await a.post(
      '/api/tda',
      tdaBody({ firstName: ' ', birthDate: '1990-02-30', postalCode: '1234', email: 'kein-mail', declaration: false, phone: 'abc' }),
      { 'idempotency-key': newKey() },
    );
    expect(bad.status).toBe(400);
    const byPath = Object.fromEntries(bad.body.errors.map((e: { path: string; code: string }) => [e.path, e.code]));
    expect(byPath).toEqual({
      firstName: 'required',
      birthDate: 'invalid_date',
      postalCode: 'invalid_plz',
      email: 'invalid_email',
      declaration: 'declaration_required',
      phone: 'invalid_phone',
    });
    const smuggled = await a.post('/api/tda', tdaBody({ status: 'processed', receivedAt: '2020-01-01T00:00:00Z', accountId: 'x' }), {
      'idempotency-key': newKey(),
    });
    expect(smuggled.status).toBe(400);
    expect(smuggled.body.errors.map((e: { code: string }) => e.code)).toEqual(['unknown_field', 'unknown_field', 'unknown_field']);
    const future = await a.post('/api/tda', tdaBody({ birthDate: '2999-01-01' }), { 'idempotency-key': newKey() });
    expect(future.body.errors[0]).toMatchObject({ path: 'birthDate', code: 'birth_date_future' });
    const child = new Date();
    child.setFullYear(child.getFullYear() - 10);
    const young = await a.post('/api/tda', tdaBody({ birthDate: child.toISOString().slice(0, 10) }), { 'idempotency-key': newKey() });
    expect(young.body.errors[0]).toMatchObject({ path: 'birthDate', code: 'too_young' });
  });

  it("answers 404 for another applicant's TdA and PDF, exactly as for a missing id (SEC-10)", async () => {
    const owner = await applicant(t);
    const created = await owner.post('/api/tda', tdaBody(), { 'idempotency-key': newKey() });
    await t.outbox.drain();
    const intruder = await applicant(t);
    const missing = await intruder.get('/api/tda/00000000-0000-4000-8000-000000000000');
    for (const path of [`/api/tda/${created.body.id}`, `/api/tda/${created.body.id}/pdf`]) {
      const res = await intruder.get(path);
      expect(res.status).toBe(404);
      expect({ ...res.body, instance: undefined }).toEqual({ ...missing.body, instance: undefined });
    }
    expect((await intruder.get('/api/tda')).body.items).toEqual([]);
    expect((await owner.get('/api/tda')).body.items.map((r: { id: string }) => r.id)).toEqual([created.body.id]);
  });
});
