/** Worker thread that renders PDFs for pdf-renderer.ts; loaded through pdf-worker-bootstrap.mjs. */
import { parentPort } from 'node:worker_threads';
import { renderApplicationPdf, type ApplicationPdfInput } from './application-pdf.js';
import { renderTdaPdf, type TdaPdfInput } from './tda-pdf.js';

/** Which PDF to render from which input. */
export type RenderJob =
  { kind: 'tda'; input: TdaPdfInput } | { kind: 'application'; input: ApplicationPdfInput };

/** A render job sent to the worker. */
export type RenderRequest = { id: number } & RenderJob;

function render(job: RenderJob): Promise<Uint8Array> {
  return job.kind === 'tda' ? renderTdaPdf(job.input) : renderApplicationPdf(job.input);
}

/** What the worker answers: once `ready`, then one `done` or `failed` per job. */
export type RenderReply =
  | { type: 'ready' }
  | { type: 'done'; id: number; pdf: Uint8Array }
  | { type: 'failed'; id: number; message: string; stack?: string };

// A sample with Latin, Cyrillic and Arabic letters: the first real render then finds the fonts read, the
// code compiled and the Arabic shaper loaded instead of paying for it inside a request.
const WARM_UP: TdaPdfInput = {
  number: 'TDA-0000-WARMUP',
  receivedAt: '2026-01-01T00:00:00.000Z',
  data: {
    portalJobcenterId: 'warm-up',
    firstName: 'Łukasz Олена',
    lastName: 'محمد العلي',
    birthDate: '1990-01-01',
    street: 'Straße',
    houseNumber: '1',
    postalCode: '00000',
    city: 'Ort',
    contactLanguage: 'de',
    declaration: true,
  },
  dataSha256: '0'.repeat(64),
  portalJobcenter: { id: 'warm-up', name: 'Jobcenter' },
  responsibleJobcenter: { id: 'warm-up', name: 'Jobcenter' },
  accountEmail: 'warm-up@example.org',
};

// A short application with the same scripts: compiles the form engine and the application layout.
const WARM_UP_APPLICATION: ApplicationPdfInput = {
  number: 'ADE-0000-WARMUP',
  applicationDate: '2026-01-01',
  submittedAt: '2026-01-01T00:00:00.000Z',
  answers: {
    main: { firstName: 'Łukasz Олена', lastName: 'محمد العلي', livesAlone: false, housingCosts: true },
    members: [
      { id: 'm', firstName: 'Олена', lastName: 'Dvořák', birthDate: '2020-01-01', relationship: 'child' },
    ],
    anlagen: { KDU: { housingType: 'rent', baseRent: 1234.5 } },
  },
  dataSha256: '0'.repeat(64),
  portalJobcenter: { id: 'warm-up', name: 'Jobcenter' },
  accountEmail: 'warm-up@example.org',
};

const port = parentPort;
if (!port) throw new Error('pdf-worker.ts must run in a worker thread');

// A real job will report the same failure properly.
await render({ kind: 'tda', input: WARM_UP }).catch(() => undefined);
await render({ kind: 'application', input: WARM_UP_APPLICATION }).catch(() => undefined);

port.on('message', async ({ id, ...job }: RenderRequest) => {
  try {
    const pdf = await render(job);
    // Transfer instead of copy: the bytes belong to the parent from now on.
    port.postMessage({ type: 'done', id, pdf } satisfies RenderReply, [pdf.buffer as ArrayBuffer]);
  } catch (error) {
    const { message, stack } = error instanceof Error ? error : new Error(String(error));
    port.postMessage({ type: 'failed', id, message, stack } satisfies RenderReply);
  }
});
port.postMessage({ type: 'ready' } satisfies RenderReply);
