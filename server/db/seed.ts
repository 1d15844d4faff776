/** Seeds the demo jobcenters once (idempotent: existing ids are left alone). */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import { DEMO_JOBCENTERS } from '../jobcenters/demo-jobcenters.js';

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
  });
}

/** Sets the embedding origins of the demo jobcenters (ALLOWED_ORIGINS applies on every start, not only the first). */
export async function setDemoOrigins(db: Kysely<Database>, origins: string[]): Promise<void> {
  await db
    .updateTable('jobcenters')
    .set({ allowed_origins: JSON.stringify(origins) })
    .where('id', 'in', DEMO_JOBCENTERS.map((j) => j.id))
    .execute();
}
