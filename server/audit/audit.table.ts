/** Kysely row types of the audit log (SEC-40). */

/** One audit row: who did what to which object, when, in which request. Never the payload. */
export interface AuditLogTable {
  seq: number;
  at: string;
  actor_id: string;
  actor_role: string;
  action: string;
  object_type: string;
  object_id: string | null;
  request_id: string | null;
  /** Hash of the row before (64 zeros for the first). */
  prev_hash: string;
  /** sha256(prev_hash ‖ canonical JSON of the row without `hash`), hex. */
  hash: string;
}

/** The single chain-head row (id 1): the last seq and hash; its row lock serialises appends. */
export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}
