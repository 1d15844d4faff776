/** Kysely row types of the transactional outbox, idempotency keys and the dev mailbox. */

/** A job to run after commit; `payload` is JSON text. */
export interface OutboxTable {
  id: string;
  kind: string;
  payload: string;
  status: string;
  attempts: number;
  run_at: string;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  done_at: string | null;
}

/** A stored result of an idempotent request (REL-03). */
export interface IdempotencyKeysTable {
  account_id: string;
  scope: string;
  key: string;
  request_hash: string;
  state: string;
  locked_until: string;
  status_code: number | null;
  response: string | null;
  created_at: string;
}

/** A mail delivered to the development mailbox. */
export interface DevMailsTable {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  created_at: string;
}
