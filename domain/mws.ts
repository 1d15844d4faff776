/**
 * Mitwirkungssteuerung (MWS): the caseworker's review of a submitted application, evidence requests with a deadline
 * and the § 66 SGB I notice, statuses, internal notes and messages; the applicant's answers to each request.
 * Shared by the server and the widgets.
 */
import * as z from 'zod';
import type { Text } from './forms/types.js';

/** Review statuses of a submitted application, in their usual order. */
export const REVIEW_STATUSES = ['eingegangen', 'in_bearbeitung', 'mitwirkung_angefordert', 'entscheidungsreif', 'abgeschlossen'] as const;
/** A review status. */
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** Labels of the statuses (German and English). */
export const REVIEW_STATUS_LABELS: Record<ReviewStatus, Text> = {
  eingegangen: { de: 'Antrag eingegangen', en: 'Application received' },
  in_bearbeitung: { de: 'In Bearbeitung', en: 'In review' },
  mitwirkung_angefordert: { de: 'Unterlagen angefordert', en: 'Evidence requested' },
  entscheidungsreif: { de: 'Entscheidungsreif', en: 'Ready for decision' },
  abgeschlossen: { de: 'Abgeschlossen', en: 'Completed' },
};

/**
 * Transitions staff may set with POST …/status. `mitwirkung_angefordert` is reached only by sending a request round,
 * and the applicant's reply sets `in_bearbeitung` again.
 */
export const REVIEW_TRANSITIONS: Record<ReviewStatus, readonly ReviewStatus[]> = {
  eingegangen: ['in_bearbeitung'],
  in_bearbeitung: ['entscheidungsreif'],
  mitwirkung_angefordert: ['in_bearbeitung', 'entscheidungsreif'],
  entscheidungsreif: ['in_bearbeitung', 'abgeschlossen'],
  abgeschlossen: [],
};

/** Deadline of a request round in days: default and bounds. */
export const DEADLINE_DAYS = { default: 14, min: 7, max: 60 } as const;

const text = (max: number) => z.string().trim().min(1, { message: 'required' }).max(max, { message: 'too_long' });

/** One item of a request round: a document to hand in, or an answer to correct (path `pageKey/questionId`). */
export const requestItemInput = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('evidence'),
    code: z.string().trim().max(40, { message: 'too_long' }).optional(),
    title: text(200),
    /** A comment on an uploaded document ("unleserlich, bitte neu"): the document it is about and why. */
    documentId: z.uuid({ message: 'unknown_document' }).optional(),
    comment: text(1000).optional(),
  }),
  z.strictObject({ kind: z.literal('field'), path: z.string().trim().min(3).max(300), comment: text(1000) }),
]);
/** A request item input. */
export type RequestItemInput = z.infer<typeof requestItemInput>;

/** POST /api/staff/applications/:id/requests (Idempotency-Key required). */
export const createRequestInput = z.strictObject({
  items: z.array(requestItemInput).min(1, { message: 'required' }).max(30, { message: 'too_many' }),
  message: z.string().trim().max(4000, { message: 'too_long' }).optional(),
  deadlineDays: z.number().int().min(DEADLINE_DAYS.min, { message: 'too_small' }).max(DEADLINE_DAYS.max, { message: 'too_big' }).default(DEADLINE_DAYS.default),
});

/** POST /api/staff/applications/:id/status (If-Match: review version). */
export const setStatusInput = z.strictObject({ status: z.enum(REVIEW_STATUSES) });

/** POST …/notes, …/messages and the applicant's …/reply. */
export const textInput = z.strictObject({ text: text(4000) });

/** POST /api/applications/:id/requests/:rid/items/:iid/answer: `{ value }` for a field item, `{}` for evidence. */
export const answerItemInput = z.strictObject({ value: z.unknown().optional() });

/** State of a request item. */
export const ITEM_STATES = ['open', 'answered'] as const;

/** A request item as both sides see it. */
export const requestItemView = z.object({
  id: z.string(),
  kind: z.enum(['evidence', 'field']),
  state: z.enum(ITEM_STATES),
  answeredAt: z.string().nullable(),
  /** evidence */
  code: z.string().nullable(),
  title: z.string().nullable(),
  /** For evidence: the upload route's item id (`req:<id>`). */
  uploadItemId: z.string().nullable(),
  /** evidence: the document the caseworker commented on (re-upload wanted), if any. */
  documentId: z.string().nullable(),
  documentName: z.string().nullable(),
  documents: z.array(z.object({ id: z.string(), filename: z.string(), mediaType: z.string(), size: z.number(), sha256: z.string(), href: z.string() })),
  /** field (and evidence about a document): the caseworker's comment */
  comment: z.string().nullable(),
  /** field */
  path: z.string().nullable(),
  label: z.string().nullable(),
  currentValue: z.unknown().optional(),
  formattedValue: z.string().nullable(),
  /** field: how to ask for the corrected answer (the engine's kind and, for choices, the options). */
  question: z
    .object({ kind: z.string(), options: z.array(z.object({ value: z.string(), label: z.object({ de: z.string(), en: z.string() }) })).optional() })
    .nullable()
    .optional(),
});

/** A request round. */
export const requestView = z.object({
  id: z.string(),
  state: z.enum(['open', 'answered']),
  createdAt: z.string(),
  /** YYYY-MM-DD, end of day in Germany. */
  deadline: z.string(),
  message: z.string().nullable(),
  notice: z.object({ version: z.string(), de: z.string(), en: z.string() }),
  answeredAt: z.string().nullable(),
  items: z.array(requestItemView),
});
/** A request round view. */
export type RequestView = z.infer<typeof requestView>;

/** A message between staff and applicant (never an internal note on the applicant side). */
export const messageView = z.object({
  id: z.string(),
  from: z.enum(['staff', 'applicant']),
  requestId: z.string().nullable(),
  text: z.string(),
  createdAt: z.string(),
});
