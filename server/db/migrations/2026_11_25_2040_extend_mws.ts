/**
 * MWS, second step: a request item may be about an uploaded document (re-upload wanted, with a comment), and request
 * rounds remember when the applicant was reminded of the deadline and when the round was escalated as overdue.
 */
import type { Kysely } from 'kysely';

/** Adds mws_request_items.document_id, mws_requests.reminded_at and mws_requests.overdue_at. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('mws_request_items').addColumn('document_id', 'text').execute();
  await db.schema.alterTable('mws_requests').addColumn('reminded_at', 'text').execute();
  await db.schema.alterTable('mws_requests').addColumn('overdue_at', 'text').execute();
  await db.schema.createIndex('mws_requests_open_deadline_idx').on('mws_requests').columns(['state', 'deadline']).execute();
}
