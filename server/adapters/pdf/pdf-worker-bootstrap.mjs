// Plain JavaScript entry of the PDF worker threads (see pdf-renderer.ts). A worker thread starts with a fresh
// module loader: under vitest the parent's TypeScript support lives in vite's module runner and never reaches
// the worker, under plain node there is none. So the worker loads its TypeScript module through tsImport,
// a tsx loader scoped to this one import. Under the tsx CLI the worker also inherits tsx's global
// `--import` hook through process.execArgv; the scoped import works the same alongside it.
import { workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

await tsImport(workerData.entry, import.meta.url);
