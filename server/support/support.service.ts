/**
 * 1st-level support: the technical state of an account (never social data: no names, addresses, answers,
 * documents or TdA content), resending the confirmation mail and lifting a sign-in throttle. Every call is audited.
 */
import type { SupportAccountView } from '../../domain/person.js';
import { findAccountByEmail, findAccountById, findThrottle, saveThrottle, clearThrottle } from '../accounts/accounts.repository.js';
import { queueConfirmation } from '../accounts/accounts.service.js';
import { appendAudit } from '../audit/audit.js';
import type { AppDeps, StaffInfo } from '../context.js';
import { problem } from '../http/problem.js';

/** Resends per account and hour that support may trigger. */
export const RESEND_LIMIT = 3;
const HOUR_MS = 60 * 60 * 1000;

/** Who acts, for the audit row. */
export interface SupportCall {
  staff: StaffInfo;
  requestId: string;
}

async function audited(deps: AppDeps, call: SupportCall, action: 'read' | 'write', objectType: string, objectId: string): Promise<void> {
  await deps.db.db.transaction().execute((trx) =>
    appendAudit(trx, { at: deps.clock.now().toISOString(), actorId: call.staff.id, actorRole: call.staff.roles.join(','), action, objectType, objectId, requestId: call.requestId }),
  );
}

/** The sign-in throttle key of an account (server/accounts/accounts.service.ts signIn). */
const signInKey = (email: string) => `account:${email}`;

/** The technical state of the account with this address, or 404. */
export async function lookUpAccount(deps: AppDeps, call: SupportCall, email: string): Promise<SupportAccountView> {
  const db = deps.db.db;
  const account = await findAccountByEmail(db, email);
  if (!account) throw problem('not-found');
  const now = deps.clock.now();
  const throttle = await findThrottle(db, signInKey(account.email));
  const blocked = throttle?.blocked_until && Date.parse(throttle.blocked_until) > now.getTime() ? throttle.blocked_until : null;
  // An open TdA: one that no submitted Hauptantrag refers to yet. Ids only are read, never the TdA's data.
  const tdas = await db.selectFrom('tda').select('id').where('account_id', '=', account.id).execute();
  const used = await db.selectFrom('applications').select('tda_id').where('account_id', '=', account.id).where('status', '=', 'submitted').execute();
  const usedIds = new Set(used.map((u) => u.tda_id));
  await audited(deps, call, 'read', 'account_state', account.id);
  return {
    id: account.id,
    confirmed: account.email_confirmed_at !== null,
    locked: blocked !== null,
    lockedUntil: blocked,
    failedSignIns: Number(throttle?.failures ?? 0),
    lastSignInAt: account.last_sign_in_at,
    level: Number(account.level),
    openTda: tdas.some((t) => !usedIds.has(t.id)),
    createdAt: account.created_at,
  };
}

/** Queues a new confirmation mail (a link only) for an unconfirmed account; at most RESEND_LIMIT per hour (429). */
export async function resendForSupport(deps: AppDeps, call: SupportCall, accountId: string): Promise<void> {
  const db = deps.db.db;
  const account = await findAccountById(db, accountId);
  if (!account) throw problem('not-found');
  if (account.email_confirmed_at) throw problem('account-confirmed');
  const now = deps.clock.now();
  const key = `support-resend:${account.id}`;
  const row = await findThrottle(db, key);
  const fresh = !row || now.getTime() - Date.parse(row.window_start) > HOUR_MS;
  if (!fresh && row.failures >= RESEND_LIMIT) {
    const wait = Math.max(1, Math.ceil((Date.parse(row.window_start) + HOUR_MS - now.getTime()) / 1000));
    throw problem('too-many-requests', { headers: { 'retry-after': String(wait) } });
  }
  await db.transaction().execute(async (trx) => {
    await saveThrottle(trx, { key, failures: fresh ? 1 : row.failures + 1, window_start: fresh ? now.toISOString() : row.window_start, blocked_until: null });
    await queueConfirmation(deps, trx, account.id, account.email, account.lang === 'en' ? 'en' : 'de');
    await appendAudit(trx, { at: now.toISOString(), actorId: call.staff.id, actorRole: call.staff.roles.join(','), action: 'write', objectType: 'account_confirmation_resent', objectId: account.id, requestId: call.requestId });
  });
  deps.onOutbox?.();
}

/** Lifts the sign-in throttle of the account (its failures are forgotten); the client-address throttle stays. */
export async function unlockForSupport(deps: AppDeps, call: SupportCall, accountId: string): Promise<void> {
  const account = await findAccountById(deps.db.db, accountId);
  if (!account) throw problem('not-found');
  await clearThrottle(deps.db.db, signInKey(account.email));
  await audited(deps, call, 'write', 'account_unlocked', account.id);
}
