/**
 * First TOTP enrolment of a staff member. After the password the member types the enrolment code (Freischaltcode)
 * an admin handed over out of band; only then is a TOTP secret made and shown. The first code from the app
 * finishes enrolment and uses the enrolment code up. Wrong codes count toward the sign-in throttle (SEC-01).
 */
import { randomBytes } from 'node:crypto';
import type * as z from 'zod';
import type { enrolmentCodeInput, totpConfirmInput } from '../../domain/staff.js';
import { appendAudit } from '../audit/audit.js';
import type { AppDeps, StaffInfo } from '../context.js';
import { problem } from '../http/problem.js';
import { hashToken } from '../sessions/sessions.service.js';
import * as secrets from './staff-secrets.js';
import { failAttempt as fail, guardThrottle as guard } from './staff-throttle.js';
import * as repo from './staff.repository.js';
import { atomically, CHALLENGE_TTL_MS, finish, liveChallenge, type StaffSignedIn, TOTP_ISSUER } from './staff.service.js';
import { base32Encode, newTotpSecret, otpauthUrl, verifyTotp } from './totp.js';

/** What the enrolment code unlocks: a new challenge for the confirmation and the secret to scan or type. */
export interface EnrolmentSecret {
  challenge: string;
  secret: string;
  otpauthUrl: string;
  qrSvg: string;
}

/** Enrolment code step: a right, unexpired, unused code reveals a new TOTP secret (bound to a fresh challenge). */
export async function unlockEnrolment(deps: AppDeps, input: z.output<typeof enrolmentCodeInput>, ip: string): Promise<EnrolmentSecret> {
  const now = deps.clock.now();
  const { staff, tokenHash, keys } = await liveChallenge(deps, input.challenge, 'enrol-code', ip, now);
  await guard(deps, keys, now);
  if (staff.totp_enabled_at) return fail(deps, { ip }, now, 'staff-challenge-invalid');
  const hash = secrets.hashEnrolmentCode(staff.id, input.enrolmentCode);
  const live = staff.enrolment_code_expires_at !== null && staff.enrolment_code_expires_at > now.toISOString();
  if (!live || staff.enrolment_code_hash !== hash) return fail(deps, keys, now, 'enrolment-code-invalid');
  const challenge = randomBytes(32).toString('base64url');
  const nextHash = hashToken(challenge);
  const secret = newTotpSecret();
  const pending = secrets.sealSecret(deps.config.documentKey, secret, secrets.pendingAad(nextHash));
  const row = { token_hash: nextHash, staff_id: staff.id, purpose: 'enrol', pending_secret: pending, created_at: now.toISOString(), expires_at: new Date(now.getTime() + CHALLENGE_TTL_MS).toISOString(), used_at: null };
  const swapped = await atomically(deps, [
    (trx) => repo.useChallenge(trx, tokenHash, now.toISOString()),
    async (trx) => (await repo.insertChallenge(trx, row), true),
  ]);
  if (!swapped) return fail(deps, { ip }, now, 'staff-challenge-invalid');
  const url = otpauthUrl(TOTP_ISSUER, staff.email, base32Encode(secret));
  return { challenge, secret: base32Encode(secret), otpauthUrl: url, qrSvg: secrets.qrSvg(url) };
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
  if (staff.totp_enabled_at || !row.pending_secret || !staff.enrolment_code_hash) return fail(deps, { ip }, now, 'staff-challenge-invalid');
  const secret = secrets.openSecret(deps.config.documentKey, row.pending_secret, secrets.pendingAad(tokenHash));
  const step = verifyTotp(secret, input.code, now);
  if (step === null) return fail(deps, keys, now, 'invalid-code');
  const recoveryCodes = secrets.newRecoveryCodes();
  const codeHash = staff.enrolment_code_hash;
  const enrolled = await atomically(deps, [
    (trx) => repo.useChallenge(trx, tokenHash, now.toISOString()),
    // The enrolment code is single-use: it goes with the enrolment (a reset meanwhile ended this challenge).
    (trx) => repo.consumeEnrolmentCode(trx, staff.id, codeHash, now.toISOString()),
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

/** Answer of a reset: the new enrolment code, shown once to the admin to hand over out of band. */
export interface SecondFactorReset {
  id: string;
  enrolled: false;
  enrolmentCode: string;
  enrolmentCodeExpiresAt: string;
}

/**
 * An admin resets a colleague's second factor (lost phone): the TOTP secret and recovery codes are removed, all
 * of the colleague's sessions and open sign-ins end, and a new enrolment code replaces any earlier one. Jobcenter
 * admins for their own jobcenter, RD admins for all; nobody for themselves (a second admin must do it). Audited
 * without the code.
 */
export async function resetSecondFactor(deps: AppDeps, admin: StaffInfo, staffId: string, requestId: string): Promise<SecondFactorReset> {
  const target = await repo.findStaffById(deps.db.db, staffId);
  const rd = admin.roles.includes('rd_admin');
  const own = admin.roles.includes('jobcenter_admin') && target !== undefined && target.jobcenter_id !== null && target.jobcenter_id === admin.jobcenterId;
  if (!target || !(rd || own)) throw problem('not-found');
  if (target.id === admin.id) throw problem('forbidden', { detail: 'Den eigenen zweiten Faktor setzt eine andere Administratorin oder ein anderer Administrator zurück.' });
  const now = deps.clock.now();
  const at = now.toISOString();
  const enrolmentCode = secrets.newEnrolmentCode();
  const code = secrets.enrolmentCodeColumns(target.id, enrolmentCode, now);
  await deps.db.db.transaction().execute(async (trx) => {
    await trx.updateTable('staff_users').set({ totp_secret: null, totp_enabled_at: null, totp_last_step: null, recovery_codes: '[]', ...code }).where('id', '=', target.id).execute();
    await trx.updateTable('staff_sessions').set({ revoked_at: at }).where('staff_id', '=', target.id).where('revoked_at', 'is', null).execute();
    await repo.endChallengesOf(trx, target.id, at);
    await appendAudit(trx, { at, actorId: admin.id, actorRole: admin.roles.join(','), action: 'reset_second_factor', objectType: 'staff_user', objectId: target.id, requestId });
  });
  return { id: target.id, enrolled: false, enrolmentCode, enrolmentCodeExpiresAt: code.enrolment_code_expires_at };
}
