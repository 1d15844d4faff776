/**
 * The Online-Arbeitsmarktprofil (OAP): what the three eServices share (ids, the service shape) and the small
 * text builders. Each eService lives in its own module (oap-situation.ts, oap-cv.ts, oap-conditions.ts), so
 * an element bundles only its own definition; oap.ts gathers them for the server. Imports nothing at runtime
 * (texts.ts also builds the Hauptantrag's option lists, which an OAP bundle does not need).
 */
import type { Option, Page, Question, Text } from './types.js';

/** The ids of the three eServices, in the order the applicant meets them. */
export const OAP_SERVICE_IDS = ['situation', 'cv', 'conditions'] as const;
/** One eService id. */
export type OapServiceId = (typeof OAP_SERVICE_IDS)[number];

/** One eService: a title and its pages. */
export interface OapService {
  id: OapServiceId;
  title: Text;
  pages: readonly Page[];
}

/** True for a valid eService id. */
export const isOapServiceId = (v: unknown): v is OapServiceId => typeof v === 'string' && (OAP_SERVICE_IDS as readonly string[]).includes(v);

/** Question ids that hold Art. 9 DSGVO data: never in logs, titles, audit rows or mails. */
export const OAP_SENSITIVE_FIELDS: readonly string[] = ['situation.healthRestrictions', 'situation.hasHealthRestrictions'];

/** A German/English text (as texts.ts `t`). */
export const t = (de: string, en: string): Text => ({ de, en });

/** Options from [value, de, en] triples (as texts.ts `opts`). */
export const opts = (...list: [string, string, string][]): Option[] => list.map(([value, de, en]) => ({ value, label: t(de, en) }));

/** A yes/no question (as texts.ts `yesno`). */
export const yesno = (id: string, label: Text, extra: Partial<Question> = {}): Question => ({ id, kind: 'yesno', label, ...extra });
