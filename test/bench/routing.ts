/**
 * PERF-05 routing: a rule set of 1,000 rules routes 100,000 work items (goal ≤ 10 s). Measured twice: the pure
 * `route` of domain/routing.ts on rules in memory, and through a rule set stored in SQLite and loaded by the
 * server's `loadRules` (the loader real routing uses), timed load + routing. Most subjects fall through most rules
 * (rules are narrow: one PLZ prefix, one letter, one language), so each item scans far into the list: near worst case.
 *
 * Env: BENCH_ROUTING_RULES (1,000), BENCH_ROUTING_ITEMS (100,000).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import type { RoutingRule, RoutingSubject } from '../../domain/routing.js';
import { route } from '../../domain/routing.js';
import type { AppDeps } from '../../server/context.js';
import { openDatabase } from '../../server/db/database.js';
import { migrateToLatest } from '../../server/db/migrate.js';
import { seedDemo } from '../../server/db/seed.js';
import { loadRules } from '../../server/work-items/routing.service.js';

const RULES = Number(process.env.BENCH_ROUTING_RULES ?? 1000);
const ITEMS = Number(process.env.BENCH_ROUTING_ITEMS ?? 100_000);
const GOAL_S = 10;
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LANGS = ['de', 'en', 'ar', 'tr', 'uk', 'ru', 'pl', 'ro', 'fa', 'fr'];
const TYPES = ['tda', 'ade', 'mws_reply', 'oap'] as const;

/** A deterministic rule set: narrow, mixed conditions over 6 Postkörbe. */
export function benchRules(n = RULES): RoutingRule[] {
  return Array.from({ length: n }, (_, i) => {
    const k = i % 5;
    const letter = LETTERS[i % 26];
    const condition =
      k === 0 ? { plzPrefixes: [`00${String(100 + (i % 900)).padStart(3, '0')}`] } :
      k === 1 ? { surnameFrom: letter, surnameTo: letter, languages: [LANGS[i % LANGS.length]] } :
      k === 2 ? { ageFrom: 18 + (i % 40), ageUnder: 19 + (i % 40), types: [TYPES[i % 4]] } :
      k === 3 ? { anlagen: [`X${i % 97}`] } :
      { languages: [LANGS[(i % 9) + 1]], plzPrefixes: [`00${i % 10}`] };
    return { id: `bench-r${i}`, name: `Regel ${i}`, position: i + 1, condition, postkorbId: `musterstadt-${['eingang', 'u25', 'international', 'nord', 'a-k', 'l-z'][i % 6]}` };
  });
}

/** A deterministic subject number `i`. */
export function benchSubject(i: number): RoutingSubject {
  return {
    type: TYPES[i % 4],
    surname: `${LETTERS[(i * 7) % 26]}mann`,
    birthDate: `${1950 + (i % 55)}-0${1 + (i % 9)}-1${i % 10}`,
    postalCode: `00${String(100 + ((i * 13) % 900)).padStart(3, '0')}`,
    language: LANGS[(i * 3) % LANGS.length],
    applicationDate: '2026-11-25',
    anlagen: i % 3 === 0 ? ['EK', 'VM'] : ['EK', 'VM', 'KDU'],
  };
}

const pct = (xs: Float64Array, p: number) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))];

/** Routes ITEMS subjects, timing each; returns the figures. */
function measure(label: string, rules: readonly RoutingRule[], extraMs = 0) {
  const per = new Float64Array(ITEMS);
  let hits = 0;
  const t0 = performance.now();
  for (let i = 0; i < ITEMS; i++) {
    const s = benchSubject(i);
    const a = performance.now();
    if (route(rules, s)) hits++;
    per[i] = performance.now() - a;
  }
  const totalMs = performance.now() - t0 + extraMs;
  per.sort();
  const fig = {
    label,
    rules: rules.length,
    items: ITEMS,
    matched: hits,
    totalS: Math.round(totalMs) / 1000,
    itemsPerS: Math.round((ITEMS / totalMs) * 1000),
    p50Us: Math.round(pct(per, 0.5) * 1000 * 10) / 10,
    p99Us: Math.round(pct(per, 0.99) * 1000 * 10) / 10,
    loadMs: Math.round(extraMs * 10) / 10,
    ok: totalMs / 1000 <= GOAL_S,
  };
  console.log(
    `${label.padEnd(44)} ${String(fig.rules).padStart(5)} rules ${String(ITEMS).padStart(7)} items  ${fig.totalS.toFixed(2).padStart(6)} s  ` +
      `${String(fig.itemsPerS).padStart(8)} items/s  p50 ${fig.p50Us} µs  p99 ${fig.p99Us} µs  matched ${hits}  ${fig.ok ? 'OK' : 'OVER'} (goal ≤ ${GOAL_S} s)`,
  );
  return fig;
}

/** Runs PERF-05 and prints one line per variant. */
export async function benchRouting() {
  const rules = benchRules();
  const pure = measure('pure route() on rules in memory', rules);
  const dir = mkdtempSync(join(os.tmpdir(), 'jc-bench-routing-'));
  const db = openDatabase(join(dir, 'routing.sqlite'));
  try {
    await migrateToLatest(db.db);
    await seedDemo(db.db);
    await db.db.deleteFrom('routing_rules').where('jobcenter_id', '=', 'musterstadt').execute();
    await db.db
      .insertInto('routing_rules')
      .values(rules.map((r) => ({ id: r.id, jobcenter_id: 'musterstadt', position: r.position, name: r.name, condition: JSON.stringify(r.condition), postkorb_id: r.postkorbId })))
      .execute();
    const a = performance.now();
    const loaded = await loadRules({ db } as AppDeps, 'musterstadt');
    const loadMs = performance.now() - a;
    const viaLoader = measure('loadRules (SQLite) once, then route()', loaded, loadMs);
    return { goalSeconds: GOAL_S, pure, viaLoader };
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchRouting();
