/**
 * Legal wording and amounts that change with the law, selected by the date of application (never
 * hard-coded in texts). The 13th SGB II amendment renames the benefit and grades the asset allowances by
 * age from 01.07.2026. Amounts marked (?) are unverified and belong in configuration reviews.
 */
import type { Text } from './forms/types.js';

/** One version of the rules, valid from `from` (inclusive, YYYY-MM-DD). */
export interface LegalVersion {
  from: string;
  benefitName: Text;
  /** How protected assets (Schonvermögen) are described in Anlage VM. */
  assetRule: Text;
  /** Regelbedarf level 1 (€/month) for the information text. */
  regelbedarf1: number;
}

/** Versions in ascending order of `from`. */
export const LEGAL_VERSIONS: readonly LegalVersion[] = [
  {
    from: '2023-01-01',
    benefitName: { de: 'Bürgergeld', en: 'Bürgergeld (citizen’s benefit)' },
    assetRule: {
      de: 'Im ersten Jahr (Karenzzeit) bleibt Vermögen bis 40.000 € für Sie und 15.000 € für jede weitere Person unberücksichtigt, wenn es nicht erheblich ist.',
      en: 'In the first year (grace period) assets up to €40,000 for you and €15,000 for each further person are not counted unless they are substantial.',
    },
    regelbedarf1: 563,
  },
  {
    from: '2026-07-01',
    benefitName: { de: 'Grundsicherungsgeld', en: 'Grundsicherungsgeld (basic income support)' },
    assetRule: {
      // (?) age grading as announced for the 13th amendment; verify before production.
      de: 'Vermögen bleibt je Person abhängig vom Alter bis 5.000 € (unter 30 Jahren), 10.000 € (30–39), 12.500 € (40–49) oder 15.000 € (ab 50 Jahren) unberücksichtigt.',
      en: 'Assets per person are not counted up to €5,000 (under 30), €10,000 (30–39), €12,500 (40–49) or €15,000 (50 and over), depending on age.',
    },
    regelbedarf1: 563,
  },
];

/** The version in force on a date. */
export function legalVersion(date: string): LegalVersion {
  let found = LEGAL_VERSIONS[0];
  for (const v of LEGAL_VERSIONS) if (v.from <= date) found = v;
  return found;
}

/** Placeholders a definition text may use, filled from the version in force. */
export function legalPlaceholders(date: string, lang: 'de' | 'en'): Record<string, string> {
  const v = legalVersion(date);
  return { benefitName: v.benefitName[lang], assetRule: v.assetRule[lang], regelbedarf1: String(v.regelbedarf1) };
}
