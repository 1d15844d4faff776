/**
 * The takeover of accepted OAP fields into VerBIS: a decision for every non-`same` field (422 naming the missing),
 * ONE new VerBIS version (its external key is the review version, so a retry or a parallel takeover writes none
 * more), the submitted versions marked `taken_over`, the work item closed and an audit row, in one commit.
 * The same Idempotency-Key replays the stored answer; the same submitted versions again get 409.
 * The same commit enqueues the E-AKTE handover of the taken-over CV's certificate files (oap.certificates.ts).
 */
import { randomUUID } from 'node:crypto';
import type { FieldError } from '../../domain/common.js';
import type { OapTakeoverInput, OapTakeoverResult } from '../../domain/oap.js';
import type { VerbisAdapter } from '../adapters/verbis.js';
import { appendAudit } from '../audit/audit.js';
import type { AppDeps } from '../context.js';
import { isUniqueViolation } from '../db/database.js';
import { problem } from '../http/problem.js';
import { canonicalHash } from '../idempotency/idempotency.js';
import { enqueue } from '../outbox/outbox.js';
import type { OapCertificatesJob } from './oap.certificates.js';
import * as repo from './oap.repository.js';
import { auditOf, compare, latestSubmissions, scopedProfile, type StaffCall } from './oap.staff.js';

const MISSING: Record<'de' | 'en', string> = { de: 'Entscheiden Sie: übernehmen oder nicht.', en: 'Decide: take over or not.' };
const UNKNOWN: Record<'de' | 'en', string> = { de: 'Dieses Feld gibt es im Vergleich nicht.', en: 'This field is not part of the comparison.' };

/** Runs the takeover; `replayed` when the key was used before with the same request. */
export async function takeOver(
  deps: AppDeps,
  verbis: VerbisAdapter,
  call: StaffCall,
  args: { id: string; version: number; key: string; input: OapTakeoverInput; lang: 'de' | 'en' },
): Promise<{ body: OapTakeoverResult; replayed: boolean }> {
  const db = deps.db.db;
  const { profile, subs } = await scopedProfile(deps, call.staff, args.id);
  const requestHash = canonicalHash({ version: args.version, decisions: args.input.decisions });
  const replay = async () => {
    const done = await db.selectFrom('oap_takeovers').selectAll().where('profile_id', '=', profile.id).where('idempotency_key', '=', args.key).executeTakeFirst();
    if (!done) return undefined;
    if (done.request_hash !== requestHash) throw problem('idempotency-key-reused');
    return { body: JSON.parse(done.response) as OapTakeoverResult, replayed: true };
  };
  const earlier = await replay();
  if (earlier) return earlier;

  const pending = latestSubmissions(subs).filter((s) => s.taken_over_at === null);
  if (pending.length === 0) throw problem('oap-taken-over', { headers: { etag: `"${profile.review_version}"` } });
  if (Number(profile.review_version) !== args.version) {
    throw problem('version-conflict', {
      detail: 'Die Angaben wurden inzwischen neu abgeschickt oder übernommen. Laden Sie den Vergleich neu.',
      headers: { etag: `"${profile.review_version}"` },
      extensions: { current: { version: Number(profile.review_version) } },
    });
  }

  const { rows } = await compare(verbis, profile, subs);
  const open = rows.filter((r) => r.state !== 'same');
  const decided = new Map(args.input.decisions.map((d) => [d.path, d.accept]));
  const errors: FieldError[] = [];
  args.input.decisions.forEach((d, i) => {
    if (!open.some((r) => r.path === d.path)) errors.push({ path: `decisions.${i}.path`, code: 'unknown_field', message: UNKNOWN[args.lang] });
  });
  for (const r of open) if (!decided.has(r.path)) errors.push({ path: r.path, code: 'decision_required', message: MISSING[args.lang] });
  if (errors.length) {
    // A parallel takeover may have written VerBIS between our reads: then the fields look "same" now, and the
    // honest answer is that the data were taken over meanwhile, not that the decisions are wrong.
    const fresh = await repo.findProfile(db, profile.id);
    if (fresh && Number(fresh.review_version) !== args.version) {
      const again = await replay();
      if (again) return again;
      throw problem('oap-taken-over', { headers: { etag: `"${fresh.review_version}"` } });
    }
    throw problem('incomplete', { errors, detail: `${errors.length} Feld(er) ohne Entscheidung oder unbekannt.` });
  }

  const accepted = open.filter((r) => decided.get(r.path) === true);
  const rejected = open.filter((r) => decided.get(r.path) === false).map((r) => r.path);
  // Outside the transaction: VerBIS is another system. Its external key makes a retry write nothing new.
  const written = await verbis.write(profile.id, {
    externalKey: `oap:${profile.id}:${profile.review_version}`,
    source: 'oap-takeover',
    set: Object.fromEntries(accepted.map((r) => [r.path, r.applicantValue ?? null])),
  });
  const at = deps.clock.now().toISOString();
  const item = await repo.findOapWorkItem(db, profile.id);
  const body: OapTakeoverResult = { profileId: profile.id, verbisVersion: written.version, takenOverAt: at, accepted: accepted.map((r) => r.path), rejected, workItemId: item?.id ?? null };
  const cv = latestSubmissions(subs).find((s) => s.service === 'cv');
  let ok = false;
  try {
    ok = await db.transaction().execute(async (trx) => {
      if (!(await repo.bumpReviewVersion(trx, profile.id, at, args.version, written.version))) return false;
      await trx
        .insertInto('oap_takeovers')
        .values({ id: randomUUID(), profile_id: profile.id, review_version: args.version, staff_id: call.staff.id, idempotency_key: args.key, request_hash: requestHash, verbis_version: written.version, response: JSON.stringify(body), created_at: at })
        .execute();
      await repo.markTakenOver(trx, pending.map((s) => s.id), at, written.version);
      if (item) await repo.closeWorkItem(trx, item.id);
      await appendAudit(trx, auditOf(deps, call, 'write', profile.id));
      if (cv) await enqueue(trx, deps.clock, 'oap.certificates', { profileId: profile.id, submissionId: cv.id, takenOverAt: at } satisfies OapCertificatesJob);
      return true;
    });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
  }
  if (ok) {
    deps.onOutbox?.();
    return { body, replayed: false };
  }
  // A parallel takeover won: the same key replays its answer, another key gets 409.
  const again = await replay();
  if (again) return again;
  throw problem('oap-taken-over');
}
