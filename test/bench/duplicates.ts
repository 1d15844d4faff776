/**
 * Duplicate check quality: runs the scorer of server/persons/scoring.ts over the demo register and the demo probes
 * (planted near-duplicates and genuinely new persons) and prints precision and recall at the default threshold.
 * `tsx test/bench/duplicates.ts` prints it alone; test/bench/run.ts (section `duplicates`) and the server test too.
 */
import { pathToFileURL } from 'node:url';
import { DEMO_PROBES, demoPersons } from '../../server/persons/demo-persons.js';
import { DEFAULT_THRESHOLD, rankCandidates } from '../../server/persons/scoring.js';

/** Figures of one run. */
export interface DuplicateFigures {
  threshold: number;
  register: number;
  probes: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  /** Probes whose planted twin is the best candidate. */
  topOneHits: number;
}

/** Scores every probe against the register; a pair at or above the threshold counts as a predicted duplicate. */
export function measureDuplicates(threshold = DEFAULT_THRESHOLD, log = true): DuplicateFigures {
  const register = demoPersons();
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let top = 0;
  for (const p of DEMO_PROBES) {
    const ranked = rankCandidates(p.data, register, 10);
    const predicted = ranked.filter((c) => c.score >= threshold).map((c) => c.person.id);
    const hit = p.expected !== null && predicted.includes(p.expected);
    if (hit) tp++;
    else if (p.expected !== null) fn++;
    fp += predicted.filter((id) => id !== p.expected).length;
    if (p.expected !== null && ranked[0]?.person.id === p.expected) top++;
    if (log) {
      const best = ranked[0];
      console.log(`${hit || (p.expected === null && !predicted.length) ? 'ok  ' : 'MISS'} ${p.label.padEnd(42)} best ${best ? `${best.person.id} ${best.score.toFixed(3)} ${best.reasons.join(',')}` : '–'}`);
    }
  }
  const figures = {
    threshold,
    register: register.length,
    probes: DEMO_PROBES.length,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision: tp + fp ? tp / (tp + fp) : 1,
    recall: tp + fn ? tp / (tp + fn) : 1,
    topOneHits: top,
  };
  if (log) {
    console.log(
      `duplicate check at threshold ${threshold}: precision ${figures.precision.toFixed(3)}, recall ${figures.recall.toFixed(3)} ` +
        `(TP ${tp}, FP ${fp}, FN ${fn}; planted twin ranked first ${top}/${tp + fn}; register ${register.length}, probes ${figures.probes})`,
    );
  }
  return figures;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) measureDuplicates();
