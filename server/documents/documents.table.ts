/** Kysely row type of stored documents (the portal's copy, encrypted at rest). */

/** A document; `content` is nonce ‖ tag ‖ AES-256-GCM ciphertext. */
export interface DocumentsTable {
  id: string;
  owner_account_id: string;
  kind: string;
  filename: string;
  media_type: string;
  sha256: string;
  size: number;
  content: Buffer;
  created_at: string;
}

/** A document handed over to the default E-AKTE adapter (the archive on this machine). */
export interface EakteDocumentsTable {
  id: string;
  external_key: string;
  jobcenter_id: string;
  filename: string;
  media_type: string;
  sha256: string;
  metadata: string;
  content: Buffer;
  received_at: string;
}
