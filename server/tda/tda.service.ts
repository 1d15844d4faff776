/** Recording a Tag der Antragstellung exactly once and building its receipt. */
import { randomBytes, randomUUID } from 'node:crypto';
import { ageOn } from '../../domain/common.js';
import type { TdaData, TdaReceipt } from '../../domain/tda.js';
import type { AppDeps } from '../context.js';
import { problem } from '../http/problem.js';
import { canonicalHash, once, type StoredResponse } from '../idempotency/idempotency.js';
import { findJobcenter, findJobcenterByPlz } from '../jobcenters/jobcenters.repository.js';
import { requireModule } from '../jobcenters/module-guard.js';
import type { JobcentersTable } from '../jobcenters/jobcenters.table.js';
import { enqueue } from '../outbox/outbox.js';
import type { TdaTable } from './tda.table.js';
import { insertTda } from './tda.repository.js';
import { berlinDate } from '../../domain/dates.js';

/** From this age a person may apply herself (§ 36 SGB I). */
const MIN_AGE = 15;
// Crockford base32 without look-alikes: numbers are read out on the phone.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A new application number, e.g. TDA-2026-7K3M9Q. */
export function applicationNumber(now: Date): string {
  const code = [...randomBytes(6)].map((b) => ALPHABET[b % 32]).join('');
  return `TDA-${now.getUTCFullYear()}-${code}`;
}

/** The receipt of a stored TdA. */
export function receiptOf(row: TdaTable, portal: JobcentersTable, responsible: JobcentersTable, pdfSha256?: string, pdfSize?: number): TdaReceipt {
  const contact = JSON.parse(responsible.contact) as Record<string, string | undefined>;
  return {
    id: row.id,
    number: row.number,
    receivedAt: row.received_at,
    status: row.status as TdaReceipt['status'],
    responsibility: row.responsibility as TdaReceipt['responsibility'],
    portalJobcenter: { id: portal.id, name: portal.name },
    responsibleJobcenter: {
      id: responsible.id,
      name: responsible.name,
      kind: responsible.kind as 'ge' | 'zkt',
      ...(contact.phone ? { phone: contact.phone } : {}),
      ...(contact.email ? { email: contact.email } : {}),
      ...(contact.address ? { address: contact.address } : {}),
      ...(contact.url ? { url: contact.url } : {}),
    },
    dataSha256: row.data_sha256,
    pdf: {
      status: row.pdf_status as TdaReceipt['pdf']['status'],
      ...(row.pdf_status === 'ready' ? { sha256: pdfSha256, href: `/api/tda/${row.id}/pdf`, bytes: pdfSize } : {}),
    },
  };
}

/** Checks what the schema cannot: the portal's jobcenter offers TdA, the birth date is plausible. */
async function preconditions(deps: AppDeps, data: TdaData, today: string) {
  const portal = await findJobcenter(deps.db.db, data.portalJobcenterId);
  if (!portal) throw problem('validation', { errors: [{ path: 'portalJobcenterId', code: 'unknown_jobcenter', message: 'Unbekanntes Jobcenter.' }] });
  await requireModule(deps, portal, 'tda');
  if (data.birthDate >= today) {
    throw problem('validation', { errors: [{ path: 'birthDate', code: 'birth_date_future', message: 'Das Geburtsdatum muss in der Vergangenheit liegen.' }] });
  }
  if (ageOn(data.birthDate, today) < MIN_AGE) {
    throw problem('validation', { errors: [{ path: 'birthDate', code: 'too_young', message: 'Einen Antrag können Sie ab 15 Jahren selbst stellen.' }] });
  }
  if (ageOn(data.birthDate, today) > 130) {
    throw problem('validation', { errors: [{ path: 'birthDate', code: 'invalid_date', message: 'Prüfen Sie das Geburtsjahr.' }] });
  }
  return portal;
}

/** Who is responsible for the address: the portal's gE, another gE, a zkT (forwarding) or unknown. */
async function responsibility(deps: AppDeps, portal: JobcentersTable, plz: string) {
  const byPlz = await findJobcenterByPlz(deps.db.db, plz);
  if (!byPlz) return { jobcenter: portal, kind: 'unknown_postal_code' as const };
  if (byPlz.id === portal.id) return { jobcenter: portal, kind: 'portal' as const };
  return { jobcenter: byPlz, kind: byPlz.kind === 'zkt' ? ('municipal_forwarded' as const) : ('other_jobcenter' as const) };
}

/** Records the TdA with the server's timestamp exactly once per Idempotency-Key (REL-03). */
export async function createTda(deps: AppDeps, accountId: string, key: string, data: TdaData): Promise<StoredResponse> {
  const now = deps.clock.now();
  const portal = await preconditions(deps, data, berlinDate(now));
  const resp = await responsibility(deps, portal, data.postalCode);
  const result = await once(deps, { accountId, scope: 'tda', key, requestHash: canonicalHash(data) }, async (complete) => {
    const row: TdaTable = {
      id: randomUUID(),
      number: applicationNumber(now),
      account_id: accountId,
      idempotency_key: key,
      portal_jobcenter_id: portal.id,
      jobcenter_id: resp.jobcenter.id,
      responsibility: resp.kind,
      status: 'received',
      // The legal date of application: the server's clock at commit, never the client's.
      received_at: deps.clock.now().toISOString(),
      data: JSON.stringify(data),
      data_sha256: canonicalHash(data),
      pdf_document_id: null,
      pdf_status: 'pending',
      eakte_reference: null,
    };
    const receipt = receiptOf(row, portal, resp.jobcenter);
    await deps.db.db.transaction().execute(async (trx) => {
      await insertTda(trx, row);
      await enqueue(trx, deps.clock, 'tda.pdf', { tdaId: row.id });
      await complete(trx, 201, receipt);
    });
    return { status: 201, body: receipt, replayed: false };
  });
  deps.onOutbox?.();
  return result;
}
