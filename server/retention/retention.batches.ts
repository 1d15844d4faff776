/** Batched deletion for the retention sweep: short transactions, one batch at a time. */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.js';

/** A transaction (or the database) of the sweep. */
export type Trx = Kysely<Database>;

/** The content is present (not yet deleted by retention). */
export const hasContent = sql<boolean>`length(content) > 0`;

/** Selects up to `batch` ids and deletes them, one transaction per batch, until a batch comes back short. */
export async function deleteInBatches(
  db: Kysely<Database>,
  batch: number,
  select: (trx: Trx) => { execute(): Promise<{ id: string }[]> },
  remove: (trx: Trx, ids: string[]) => Promise<{ numDeletedRows: bigint }>,
): Promise<number> {
  let total = 0;
  for (;;) {
    const { found, deleted } = await db.transaction().execute(async (trx) => {
      const ids = (await select(trx).execute()).map((r) => r.id);
      if (!ids.length) return { found: 0, deleted: 0 };
      const r = await remove(trx, ids);
      return { found: ids.length, deleted: Number(r.numDeletedRows) };
    });
    total += deleted;
    if (found < batch || deleted === 0) return total;
  }
}
