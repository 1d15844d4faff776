/** Runs the migrations in order; the list is static so bundlers and tsx see every file. */
import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import * as createCore from './migrations/2026_11_25_1800_create_core.js';
import * as createApplications from './migrations/2026_11_25_1900_create_applications.js';

const MIGRATIONS: Record<string, Migration> = {
  '2026_11_25_1800_create_core': createCore,
  '2026_11_25_1900_create_applications': createApplications,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** Brings the schema to the latest migration; throws on the first failure. */
export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${String((error as Error)?.message ?? error)}`);
  }
}
