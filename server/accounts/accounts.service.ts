/** Sign-up, e-mail confirmation (Sicherheitsstufe 1) and sign-in rules. */
import { randomBytes, randomUUID } from 'node:crypto';
import { SECURITY_LEVEL, type AccountView, type SignInInput, type SignUpInput } from '../../domain/account.js';
import type { AppDeps } from '../context.js';
import { problem } from '../http/problem.js';
import { enqueue } from '../outbox/outbox.js';
import { createSession, endSession, hashToken } from '../sessions/sessions.service.js';
import { alreadyRegisteredMail, confirmationMail } from './account-mails.js';
import {
  confirmAccountEmail,
  findAccountByEmail,
  findAccountById,
  insertAccount,
  insertEmailToken,
  markSignedIn,
  useEmailToken,
} from './accounts.repository.js';
import { dummyHash, hashPassword, verifyPassword } from './password.js';
import { recordFailure, recordSuccess, throttleWait } from './throttle.js';

const TOKEN_TTL_MS = 48 * 60 * 60 * 1000;
/** Page of the portal that confirms the address (it hosts <jc-registration>). */
export const CONFIRM_PATH = '/konto.html';

/** The client's view of an account row. */
export function accountView(row: { id: string; email: string; level: number; email_confirmed_at: string | null }): AccountView {
  return { id: row.id, email: row.email, level: Number(row.level), emailConfirmed: row.email_confirmed_at !== null };
}

function link(deps: AppDeps, path: string, token?: string): string {
  const url = new URL(path, deps.config.publicUrl);
  if (token) url.searchParams.set('token', token);
  return url.toString();
}

/** Creates a fresh confirmation token and queues its mail, inside the transaction. */
export async function queueConfirmation(deps: AppDeps, trx: AppDeps['db']['db'], accountId: string, email: string, lang: 'de' | 'en') {
  const token = randomBytes(32).toString('base64url');
  const now = deps.clock.now();
  await insertEmailToken(trx, {
    token_hash: hashToken(token),
    account_id: accountId,
    purpose: 'confirm',
    expires_at: new Date(now.getTime() + TOKEN_TTL_MS).toISOString(),
    used_at: null,
    created_at: now.toISOString(),
  });
  await enqueue(trx, deps.clock, 'mail', confirmationMail(email, link(deps, CONFIRM_PATH, token), lang));
}

/**
 * Registers an address. The answer never reveals whether the address is known: a known unconfirmed
 * address gets a new confirmation mail, a confirmed one a note that it already has an account.
 */
export async function signUp(deps: AppDeps, input: SignUpInput): Promise<void> {
  // Hash first, whatever the address: the response time must not tell known from unknown addresses.
  const passwordHash = await hashPassword(input.password);
  const existing = await findAccountByEmail(deps.db.db, input.email);
  await deps.db.db.transaction().execute(async (trx) => {
    if (!existing) {
      const id = randomUUID();
      await insertAccount(trx, {
        id,
        email: input.email,
        password_hash: passwordHash,
        level: SECURITY_LEVEL.registered,
        email_confirmed_at: null,
        lang: input.lang,
        jobcenter_id: input.jobcenterId ?? null,
        created_at: deps.clock.now().toISOString(),
        last_sign_in_at: null,
      });
      await queueConfirmation(deps, trx, id, input.email, input.lang);
    } else if (!existing.email_confirmed_at) {
      await queueConfirmation(deps, trx, existing.id, existing.email, input.lang);
    } else {
      await enqueue(trx, deps.clock, 'mail', alreadyRegisteredMail(existing.email, link(deps, CONFIRM_PATH), input.lang));
    }
  });
  deps.onOutbox?.();
}

/** Sends a new confirmation mail if the address has an unconfirmed account; silent otherwise. */
export async function resendConfirmation(deps: AppDeps, email: string, lang: 'de' | 'en'): Promise<void> {
  const account = await findAccountByEmail(deps.db.db, email);
  if (!account || account.email_confirmed_at) return;
  await deps.db.db.transaction().execute((trx) => queueConfirmation(deps, trx, account.id, account.email, lang));
  deps.onOutbox?.();
}

/**
 * Confirms the address behind a token: level ≥ 1. If the request carries a session of the same account,
 * it is rotated to the new level (SEC-02); returns the new session token then.
 */
export async function confirmEmail(
  deps: AppDeps,
  token: string,
  current: { tokenHash: string; accountId: string; transport: 'cookie' | 'bearer' } | null,
): Promise<{ account: AccountView; rotated?: { token: string; expiresAt: string; transport: 'cookie' | 'bearer' } }> {
  const now = deps.clock.now().toISOString();
  const used = await deps.db.db.transaction().execute(async (trx) => {
    const t = await useEmailToken(trx, hashToken(token), 'confirm', now);
    if (t) await confirmAccountEmail(trx, t.account_id, now, SECURITY_LEVEL.emailConfirmed);
    return t;
  });
  if (!used) throw problem('token-invalid');
  const account = await findAccountById(deps.db.db, used.account_id);
  if (!account) throw problem('token-invalid');
  if (current && current.accountId === account.id) {
    await endSession(deps, current.tokenHash);
    const rotated = await createSession(deps, account.id, Number(account.level), current.transport);
    return { account: accountView(account), rotated: { ...rotated, transport: current.transport } };
  }
  return { account: accountView(account) };
}

/** Checks credentials with throttling; creates a new session (the presented one, if any, is revoked). */
export async function signIn(deps: AppDeps, input: SignInInput, clientIp: string, presentedTokenHash?: string) {
  const db = deps.db.db;
  const now = deps.clock.now();
  const keys = { account: `account:${input.email}`, ip: `ip:${clientIp}` } as const;
  const wait = Math.max(await throttleWait(db, keys.account, now), await throttleWait(db, keys.ip, now));
  if (wait > 0) throw problem('too-many-requests', { headers: { 'retry-after': String(wait) } });

  const account = await findAccountByEmail(db, input.email);
  const ok = await verifyPassword(input.password, account?.password_hash ?? (await dummyHash()));
  if (!account || !ok) {
    await recordFailure(db, keys.account, 'account', now);
    await recordFailure(db, keys.ip, 'ip', now);
    throw problem('invalid-credentials');
  }
  await recordSuccess(db, keys.account);
  await markSignedIn(db, account.id, now.toISOString());
  if (presentedTokenHash) await endSession(deps, presentedTokenHash);
  const session = await createSession(deps, account.id, Number(account.level), input.transport);
  return { account: accountView(account), ...session };
}
