/** Kysely row type of a Tag der Antragstellung. */

/** A TdA row; `data` is the validated input as JSON text. */
export interface TdaTable {
  id: string;
  number: string;
  account_id: string;
  idempotency_key: string;
  portal_jobcenter_id: string;
  jobcenter_id: string;
  responsibility: string;
  status: string;
  received_at: string;
  data: string;
  data_sha256: string;
  pdf_document_id: string | null;
  pdf_status: string;
  eakte_reference: string | null;
}
