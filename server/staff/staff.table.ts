/** Kysely row types of staff accounts, staff sessions and sign-in challenges. */

/** A jobcenter staff member (or RD admin / support without a jobcenter). */
export interface StaffUsersTable {
  id: string;
  jobcenter_id: string | null;
  email: string;
  name: string;
  password_hash: string;
  /** JSON array of StaffRole. */
  roles: string;
  /** Base64 of AES-256-GCM(secret), bound to the row id; null until enrolled. */
  totp_secret: string | null;
  totp_enabled_at: string | null;
  totp_last_step: number | null;
  /** JSON array of SHA-256 hex hashes of unused recovery codes. */
  recovery_codes: string;
  /** SHA-256 hex of the member's unused enrolment code (Freischaltcode); null once used or never issued. */
  enrolment_code_hash: string | null;
  enrolment_code_expires_at: string | null;
  created_at: string;
  last_sign_in_at: string | null;
}

/** A staff session, keyed by the SHA-256 of its opaque token. */
export interface StaffSessionsTable {
  token_hash: string;
  staff_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  revoked_at: string | null;
}

/** Between password and second factor: a single-use challenge, stored as SHA-256 only. */
export interface StaffChallengesTable {
  token_hash: string;
  staff_id: string;
  /** 'totp' (sign-in), 'enrol-code' (first sign-in: the enrolment code is due) or 'enrol' (code accepted: confirm the app). */
  purpose: string;
  pending_secret: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}
