/**
 * API schemas of the Online-Arbeitsmarktprofil (OAP): the applicant's three eServices and the Markt &
 * Integration takeover into VerBIS. Used by the server routes (edge validation) and the widgets' API client.
 */
import * as z from 'zod';
import { OAP_SERVICE_IDS } from './forms/oap.js';

export { OAP_SERVICE_IDS, type OapServiceId } from './forms/oap.js';

/** An eService id as a path parameter. */
export const oapServiceId = z.enum(OAP_SERVICE_IDS);

/** Status of one eService: nothing saved, a draft, submitted (waiting for review), taken over into VerBIS. */
export const OAP_STATUSES = ['empty', 'draft', 'submitted', 'taken_over'] as const;
/** An eService status. */
export type OapStatus = (typeof OAP_STATUSES)[number];

/** Answers of one eService: a flat record (lists are arrays of records with an `id`). */
export const oapAnswers = z.record(z.string().max(64), z.unknown()).refine((r) => Object.keys(r).length <= 100, { message: 'too_many' });

/** PUT /api/oap/:service/answers (If-Match required): the whole answer record of the service. */
export const oapSaveInput = z.strictObject({ answers: oapAnswers });
/** Save input type. */
export type OapSaveInput = z.infer<typeof oapSaveInput>;

/** Completeness: shown required questions answered validly. */
export const oapCompleteness = z.object({ answered: z.number().int(), required: z.number().int() });

/** One submitted version of an eService. */
export const oapHistoryEntry = z.object({
  version: z.number().int(),
  submittedAt: z.string(),
  takenOverAt: z.string().nullable(),
});

/** One eService in the overview (GET /api/oap). */
export const oapServiceSummary = z.object({
  service: oapServiceId,
  status: z.enum(OAP_STATUSES),
  /** The draft version (the ETag of GET /api/oap/:service); 0 when nothing was saved. */
  version: z.number().int(),
  completeness: oapCompleteness,
  submittedAt: z.string().nullable(),
  takenOverAt: z.string().nullable(),
});
/** Service summary type. */
export type OapServiceSummary = z.infer<typeof oapServiceSummary>;

/** GET /api/oap. */
export const oapOverview = z.object({ profileId: z.string().nullable(), services: z.array(oapServiceSummary) });
/** Overview type. */
export type OapOverview = z.infer<typeof oapOverview>;

/** GET /api/oap/:service, and the answer of PUT …/answers and POST …/submit. */
export const oapServiceView = oapServiceSummary.extend({
  answers: z.record(z.string(), z.unknown()),
  /** The strong ETag (`"<version>"`) to send as If-Match. */
  etag: z.string(),
  /** Number of the latest submitted version, null before the first submission. */
  submittedVersion: z.number().int().nullable(),
  history: z.array(oapHistoryEntry),
});
/** Service view type. */
export type OapServiceView = z.infer<typeof oapServiceView>;

/** Comparison state of one field: new in VerBIS, changed, unchanged, or changed on both sides since the last takeover. */
export const OAP_FIELD_STATES = ['new', 'changed', 'same', 'conflict'] as const;
/** A comparison state. */
export type OapFieldState = (typeof OAP_FIELD_STATES)[number];

/** One row of the staff comparison. */
export const oapComparisonRow = z.object({
  /** `<service>.<questionId>`. */
  path: z.string(),
  service: oapServiceId,
  label: z.string(),
  applicantValue: z.unknown(),
  applicantFormatted: z.string(),
  verbisValue: z.unknown(),
  verbisFormatted: z.string(),
  state: z.enum(OAP_FIELD_STATES),
});
/** Comparison row type. */
export type OapComparisonRow = z.infer<typeof oapComparisonRow>;

/** One submitted eService as staff see it. */
export const oapStaffService = z.object({
  service: oapServiceId,
  title: z.string(),
  status: z.enum(OAP_STATUSES),
  submittedVersion: z.number().int().nullable(),
  submittedAt: z.string().nullable(),
  takenOverAt: z.string().nullable(),
  answers: z.record(z.string(), z.unknown()).nullable(),
});

/** GET /api/staff/oap/:profileId. */
export const oapStaffView = z.object({
  profileId: z.string(),
  applicantName: z.string(),
  services: z.array(oapStaffService),
  fields: z.array(oapComparisonRow),
  /** The VerBIS profile version compared with (0 = no profile yet). */
  verbisVersion: z.number().int(),
  /** Version of this review state; send it as If-Match on the takeover. */
  version: z.number().int(),
  etag: z.string(),
  /** True when every submitted version is already taken over. */
  takenOver: z.boolean(),
});
/** Staff view type. */
export type OapStaffView = z.infer<typeof oapStaffView>;

/** One decision of the caseworker: take the applicant's value over or keep VerBIS as it is. */
export const oapDecision = z.strictObject({ path: z.string().min(3).max(100), accept: z.boolean() });

/** POST /api/staff/oap/:profileId/takeover (Idempotency-Key + If-Match): a decision for every non-`same` field. */
export const oapTakeoverInput = z.strictObject({ decisions: z.array(oapDecision).max(200, { message: 'too_many' }) });
/** Takeover input type. */
export type OapTakeoverInput = z.infer<typeof oapTakeoverInput>;

/** Answer of the takeover. */
export const oapTakeoverResult = z.object({
  profileId: z.string(),
  verbisVersion: z.number().int(),
  takenOverAt: z.string(),
  accepted: z.array(z.string()),
  rejected: z.array(z.string()),
  workItemId: z.string().nullable(),
});
/** Takeover result type. */
export type OapTakeoverResult = z.infer<typeof oapTakeoverResult>;

/** Schema name and version of the VerBIS export document. */
export const VERBIS_EXPORT_SCHEMA = { schema: 'urn:jc:verbis-profile', schemaVersion: 1 } as const;

/** GET /api/staff/oap/:profileId/verbis-export: the versioned JSON document of the VerBIS profile. */
export const verbisExport = z.object({
  schema: z.literal(VERBIS_EXPORT_SCHEMA.schema),
  schemaVersion: z.literal(VERBIS_EXPORT_SCHEMA.schemaVersion),
  profileId: z.string(),
  version: z.number().int(),
  updatedAt: z.string().nullable(),
  fields: z.record(z.string(), z.unknown()),
});
/** VerBIS export type. */
export type VerbisExport = z.infer<typeof verbisExport>;

/** A certificate upload of the CV as the applicant and staff see it (no content); `href` is the download. */
export interface OapDocumentView {
  id: string;
  itemId: string;
  /** The certificate's name as the applicant entered it (latest answers), '' when the item is gone. */
  certificate: string;
  filename: string;
  mediaType: string;
  size: number;
  sha256: string;
  createdAt: string;
  href: string;
  /** The E-AKTE reference once the file was handed over (after a takeover), null before; absent in older answers. */
  eakteReference?: string | null;
}
