import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClamdScanner, parseReply } from '../../server/adapters/virus-scan.js';
import { attachmentHeader, displayName } from '../../server/uploads/file-type.js';
import { DEFAULT_UPLOAD_LIMITS } from '../../server/uploads/policy.js';
import { complete, HOUSEHOLDS } from '../fixtures/households.js';
import { type Agent, applicant, createTestApp, DIALECTS, type Res, type TestApp } from './harness.js';

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));
const PDF = bytes('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'JFIF\0', [0xff, 0xd9]);
const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [0, 0, 0, 13], 'IHDR');
const EXE = bytes('MZ', [0x90, 0x00, 0x03], 'This program cannot be run in DOS mode.');
// Built from two halves so no scanner on a developer's machine quarantines this test file.
const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$' + 'EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';
const KiB = 1024;

/** A clamd that speaks the real INSTREAM protocol and detects the EICAR test string; `silent` never answers. */
async function fakeClamd(opts: { silent?: boolean } = {}): Promise<{ server: Server; port: number; streams: Buffer[]; chunkSizes: number[] }> {
  const streams: Buffer[] = [];
  const chunkSizes: number[] = [];
  const server = createServer((sock) => {
    let buf = Buffer.alloc(0);
    let command: string | undefined;
    const chunks: Buffer[] = [];
    sock.on('error', () => undefined);
    sock.on('data', (d) => {
      if (opts.silent) return;
      buf = Buffer.concat([buf, d]);
      if (command === undefined) {
        const nul = buf.indexOf(0);
        if (nul < 0) return;
        command = buf.subarray(0, nul).toString();
        buf = buf.subarray(nul + 1);
        if (command !== 'zINSTREAM') return void sock.end('UNKNOWN COMMAND\0');
      }
      while (buf.length >= 4) {
        const len = buf.readUInt32BE(0);
        if (len === 0) {
          const data = Buffer.concat(chunks);
          streams.push(data);
          return void sock.end(data.includes(EICAR) ? 'stream: Eicar-Signature FOUND\0' : 'stream: OK\0');
        }
        if (buf.length < 4 + len) return;
        chunkSizes.push(len);
        chunks.push(buf.subarray(4, 4 + len));
        buf = buf.subarray(4 + len);
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, port: (server.address() as { port: number }).port, streams, chunkSizes };
}

/** A port nobody listens on. */
async function closedPort(): Promise<number> {
  const { server, port } = await fakeClamd();
  await new Promise((r) => server.close(r));
  return port;
}

describe('clamd client (INSTREAM over TCP)', () => {
  it('parses the replies and fails closed on anything else', () => {
    expect(parseReply('stream: OK\0')).toEqual({ clean: true });
    expect(parseReply('stream: Eicar-Signature FOUND\0')).toEqual({ clean: false, signature: 'Eicar-Signature' });
    expect(parseReply('INSTREAM size limit exceeded. ERROR\0')).toBeUndefined();
    expect(parseReply('')).toBeUndefined();
  });

  it('streams in chunks with 4-byte big-endian lengths; finds EICAR; rejects when down or silent', async () => {
    const clamd = await fakeClamd();
    const silent = await fakeClamd({ silent: true });
    try {
      const scanner = createClamdScanner({ host: '127.0.0.1', port: clamd.port, chunkBytes: 1000 });
      const clean = Buffer.alloc(2500, 0x41);
      expect(await scanner.scan(clean)).toEqual({ clean: true });
      expect(clamd.chunkSizes).toEqual([1000, 1000, 500]);
      expect(clamd.streams[0].equals(clean)).toBe(true);
      expect(await scanner.scan(Buffer.from(EICAR))).toEqual({ clean: false, signature: 'Eicar-Signature' });
      await expect(createClamdScanner({ host: '127.0.0.1', port: await closedPort() }).scan(clean)).rejects.toThrow(/ECONNREFUSED/);
      await expect(createClamdScanner({ host: '127.0.0.1', port: silent.port, timeoutMs: 200 }).scan(clean)).rejects.toThrow(/no verdict/);
    } finally {
      clamd.server.close();
      silent.server.close();
    }
  });
});

describe('display names and download headers', () => {
  it('keeps only a safe last segment with the extension of the real type', () => {
    expect(displayName('../../etc/passwd.pdf', 'application/pdf')).toBe('passwd.pdf');
    expect(displayName('C:\\Users\\x\\Kontoauszug März.PDF', 'application/pdf')).toBe('Kontoauszug März.PDF');
    expect(displayName('setup.exe', 'application/pdf')).toBe('setup.exe.pdf');
    expect(displayName('foto\u202Egnp.exe', 'image/png')).toBe('foto_gnp.exe.png');
    expect(displayName('a\u0000b\r\n.jpg', 'image/jpeg')).toBe('a_b__.jpg');
    expect(displayName('', 'image/jpeg')).toBe('Nachweis.jpg');
    expect(displayName(`${'ä'.repeat(300)}.pdf`, 'application/pdf')).toHaveLength(120);
    expect(attachmentHeader('Mietvertrag "neu"; 2026.pdf')).toBe(`attachment; filename="Mietvertrag _neu__ 2026.pdf"; filename*=UTF-8''Mietvertrag%20%22neu%22%3B%202026.pdf`);
  });
});

describe.each(DIALECTS)('evidence uploads on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { deps: { uploads: { maxFileBytes: 64 * KiB, quotaBytes: 160 * KiB } } });
  });
  afterAll(() => t.close());

  /** Posts one file as the browser's FormData does. */
  async function upload(a: Agent, path: string, content: Uint8Array<ArrayBuffer>, name: string, type = 'application/pdf', headers: Record<string, string> = {}): Promise<Res> {
    const form = new FormData();
    form.append('file', new Blob([content], { type }), name);
    return send(a, 'POST', path, { body: form, headers });
  }

  async function send(a: Agent, method: string, path: string, init: { body?: BodyInit; headers?: Record<string, string> } = {}): Promise<Res> {
    const res = await t.app.request(`http://localhost:3000${path}`, { method, body: init.body, headers: { cookie: a.cookie!, ...init.headers } });
    const type = res.headers.get('content-type') ?? '';
    const body = type.includes('json') ? await res.json() : new Uint8Array(await res.arrayBuffer());
    return { status: res.status, headers: res.headers, body };
  }

  /** A new applicant with a draft whose answers name the applicant (so AUSWEIS:applicant is an evidence item). */
  async function withDraft() {
    const a = await applicant(t);
    const { body } = await a.post('/api/applications', { portalJobcenterId: 'musterstadt' });
    await a.request('PUT', `/api/applications/${body.id}/answers`, { body: { answers: { main: { firstName: 'Erika' }, members: [], anlagen: {} } }, headers: { 'if-match': '"1"' } });
    const docs = (item = 'AUSWEIS:applicant') => `/api/applications/${body.id}/evidence/${encodeURIComponent(item)}/documents`;
    return { a, id: body.id as string, docs, date: body.applicationDate as string };
  }

  const storedDocs = async () => Number((await t.deps.db.db.selectFrom('documents').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('shows the policy: allowed types, limits, usage and that virus scanning is off', async () => {
    const { a } = await withDraft();
    const res = await a.get('/api/uploads/policy');
    expect(res.body).toEqual({ allowedTypes: DEFAULT_UPLOAD_LIMITS.allowedTypes, maxFileBytes: 64 * KiB, quotaBytes: 160 * KiB, usedBytes: 0, virusScan: 'off' });
  });

  it('accepts PDF, JPEG and PNG by content, stores them encrypted, downloads them as attachments', async () => {
    const { a, id, docs } = await withDraft();
    const results = [await upload(a, docs(), PDF, 'ausweis.pdf'), await upload(a, docs(), JPEG, 'foto.JPG', 'application/octet-stream'), await upload(a, docs('other'), PNG, '../../scan', '')];
    expect(results.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(results.map((r) => [r.body.mediaType, r.body.filename])).toEqual([['application/pdf', 'ausweis.pdf'], ['image/jpeg', 'foto.JPG'], ['image/png', 'scan.png']]);
    expect(results[0].headers.get('location')).toBe(results[0].body.href);
    const view = await a.get(`/api/applications/${id}`);
    expect(view.body.documents.map((d: { id: string; itemId: string }) => [d.id, d.itemId])).toEqual(results.map((r) => [r.body.id, r.body.itemId]));
    const dl = await send(a, 'GET', results[1].body.href);
    expect(dl.status).toBe(200);
    expect(dl.headers.get('content-type')).toBe('image/jpeg');
    expect(dl.headers.get('content-disposition')).toBe(`attachment; filename="foto.JPG"; filename*=UTF-8''foto.JPG`);
    expect(dl.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(dl.body).equals(JPEG)).toBe(true);
    expect(dl.headers.get('x-content-sha256')).toBe(createHash('sha256').update(JPEG).digest('hex'));
    const row = await t.deps.db.db.selectFrom('documents').select('content').where('id', '=', results[0].body.id).executeTakeFirstOrThrow();
    expect(Buffer.from(row.content).includes(Buffer.from('%PDF-'))).toBe(false);
    expect((await a.get('/api/uploads/policy')).body.usedBytes).toBe(PDF.length + JPEG.length + PNG.length);
  });

  it('decides the type by content only: an .exe renamed .pdf and a text file get 415, nothing is stored', async () => {
    const { a, docs } = await withDraft();
    const before = await storedDocs();
    for (const [content, name, type] of [[EXE, 'kontoauszug.pdf', 'application/pdf'], [bytes('Hallo Jobcenter'), 'brief.txt', 'text/plain'], [bytes('<svg onload=alert(1)>'), 'bild.png', 'image/png'], [bytes('%PD'), 'kurz.pdf', 'application/pdf']] as const) {
      const res = await upload(a, docs(), content, name, type);
      expect(res.status, name).toBe(415);
      expect(res.body.type).toBe('/problems/unsupported-file-type');
    }
    expect(await storedDocs()).toBe(before);
  });

  it('limits the file size (413) and the account quota (413 with a clear detail), atomically under parallel uploads', async () => {
    const { a, docs } = await withDraft();
    const pdfOf = (size: number) => Buffer.concat([PDF, Buffer.alloc(size - PDF.length, 0x20)]);
    const justOver = await upload(a, docs(), pdfOf(64 * KiB + 1), 'gross.pdf');
    expect(justOver.status).toBe(413);
    expect(justOver.body.type).toBe('/problems/file-too-large');
    const farOver = await upload(a, docs(), pdfOf(512 * KiB), 'riesig.pdf');
    expect(farOver.status).toBe(413);
    expect(farOver.body.type).toBe('/problems/file-too-large');
    const parallel = await Promise.all(Array.from({ length: 5 }, (_, i) => upload(a, docs(), pdfOf(50 * KiB), `teil-${i}.pdf`)));
    expect(parallel.filter((r) => r.status === 201)).toHaveLength(3);
    const refused = parallel.filter((r) => r.status === 413);
    expect(refused).toHaveLength(2);
    expect(refused[0].body.type).toBe('/problems/quota-exceeded');
    expect(refused[0].body.detail).toMatch(/von 0,2 MiB belegt/);
    // Deleting frees the space.
    const first = parallel.find((r) => r.status === 201)!;
    expect((await send(a, 'DELETE', first.body.href)).status).toBe(204);
    expect((await send(a, 'GET', first.body.href)).status).toBe(404);
    expect((await upload(a, docs(), pdfOf(50 * KiB), 'wieder.pdf')).status).toBe(201);
  });

  it('only for evidence items of the application (or the free item); 404 otherwise', async () => {
    const { a, docs } = await withDraft();
    expect((await upload(a, docs('MIETVERTRAG:KDU'), PDF, 'x.pdf')).status).toBe(404);
    expect((await upload(a, docs('other'), PDF, 'x.pdf')).status).toBe(201);
    expect((await upload(a, '/api/applications/00000000-0000-4000-8000-000000000000/evidence/other/documents', PDF, 'x.pdf')).status).toBe(404);
  });

  it("another applicant's documents and application: 404 on upload, download and delete (SEC-10)", async () => {
    const owner = await withDraft();
    const doc = await upload(owner.a, owner.docs(), PDF, 'ausweis.pdf');
    const intruder = await withDraft();
    const before = await storedDocs();
    for (const res of [
      await send(intruder.a, 'GET', doc.body.href),
      await send(intruder.a, 'DELETE', doc.body.href),
      await upload(intruder.a, owner.docs(), PDF, 'fremd.pdf'),
      await send(intruder.a, 'GET', doc.body.href.replace(owner.id, intruder.id)),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body.type).toBe('/problems/not-found');
    }
    expect(await storedDocs()).toBe(before);
    expect((await send(owner.a, 'GET', doc.body.href.replace('AUSWEIS', 'ANDERES'))).status).toBe(404);
    expect((await send(owner.a, 'GET', doc.body.href)).status).toBe(200);
  });

  it('replays an upload retried with the same Idempotency-Key instead of storing it twice', async () => {
    const { a, id, docs } = await withDraft();
    const key = `upload-${Date.now()}`;
    const first = await upload(a, docs(), PDF, 'a.pdf', 'application/pdf', { 'idempotency-key': key });
    const retry = await upload(a, docs(), PDF, 'a.pdf', 'application/pdf', { 'idempotency-key': key });
    expect([first.status, retry.status]).toEqual([201, 200]);
    expect(retry.body).toEqual(first.body);
    expect((await a.get(`/api/applications/${id}`)).body.documents).toHaveLength(1);
  });

  it('uploads continue after submission and reach the E-AKTE with the application', async () => {
    const { a, id, docs, date } = await withDraft();
    const before = await upload(a, docs(), PDF, 'vorher.pdf');
    await a.request('PUT', `/api/applications/${id}/answers`, { body: { answers: complete(HOUSEHOLDS[0].answers, date) }, headers: { 'if-match': '"2"' } });
    const sub = await a.request('POST', `/api/applications/${id}/submit`, { headers: { 'if-match': '"3"', 'idempotency-key': `submit-${id}` } });
    expect(sub.status).toBe(200);
    const after = await upload(a, docs('MIETVERTRAG:KDU'), JPEG, 'mietvertrag.jpg');
    expect(after.status).toBe(201);
    await t.outbox.drain();
    const keys = (await t.deps.db.db.selectFrom('eakte_documents').select('external_key').where('external_key', 'like', `ade:${id}%`).execute()).map((r) => r.external_key).sort();
    expect(keys).toEqual([`ade:${id}`, `ade:${id}:evidence:${after.body.id}`, `ade:${id}:evidence:${before.body.id}`].sort());
    const deleted = await send(a, 'DELETE', after.body.href);
    expect(deleted.status).toBe(204);
  });

  it('with clamd: EICAR → 422 and nothing stored; a clean file passes; clamd down or silent → 503 and nothing stored', async () => {
    const clamd = await fakeClamd();
    const silent = await fakeClamd({ silent: true });
    try {
      const { a, docs } = await withDraft();
      t.deps.virusScanner = createClamdScanner({ host: '127.0.0.1', port: clamd.port });
      expect((await a.get('/api/uploads/policy')).body.virusScan).toBe('clamd');
      const before = await storedDocs();
      const infected = await upload(a, docs(), Buffer.concat([PDF, Buffer.from(EICAR)]), 'rechnung.pdf');
      expect(infected.status).toBe(422);
      expect(infected.body).toMatchObject({ type: '/problems/virus-found', detail: 'Fund: Eicar-Signature' });
      expect(await storedDocs()).toBe(before);
      expect((await upload(a, docs(), PDF, 'sauber.pdf')).status).toBe(201);
      expect(clamd.streams.at(-1)!.equals(PDF)).toBe(true);
      for (const port of [await closedPort(), silent.port]) {
        t.deps.virusScanner = createClamdScanner({ host: '127.0.0.1', port, timeoutMs: 300 });
        const res = await upload(a, docs(), PDF, 'ungeprueft.pdf');
        expect(res.status).toBe(503);
        expect(res.body.type).toBe('/problems/virus-scan-unavailable');
      }
      expect(await storedDocs()).toBe(before + 1);
    } finally {
      t.deps.virusScanner = undefined;
      clamd.server.close();
      silent.server.close();
    }
  });

  it('answers malformed uploads with 4xx problem+json, never 500', async () => {
    const { a, docs } = await withDraft();
    const form = (build: (f: FormData) => void) => {
      const f = new FormData();
      build(f);
      return f;
    };
    const cases: { body?: BodyInit; headers?: Record<string, string> }[] = [
      { body: JSON.stringify({ file: 'x' }), headers: { 'content-type': 'application/json' } },
      { body: 'garbage', headers: { 'content-type': 'multipart/form-data' } },
      { body: 'garbage', headers: { 'content-type': 'multipart/form-data; boundary=abc' } },
      { body: '--abc\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4', headers: { 'content-type': 'multipart/form-data; boundary=abc' } },
      { body: form((f) => f.append('file', 'just text')) },
      { body: form((f) => f.append('other', new Blob([PDF]), 'a.pdf')) },
      { body: form((f) => { f.append('file', new Blob([PDF]), 'a.pdf'); f.append('file', new Blob([PDF]), 'b.pdf'); }) },
      { body: form((f) => { f.append('file', new Blob([PDF]), 'a.pdf'); f.append('__proto__', 'x'); }) },
      { body: form((f) => f.append('file', new Blob([]), 'leer.pdf')) },
      { body: undefined, headers: { 'content-type': 'multipart/form-data; boundary=abc' } },
    ];
    for (const [i, c] of cases.entries()) {
      const res = await send(a, 'POST', docs(), c);
      expect(res.status, `case ${i}`).toBeGreaterThanOrEqual(400);
      expect(res.status, `case ${i}`).toBeLessThan(500);
      expect(res.headers.get('content-type'), `case ${i}`).toMatch(/problem\+json/);
    }
    expect((await send(a, 'POST', docs(), cases[0])).body.type).toBe('/problems/multipart-required');
  });
});
