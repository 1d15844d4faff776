/** TdA PDF: Unicode names survive into extractable text, metadata, subsetting, wrapping and the worker pool. */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TDA_DECLARATION_DE, TDA_DECLARATION_EN } from '../../domain/tda.js';
import { createInlinePdfRenderer, createPdfRenderer } from '../../server/adapters/pdf/pdf-renderer.js';
import { formatBerlin, renderTdaPdf, type TdaPdfInput } from '../../server/adapters/pdf/tda-pdf.js';

const run = promisify(execFile);
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tda-pdf-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function sample(firstName: string, lastName: string, extra: Partial<TdaPdfInput['data']> = {}): TdaPdfInput {
  return {
    number: 'TDA-2026-7K3M9Q',
    receivedAt: '2026-11-25T17:03:12.000Z',
    data: {
      portalJobcenterId: 'jc-berlin-mitte',
      firstName,
      lastName,
      birthDate: '1988-02-29',
      street: 'Karl-Marx-Allee',
      houseNumber: '12a',
      postalCode: '10178',
      city: 'Berlin',
      contactLanguage: 'de',
      declaration: true,
      ...extra,
    },
    dataSha256: '3f0a9c1e5b7d2f4a6c8e0b1d3f5a7c9e1b3d5f7a9c0e2b4d6f8a0c2e4b6d8f0a',
    portalJobcenter: { id: 'jc-berlin-mitte', name: 'Jobcenter Berlin Mitte' },
    responsibleJobcenter: { id: 'jc-berlin-pankow', name: 'Jobcenter Berlin Pankow' },
    accountEmail: 'antrag@example.org',
  };
}

let fileNo = 0;
/** Writes the PDF and returns what pdftotext extracts (UTF-8), with bidi embedding marks removed. */
async function extract(pdf: Uint8Array, ...args: string[]): Promise<string> {
  const file = join(dir, `tda-${++fileNo}.pdf`);
  await writeFile(file, pdf);
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', ...args, file, '-']);
  // pdftotext wraps right-to-left text in U+202B … U+202C; they are invisible and not part of the name.
  return stdout.replace(/[\u202a-\u202e]/g, '');
}
const flat = (s: string) => s.replace(/\s+/g, ' ');

