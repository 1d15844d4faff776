/** Renders PDFs in a small worker_threads pool so a render never blocks the HTTP event loop (PERF-04). */
import { Worker } from 'node:worker_threads';
import type { ApplicationPdfInput } from './application-pdf.js';
import type { RenderJob, RenderReply, RenderRequest } from './pdf-worker.js';
import type { TdaPdfInput } from './tda-pdf.js';

export type { ApplicationPdfInput } from './application-pdf.js';

/** The PDF port of the server: a worker pool in production, inline for tiny setups. */
export interface PdfRenderer {
  /** Renders the TdA PDF; rejects if rendering fails, the worker crashes or the renderer is closed. */
  renderTda(input: TdaPdfInput): Promise<Uint8Array>;
  /** Renders the ADE PDF (Hauptantrag with Anlagen); rejects like `renderTda`. */
  renderApplication(input: ApplicationPdfInput): Promise<Uint8Array>;
  /** Stops the workers; queued and running renders reject. */
  close(): Promise<void>;
}

/** Options of the worker pool. */
export interface PdfRendererOptions {
  /** Number of worker threads (default 2). */
  workers?: number;
  /** A render running longer is rejected and its worker replaced (default 30 s). */
  timeoutMs?: number;
  /** Module the workers run (default pdf-worker.ts); tests substitute a crashing one. */
  workerEntry?: URL;
}

interface Job {
  id: number;
  job: RenderJob;
  resolve: (pdf: Uint8Array) => void;
  reject: (error: Error) => void;
  timer?: NodeJS.Timeout;
}

interface Slot {
  worker: Worker;
  /** Set once the worker has loaded and warmed up; only ready workers get jobs. */
  ready: boolean;
  job?: Job;
  /** Why the worker is about to exit (uncaught error or timeout). */
  error?: Error;
}

const BOOTSTRAP = new URL('./pdf-worker-bootstrap.mjs', import.meta.url);
const WORKER = new URL('./pdf-worker.ts', import.meta.url);
// Workers that die before they are ready point to a broken installation; respawning forever would only burn CPU.
const MAX_START_FAILURES = 3;

/** Creates a pool of PDF worker threads; workers start at once, replace crashed ones and queue jobs when busy. */
export function createPdfRenderer(opts: PdfRendererOptions = {}): PdfRenderer {
  const size = Math.max(1, Math.floor(opts.workers ?? 2));
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const entry = (opts.workerEntry ?? WORKER).href;
  const slots = new Set<Slot>();
  const queue: Job[] = [];
  let nextId = 1;
  let closed = false;
  let startFailures = 0;

  function spawn(): void {
    const slot: Slot = { worker: new Worker(BOOTSTRAP, { workerData: { entry } }), ready: false };
    slots.add(slot);
    // An idle pool must not keep the process alive; a running job refs its worker (see assign).
    slot.worker.unref();
    slot.worker.on('message', (reply: RenderReply) => {
      if (reply.type === 'ready') {
        slot.ready = true;
        startFailures = 0;
      } else if (slot.job?.id === reply.id) {
        const job = release(slot);
        if (reply.type === 'done') job.resolve(reply.pdf);
        else job.reject(Object.assign(new Error(reply.message), { stack: reply.stack }));
      }
      pump();
    });
    slot.worker.on('error', (error) => (slot.error ??= error));
    slot.worker.on('exit', (code) => {
      slots.delete(slot);
      if (slot.job) {
        const why = closed ? 'was stopped' : `crashed (${slot.error?.message ?? `exit code ${code}`})`;
        release(slot).reject(new Error(`PDF worker ${why}`, { cause: slot.error }));
      }
      if (closed) return;
      if (!slot.ready && ++startFailures >= MAX_START_FAILURES) {
        const error = new Error(`PDF worker cannot start: ${slot.error?.message ?? `exit code ${code}`}`, {
          cause: slot.error,
        });
        for (const job of queue.splice(0)) job.reject(error);
        startFailures = 0; // the next render tries again
        return;
      }
      fill();
    });
  }

  function fill(): void {
    while (slots.size < size) spawn();
  }

  function assign(slot: Slot, job: Job): void {
    slot.job = job;
    slot.worker.ref();
    job.timer = setTimeout(() => {
      slot.error = new Error(`render timed out after ${timeoutMs} ms`);
      void slot.worker.terminate(); // the exit handler rejects the job and replaces the worker
    }, timeoutMs);
    try {
      slot.worker.postMessage({ id: job.id, ...job.job } satisfies RenderRequest);
    } catch (error) {
      // Input that cannot be cloned (a function, a symbol) fails this job only.
      release(slot).reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  function release(slot: Slot): Job {
    const job = slot.job!;
    clearTimeout(job.timer);
    slot.job = undefined;
    slot.worker.unref();
    return job;
  }

  function pump(): void {
    for (const slot of slots) {
      const job = slot.ready && !slot.job ? queue.shift() : undefined;
      if (job) assign(slot, job);
    }
  }

  function submit(job: RenderJob): Promise<Uint8Array> {
    if (closed) return Promise.reject(new Error('PDF renderer is closed'));
    return new Promise<Uint8Array>((resolve, reject) => {
      queue.push({ id: nextId++, job, resolve, reject });
      fill();
      pump();
    });
  }

  fill();
  return {
    renderTda: (input) => submit({ kind: 'tda', input }),
    renderApplication: (input) => submit({ kind: 'application', input }),
    async close() {
      closed = true;
      const error = new Error('PDF renderer is closed');
      for (const job of queue.splice(0)) job.reject(error);
      await Promise.all([...slots].map((slot) => slot.worker.terminate()));
    },
  };
}

/** Renders in the calling thread: no pool to manage, but each render blocks the event loop for its duration. */
export function createInlinePdfRenderer(): PdfRenderer {
  // Loaded on first use so a process that only uses the pool keeps pdf-lib and the fonts out of its main thread.
  let closed = false;
  return {
    async renderTda(input) {
      if (closed) throw new Error('PDF renderer is closed');
      const { renderTdaPdf } = await import('./tda-pdf.js');
      return renderTdaPdf(input);
    },
    async renderApplication(input) {
      if (closed) throw new Error('PDF renderer is closed');
      const { renderApplicationPdf } = await import('./application-pdf.js');
      return renderApplicationPdf(input);
    },
    async close() {
      closed = true;
    },
  };
}
