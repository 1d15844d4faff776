/** Kysely row types of the MWS tables (migration 2026_11_25_2030_create_mws). */

/** Review state of a submitted application; `version` is the ETag of the staff review (REL-02). */
export interface MwsReviewsTable {
  application_id: string;
  status: string;
  version: number;
  updated_at: string;
}

/** A request round with its deadline (YYYY-MM-DD) and the § 66 notice as given. */
export interface MwsRequestsTable {
  id: string;
  application_id: string;
  staff_id: string;
  idempotency_key: string;
  request_hash: string;
  /** open | answered */
  state: string;
  created_at: string;
  deadline: string;
  message: string | null;
  notice_version: string;
  notice_de: string;
  notice_en: string;
  answered_at: string | null;
  /** When the content-free deadline reminder went out. */
  reminded_at: string | null;
  /** When the round was escalated to the Postkorb as overdue. */
  overdue_at: string | null;
}

/** One item of a round: `evidence` (code, title) or `field` (path, comment). */
export interface MwsRequestItemsTable {
  id: string;
  request_id: string;
  application_id: string;
  position: number;
  kind: string;
  code: string | null;
  title: string | null;
  path: string | null;
  comment: string | null;
  /** Evidence about an uploaded document (re-upload wanted). */
  document_id: string | null;
  /** open | answered */
  state: string;
  answered_at: string | null;
}

/** note (internal), message (staff → applicant), reply (applicant → staff). */
export interface MwsMessagesTable {
  id: string;
  application_id: string;
  kind: string;
  staff_id: string | null;
  request_id: string | null;
  text: string;
  created_at: string;
}

/** Status changes and answer corrections (JSON old → new). */
export interface MwsHistoryTable {
  id: string;
  application_id: string;
  kind: string;
  path: string | null;
  old_value: string | null;
  new_value: string | null;
  /** staff id or `applicant` */
  actor: string;
  request_item_id: string | null;
  at: string;
}
