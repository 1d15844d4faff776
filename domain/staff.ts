/**
 * Jobcenter staff: roles, sign-in with a second factor (TOTP), and the caseworker inbox (Postkorb) contract
 * shared by the server and <jc-mws-inbox>.
 */
import * as z from 'zod';
import { email } from './common.js';
import { WORK_ITEM_STATUS, WORK_ITEM_TYPES } from './work-item.js';

/** Staff roles; access is decided by role and jobcenter scope (§ 35 SGB I: need to know). */
export const STAFF_ROLES = ['leistung', 'markt_integration', 'teamleitung', 'jobcenter_admin', 'rd_admin', 'support'] as const;
/** A staff role. */
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Roles that may open benefit applications (TdA, ADE, MWS replies) of their own jobcenter. */
export const LEISTUNG_ROLES: readonly StaffRole[] = ['leistung', 'teamleitung'];

/** POST /api/staff/sessions: first factor. */
export const staffSignInInput = z.strictObject({
  email,
  password: z.string().min(1, { message: 'required' }).max(128, { message: 'too_long' }),
});

/** POST /api/staff/sessions/second-factor: a TOTP code or a recovery code, with the challenge of step one. */
export const staffSecondFactorInput = z.strictObject({
  challenge: z.string().min(20).max(200),
  code: z
    .string()
    .trim()
    .regex(/^(\d{6}|[A-Za-z0-9]{4}-?[A-Za-z0-9]{4}-?[A-Za-z0-9]{4})$/, { message: 'invalid_code' }),
});

/** POST /api/staff/enrolment: the enrolment code (Freischaltcode) from the admin, with the challenge of step one. */
export const enrolmentCodeInput = z.strictObject({
  challenge: z.string().min(20).max(200),
  enrolmentCode: z
    .string()
    .trim()
    .min(1, { message: 'required' })
    .regex(/^[A-Za-z0-9]{4}[\s-]?[A-Za-z0-9]{4}[\s-]?[A-Za-z0-9]{4}$/, { message: 'invalid_code' }),
});

/** POST /api/staff/totp/confirm: the first code from the authenticator app finishes enrolment. */
export const totpConfirmInput = z.strictObject({
  challenge: z.string().min(20).max(200),
  code: z.string().trim().regex(/^\d{6}$/, { message: 'invalid_code' }),
});

/** What the client may know about the signed-in staff member. */
export const staffView = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  jobcenterId: z.string().nullable(),
  roles: z.array(z.enum(STAFF_ROLES)),
});
/** Staff view type. */
export type StaffView = z.infer<typeof staffView>;

/** Sort orders of the inbox (keyset pagination follows the sort key, then the id). */
export const INBOX_SORTS = ['oldest', 'newest', 'deadline'] as const;

/** GET /api/staff/inbox query. `after` is the opaque cursor of the previous page. */
export const inboxQuery = z.strictObject({
  postkorb: z.string().max(64).optional(),
  type: z.enum(WORK_ITEM_TYPES).optional(),
  status: z.enum(WORK_ITEM_STATUS).optional(),
  assignee: z.enum(['me', 'none', 'any']).default('any'),
  /** Only items older than this many days (age indicator filter). */
  olderThanDays: z.coerce.number().int().min(0).max(3650).optional(),
  /** Name or application number (prefix, case-insensitive). */
  q: z.string().trim().max(100).optional(),
  sort: z.enum(INBOX_SORTS).default('oldest'),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  after: z.string().max(200).optional(),
});
/** Inbox query type. */
export type InboxQuery = z.infer<typeof inboxQuery>;

/** One row of the inbox. */
export const inboxItem = z.object({
  id: z.string(),
  type: z.enum(WORK_ITEM_TYPES),
  status: z.enum(WORK_ITEM_STATUS),
  title: z.string(),
  postkorbId: z.string(),
  postkorbName: z.string(),
  assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
  createdAt: z.string(),
  /** Deadline of an open evidence request, if any. */
  deadline: z.string().nullable(),
  /** Optimistic-concurrency version (REL-02): claim/assign send it as If-Match. */
  version: z.number().int(),
  /** The submitted application a review of this item opens (ADE and MWS replies), else null. */
  applicationId: z.string().nullable(),
  /** The OAP profile a review of this item opens (type oap: the work item's refId); absent otherwise. */
  oapProfileId: z.string().optional(),
});
/** Inbox item type. */
export type InboxItem = z.infer<typeof inboxItem>;

/** GET /api/staff/inbox answer. */
export const inboxPage = z.object({
  items: z.array(inboxItem),
  /** Cursor for the next page, null at the end. */
  next: z.string().nullable(),
  /** Counts of open items per Postkorb of the staff member's jobcenter. */
  postkoerbe: z.array(z.object({ id: z.string(), name: z.string(), open: z.number().int() })),
});
/** Inbox page type. */
export type InboxPage = z.infer<typeof inboxPage>;

/** POST /api/staff/work-items/:id/assign body (If-Match: "<version>"); `staffId: null` releases it. */
export const assignInput = z.strictObject({ staffId: z.string().max(64).nullable() });
