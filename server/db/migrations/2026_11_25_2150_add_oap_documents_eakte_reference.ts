/**
 * OAP certificate uploads go to the E-AKTE after the caseworker's takeover: the link row remembers the archive's
 * reference (null until handed over), as application_documents does for the ADE evidence.
 */
import type { Kysely } from 'kysely';

/** Adds oap_documents.eakte_reference. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('oap_documents').addColumn('eakte_reference', 'text').execute();
}

/** Drops oap_documents.eakte_reference. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('oap_documents').dropColumn('eakte_reference').execute();
}
