/**
 * Deadlines of request rounds: a content-free reminder mail three days before the deadline, and on the day after it
 * an escalation — the round is marked overdue, the history says so, and the application's ADE work item comes back
 * into the Postkorb as `neu` if it had been closed. Idempotent per round (reminded_at, overdue_at), so the sweep may
 * run as often as wanted and on several servers (each round is claimed by one conditional update).
 */
import type { AppDeps } from '../context.js';
import { enqueue } from '../outbox/outbox.js';
import { insertHistory } from './mws.shared.js';
import { addDays, berlinDate } from '../../domain/dates.js';

/** Days before the deadline the reminder goes out. */
export const REMIND_DAYS_BEFORE = 3;

/** The reminder: that a deadline is near, and where to look; nothing about the application. */
function reminderMail(deps: AppDeps, to: string) {
  const url = new URL('/', deps.config.publicUrl).toString();
  return {
    to,
    subject: 'Erinnerung: Frist zu Ihrem Antrag',
    text: `Guten Tag,\n\ndas Jobcenter hat Sie um Unterlagen oder Angaben gebeten. Die Frist endet bald.\n\nBitte melden Sie sich im Portal an:\n${url}\n\nIhr Jobcenter`,
  };
}

/** One sweep; returns how many rounds were reminded and escalated. */
export async function sweepDeadlines(deps: AppDeps): Promise<{ reminded: number; overdue: number }> {
  const db = deps.db.db;
  const now = deps.clock.now();
  const at = now.toISOString();
  const today = berlinDate(now);
  let reminded = 0;
  let overdue = 0;

  const soon = await db
    .selectFrom('mws_requests')
    .innerJoin('applications', 'applications.id', 'mws_requests.application_id')
    .select(['mws_requests.id', 'applications.account_id'])
    .where('mws_requests.state', '=', 'open')
    .where('mws_requests.reminded_at', 'is', null)
    .where('mws_requests.deadline', '>=', today)
    .where('mws_requests.deadline', '<=', addDays(today, REMIND_DAYS_BEFORE))
    .execute();
  for (const r of soon) {
    await db.transaction().execute(async (trx) => {
      const claimed = await trx.updateTable('mws_requests').set({ reminded_at: at }).where('id', '=', r.id).where('reminded_at', 'is', null).executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) return;
      const account = await trx.selectFrom('accounts').select('email').where('id', '=', r.account_id).executeTakeFirst();
      if (account) await enqueue(trx, deps.clock, 'mail', reminderMail(deps, account.email));
      reminded++;
    });
  }

  const late = await db
    .selectFrom('mws_requests')
    .select(['id', 'application_id', 'deadline'])
    .where('state', '=', 'open')
    .where('overdue_at', 'is', null)
    .where('deadline', '<', today)
    .execute();
  for (const r of late) {
    await db.transaction().execute(async (trx) => {
      const claimed = await trx.updateTable('mws_requests').set({ overdue_at: at }).where('id', '=', r.id).where('overdue_at', 'is', null).executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) return;
      await insertHistory(trx, { applicationId: r.application_id, kind: 'deadline', oldValue: null, newValue: r.deadline, actor: 'system', at });
      await trx
        .updateTable('work_items')
        .set((eb) => ({ status: 'neu', version: eb('version', '+', 1) }))
        .where('type', '=', 'ade')
        .where('ref_id', '=', r.application_id)
        .where('status', '=', 'erledigt')
        .execute();
      overdue++;
    });
  }
  if (reminded) deps.onOutbox?.();
  return { reminded, overdue };
}
