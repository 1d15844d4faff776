import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { minifyTemplates } from './minlit.mjs';
for (const entry of process.argv.slice(2)) {
for (const on of [false, true]) {
  const plugins = [{ name: 'x', setup(b) {
    b.onResolve({ filter: /(^|\/)en(-[a-z]+)?\.js$/ }, (a) => a.kind === 'dynamic-import' ? { path: a.path, external: true } : undefined);
    if (on) b.onLoad({ filter: /components\/.*\.ts$/ }, (a) => ({ contents: minifyTemplates(readFileSync(a.path, 'utf8')), loader: 'ts' }));
  } }];
  const r = await build({ absWorkingDir: process.cwd(), entryPoints: [entry], bundle: true, format: 'esm', platform: 'browser', target: 'es2022', minify: true, write: false, legalComments: 'none', tsconfig: 'tsconfig.json', conditions: ['production'], define: { 'process.env.NODE_ENV': '"production"' }, outfile: 'x.js', plugins, logLevel: 'error' });
  console.log(entry, on, r.outputFiles[0].contents.length, gzipSync(r.outputFiles[0].contents, { level: 9 }).length);
}}