describe('renderTdaPdf', () => {
  it('renders Latin and Cyrillic names, number, declaration, jobcenter and times as extractable text', async () => {
    for (const [first, last] of [
      ['Łukasz', 'Dvořák-Ünal'],
      ['Олена', 'Шевченко'],
    ]) {
      const text = flat(await extract(await renderTdaPdf(sample(first, last))));
      expect(text).toContain(first);
      expect(text).toContain(last);
      expect(text).toContain('Erklärung zur Antragstellung (Tag der Antragstellung)');
      expect(text).toContain('TDA-2026-7K3M9Q');
      expect(text).toContain(TDA_DECLARATION_DE);
      expect(text).toContain(TDA_DECLARATION_EN);
      expect(text).toContain('Jobcenter Berlin Pankow');
      expect(text).toContain('Jobcenter Berlin Mitte');
      expect(text).toContain('25.11.2026, 18:03:12 Uhr (MEZ)');
      expect(text).toContain('2026-11-25T17:03:12.000Z');
      expect(text).toContain('29.02.1988');
      expect(text).toContain(sample('', '').dataSha256);
      expect(text).toContain('Seite 1 von 1');
    }
  });

  it('renders Arabic shaped, and pdftotext gives it back in logical order, also inside a Latin value', async () => {
    // fontkit (through pdf-lib) substitutes contextual forms: the glyphs differ from the isolated ones.
    const require = createRequire(import.meta.url);
    const font = fontkit.create(await readFile(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')));
    const shaped = font.layout('محمد').glyphs.map((g) => g.id);
    const isolated = [...'محمد'].map((c) => font.glyphForCodePoint(c.codePointAt(0)!).id);
    expect(shaped).not.toEqual(isolated.reverse());
    expect(shaped).toHaveLength(4);

    const text = await extract(
      await renderTdaPdf(sample('محمد', 'العلي', { addressSuffix: 'c/o Łukasz محمد العلي' })),
    );
    // Each value is drawn in visual order; pdftotext detects right-to-left runs and returns logical order.
    expect(text).toMatch(/Vorname\s+محمد\n/);
    expect(text).toMatch(/Nachname\s+العلي\n/);
    expect(text).toContain('c/o Łukasz محمد العلي');
  });

  it('sets title, author, dates, keywords and language, and is deterministic', async () => {
    const input = sample('Łukasz', 'Dvořák-Ünal');
    const pdf = await renderTdaPdf(input);
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    expect(doc.getTitle()).toBe('Erklärung zur Antragstellung (Tag der Antragstellung) TDA-2026-7K3M9Q');
    expect(doc.getAuthor()).toBe('Jobcenter Berlin Pankow');
    expect(doc.getSubject()).toContain('§ 37 SGB II');
    expect(doc.getKeywords()).toContain('TDA-2026-7K3M9Q');
    expect(doc.getCreator()).toBeTruthy();
    expect(doc.getProducer()).toBeTruthy();
    expect(doc.getCreationDate()?.toISOString()).toBe(input.receivedAt);
    expect(doc.getModificationDate()?.toISOString()).toBe(input.receivedAt);
    expect(doc.catalog.lookup(PDFName.of('Lang'), PDFString).asString()).toBe('de-DE');
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getPage(0).getSize()).toEqual({ width: 595.28, height: 841.89 });
    expect(Buffer.compare(await renderTdaPdf(input), pdf)).toBe(0);
  });

  it('embeds subsets of DejaVu Sans, far smaller than the font files', async () => {
    const pdf = await renderTdaPdf(sample('Олена', 'Шевченко'));
    const require = createRequire(import.meta.url);
    const full = (await stat(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'))).size;
    console.log(`TdA PDF: ${pdf.length} bytes; DejaVuSans.ttf alone: ${full} bytes`);
    expect(pdf.length).toBeLessThan(full / 10);
    const file = join(dir, 'fonts.pdf');
    await writeFile(file, pdf);
    const { stdout } = await run('pdffonts', [file]);
    // A subset font is named "ABCDEF+Name"; pdffonts shows "yes" in its sub column.
    expect(stdout).toMatch(/[A-Z]{6}\+DejaVuSans\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
    expect(stdout).toMatch(/[A-Z]{6}\+DejaVuSans-Bold\s/);
  });

  it('wraps long values inside the page and continues on a second page when needed', async () => {
    const long =
      'Donaudampfschifffahrtsgesellschaftskapitänswitwenrentenversicherungsnummernverzeichnis'.repeat(2);
    const input = sample('Łukasz Maria Johannes Friedrich Wilhelm von und zu', long.slice(0, 100), {
      street: long.slice(0, 120),
      addressSuffix: 'c/o ' + 'Олена Шевченко '.repeat(7),
      city: 'Ober' + 'x'.repeat(96),
      phone: '+49 30 1234567',
      email: 'sehr.lange.adresse.' + 'a'.repeat(60) + '@example.org',
    });
    const pdf = await renderTdaPdf(input);
    const html = await extract(pdf, '-bbox');
    const right = [...html.matchAll(/xMax="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(right.length).toBeGreaterThan(50);
    expect(Math.max(...right)).toBeLessThanOrEqual(595.28 - 56.7 + 0.5);
    const text = await extract(pdf);
    expect(text.replace(/\n/g, '')).toContain(long.slice(0, 100));
    expect(text).toContain('Seite 1 von 2');
    expect(text).toContain('Seite 2 von 2');
  });

  it('formats the time of receipt in German local time, summer time and the date after midnight included', () => {
    expect(formatBerlin(new Date('2026-06-25T16:03:12Z')).dateTime).toBe('25.06.2026, 18:03:12 Uhr (MESZ)');
    expect(formatBerlin(new Date('2026-11-25T23:30:00Z'))).toEqual({
      date: '26.11.2026',
      dateTime: '26.11.2026, 00:30:00 Uhr (MEZ)',
    });
  });

  it('rejects an invalid receivedAt', async () => {
    await expect(renderTdaPdf({ ...sample('A', 'B'), receivedAt: 'gestern' })).rejects.toThrow(/receivedAt/);
  });
});

describe('createPdfRenderer', () => {
  it('renders 10 jobs on 2 workers, byte-identical to inline rendering', async () => {
    const pool = createPdfRenderer({ workers: 2 });
    const inline = createInlinePdfRenderer();
    try {
      const inputs = Array.from({ length: 10 }, (_, i) => sample(`Łukasz ${i}`, 'محمد العلي'));
      const pdfs = await Promise.all(inputs.map((input) => pool.renderTda(input)));
      for (const [i, pdf] of pdfs.entries()) {
        expect(pdf).toBeInstanceOf(Uint8Array);
        expect(Buffer.compare(pdf, await inline.renderTda(inputs[i]))).toBe(0);
      }
      // A failing render rejects its job only; the worker keeps serving.
      await expect(pool.renderTda({ ...inputs[0], receivedAt: 'nie' })).rejects.toThrow(/receivedAt/);
      expect((await pool.renderTda(inputs[0])).length).toBe(pdfs[0].length);
    } finally {
      await pool.close();
      await inline.close();
    }
    await expect(pool.renderTda(sample('A', 'B'))).rejects.toThrow(/closed/);
  });

  it('rejects the job of a crashed or hanging worker and replaces the worker', async () => {
    // A stand-in worker speaking the same protocol: it crashes, hangs or answers depending on the number.
    const stub = join(dir, 'stub-worker.mjs');
    await writeFile(
      stub,
      `import { parentPort } from 'node:worker_threads';
      parentPort.on('message', ({ id, input }) => {
        if (input.number === 'CRASH') process.exit(3);
        if (input.number === 'HANG') return;
        parentPort.postMessage({ type: 'done', id, pdf: new TextEncoder().encode('%PDF-' + input.number) });
      });
      parentPort.postMessage({ type: 'ready' });`,
    );
    const pool = createPdfRenderer({ workers: 1, timeoutMs: 500, workerEntry: pathToFileURL(stub) });
    const job = (number: string) => pool.renderTda({ ...sample('A', 'B'), number });
    try {
      const results = await Promise.allSettled([job('CRASH'), job('ONE'), job('HANG'), job('TWO')]);
      expect(results[0]).toMatchObject({
        status: 'rejected',
        reason: { message: expect.stringMatching(/crashed/) },
      });
      expect(results[1]).toEqual({ status: 'fulfilled', value: new TextEncoder().encode('%PDF-ONE') });
      expect(results[2]).toMatchObject({
        status: 'rejected',
        reason: { message: expect.stringMatching(/timed out/) },
      });
      expect(results[3]).toEqual({ status: 'fulfilled', value: new TextEncoder().encode('%PDF-TWO') });
    } finally {
      await pool.close();
    }
  });

  it('gives up with an error instead of respawning a worker that cannot start', async () => {
    const pool = createPdfRenderer({
      workers: 1,
      workerEntry: pathToFileURL(join(dir, 'missing-worker.mjs')),
    });
    try {
      await expect(pool.renderTda(sample('A', 'B'))).rejects.toThrow(/cannot start/);
    } finally {
      await pool.close();
    }
  });
});
