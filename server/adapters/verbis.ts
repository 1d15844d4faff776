/**
 * The VerBIS port (the BA's placement system). Staff take accepted OAP fields over into a person's placement
 * profile through it. The default keeps a VerBIS-like, versioned profile store in this server's database and
 * exports it as a versioned JSON document; a connector to the real system implements the same interface.
 */
import type { Kysely } from 'kysely';
import { VERBIS_EXPORT_SCHEMA, type VerbisExport } from '../../domain/oap.js';
import type { Database } from '../db/schema.js';
import { isUniqueViolation } from '../db/database.js';

/** Row of the current profile in the default store. */
export interface VerbisProfilesTable {
  person_key: string;
  version: number;
  /** Flat field map (`<service>.<questionId>` → value) as JSON text. */
  fields: string;
  updated_at: string;
}

/** Every written version in the default store (append-only). */
export interface VerbisProfileVersionsTable {
  person_key: string;
  version: number;
  /** Idempotency key of the write: writing twice with it stores one version. */
  external_key: string;
  /** Who wrote it, e.g. `oap-takeover` or `verbis-ui` (no names). */
  source: string;
  fields: string;
  created_at: string;
}

/** A placement profile as VerBIS holds it. */
export interface VerbisProfile {
  personKey: string;
  version: number;
  fields: Record<string, unknown>;
  updatedAt: string | null;
}

/** A change: fields to set (null clears a field), idempotent by `externalKey`. */
export interface VerbisChange {
  externalKey: string;
  source: string;
  set: Record<string, unknown>;
}

/** The VerBIS interface. */
export interface VerbisAdapter {
  /** The current profile; version 0 and no fields when VerBIS holds none. */
  read(personKey: string): Promise<VerbisProfile>;
  /** An earlier version, or undefined. */
  readVersion(personKey: string, version: number): Promise<VerbisProfile | undefined>;
  /** Writes one new version with the change merged in; the same externalKey again returns that version. */
  write(personKey: string, change: VerbisChange): Promise<VerbisProfile>;
  /** The profile as a versioned JSON export document. */
  exportProfile(personKey: string): Promise<VerbisExport>;
}

const empty = (personKey: string): VerbisProfile => ({ personKey, version: 0, fields: {}, updatedAt: null });

/** Default VerBIS on this machine: a profile table plus an append-only version table. */
export function createDatabaseVerbis(db: Kysely<Database>, now: () => Date): VerbisAdapter {
  const byKey = (externalKey: string) =>
    db.selectFrom('verbis_profile_versions').selectAll().where('external_key', '=', externalKey).executeTakeFirst();
  const toProfile = (r: { person_key: string; version: number; fields: string; updated_at?: string; created_at?: string }): VerbisProfile => ({
    personKey: r.person_key,
    version: Number(r.version),
    fields: JSON.parse(r.fields) as Record<string, unknown>,
    updatedAt: r.updated_at ?? r.created_at ?? null,
  });

  const adapter: VerbisAdapter = {
    async read(personKey) {
      const row = await db.selectFrom('verbis_profiles').selectAll().where('person_key', '=', personKey).executeTakeFirst();
      return row ? toProfile(row) : empty(personKey);
    },
    async readVersion(personKey, version) {
      const row = await db.selectFrom('verbis_profile_versions').selectAll().where('person_key', '=', personKey).where('version', '=', version).executeTakeFirst();
      return row ? toProfile(row) : undefined;
    },
    async write(personKey, change) {
      for (let attempt = 1; ; attempt++) {
        const done = await byKey(change.externalKey);
        if (done) return toProfile(done);
        try {
          return await db.transaction().execute(async (trx) => {
            const cur = await trx.selectFrom('verbis_profiles').selectAll().where('person_key', '=', personKey).executeTakeFirst();
            const fields: Record<string, unknown> = cur ? JSON.parse(cur.fields) : {};
            for (const [k, v] of Object.entries(change.set)) {
              if (v === null || v === undefined) delete fields[k];
              else fields[k] = v;
            }
            const version = (cur ? Number(cur.version) : 0) + 1;
            const at = now().toISOString();
            const json = JSON.stringify(fields);
            // The version row first: its primary key and external key make a parallel writer fail and retry.
            await trx
              .insertInto('verbis_profile_versions')
              .values({ person_key: personKey, version, external_key: change.externalKey, source: change.source, fields: json, created_at: at })
              .execute();
            if (cur) {
              await trx.updateTable('verbis_profiles').set({ version, fields: json, updated_at: at }).where('person_key', '=', personKey).where('version', '=', cur.version).execute();
            } else {
              await trx.insertInto('verbis_profiles').values({ person_key: personKey, version, fields: json, updated_at: at }).execute();
            }
            return { personKey, version, fields, updatedAt: at };
          });
        } catch (err) {
          if (!isUniqueViolation(err) || attempt >= 5) throw err;
        }
      }
    },
    async exportProfile(personKey) {
      const p = await adapter.read(personKey);
      return { ...VERBIS_EXPORT_SCHEMA, profileId: personKey, version: p.version, updatedAt: p.updatedAt, fields: p.fields };
    },
  };
  return adapter;
}
