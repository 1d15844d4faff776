/** Benchmark PERF-04 for the ADE PDF: render time of the largest demo household inline and in the worker pool. */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import type { ApplicationPdfInput } from '../../server/adapters/pdf/application-pdf.js';
import {
  createInlinePdfRenderer,
  createPdfRenderer,
  type PdfRenderer,
} from '../../server/adapters/pdf/pdf-renderer.js';
import { APPLICATION_DATE, HOUSEHOLDS, complete, type Household } from '../fixtures/households.js';
import type { TdaPdfFigures } from './tda-pdf.js';

/** Figures of one measurement (milliseconds, bytes) plus the household and its page count. */
export interface ApplicationPdfFigures extends TdaPdfFigures {
  household: string;
  pages: number;
}

/** The ADE PDF input of a household; `i` varies number and time so no two renders are the same document. */
export function sampleApplicationPdfInput(household: Household, i: number): ApplicationPdfInput {
  return {
    number: `ADE-2026-B${String(i).padStart(5, '0')}`,
    applicationDate: APPLICATION_DATE,
    submittedAt: new Date(Date.UTC(2026, 10, 25, 17, 3, i)).toISOString(),
    answers: complete(household.answers),
    dataSha256: 'cd'.repeat(32),
    portalJobcenter: { id: 'jc-berlin-mitte', name: 'Jobcenter Berlin Mitte' },
    accountEmail: 'antrag@example.org',
  };
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
const r2 = (n: number) => Math.round(n * 100) / 100;

async function measure(
  label: string,
  renderer: PdfRenderer,
  household: Household,
  runs: number,
  concurrent: boolean,
): Promise<Omit<ApplicationPdfFigures, 'household' | 'pages'>> {
  for (let i = 0; i < 4; i++)
    await renderer.renderApplication(sampleApplicationPdfInput(household, 1000 + i)); // warm-up
  const inputs = Array.from({ length: runs }, (_, i) => sampleApplicationPdfInput(household, i));
  const loop = monitorEventLoopDelay({ resolution: 1 });
  const times: number[] = [];
  const sizes: number[] = [];
  const one = async (i: number) => {
    const start = performance.now();
    const pdf = await renderer.renderApplication(inputs[i]);
    times.push(performance.now() - start);
    sizes.push(pdf.length);
  };
  loop.enable();
  const start = performance.now();
  if (concurrent) await Promise.all(inputs.map((_, i) => one(i)));
  else for (let i = 0; i < runs; i++) await one(i);
  const wall = performance.now() - start;
  loop.disable();
  times.sort((a, b) => a - b);
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  console.log(
    `${label.padEnd(34)} p50 ${ms(quantile(times, 0.5)).padStart(9)}  p95 ${ms(quantile(times, 0.95)).padStart(9)}` +
      `  total ${ms(wall).padStart(10)}  main-loop max delay ${ms(loop.max / 1e6).padStart(9)}` +
      `  size ${Math.min(...sizes)}–${Math.max(...sizes)} B`,
  );
  return {
    label,
    runs,
    p50Ms: r2(quantile(times, 0.5)),
    p95Ms: r2(quantile(times, 0.95)),
    totalMs: r2(wall),
    mainLoopMaxDelayMs: r2(loop.max / 1e6),
    minBytes: Math.min(...sizes),
    maxBytes: Math.max(...sizes),
  };
}

/**
 * Prints p50/p95 of `runs` renders of the largest demo household (by PDF size): inline, pool one at a time,
 * pool with all at once (queueing included), and its page count; returns the figures.
 */
export async function benchApplicationPdf(runs = 50, workers = 2): Promise<ApplicationPdfFigures[]> {
  const inline = createInlinePdfRenderer();
  let largest: { household: Household; pdf: Uint8Array } = {
    household: HOUSEHOLDS[0],
    pdf: new Uint8Array(),
  };
  for (const household of HOUSEHOLDS) {
    const pdf = await inline.renderApplication(sampleApplicationPdfInput(household, 0));
    if (pdf.length > largest.pdf.length) largest = { household, pdf };
  }
  const { household } = largest;
  const pages = (await PDFDocument.load(largest.pdf, { updateMetadata: false })).getPageCount();
  console.log(`largest demo household: ${household.name} (${pages} pages, ${largest.pdf.length} B)`);
  const figures: ApplicationPdfFigures[] = [];
  const add = (f: Omit<ApplicationPdfFigures, 'household' | 'pages'>) =>
    figures.push({ ...f, household: household.name, pages });
  add(await measure('inline, sequential', inline, household, runs, false));
  await inline.close();
  const pool = createPdfRenderer({ workers });
  try {
    add(await measure(`pool (${workers} workers), sequential`, pool, household, runs, false));
    add(await measure(`pool (${workers} workers), ${runs} concurrent`, pool, household, runs, true));
  } finally {
    await pool.close();
  }
  return figures;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchApplicationPdf();
