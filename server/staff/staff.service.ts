/**
 * Staff sign-in: password, then a TOTP code (or a single-use recovery code). The first sign-in enrols the
 * authenticator instead. Failures of both steps count toward the same throttle (SEC-01), per account and address.
 */
import { randomBytes } from 'node:crypto';
import type * as z from 'zod';
import type { staffSecondFactorInput, staffSignInInput, StaffView, totpConfirmInput } from '../../domain/staff.js';
import { dummyHash, verifyPassword } from '../accounts/password.js';
import { recordSuccess } from '../accounts/throttle.js';
import { appendAudit } from '../audit/audit.js';
import type { AppDeps, StaffInfo } from '../context.js';
import { problem } from '../http/problem.js';
import { hashToken } from '../sessions/sessions.service.js';
import { createStaffSession, endStaffSession, parseRoles } from './staff-sessions.service.js';
import * as secrets from './staff-secrets.js';
import { failAttempt as fail, guardThrottle as guard, staffThrottleKeys as keysOf } from './staff-throttle.js';
import * as repo from './staff.repository.js';
import type { StaffUsersTable } from './staff.table.js';
import { base32Encode, newTotpSecret, otpauthUrl, verifyTotp } from './totp.js';

const CHALLENGE_TTL_MS = 5 * 60 * 1000;
/** Issuer shown in authenticator apps. */
export const TOTP_ISSUER = 'Jobcenter';

/** Answer of the password step. */
export type PasswordStep =
  | { step: 'totp'; challenge: string }
  | { step: 'enrol'; challenge: string; secret: string; otpauthUrl: string; qrSvg: string };

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
  const secret = newTotpSecret();
  const pending = secrets.sealSecret(deps.config.documentKey, secret, secrets.pendingAad(tokenHash));
  await repo.insertChallenge(db, { ...row, purpose: 'enrol', pending_secret: pending });
  const url = otpauthUrl(TOTP_ISSUER, staff.email, base32Encode(secret));
  return { step: 'enrol', challenge, secret: base32Encode(secret), otpauthUrl: url, qrSvg: secrets.qrSvg(url) };
}

/** The live challenge and its member, or a 401 (counted against the address). */
async function liveChallenge(deps: AppDeps, challenge: string, purpose: 'totp' | 'enrol', ip: string, now: Date) {
  const tokenHash = hashToken(challenge);
  const row = await repo.findLiveChallenge(deps.db.db, tokenHash, purpose, now.toISOString());
  const staff = row && (await repo.findStaffById(deps.db.db, row.staff_id));
  if (!row || !staff) return fail(deps, { ip }, now, 'staff-challenge-invalid');
  return { row, staff, tokenHash, keys: keysOf(staff.email, ip) };
}

class Lost extends Error {}

/** Runs the single-use updates together; a lost race on any of them rolls all back. */
async function atomically(deps: AppDeps, steps: ((trx: AppDeps['db']['db']) => Promise<boolean>)[]): Promise<boolean> {
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

async function finish(deps: AppDeps, staff: StaffUsersTable, keys: { account: string }, now: Date, presented: string | null): Promise<StaffSignedIn> {
  await recordSuccess(deps.db.db, keys.account);
  await deps.db.db.transaction().execute(async (trx) => {
    await repo.markStaffSignedIn(trx, staff.id, now.toISOString());
    await appendAudit(trx, { at: now.toISOString(), actorId: staff.id, actorRole: parseRoles(staff.roles).join(','), action: 'sign_in', objectType: 'staff_user', objectId: staff.id, requestId: null });
  });
  if (presented) await endStaffSession(deps, presented);
  return { staff: staffView(staff), ...(await createStaffSession(deps, staff.id)) };
}

/** Enrolment: the first code from the app proves the secret was scanned; returns ten recovery codes, once. */
export async function confirmEnrolment(
  deps: AppDeps,
  input: z.output<typeof totpConfirmInput>,
  ip: string,
  presented: string | null,
): Promise<StaffSignedIn & { recoveryCodes: string[] }> {
  const now = deps.clock.now();
  const { row, staff, tokenHash, keys } = await liveChallenge(deps, input.challenge, 'enrol', ip, now);
  await guard(deps, keys, now);
  if (staff.totp_enabled_at || !row.pending_secret) return fail(deps, { ip }, now, 'staff-challenge-invalid');
  const secret = secrets.openSecret(deps.config.documentKey, row.pending_secret, secrets.pendingAad(tokenHash));
  const step = verifyTotp(secret, input.code, now);
  if (step === null) return fail(deps, keys, now, 'invalid-code');
  const recoveryCodes = secrets.newRecoveryCodes();
  const enrolled = await atomically(deps, [
    (trx) => repo.useChallenge(trx, tokenHash, now.toISOString()),
    (trx) =>
      repo.enrolTotp(trx, staff.id, {
        totp_secret: secrets.sealSecret(deps.config.documentKey, secret, secrets.secretAad(staff.id)),
        totp_enabled_at: now.toISOString(),
        totp_last_step: step,
        recovery_codes: JSON.stringify(recoveryCodes.map(secrets.hashRecoveryCode)),
      }),
  ]);
  if (!enrolled) return fail(deps, { ip }, now, 'staff-challenge-invalid');
  return { ...(await finish(deps, staff, keys, now, presented)), recoveryCodes };
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

/**
 * An admin resets a colleague's second factor (lost phone): the TOTP secret and recovery codes are removed and all
 * of the colleague's sessions end; the next sign-in enrols a new authenticator. Jobcenter admins for their own
 * jobcenter, RD admins for all; nobody for themselves (a second admin must do it). Audited.
 */
export async function resetSecondFactor(deps: AppDeps, admin: StaffInfo, staffId: string, requestId: string): Promise<{ id: string; enrolled: false }> {
  const target = await repo.findStaffById(deps.db.db, staffId);
  const rd = admin.roles.includes('rd_admin');
  const own = admin.roles.includes('jobcenter_admin') && target !== undefined && target.jobcenter_id !== null && target.jobcenter_id === admin.jobcenterId;
  if (!target || !(rd || own)) throw problem('not-found');
  if (target.id === admin.id) throw problem('forbidden', { detail: 'Den eigenen zweiten Faktor setzt eine andere Administratorin oder ein anderer Administrator zurück.' });
  const at = deps.clock.now().toISOString();
  await deps.db.db.transaction().execute(async (trx) => {
    await trx.updateTable('staff_users').set({ totp_secret: null, totp_enabled_at: null, totp_last_step: null, recovery_codes: '[]' }).where('id', '=', target.id).execute();
    await trx.updateTable('staff_sessions').set({ revoked_at: at }).where('staff_id', '=', target.id).where('revoked_at', 'is', null).execute();
    await appendAudit(trx, { at, actorId: admin.id, actorRole: admin.roles.join(','), action: 'reset_second_factor', objectType: 'staff_user', objectId: target.id, requestId });
  });
  return { id: target.id, enrolled: false };
}
