/** Kysely row types of ADE applications (Hauptantrag with Anlagen) and their evidence uploads. */

/** An application: a draft the applicant edits, then submitted once. `answers` is JSON text. */
export interface ApplicationsTable {
  id: string;
  account_id: string;
  portal_jobcenter_id: string;
  /** The TdA whose date of receipt is the legal date of application (§ 37 SGB II), if any. */
  tda_id: string | null;
  /** `draft` or `submitted`. */
  status: string;
  /** Optimistic-concurrency version (REL-02): +1 on every change; the ETag. */
  version: number;
  answers: string;
  /** Date of application (YYYY-MM-DD, Europe/Berlin); ages are computed on it. */
  application_date: string;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
  /** ADE-YYYY-XXXXXX, set on submit. */
  number: string | null;
  /** SHA-256 of the canonical answers at submission. */
  answers_sha256: string | null;
  /** `none` (draft), `pending`, `ready`. */
  pdf_status: string;
  pdf_document_id: string | null;
  eakte_reference: string | null;
}

/** An uploaded evidence document of an application; the bytes live encrypted in `documents`. */
export interface ApplicationDocumentsTable {
  document_id: string;
  application_id: string;
  account_id: string;
  /** Evidence item id (from the form engine) or `other`. */
  item_id: string;
  /** Set once handed to the E-AKTE (after submission). */
  eakte_reference: string | null;
  created_at: string;
}
