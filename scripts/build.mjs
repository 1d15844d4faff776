// Builds the widget bundles into dist/: one self-contained, minified ESM file per public element
// plus one with everything. Prints each bundle's gzip size (PERF-01 budgets).
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { basename, dirname, join, resolve } from 'node:path';
import { minifyTemplatesPlugin } from './minify-templates.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const KIB = 1024;

/** Bundles and their budgets (KiB, minified + gzip, Lit included). */
const bundles = [
  { out: 'jc-provider', entry: 'components/provider/provider.ts', budget: 25 },
  { out: 'jc-registration', entry: 'components/registration/registration.ts', budget: 25 },
  { out: 'jc-application', entry: 'components/application/application.ts', budget: 60 },
  // Staff widgets: separate bundles, never part of the applicant all-in-one bundle.
  { out: 'jc-staff-sign-in', entry: 'components/staff-sign-in/staff-sign-in.ts', budget: 25 },
  { out: 'jc-mws-inbox', entry: 'components/mws-inbox/mws-inbox.ts', budget: 25 },
  { out: 'jc-mws-review', entry: 'components/mws-review/mws-review.ts', budget: 25 },
  // Jobcenter admin (rules, simulation, origins, theme, configuration exchange): staff only, goal 35 KiB.
  { out: 'jc-admin', entry: 'components/admin/admin.ts', budget: 35 },
  // Applicant's to-do list of the Mitwirkung (own bundle; jc-application does not carry it).
  { out: 'jc-mws-todo', entry: 'components/mws-todo/mws-todo.ts', budget: 25 },
  // Information zur Bearbeitungsdauer: a small note any portal page may place (also inside the receipts).
  { out: 'jc-ibd-notice', entry: 'components/ibd-notice/ibd-notice.ts', budget: 25 },
  // Online-Arbeitsmarktprofil: three applicant eServices and the M&I review, each its own bundle.
  { out: 'jc-oap-situation', entry: 'components/oap-situation/oap-situation.ts', budget: 25 },
  { out: 'jc-oap-cv', entry: 'components/oap-cv/oap-cv.ts', budget: 25 },
  { out: 'jc-oap-conditions', entry: 'components/oap-conditions/oap-conditions.ts', budget: 25 },
  { out: 'jc-oap-review', entry: 'components/oap-review/oap-review.ts', budget: 25 },
  // Duplicate check (Internetperson → Person) and the 1st-level support lookup: staff-only bundles.
  { out: 'jc-duplicate-check', entry: 'components/duplicate-check/duplicate-check.ts', budget: 25 },
  { out: 'jc-support-lookup', entry: 'components/support-lookup/support-lookup.ts', budget: 25 },
  // A page with all three applicant eServices loads them as one bundle (no PERF-01 goal, like the all-in-one).
  { out: 'oap-widgets', entry: 'components/oap-service/oap-widgets.ts', budget: 45 },
  // PERF-01 sets no goal for the all-in-one bundle: it is jc-application plus jc-registration.
  { out: 'jobcenter-widgets', entry: 'components/index.ts', budget: 65 },
];

/**
 * The text tables in components/locales/ (English `en*.ts`, help texts `help-*.ts`) are loaded with
 * `import()` when a widget needs them. Inside a bundle that import stays external (`./locales/….js`); each
 * table is built once on its own into dist/locales/, so a German page never downloads English and every
 * bundle remains one file.
 */
const localesDir = join(root, 'components', 'locales');
const englishApart = {
  name: 'english-apart',
  setup(b) {
    b.onResolve({ filter: /(^|\/)(en|help)(-[a-z]+)?\.js$/ }, (args) => {
      if (args.kind !== 'dynamic-import') return undefined;
      const file = resolve(args.resolveDir, args.path);
      if (dirname(file) !== localesDir) return undefined;
      return { path: `./locales/${basename(file)}`, external: true };
    });
  },
};
const textTables = readdirSync(localesDir).filter((f) => /^(en|help)(-[a-z]+)?\.ts$/.test(f));

const templates = minifyTemplatesPlugin(join(root, 'components'));

const started = performance.now();
await rm(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: textTables.map((f) => `components/locales/${f}`),
  outdir: 'dist/locales',
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  legalComments: 'none',
  tsconfig: 'tsconfig.json',
  logLevel: 'warning',
});
const results = await Promise.all(
  bundles.map((b) =>
    build({
      absWorkingDir: root,
      entryPoints: [b.entry],
      outdir: 'dist',
      entryNames: b.out,
      // A bundle is one file unless it imports parts with import(): the OAP eServices fetch their form
      // renderer only when a form page is due. Shared code then sits in a chunk the entry imports.
      splitting: true,
      chunkNames: 'chunks/[name]-[hash]',
      metafile: true,
      bundle: true,
      plugins: [englishApart, templates],
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      minify: true,
      sourcemap: true,
      legalComments: 'none',
      tsconfig: 'tsconfig.json',
      // Lit's production build (no dev-mode warnings).
      conditions: ['production'],
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'warning',
    }),
  ),
);

const gzipOf = (file) => gzipSync(readFileSync(join(root, file)), { level: 9 }).length;
const kib = (n) => (n / KIB).toFixed(1).padStart(6);

/** The files a bundle loads at once (the entry and what it imports statically) and those it loads later. */
function filesOf(outputs, entry) {
  const initial = [];
  const later = new Set();
  const visit = (file) => {
    if (initial.includes(file)) return;
    initial.push(file);
    for (const i of outputs[file].imports) {
      if (i.external) continue;
      if (i.kind === 'import-statement') visit(i.path);
      else if (i.kind === 'dynamic-import') later.add(i.path);
    }
  };
  visit(entry);
  // What the lazy chunks import in turn, less what is loaded already.
  for (const file of later) for (const i of outputs[file].imports) if (!i.external) later.add(i.path);
  return { initial, later: [...later].filter((f) => !initial.includes(f)) };
}

let over = false;
bundles.forEach((b, n) => {
  const { initial, later } = filesOf(results[n].metafile.outputs, `dist/${b.out}.js`);
  const gz = initial.reduce((sum, f) => sum + gzipOf(f), 0);
  const bytes = initial.reduce((sum, f) => sum + readFileSync(join(root, f)).length, 0);
  const flag = gz > b.budget * KIB ? `  OVER BUDGET (${b.budget} KiB)` : '';
  over ||= !!flag;
  const lazy = later.length ? `  (+${kib(later.reduce((sum, f) => sum + gzipOf(f), 0)).trim()} KiB gzip when needed)` : '';
  console.log(
    `dist/${b.out}.js`.padEnd(28) + `${(bytes / KIB).toFixed(1).padStart(7)} KiB min  ${kib(gz)} KiB gzip${flag}${lazy}`,
  );
});
console.log(`built in ${Math.round(performance.now() - started)} ms`);
// Budgets are reported, not enforced here: `npm start` must never fail over a kilobyte; `npm run bench` tracks them.
if (over) console.warn('warning: a bundle is over its PERF-01 budget');
