// Plain JavaScript entry of the PDF worker thread. A worker does not inherit the parent's module loader:
// under vitest the parent's TypeScript support lives in vite's module runner and under plain node there is
// none, so the worker registers tsx itself (scoped to this import) and then loads the TypeScript worker.
// Under `tsx` the inherited --import hook is also present; the scoped import works alongside it.
import { workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

await tsImport(workerData.entry, import.meta.url);
