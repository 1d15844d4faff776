/** Benchmark PERF-04: TdA PDF render time inline vs. in the worker pool, and how long the main loop is blocked. */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import {
  createInlinePdfRenderer,
  createPdfRenderer,
  type PdfRenderer,
} from '../../server/adapters/pdf/pdf-renderer.js';
import type { TdaPdfInput } from '../../server/adapters/pdf/tda-pdf.js';

const NAMES = [
  ['Łukasz', 'Dvořák-Ünal'],
  ['Олена', 'Шевченко'],
  ['محمد', 'العلي'],
  ['Anna-Lena', 'Müller-Lüdenscheidt'],
];

/** A TdA PDF input with non-Latin names (cycled by `i`). */
export function sampleTdaPdfInput(i: number): TdaPdfInput {
  const [firstName, lastName] = NAMES[i % NAMES.length];
  return {
    number: `TDA-2026-B${String(i).padStart(5, '0')}`,
    receivedAt: new Date(Date.UTC(2026, 10, 25, 17, 3, i)).toISOString(),
    data: {
      portalJobcenterId: 'jc-berlin-mitte',
      firstName,
      lastName,
      birthDate: '1990-02-28',
      street: 'Karl-Marx-Allee',
      houseNumber: String(i),
      addressSuffix: 'c/o Олена Шевченко',
      postalCode: '10178',
      city: 'Berlin',
      phone: '+49 30 1234567',
      contactLanguage: 'de',
      declaration: true,
    },
    dataSha256: 'ab'.repeat(32),
    portalJobcenter: { id: 'jc-berlin-mitte', name: 'Jobcenter Berlin Mitte' },
    responsibleJobcenter: { id: 'jc-berlin-mitte', name: 'Jobcenter Berlin Mitte' },
    accountEmail: 'antrag@example.org',
  };
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];

/** Figures of one PERF-04 measurement (milliseconds, bytes). */
export interface TdaPdfFigures {
  label: string;
  runs: number;
  p50Ms: number;
  p95Ms: number;
  totalMs: number;
  mainLoopMaxDelayMs: number;
  minBytes: number;
  maxBytes: number;
}

async function measure(
  label: string,
  renderer: PdfRenderer,
  runs: number,
  concurrent: boolean,
): Promise<TdaPdfFigures> {
  for (let i = 0; i < 4; i++) await renderer.renderTda(sampleTdaPdfInput(1000 + i)); // warm-up, as a running server would be
  const loop = monitorEventLoopDelay({ resolution: 1 });
  const times: number[] = [];
  const sizes: number[] = [];
  const one = async (i: number) => {
    const start = performance.now();
    const pdf = await renderer.renderTda(sampleTdaPdfInput(i));
    times.push(performance.now() - start);
    sizes.push(pdf.length);
  };
  loop.enable();
  const start = performance.now();
  if (concurrent) await Promise.all(Array.from({ length: runs }, (_, i) => one(i)));
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
  const r2 = (n: number) => Math.round(n * 100) / 100;
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
 * Prints p50/p95 of 50 renders: inline, pool one at a time, pool with all 50 at once (queueing included);
 * returns the figures.
 */
export async function benchTdaPdf(runs = 50, workers = 2): Promise<TdaPdfFigures[]> {
  const figures: TdaPdfFigures[] = [];
  const inline = createInlinePdfRenderer();
  figures.push(await measure('inline, sequential', inline, runs, false));
  await inline.close();
  const pool = createPdfRenderer({ workers });
  try {
    figures.push(await measure(`pool (${workers} workers), sequential`, pool, runs, false));
    figures.push(await measure(`pool (${workers} workers), ${runs} concurrent`, pool, runs, true));
  } finally {
    await pool.close();
  }
  return figures;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchTdaPdf();
