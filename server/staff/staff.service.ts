/**
 * Staff sign-in: password, then a TOTP code (or a single-use recovery code). The first sign-in enrols the
 * authenticator instead, behind an enrolment code (staff-enrolment.service.ts). Failures of every step count
 * toward the same throttle (SEC-01), per account and address.
 */
import { randomBytes } from 'node:crypto';
import type * as z from 'zod';
import type { staffSecondFactorInput, staffSignInInput, StaffView } from '../../domain/staff.js';
import { dummyHash, verifyPassword } from '../accounts/password.js';
import { recordSuccess } from '../accounts/throttle.js';
import { appendAudit } from '../audit/audit.js';
import type { AppDeps } from '../context.js';
import { hashToken } from '../sessions/sessions.service.js';
import { createStaffSession, endStaffSession, parseRoles } from './staff-sessions.service.js';
import * as secrets from './staff-secrets.js';
import { failAttempt as fail, guardThrottle as guard, staffThrottleKeys as keysOf } from './staff-throttle.js';
import * as repo from './staff.repository.js';
import type { StaffUsersTable } from './staff.table.js';
import { verifyTotp } from './totp.js';

/** Lifetime of a sign-in challenge. */
export const CHALLENGE_TTL_MS = 5 * 60 * 1000;
/** Issuer shown in authenticator apps. */
export const TOTP_ISSUER = 'Jobcenter';

/** Answer of the password step. */
export type PasswordStep = { step: 'totp' | 'enrol'; challenge: string };

/** A completed sign-in: the session token (for the cookie only) and what the client may see. */
export interface StaffSignedIn {
  staff: StaffView;
  expiresAt: string;
  token: string;
}

/** The client's view of a staff row. */
export function staffView(row: Pick<StaffUsersTable, 'id' | 'name' | 'email' | 'jobcenter_id' | 'roles'>): StaffView {
  return { id: row.id, name: row.name, email: row.email, jobcenterId: row.jobcenter_id, roles: parseRoles(row.roles) };
}

/** Step one: e-mail and password. Unknown address and wrong password answer alike, after the same work. */
export async function passwordStep(deps: AppDeps, input: z.output<typeof staffSignInInput>, ip: string): Promise<PasswordStep> {
  const db = deps.db.db;
  const now = deps.clock.now();
  const keys = keysOf(input.email, ip);
  await guard(deps, keys, now);
  const staff = await repo.findStaffByEmail(db, input.email);
  const ok = await verifyPassword(input.password, staff?.password_hash ?? (await dummyHash()));
  if (!staff || !ok) return fail(deps, keys, now, 'invalid-credentials');
  // The account throttle is cleared only after the second factor: a known password buys no fresh code guesses.
  await repo.deleteExpiredChallenges(db, now.toISOString());
  const challenge = randomBytes(32).toString('base64url');
  const tokenHash = hashToken(challenge);
  const row = { token_hash: tokenHash, staff_id: staff.id, created_at: now.toISOString(), expires_at: new Date(now.getTime() + CHALLENGE_TTL_MS).toISOString(), used_at: null };
  if (staff.totp_enabled_at && staff.totp_secret) {
    await repo.insertChallenge(db, { ...row, purpose: 'totp', pending_secret: null });
    return { step: 'totp', challenge };
  }
  // No second factor yet: the enrolment code comes next; the TOTP secret is made only once that code is right.
  await repo.insertChallenge(db, { ...row, purpose: 'enrol-code', pending_secret: null });
  return { step: 'enrol', challenge };
}

/** The live challenge and its member, or a 401 (counted against the address). */
export async function liveChallenge(deps: AppDeps, challenge: string, purpose: 'totp' | 'enrol-code' | 'enrol', ip: string, now: Date) {
  const tokenHash = hashToken(challenge);
  const row = await repo.findLiveChallenge(deps.db.db, tokenHash, purpose, now.toISOString());
  const staff = row && (await repo.findStaffById(deps.db.db, row.staff_id));
  if (!row || !staff) return fail(deps, { ip }, now, 'staff-challenge-invalid');
  return { row, staff, tokenHash, keys: keysOf(staff.email, ip) };
}

class Lost extends Error {}

/** A single-use update inside a transaction: true if it won. */
export type AtomicStep = (trx: AppDeps['db']['db']) => Promise<boolean>;

/** Runs the single-use updates together; a lost race on any of them rolls all back. */
export async function atomically(deps: AppDeps, steps: AtomicStep[]): Promise<boolean> {
  try {
    await deps.db.db.transaction().execute(async (trx) => {
      for (const step of steps) if (!(await step(trx))) throw new Lost();
    });
    return true;
  } catch (err) {
    if (err instanceof Lost) return false;
    throw err;
  }
}

/** Completes a sign-in: throttle cleared, audited, the presented session replaced by a new one. */
export async function finish(deps: AppDeps, staff: StaffUsersTable, keys: { account: string }, now: Date, presented: string | null): Promise<StaffSignedIn> {
  await recordSuccess(deps.db.db, keys.account);
  await deps.db.db.transaction().execute(async (trx) => {
    await repo.markStaffSignedIn(trx, staff.id, now.toISOString());
    await appendAudit(trx, { at: now.toISOString(), actorId: staff.id, actorRole: parseRoles(staff.roles).join(','), action: 'sign_in', objectType: 'staff_user', objectId: staff.id, requestId: null });
  });
  if (presented) await endStaffSession(deps, presented);
  return { staff: staffView(staff), ...(await createStaffSession(deps, staff.id)) };
}

/** Step two: a TOTP code of a step not used before, or an unused recovery code. */
export async function secondFactor(
  deps: AppDeps,
  input: z.output<typeof staffSecondFactorInput>,
  ip: string,
  presented: string | null,
): Promise<StaffSignedIn> {
  const now = deps.clock.now();
  const { staff, tokenHash, keys } = await liveChallenge(deps, input.challenge, 'totp', ip, now);
  await guard(deps, keys, now);
  if (!staff.totp_secret) return fail(deps, { ip }, now, 'staff-challenge-invalid');
  const use = (trx: AppDeps['db']['db']) => repo.useChallenge(trx, tokenHash, now.toISOString());
  let consume: (trx: AppDeps['db']['db']) => Promise<boolean>;
  if (/^\d{6}$/.test(input.code)) {
    const secret = secrets.openSecret(deps.config.documentKey, staff.totp_secret, secrets.secretAad(staff.id));
    const step = verifyTotp(secret, input.code, now, staff.totp_last_step === null ? null : Number(staff.totp_last_step));
    if (step === null) return fail(deps, keys, now, 'invalid-code');
    consume = (trx) => repo.advanceTotpStep(trx, staff.id, step);
  } else {
    const hashes = secrets.parseRecoveryHashes(staff.recovery_codes);
    const hash = secrets.hashRecoveryCode(input.code);
    if (!hashes.includes(hash)) return fail(deps, keys, now, 'invalid-code');
    consume = (trx) => repo.swapRecoveryCodes(trx, staff.id, staff.recovery_codes, JSON.stringify(hashes.filter((h) => h !== hash)));
  }
  // A concurrent request may have used the challenge or the code first: then this one is a replay.
  if (!(await atomically(deps, [use, consume]))) return fail(deps, keys, now, 'invalid-code');
  return finish(deps, staff, keys, now, presented);
}
