/**
 * The vocabulary of declarative forms: pages of questions with conditions, repeat lists, "hand in later"
 * answers and evidence rules. The Hauptantrag, its Anlagen and later the OAP eServices are data in it;
 * the renderer, the server validator and the PDF renderer interpret the same data.
 */

/** A text in German (source) and English. `{name}` placeholders are filled by the engine. */
export interface Text {
  de: string;
  en: string;
}

/** A scalar answer value. */
export type Primitive = string | number | boolean;

/**
 * A condition on answers. `q` names a question of the same scope (the page's Anlage or the main form);
 * `main:` reaches the main form from an Anlage. `person` looks at the member an Anlage belongs to.
 */
export type Cond =
  | { q: string; eq: Primitive }
  | { q: string; in: readonly Primitive[] }
  | { q: string; has: string }
  | { applicantAge: { from?: number; under?: number } }
  | { person: { ageFrom?: number; ageUnder?: number } }
  | { not: Cond }
  | { all: readonly Cond[] }
  | { any: readonly Cond[] };

/** Kinds of questions; each has one validator (engine.ts) and one control (renderer). */
export type QuestionKind =
  | 'text'
  | 'textarea'
  | 'date'
  | 'yesno'
  | 'choice'
  | 'multi'
  | 'money'
  | 'number'
  | 'iban'
  | 'taxId'
  | 'rvnr'
  | 'email'
  | 'phone'
  | 'plz'
  | 'list';

/** A choice option. */
export interface Option {
  value: string;
  label: Text;
}

/** A document the jobcenter will want, when the question is shown and `when` holds. */
export interface EvidenceRule {
  code: string;
  title: Text;
  when?: Cond;
}

/** One question. */
export interface Question {
  id: string;
  kind: QuestionKind;
  label: Text;
  hint?: Text;
  /** Required when shown (default true). */
  required?: boolean;
  /** Shown only when the condition holds; a hidden question is never required and its answer is ignored. */
  when?: Cond;
  options?: readonly Option[];
  /** A confirmation: the only valid answer is true (declarations of section I). */
  accept?: boolean;
  /** Offer "weiß ich nicht / reiche ich nach": never blocks submission, becomes a to-do. */
  allowLater?: boolean;
  /** Bounds: text length, number/money range, date relation to the application date. */
  max?: number;
  min?: number;
  date?: 'past' | 'future' | 'any';
  /** HTML autocomplete token for the renderer. */
  autocomplete?: string;
  /** For lists: the questions of one item, a label for items ("Konto") and bounds. */
  item?: readonly Question[];
  itemLabel?: Text;
  maxItems?: number;
  evidence?: readonly EvidenceRule[];
  /** For lists: evidence per item; `{label}` is the item's first text answer. */
  itemEvidence?: readonly EvidenceRule[];
}

/** One page: one topic (GOV.UK "one thing per page"). */
export interface Page {
  id: string;
  title: Text;
  intro?: Text;
  when?: Cond;
  questions: readonly Question[];
}

/** A section of the Hauptantrag (A–I). */
export interface Section {
  id: string;
  title: Text;
  /** Comes after the Anlagen (the declaration). */
  final?: boolean;
  pages: readonly Page[];
}

/** How often an Anlage exists. */
export type AnlageScope = 'bg' | 'person' | 'event';

/**
 * When an Anlage exists. `once`: one instance if `when` (main scope) holds or any member matches `anyMember`.
 * `applicant`: one for the applicant if `when` holds. `member`: one per household member matching the
 * relationship/age filters and, if given, a condition on that member's answers in another Anlage.
 */
export interface Trigger {
  for: 'once' | 'applicant' | 'member';
  when?: Cond;
  anyMember?: MemberFilter;
  member?: MemberFilter;
  /** e.g. { code: 'WEP', cond: { q: 'selfEmployed', eq: true } }: the member said so in her WEP. */
  memberAnlage?: { codes: readonly string[]; cond: Cond };
}

/** Filters household members by relationship and age (on the date of application). */
export interface MemberFilter {
  relationships?: readonly Relationship[];
  ageFrom?: number;
  ageUnder?: number;
  /** The applicant's age decides (e.g. parents belong to the BG of an applicant under 25). */
  applicantAgeFrom?: number;
  applicantAgeUnder?: number;
}

/** An Anlage (annex) template; instances are computed from the answers. */
export interface Anlage {
  code: string;
  title: Text;
  scope: AnlageScope;
  /** Any trigger firing creates the instance(s). */
  triggers: readonly Trigger[];
  pages: readonly Page[];
  /** Evidence whenever the Anlage exists. */
  evidence?: readonly EvidenceRule[];
}

/** Relationship of a household member to the applicant. */
export const RELATIONSHIPS = ['partner', 'child', 'parent', 'relative', 'other'] as const;
/** A relationship value. */
export type Relationship = (typeof RELATIONSHIPS)[number];

/** A "hand in later" answer. */
export interface Later {
  later: true;
}

/** All answers of one application. */
export interface Answers {
  main: Record<string, unknown>;
  members: Array<{ id: string } & Record<string, unknown>>;
  anlagen: Record<string, Record<string, unknown>>;
}
