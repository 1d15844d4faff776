/**
 * The catalogue of evidence a caseworker may request (Nachweiskatalog): every evidence rule of the Hauptantrag and its
 * Anlagen (one entry per code, placeholders like „– {person}“ cut off) plus documents the form itself never asks
 * for. One list for the review widget's picker and the server's check of a requested code.
 */
import { ANLAGEN, HAUPTANTRAG } from './hauptantrag.js';
import type { EvidenceRule, Question, Text } from './types.js';

/** One catalogue entry. */
export interface CatalogueEntry {
  code: string;
  title: Text;
}

/** Documents often needed in a review that no question of the form triggers. */
const EXTRA: readonly CatalogueEntry[] = [
  { code: 'MELDEBESCHEINIGUNG', title: { de: 'Meldebescheinigung', en: 'Certificate of registration (Meldebescheinigung)' } },
  { code: 'KUENDIGUNG', title: { de: 'Kündigungsschreiben oder Aufhebungsvertrag', en: 'Notice of dismissal or termination agreement' } },
  { code: 'ARBEITSVERTRAG', title: { de: 'Arbeitsvertrag', en: 'Employment contract' } },
  { code: 'RENTENBESCHEID', title: { de: 'Rentenbescheid', en: 'Pension notice' } },
  { code: 'BAFOEG_BESCHEID', title: { de: 'BAföG- oder BAB-Bescheid', en: 'Student or training grant notice (BAföG/BAB)' } },
];

const cut = (t: string) => t.replace(/\s*[–-]\s*\{\w+\}\s*$/u, '').trim();

function collect(rules: readonly EvidenceRule[] | undefined, out: Map<string, CatalogueEntry>): void {
  for (const r of rules ?? []) if (!out.has(r.code)) out.set(r.code, { code: r.code, title: { de: cut(r.title.de), en: cut(r.title.en) } });
}

function fromQuestions(questions: readonly Question[], out: Map<string, CatalogueEntry>): void {
  for (const q of questions) {
    collect(q.evidence, out);
    collect(q.itemEvidence, out);
    if (q.item) fromQuestions(q.item, out);
  }
}

let cache: readonly CatalogueEntry[] | undefined;

/** The catalogue, sorted by German title. */
export function evidenceCatalogue(): readonly CatalogueEntry[] {
  if (cache) return cache;
  const out = new Map<string, CatalogueEntry>();
  for (const s of HAUPTANTRAG) for (const p of s.pages) fromQuestions(p.questions, out);
  for (const a of ANLAGEN) {
    collect(a.evidence, out);
    for (const p of a.pages) fromQuestions(p.questions, out);
  }
  for (const e of EXTRA) if (!out.has(e.code)) out.set(e.code, e);
  cache = [...out.values()].sort((a, b) => a.title.de.localeCompare(b.title.de, 'de'));
  return cache;
}
