/**
 * The steps that have help texts (A11Y-04) and which step a page of the Hauptantrag belongs to.
 * Keys of the Hauptantrag are its own ids: a section (`A`), a section page (`A/konto`) or an Anlage code
 * (`EK`); `tda`, `receipt` and `ade-receipt` are the TdA step and the two receipts.
 */

/** Every step with help; both tables (components/locales/help-*.ts) have exactly these keys. */
export const HELP_TOPICS = [
  'tda',
  'receipt',
  'A',
  'A/konto',
  'G/haushalt',
  'G/wohnkosten',
  'H',
  'EK',
  'VM',
  'I',
  'ade-receipt',
] as const;

/** A step with help. */
export type HelpTopic = (typeof HELP_TOPICS)[number];

/** The help of one step: a title and short paragraphs. */
export interface HelpText {
  title: string;
  paragraphs: readonly string[];
}

/** A help table: one entry per step. */
export type HelpTable = Record<HelpTopic, HelpText>;

/** The languages of the help: Leichte Sprache (easy-to-read German) and Arabic. */
export type HelpLanguage = 'ls' | 'ar';

/** Anlagen whose pages share the help of a related step. */
const SHARED: Record<string, HelpTopic> = { KDU: 'G/wohnkosten', EKS: 'EK' };

/** True for a step that has help. */
export function isHelpTopic(key: string | undefined): key is HelpTopic {
  return (HELP_TOPICS as readonly string[]).includes(key ?? '');
}

/** The help of a Hauptantrag page: its own page, else its section or Anlage; undefined when there is none. */
export function helpTopicOf(p: {
  group: string;
  page: { id: string };
  anlage?: { code: string };
}): HelpTopic | undefined {
  const keys = p.anlage ? [p.anlage.code] : [`${p.group}/${p.page.id}`, p.group];
  return keys.map((k) => SHARED[k] ?? k).find(isHelpTopic);
}
