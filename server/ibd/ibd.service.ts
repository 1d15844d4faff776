/** IBD rules: which version is in force, placeholder filling, the fallback, and new versions (audited). */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { fillPlaceholders, IBD_FALLBACK, type IbdNotice, type IbdType, type IbdVersionInput, type IbdVersionView } from '../../domain/ibd.js';
import { appendAudit } from '../audit/audit.js';
import type { AppDeps, StaffInfo } from '../context.js';
import { isUniqueViolation } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { problem } from '../http/problem.js';
import { InvalidField } from '../http/validate.js';
import { jobcenterView } from '../jobcenters/jobcenters.service.js';
import type { JobcentersTable } from '../jobcenters/jobcenters.table.js';
import { findIbdInForce, insertIbdText, listIbdVersions, maxIbdVersion } from './ibd.repository.js';
import type { IbdTextsTable } from './ibd.table.js';
import { berlinDate } from '../../domain/dates.js';

/** The placeholder values of a jobcenter and version. */
function valuesOf(jc: JobcentersTable, weeks: number | null): Record<string, string> {
  const contact = JSON.parse(jc.contact) as { phone?: string };
  return { jobcenter: jc.name, weeks: weeks === null ? '' : String(weeks), phone: contact.phone ?? '' };
}

/** The notice for a type on a date (Berlin today by default), or `available: false` when the module is off. */
export async function ibdNoticeOf(deps: AppDeps, jc: JobcentersTable, type: IbdType, date: string | undefined, english: boolean): Promise<IbdNotice> {
  if (!jobcenterView(jc, deps.clock.now()).modules.ibd) return { available: false };
  const row = await findIbdInForce(deps.db.db, jc.id, type, date ?? berlinDate(deps.clock.now()));
  if (!row) {
    const text = IBD_FALLBACK[type][english ? 'en' : 'de'];
    return { available: true, type, text: fillPlaceholders(text, valuesOf(jc, null)), lang: english ? 'en' : 'de', fallback: true, effectiveFrom: null, version: null };
  }
  const useEn = english && row.text_en !== null;
  return {
    available: true,
    type,
    text: fillPlaceholders(useEn ? row.text_en! : row.text, valuesOf(jc, row.weeks)),
    lang: useEn ? 'en' : 'de',
    fallback: false,
    effectiveFrom: row.effective_from,
    version: Number(row.version),
  };
}

/** A stored row as admins see it; `current` marks the version in force today for its type. */
function viewOf(row: IbdTextsTable, currentIds: Set<string>): IbdVersionView {
  return {
    id: row.id,
    type: row.type as IbdType,
    version: Number(row.version),
    text: row.text,
    textEn: row.text_en,
    weeks: row.weeks === null ? null : Number(row.weeks),
    effectiveFrom: row.effective_from,
    createdBy: row.created_by,
    createdAt: row.created_at,
    current: currentIds.has(row.id),
  };
}

/** Every version of the jobcenter with the one in force today marked. */
export async function listVersions(deps: AppDeps, jobcenterId: string): Promise<IbdVersionView[]> {
  const rows = await listIbdVersions(deps.db.db, jobcenterId);
  const today = berlinDate(deps.clock.now());
  const current = new Set<string>();
  for (const type of new Set(rows.map((r) => r.type))) {
    const inForce = rows
      .filter((r) => r.type === type && r.effective_from <= today)
      .sort((a, b) => b.effective_from.localeCompare(a.effective_from) || Number(b.version) - Number(a.version))[0];
    if (inForce) current.add(inForce.id);
  }
  return rows.map((r) => viewOf(r, current));
}

/**
 * Inserts the next version of `input.type` inside `trx` and audits it (the caller checks the input against
 * `ibdVersionInput` and the effective date). Also used by the approval of an imported configuration.
 */
export async function insertIbdVersion(
  trx: Transaction<Database>,
  a: { jobcenterId: string; staff: StaffInfo; input: IbdVersionInput; now: Date; requestId: string | null },
): Promise<IbdTextsTable> {
  const { input, staff } = a;
  const row: IbdTextsTable = {
    id: randomUUID(),
    jobcenter_id: a.jobcenterId,
    type: input.type,
    version: (await maxIbdVersion(trx, a.jobcenterId, input.type)) + 1,
    text: input.text,
    text_en: input.textEn ?? null,
    weeks: input.weeks ?? null,
    effective_from: input.effectiveFrom,
    created_by: staff.id,
    created_at: a.now.toISOString(),
  };
  await insertIbdText(trx, row);
  await appendAudit(trx, { at: row.created_at, actorId: staff.id, actorRole: staff.roles.join(','), action: 'write', objectType: 'ibd_text', objectId: row.id, requestId: a.requestId });
  return row;
}

/** Stores a new version (the effective date may not lie in the past) and audits it; returns it with a preview. */
export async function createVersion(deps: AppDeps, jc: JobcentersTable, staff: StaffInfo, input: IbdVersionInput, requestId: string | null) {
  const now = deps.clock.now();
  if (input.effectiveFrom < berlinDate(now)) throw new InvalidField('effectiveFrom', 'date_in_past');
  for (let attempt = 1; ; attempt++) {
    let row: IbdTextsTable;
    try {
      row = await deps.db.db.transaction().execute((trx) => insertIbdVersion(trx, { jobcenterId: jc.id, staff, input, now, requestId }));
    } catch (err) {
      // Two admins saved at once and took the same version number: number again.
      if (isUniqueViolation(err) && attempt < 3) continue;
      if (isUniqueViolation(err)) throw problem('version-conflict');
      throw err;
    }
    const values = valuesOf(jc, row.weeks);
    const preview = { de: fillPlaceholders(row.text, values), en: row.text_en === null ? null : fillPlaceholders(row.text_en, values) };
    return { ...viewOf(row, new Set()), preview };
  }
}
