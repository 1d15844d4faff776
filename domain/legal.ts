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

/** One version of the written notice of the consequences of missing cooperation (§ 66 Abs. 3 SGB I). */
export interface MitwirkungNoticeVersion {
  /** Valid from (inclusive, YYYY-MM-DD); also the version's id. */
  from: string;
  text: Text;
}

/**
 * The § 66 notice sent with every evidence request (§§ 60–67 SGB I). Each request stores the wording in force when
 * it was made, so a later change never alters a notice already given.
 */
export const MITWIRKUNG_NOTICES: readonly MitwirkungNoticeVersion[] = [
  {
    from: '2023-01-01',
    text: {
      de: 'Hinweis nach § 66 Abs. 3 SGB I: Sie sind nach § 60 SGB I verpflichtet, alle für die Leistung erheblichen Tatsachen anzugeben und Beweisurkunden vorzulegen. Wenn Sie die angeforderten Angaben oder Nachweise nicht bis zum genannten Datum einreichen und die Aufklärung des Sachverhalts dadurch erheblich erschwert wird, kann das Jobcenter die Leistung nach § 66 Abs. 1 SGB I ganz oder teilweise versagen, bis Sie die Mitwirkung nachholen. Werden die Unterlagen später nachgereicht, kann die Leistung nach § 67 SGB I nachträglich erbracht werden. Wenn Sie die Frist nicht einhalten können, melden Sie sich bitte vorher beim Jobcenter.',
      en: 'Notice under section 66 (3) SGB I: under section 60 SGB I you must state all facts relevant to the benefit and provide documents as evidence. If you do not submit the requested information or evidence by the date given and this makes it considerably harder to establish the facts, the jobcenter may refuse the benefit in full or in part under section 66 (1) SGB I until you cooperate. If you hand in the documents later, the benefit may be paid retroactively under section 67 SGB I. If you cannot meet the deadline, please contact the jobcenter beforehand.',
    },
  },
];

/** The § 66 notice in force on a date. */
export function mitwirkungNotice(date: string): MitwirkungNoticeVersion {
  let found = MITWIRKUNG_NOTICES[0];
  for (const v of MITWIRKUNG_NOTICES) if (v.from <= date) found = v;
  return found;
}
