/** Submitting an application exactly once (REL-03): validate, then status, number and outbox jobs in one commit. */
import { randomBytes } from 'node:crypto';
import type { AppDeps } from '../context.js';
import { isUniqueViolation } from '../db/database.js';
import { problem } from '../http/problem.js';
import { requireModule } from '../jobcenters/module-guard.js';
import { canonicalHash, once, type StoredResponse } from '../idempotency/idempotency.js';
import { enqueue } from '../outbox/outbox.js';
import { findOwnApplication, markSubmittedIfVersion } from './applications.repository.js';
import { conflictOf, viewOf } from './applications.service.js';
import { derive, type Answers } from './validation.js';

// Crockford base32 without look-alikes, as for TdA numbers: numbers are read out on the phone.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A new application number, e.g. ADE-2026-7K3M9Q. */
export function adeNumber(now: Date): string {
  return `ADE-${now.getUTCFullYear()}-${[...randomBytes(6)].map((b) => ALPHABET[b % 32]).join('')}`;
}

/**
 * Submits the draft the client read (If-Match) once per Idempotency-Key: a retry replays the stored answer,
 * a parallel duplicate gets 409, an incomplete application 400 with the field errors and no change.
 */
export async function submitApplication(
  deps: AppDeps,
  accountId: string,
  ids: { id: string; version: number; key: string },
): Promise<StoredResponse> {
  const requestHash = canonicalHash({ id: ids.id, version: ids.version });
  const result = await once(deps, { accountId, scope: 'ade.submit', key: ids.key, requestHash }, async (complete) => {
    const row = await findOwnApplication(deps.db.db, ids.id, accountId);
    if (!row) throw problem('not-found');
    // Switched off or moved behind go-live after the draft began: the draft stays saved, only submitting waits.
    if (row.status === 'draft') await requireModule(deps, row.portal_jobcenter_id, 'ade');
    if (row.status !== 'draft' || Number(row.version) !== ids.version) return conflictOf(deps, ids.id, accountId);
    const answers = JSON.parse(row.answers) as Answers;
    // The engine runs before the transaction: validation is CPU work and must not hold a write lock (REL-06).
    const { errors } = derive(answers, row.application_date);
    if (errors.length > 0) throw problem('validation', { errors, detail: `${errors.length} Angabe(n) fehlen oder sind fehlerhaft.` });

    for (let attempt = 1; ; attempt++) {
      const now = deps.clock.now();
      const set = { submitted_at: now.toISOString(), number: adeNumber(now), answers_sha256: canonicalHash(answers) };
      try {
        const body = await deps.db.db.transaction().execute(async (trx) => {
          // Same version as validated ⇒ same answers as validated; a parallel save or submit makes this miss.
          if (!(await markSubmittedIfVersion(trx, { id: ids.id, accountId, version: ids.version }, set))) return undefined;
          await enqueue(trx, deps.clock, 'ade.pdf', { applicationId: ids.id });
          await enqueue(trx, deps.clock, 'ade.route', { applicationId: ids.id });
          // Read inside the transaction: on SQLite a query beside an open transaction would wait for it forever.
          const view = await viewOf(trx, (await findOwnApplication(trx, ids.id, accountId))!);
          await complete(trx, 200, view);
          return view;
        });
        if (!body) return conflictOf(deps, ids.id, accountId);
        return { status: 200, body, replayed: false };
      } catch (err) {
        // A number collision (1 in 10⁹) rolls everything back; draw another.
        if (!isUniqueViolation(err) || attempt >= 3) throw err;
      }
    }
  });
  deps.onOutbox?.();
  return result;
}
