import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
const entry = process.argv[2];
const external = { name: 'x', setup(b) { b.onResolve({ filter: /(^|\/)en(-[a-z]+)?\.js$/ }, (a) => a.kind === 'dynamic-import' ? { path: a.path, external: true } : undefined); } };
const r = await build({ absWorkingDir: process.cwd(), entryPoints: [entry], bundle: true, format: 'esm', platform: 'browser', target: 'es2022', minify: true, write: false, metafile: true, legalComments: 'none', tsconfig: 'tsconfig.json', conditions: ['production'], define: { 'process.env.NODE_ENV': '"production"' }, outfile: 'x.js', plugins: [external] });
const out = Object.values(r.metafile.outputs)[0];
const rows = Object.entries(out.inputs).map(([k, v]) => [k, v.bytesInOutput]).sort((a, b) => b[1] - a[1]);
console.log('total min', r.outputFiles[0].contents.length, 'gz', gzipSync(r.outputFiles[0].contents, { level: 9 }).length);
let groups = {};
for (const [k, b] of rows) { const g = k.split('/').slice(0, 2).join('/'); groups[g] = (groups[g] || 0) + b; }
console.log(Object.entries(groups).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${String(v).padStart(7)} ${k}`).join('\n'));
console.log('---');
console.log(rows.slice(0, +(process.argv[3] ?? 60)).map(([k, v]) => `${String(v).padStart(7)} ${k}`).join('\n'));
