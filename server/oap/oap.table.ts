/** Kysely row types of the OAP (Online-Arbeitsmarktprofil). */

/** One applicant's profile: the responsible jobcenter (of her TdA) and the review state version. */
export interface OapProfilesTable {
  id: string;
  account_id: string;
  jobcenter_id: string;
  tda_id: string;
  /** Version of the staff review state (ETag of GET /api/staff/oap/:id); bumped by every submit and takeover. */
  review_version: number;
  /** The VerBIS profile version the last takeover wrote, null before the first (conflict detection). */
  verbis_version_at_takeover: number | null;
  created_at: string;
  updated_at: string;
}

/** The current draft of one eService (autosave target, If-Match version). */
export interface OapDraftsTable {
  profile_id: string;
  service: string;
  version: number;
  /** Flat answer record as JSON text. */
  answers: string;
  answers_sha256: string;
  updated_at: string;
}

/** One submitted, immutable version of an eService. */
export interface OapSubmissionsTable {
  id: string;
  profile_id: string;
  service: string;
  /** 1, 2, … per profile and service. */
  number: number;
  answers: string;
  answers_sha256: string;
  submitted_at: string;
  taken_over_at: string | null;
  verbis_version: number | null;
}

/** One takeover into VerBIS: idempotent per key, at most one per review version; the stored answer is replayed. */
export interface OapTakeoversTable {
  id: string;
  profile_id: string;
  review_version: number;
  staff_id: string;
  idempotency_key: string;
  request_hash: string;
  verbis_version: number;
  /** The JSON answer of the takeover, replayed for the same key. */
  response: string;
  created_at: string;
}

/** An evidence upload of the OAP: the document (kind `evidence`) and the certificate's evidence item it proves. */
export interface OapDocumentsTable {
  document_id: string;
  profile_id: string;
  account_id: string;
  /** `OAP_CERT:cv:<certificate list item id>`. */
  item_id: string;
  /** The E-AKTE reference once the file was handed over (after a takeover of a CV naming its certificate). */
  eakte_reference: string | null;
  created_at: string;
}
