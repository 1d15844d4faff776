/**
 * The person register (Personen with Kundennummer) of the duplicate check, the link Internetperson (account whose
 * TdA arrived) → Person with its decision, and the releases of submitted applications to the benefit system,
 * which wait for that decision.
 */
import type { Kysely } from 'kysely';

/** Creates persons, person_links and ade_releases. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('persons')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kundennummer', 'text', (c) => c.notNull().unique())
    .addColumn('first_name', 'text', (c) => c.notNull())
    .addColumn('last_name', 'text', (c) => c.notNull())
    .addColumn('birth_date', 'text', (c) => c.notNull())
    .addColumn('street', 'text', (c) => c.notNull())
    .addColumn('postal_code', 'text', (c) => c.notNull())
    .addColumn('city', 'text', (c) => c.notNull())
    .addColumn('rv_nr', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('persons_birth_idx').on('persons').column('birth_date').execute();

  // One row per Internetperson (account); `open` until a caseworker converts or merges it, exactly once.
  await db.schema
    .createTable('person_links')
    .addColumn('account_id', 'text', (c) => c.primaryKey().references('accounts.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.references('persons.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.references('staff_users.id'))
    .addColumn('decided_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('ade_releases')
    .addColumn('application_id', 'text', (c) => c.primaryKey().references('applications.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
    .addColumn('released_at', 'text', (c) => c.notNull())
    .execute();
}

/** Drops them again. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('ade_releases').execute();
  await db.schema.dropTable('person_links').execute();
  await db.schema.dropTable('persons').execute();
}
