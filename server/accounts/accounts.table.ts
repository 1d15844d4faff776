/** Kysely row types of accounts, e-mail tokens, sessions and the sign-in throttle. */

/** An applicant account. */
export interface AccountsTable {
  id: string;
  email: string;
  password_hash: string;
  level: number;
  email_confirmed_at: string | null;
  lang: string;
  jobcenter_id: string | null;
  created_at: string;
  last_sign_in_at: string | null;
}

/** A single-use e-mail token, stored as SHA-256 only. */
export interface EmailTokensTable {
  token_hash: string;
  account_id: string;
  purpose: string;
  expires_at: string;
  used_at: string | null;
  created_at: string;
}

/** A session, keyed by the SHA-256 of its opaque token. */
export interface SessionsTable {
  token_hash: string;
  account_id: string;
  level: number;
  transport: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  revoked_at: string | null;
}

/** Failed sign-in counter per key (account e-mail or client address). */
export interface LoginThrottleTable {
  key: string;
  failures: number;
  window_start: string;
  blocked_until: string | null;
}
