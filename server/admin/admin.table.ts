/** Kysely row types of configuration versions, pending configuration changes and feedback. */

/** One applied configuration document of a jobcenter (JSON text), numbered per jobcenter. */
export interface ConfigVersionsTable {
  jobcenter_id: string;
  version: number;
  document: string;
  /** rules | origins | theme | import */
  source: string;
  created_by: string;
  created_at: string;
}

/** An imported configuration waiting for a second admin (four eyes). */
export interface ConfigChangesTable {
  id: string;
  jobcenter_id: string;
  base_version: number;
  /** sha256 of the configuration the diff was made against. */
  base_hash: string;
  document: string;
  /** The diff lines as JSON. */
  diff: string;
  /** pending | approved | rejected */
  status: string;
  created_by: string;
  created_at: string;
  decided_by: string | null;
  decided_at: string | null;
}

/** A suggestion from jobcenter staff to the RD. */
export interface AdminFeedbackTable {
  id: string;
  jobcenter_id: string;
  staff_id: string;
  text: string;
  created_at: string;
}
