/** Small builders that keep the form definition readable. */
import type { Option, Question, Text } from './types.js';

/** A German/English text. */
export const t = (de: string, en: string): Text => ({ de, en });

/** Options from [value, de, en] triples. */
export const opts = (...list: [string, string, string][]): Option[] => list.map(([value, de, en]) => ({ value, label: t(de, en) }));

/** A yes/no question. */
export const yesno = (id: string, label: Text, extra: Partial<Question> = {}): Question => ({ id, kind: 'yesno', label, ...extra });

/** Health insurance options (section F and Anlage WEP). */
export const INSURANCE = opts(
  ['statutory_family', 'gesetzlich familienversichert', 'statutory, family insurance'],
  ['statutory_compulsory', 'gesetzlich pflichtversichert', 'statutory, compulsory insurance'],
  ['voluntary', 'gesetzlich freiwillig versichert', 'statutory, voluntary insurance'],
  ['private', 'privat versichert', 'private insurance'],
  ['none', 'nicht versichert', 'not insured'],
);

/** Insurance answers that call for Anlage SV. */
export const SV_INSURANCE = ['voluntary', 'private', 'none'] as const;

/** Education status options. */
export const EDUCATION = opts(
  ['none', 'nein', 'no'],
  ['school', 'Schülerin/Schüler', 'pupil'],
  ['student', 'Studentin/Student', 'student'],
  ['trainee', 'in Ausbildung', 'trainee'],
);

/** Nationality groups. */
export const NATIONALITY = opts(
  ['DE', 'deutsch', 'German'],
  ['EU', 'aus einem anderen EU-/EWR-Staat oder der Schweiz', 'another EU/EEA country or Switzerland'],
  ['OTHER', 'aus einem anderen Staat', 'another country'],
  ['STATELESS', 'staatenlos oder ungeklärt', 'stateless or unclear'],
);
