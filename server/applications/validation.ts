/**
 * The one place where the server meets the form engine (domain/forms): request schemas, the full check on
 * submit, the evidence items uploads may refer to, and the facts routing and the PDF need.
 */
import * as z from 'zod';
import type { FieldError } from '../../domain/common.js';
import { answersShape } from '../../domain/forms/answers-shape.js';
import { validateApplication, type Answers } from '../../domain/forms/engine.js';

/** The engine's structural schema and answer type, re-exported so the server imports the engine only here. */
export { answersShape, type Answers };

/** Body of POST /api/applications. Status, owner and dates are never taken from a body (SEC-12). */
export const createApplicationInput = z.strictObject({
  portalJobcenterId: z.string().min(1, { message: 'required' }).max(64, { message: 'too_long' }),
  tdaId: z.string().regex(/^[0-9a-f-]{36}$/, { message: 'unknown_tda' }).optional(),
});

/** Body of PUT /api/applications/:id/answers. */
export const saveAnswersInput = z.strictObject({ answers: answersShape });

/** The free evidence item: any further document the applicant wants to hand in. */
export const FREE_ITEM = { id: 'other', code: 'SONSTIGE', title: 'Weitere Unterlagen' } as const;

/** What the engine derives from the answers on the date of application. */
export interface Derived {
  errors: FieldError[];
  anlagen: { key: string; code: string; memberId?: string; title: string }[];
  evidence: { id: string; code: string; title: string; memberId?: string; anlageKey?: string }[];
  todos: { path: string; label: string }[];
}

/** Runs the engine; the free item is appended to the evidence list so every upload has a home. */
export function derive(answers: Answers, applicationDate: string): Derived {
  const r = validateApplication(answers, applicationDate);
  return { errors: r.errors, anlagen: r.anlagen, evidence: [...r.evidence, { ...FREE_ITEM }], todos: r.todos };
}

/** True when `itemId` names an evidence item of these answers (or the free item). */
export function isEvidenceItem(answers: Answers, applicationDate: string, itemId: string): boolean {
  return itemId === FREE_ITEM.id || derive(answers, applicationDate).evidence.some((e) => e.id === itemId);
}

const text = (v: unknown, fallback = '') => (typeof v === 'string' ? v : fallback);

/** The applicant's facts the routing rules and the work item title look at (Section A of the Hauptantrag). */
export function applicantFacts(answers: Answers) {
  const m = answers.main;
  return {
    firstName: text(m.firstName),
    lastName: text(m.lastName),
    birthDate: text(m.birthDate),
    postalCode: text(m.postalCode),
    language: text(m.contactLanguage, 'de'),
  };
}
