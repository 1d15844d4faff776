/**
 * The duplicate check's scorer: pure functions. Names are folded with the inbox's search folding (ü→u, ß→ss, Ł→l)
 * and then transliterations and common spellings are unified (ue→u, ss→s, ph→f, ey/ai→ei), so Müller, Mueller and
 * Muller meet, as do Meyer and Maier; the similarity is our own
 * Jaro-Winkler. Birth date, address and RV-Nr add or subtract evidence; every contribution is named as a reason.
 */
import type { Candidate, MatchReason, PersonData, PersonView } from '../../domain/person.js';
import { foldSearch } from '../inbox/search-key.js';

/** Score at or above which a pair counts as a likely duplicate. */
export const DEFAULT_THRESHOLD = 0.6;
/** Candidates below this score are not shown at all. */
export const SHOW_THRESHOLD = 0.35;

/** The comparison key of a name: folded, transliterations unified, no spaces or hyphens. */
export function nameKey(s: string): string {
  return foldSearch(s)
    .replace(/ae/g, 'a')
    .replace(/oe/g, 'o')
    .replace(/ue/g, 'u')
    .replace(/ss/g, 's')
    .replace(/ph/g, 'f')
    .replace(/th/g, 't')
    .replace(/ck/g, 'k')
    .replace(/[ae]y|ai/g, 'ei')
    .replace(/y/g, 'i')
    .replace(/[\s-]+/g, '');
}

/** Jaro similarity of two strings (0..1). */
function jaro(a: string, b: string): number {
  if (a === b) return a.length ? 1 : 0;
  if (!a.length || !b.length) return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const takenB = new Array<boolean>(b.length).fill(false);
  const matchedA: string[] = [];
  for (let i = 0; i < a.length; i++) {
    for (let j = Math.max(0, i - window); j < Math.min(b.length, i + window + 1); j++) {
      if (takenB[j] || a[i] !== b[j]) continue;
      takenB[j] = true;
      matchedA.push(a[i]);
      break;
    }
  }
  const m = matchedA.length;
  if (!m) return 0;
  const matchedB = [...b].filter((_, j) => takenB[j]);
  let halfTranspositions = 0;
  for (let k = 0; k < m; k++) if (matchedA[k] !== matchedB[k]) halfTranspositions++;
  const t = halfTranspositions / 2;
  return (m / a.length + m / b.length + (m - t) / m) / 3;
}

/** Jaro-Winkler similarity (0..1): Jaro with a bonus for a common prefix of up to 4 characters. */
export function jaroWinkler(a: string, b: string): number {
  const j = jaro(a, b);
  let prefix = 0;
  while (prefix < Math.min(4, a.length, b.length) && a[prefix] === b[prefix]) prefix++;
  return j + prefix * 0.1 * (1 - j);
}

/** Birth dates: equal, near (one digit off, or day and month swapped), or different. */
function birthRelation(a: string, b: string): 'exact' | 'near' | 'differs' {
  if (a === b) return 'exact';
  const da = a.replace(/-/g, '');
  const db = b.replace(/-/g, '');
  if (da.length !== 8 || db.length !== 8) return 'differs';
  let diff = 0;
  for (let i = 0; i < 8; i++) if (da[i] !== db[i]) diff++;
  const swapped = da.slice(0, 4) + da.slice(6, 8) + da.slice(4, 6) === db;
  return diff === 1 || swapped ? 'near' : 'differs';
}

/** The RV-Nr as compared: without spaces, upper case. */
export const rvKey = (s: string | null) => (s ?? '').replace(/\s+/g, '').toUpperCase();

/** Scores one register person against an Internetperson's data; returns the score (0..1) and its reasons. */
export function scorePair(q: PersonData, p: PersonData): { score: number; reasons: MatchReason[] } {
  const reasons: MatchReason[] = [];
  const [qf, ql, pf, pl] = [q.firstName, q.lastName, p.firstName, p.lastName].map(nameKey);
  const straight = (jaroWinkler(qf, pf) + jaroWinkler(ql, pl)) / 2;
  const crossed = (jaroWinkler(qf, pl) + jaroWinkler(ql, pf)) / 2;
  const names = Math.max(straight, crossed);
  const same = (x: string, y: string) => foldSearch(x) === foldSearch(y);
  if (same(q.firstName, p.firstName) && same(q.lastName, p.lastName)) reasons.push('name_exact');
  else if (crossed > straight && crossed >= 0.9) reasons.push('name_swapped');
  else if (names >= 0.85) reasons.push('name_similar');
  // Below 0.7 two names say nothing; from there the evidence grows to 0.5 at identical names.
  let score = 0.5 * Math.min(1, Math.max(0, (names - 0.7) / 0.28));
  const birth = birthRelation(q.birthDate, p.birthDate);
  if (birth === 'exact') score += 0.3;
  else if (birth === 'near') score += 0.15;
  reasons.push(birth === 'exact' ? 'birth_date_exact' : birth === 'near' ? 'birth_date_near' : 'birth_date_differs');
  if (q.postalCode && q.postalCode === p.postalCode) {
    score += 0.05;
    reasons.push('postal_code');
  }
  if (q.street && p.street && jaroWinkler(nameKey(q.street), nameKey(p.street)) >= 0.92) {
    score += 0.05;
    reasons.push('street');
  }
  const [qr, pr] = [rvKey(q.rvNr), rvKey(p.rvNr)];
  if (qr && pr) {
    // The RV-Nr is unique per person: equal is strong evidence, different is strong counter-evidence.
    if (qr === pr) {
      score = Math.max(score, 0.6) + 0.35;
      reasons.push('rv_nr');
    } else {
      score -= 0.4;
      reasons.push('rv_nr_differs');
    }
  }
  return { score: Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000, reasons };
}

/** The register's candidates for an Internetperson, best first, at or above SHOW_THRESHOLD, at most `limit`. */
export function rankCandidates(q: PersonData, register: readonly PersonView[], limit = 5): Candidate[] {
  const out: Candidate[] = [];
  for (const person of register) {
    const { score, reasons } = scorePair(q, person);
    if (score >= SHOW_THRESHOLD) out.push({ person, score, reasons });
  }
  return out.sort((a, b) => b.score - a.score || a.person.kundennummer.localeCompare(b.person.kundennummer)).slice(0, limit);
}
