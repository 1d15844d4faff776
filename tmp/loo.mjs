import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
const entry = process.argv[2];
const patterns = process.argv.slice(3);
async function size(stub) {
  const plugins = [{ name: 'x', setup(b) {
    b.onResolve({ filter: /(^|\/)en(-[a-z]+)?\.js$/ }, (a) => a.kind === 'dynamic-import' ? { path: a.path, external: true } : undefined);
    if (stub) b.onLoad({ filter: new RegExp(stub) }, () => ({ contents: '', loader: 'js' }));
  } }];
  try {
  const r = await build({ absWorkingDir: process.cwd(), entryPoints: [entry], bundle: true, format: 'esm', platform: 'browser', target: 'es2022', minify: true, write: false, legalComments: 'none', tsconfig: 'tsconfig.json', conditions: ['production'], define: { 'process.env.NODE_ENV': '"production"' }, outfile: 'x.js', plugins, logLevel: 'silent' });
  return gzipSync(r.outputFiles[0].contents, { level: 9 }).length;
  } catch (e) { return NaN; }
}
const base = await size();
console.log('base gz', base);
for (const p of patterns) { const s = await size(p); console.log(String(base - s).padStart(6), p); }
