/**
 * Blocking keys of the duplicate check: each register person is stored under a few keys (birth date, RV-Nr,
 * surname sound + birth year, surname + first-name sound, postal code + first initial), so the check reads only
 * the persons sharing a key with an Internetperson instead of the whole register. The primary key (key,
 * person_id) is the lookup index. Existing persons are backfilled with a frozen copy of the key function of
 * server/persons/blocking-keys.ts (migrations never import app code; a test compares both).
 */
import type { Kysely } from 'kysely';

/** Creates person_keys and fills it for the persons already registered. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('person_keys')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
    .addPrimaryKeyConstraint('person_keys_pk', ['key', 'person_id'])
    .execute();
  await db.schema.createIndex('person_keys_person_idx').on('person_keys').column('person_id').execute();

  let after = '';
  for (;;) {
    const rows = await db
      .selectFrom('persons')
      .select(['id', 'first_name', 'last_name', 'birth_date', 'postal_code', 'rv_nr'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(500)
      .execute();
    if (!rows.length) break;
    const keys = rows.flatMap((r) => keysOf(r).map((key) => ({ key, person_id: r.id })));
    for (let i = 0; i < keys.length; i += 1000)
      await db
        .insertInto('person_keys')
        .values(keys.slice(i, i + 1000))
        .execute();
    after = rows[rows.length - 1].id;
  }
}

/** Drops person_keys. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('person_keys').execute();
}

// Frozen copy (as of this migration) of foldSearch, the Kölner Phonetik and registerKeys.

function fold(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/[Łł]/g, 'l')
    .replace(/[Øø]/g, 'o')
    .replace(/[Ææ]/g, 'ae')
    .replace(/[Đđ]/g, 'd')
    .replace(/ı/g, 'i')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}-]+/gu, ' ')
    .trim();
}

function letterCode(c: string, prev: string, next: string, first: boolean): string {
  if ('aeijouy'.includes(c)) return '0';
  if (c === 'b') return '1';
  if (c === 'p') return next === 'h' ? '3' : '1';
  if (c === 'd' || c === 't') return 'csz'.includes(next) && next ? '8' : '2';
  if ('fvw'.includes(c)) return '3';
  if ('gkq'.includes(c)) return '4';
  if (c === 'c') {
    if (first) return next && 'ahkloqrux'.includes(next) ? '4' : '8';
    if (prev && 'sz'.includes(prev)) return '8';
    return next && 'ahkoqux'.includes(next) ? '4' : '8';
  }
  if (c === 'x') return prev && 'ckq'.includes(prev) ? '8' : '48';
  if (c === 'l') return '5';
  if (c === 'm' || c === 'n') return '6';
  if (c === 'r') return '7';
  if (c === 's' || c === 'z') return '8';
  return '';
}

function phonetic(name: string): string {
  const s = fold(name).replace(/[^a-z]/g, '');
  let digits = '';
  for (let i = 0; i < s.length; i++) digits += letterCode(s[i], s[i - 1] ?? '', s[i + 1] ?? '', i === 0);
  let collapsed = '';
  for (const d of digits) if (d !== collapsed[collapsed.length - 1]) collapsed += d;
  return collapsed.slice(0, 1) + collapsed.slice(1).replace(/0/g, '');
}

function keysOf(r: {
  first_name: string;
  last_name: string;
  birth_date: string;
  postal_code: string;
  rv_nr: string | null;
}): string[] {
  const keys = new Set<string>();
  if (r.birth_date) keys.add(`b:${r.birth_date}`);
  const rv = (r.rv_nr ?? '').replace(/\s+/g, '').toUpperCase();
  if (rv) keys.add(`r:${rv}`);
  const year = /^\d{4}-/.test(r.birth_date) ? r.birth_date.slice(0, 4) : '';
  const [f, l] = [phonetic(r.first_name), phonetic(r.last_name)];
  if (l && year) keys.add(`n:${l}:${year}`);
  if (l && f) keys.add(`v:${l}:${f}`);
  const i = fold(r.first_name)
    .replace(/[^\p{L}]/gu, '')
    .slice(0, 1);
  if (r.postal_code && i) keys.add(`p:${r.postal_code}:${i}`);
  return [...keys];
}
