/** Worker thread that renders PDFs for pdf-renderer.ts; loaded through pdf-worker-bootstrap.mjs. */
import { parentPort } from 'node:worker_threads';
import { renderTdaPdf, type TdaPdfInput } from './tda-pdf.js';

/** A render job sent to the worker. */
export interface RenderRequest {
  id: number;
  input: TdaPdfInput;
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

const port = parentPort;
if (!port) throw new Error('pdf-worker.ts must run in a worker thread');

await renderTdaPdf(WARM_UP).catch(() => undefined); // a real job will report the same failure properly

port.on('message', async ({ id, input }: RenderRequest) => {
  try {
    const pdf = await renderTdaPdf(input);
    // Transfer instead of copy: the bytes belong to the parent from now on.
    port.postMessage({ type: 'done', id, pdf } satisfies RenderReply, [pdf.buffer as ArrayBuffer]);
  } catch (error) {
    const { message, stack } = error instanceof Error ? error : new Error(String(error));
    port.postMessage({ type: 'failed', id, message, stack } satisfies RenderReply);
  }
});
port.postMessage({ type: 'ready' } satisfies RenderReply);
