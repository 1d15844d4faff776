/** Seeds the demo jobcenters once (idempotent: existing ids are left alone). */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import { DEMO_JOBCENTERS } from '../jobcenters/demo-jobcenters.js';
import { demoIbd } from '../ibd/demo-ibd.js';
import { hashPassword } from '../accounts/password.js';
import { DEMO_ENROLMENT_CODE, DEMO_STAFF, DEMO_STAFF_PASSWORD } from '../staff/demo-staff.js';
import { enrolmentCodeColumns, sealSecret, secretAad } from '../staff/staff-secrets.js';
import { base32Decode } from '../staff/totp.js';
import { seedDemoPersons } from '../persons/persons.repository.js';

/** Inserts the demo jobcenters with their PLZ ranges, Postkörbe and rules if they are missing. */
export async function seedDemo(db: Kysely<Database>, opts: { allowedOrigins?: string[]; now?: Date } = {}): Promise<void> {
  const now = (opts.now ?? new Date()).toISOString();
  await db.transaction().execute(async (trx) => {
    for (const jc of DEMO_JOBCENTERS) {
      const exists = await trx.selectFrom('jobcenters').select('id').where('id', '=', jc.id).executeTakeFirst();
      if (exists) continue;
      await trx
        .insertInto('jobcenters')
        .values({
          id: jc.id,
          name: jc.name,
          kind: jc.kind,
          wave: jc.wave,
          go_live: jc.goLive,
          modules: JSON.stringify(jc.modules),
          contact: JSON.stringify(jc.contact),
          allowed_origins: JSON.stringify(opts.allowedOrigins ?? []),
          theme: jc.theme,
          created_at: now,
          version: 1,
        })
        .execute();
      for (const [i, [from, to]] of jc.plz.entries()) {
        await trx.insertInto('plz_ranges').values({ id: `${jc.id}-plz-${i}`, jobcenter_id: jc.id, plz_from: from, plz_to: to }).execute();
      }
      for (const p of jc.postkoerbe) {
        await trx.insertInto('postkoerbe').values({ id: p.id, jobcenter_id: jc.id, name: p.name, is_default: p.isDefault ? 1 : 0 }).execute();
      }
      for (const [i, r] of jc.rules.entries()) {
        await trx
          .insertInto('routing_rules')
          .values({ id: r.id, jobcenter_id: jc.id, position: (i + 1) * 10, name: r.name, condition: JSON.stringify(r.condition), postkorb_id: r.postkorbId })
          .execute();
      }
    }
    // IBD demo texts: only into an empty ibd_texts, so a rerun (or an admin's versions) is never touched.
    if (!(await trx.selectFrom('ibd_texts').select('id').limit(1).executeTakeFirst())) {
      for (const row of demoIbd(opts.now ?? new Date())) await trx.insertInto('ibd_texts').values({ ...row, created_at: now }).execute();
    }
  });
  await seedDemoPersons(db, now);
}

/** Sets the embedding origins of the demo jobcenters (ALLOWED_ORIGINS applies on every start, not only the first). */
export async function setDemoOrigins(db: Kysely<Database>, origins: string[]): Promise<void> {
  await db
    .updateTable('jobcenters')
    .set({ allowed_origins: JSON.stringify(origins) })
    .where('id', 'in', DEMO_JOBCENTERS.map((j) => j.id))
    .execute();
}

// One scrypt hash for every demo member and every test database: hashing is deliberately slow.
let demoHash: Promise<string> | undefined;

/**
 * Inserts the demo staff (see server/staff/demo-staff.ts) if missing; development and demo only. TOTP is not
 * enrolled (the first sign-in enrols with DEMO_ENROLMENT_CODE, renewed here while missing or expired), unless
 * `totpSecret` (base32, from DEMO_TOTP_SECRET) is given: then every demo member not yet enrolled gets that
 * secret, so end-to-end tests can compute the codes.
 */
export async function seedDemoStaff(db: Kysely<Database>, key: Buffer, opts: { totpSecret?: string; now?: Date } = {}): Promise<void> {
  const now = (opts.now ?? new Date()).toISOString();
  const secret = opts.totpSecret ? base32Decode(opts.totpSecret) : undefined;
  if (secret && secret.length < 10) throw new Error('DEMO_TOTP_SECRET must be base32 of at least 10 bytes');
  demoHash ??= hashPassword(DEMO_STAFF_PASSWORD);
  const passwordHash = await demoHash;
  await db.transaction().execute(async (trx) => {
    for (const s of DEMO_STAFF) {
      const exists = await trx.selectFrom('staff_users').select(['id', 'totp_enabled_at', 'enrolment_code_expires_at']).where('id', '=', s.id).executeTakeFirst();
      const totp = secret && !exists?.totp_enabled_at ? { totp_secret: sealSecret(key, secret, secretAad(s.id)), totp_enabled_at: now } : undefined;
      const code = enrolmentCodeColumns(s.id, DEMO_ENROLMENT_CODE, new Date(now));
      const renewCode = exists && !exists.totp_enabled_at && !totp && !(exists.enrolment_code_expires_at && exists.enrolment_code_expires_at > now);
      if (!exists) {
        await trx
          .insertInto('staff_users')
          .values({
            id: s.id,
            jobcenter_id: s.jobcenterId,
            email: s.email,
            name: s.name,
            password_hash: passwordHash,
            roles: JSON.stringify(s.roles),
            totp_secret: totp?.totp_secret ?? null,
            totp_enabled_at: totp?.totp_enabled_at ?? null,
            totp_last_step: null,
            recovery_codes: '[]',
            ...code,
            created_at: now,
            last_sign_in_at: null,
          })
          .execute();
      } else if (totp) {
        await trx.updateTable('staff_users').set(totp).where('id', '=', s.id).execute();
      } else if (renewCode) {
        await trx.updateTable('staff_users').set(code).where('id', '=', s.id).execute();
      }
    }
  });
}
