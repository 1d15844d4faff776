/** Runs the migrations in order; the list is static so bundlers and tsx see every file. */
import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import * as createCore from './migrations/2026_11_25_1800_create_core.js';
import * as createApplications from './migrations/2026_11_25_1900_create_applications.js';
import * as createStaff from './migrations/2026_11_25_2000_create_staff.js';
import * as createInboxAudit from './migrations/2026_11_25_2010_create_inbox_audit.js';
import * as createMws from './migrations/2026_11_25_2030_create_mws.js';
import * as extendMws from './migrations/2026_11_25_2040_extend_mws.js';
import * as createOap from './migrations/2026_11_25_2100_create_oap.js';
import * as createPersons from './migrations/2026_11_25_2120_create_persons.js';
import * as createIbd from './migrations/2026_11_25_2110_create_ibd.js';
import * as createConfigVersions from './migrations/2026_11_25_2130_create_config_versions.js';
import * as createOapDocuments from './migrations/2026_11_25_2140_create_oap_documents.js';
import * as addOapDocumentsEakteReference from './migrations/2026_11_25_2150_add_oap_documents_eakte_reference.js';
import * as addStaffEnrolmentCode from './migrations/2026_11_25_2200_add_staff_enrolment_code.js';
import * as createPersonKeys from './migrations/2026_11_25_2210_create_person_keys.js';

const MIGRATIONS: Record<string, Migration> = {
  '2026_11_25_1800_create_core': createCore,
  '2026_11_25_1900_create_applications': createApplications,
  '2026_11_25_2000_create_staff': createStaff,
  '2026_11_25_2010_create_inbox_audit': createInboxAudit,
  '2026_11_25_2030_create_mws': createMws,
  '2026_11_25_2040_extend_mws': extendMws,
  '2026_11_25_2100_create_oap': createOap,
  '2026_11_25_2120_create_persons': createPersons,
  '2026_11_25_2110_create_ibd': createIbd,
  '2026_11_25_2130_create_config_versions': createConfigVersions,
  '2026_11_25_2140_create_oap_documents': createOapDocuments,
  '2026_11_25_2150_add_oap_documents_eakte_reference': addOapDocumentsEakteReference,
  '2026_11_25_2200_add_staff_enrolment_code': addStaffEnrolmentCode,
  '2026_11_25_2210_create_person_keys': createPersonKeys,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/**
 * Brings the schema to the latest migration; throws on the first failure. `schema` names the PostgreSQL schema
 * of the bookkeeping tables when it is not the default: Kysely's existence check otherwise also sees another
 * schema's `kysely_migration_lock` (parallel test schemas) and skips creating its own.
 */
export async function migrateToLatest(db: Kysely<any>, opts: { schema?: string } = {}): Promise<void> {
  const { error, results } = await new Migrator({ db, provider, migrationTableSchema: opts.schema }).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${String((error as Error)?.message ?? error)}`);
  }
}
