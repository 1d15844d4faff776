/**
 * Caseworker inbox and audit log: work items get a version (REL-02), an assignee, a deadline and folded search
 * keys with the indexes of the inbox queries (PERF-03); `audit_log` is the append-only, hash-chained log (SEC-40)
 * and `audit_head` its single chain-head row (serialises appends, detects a cut-off tail).
 */
import { type Kysely, PostgresAdapter, sql } from 'kysely';

/** Hash of the (empty) chain before the first row. */
const GENESIS = '0'.repeat(64);

/** Creates the columns, indexes and audit tables; backfills the search keys of existing work items. */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  // Byte order on both engines: prefix ranges (`>= 'mull' and < 'mulm'`) mean "starts with" whatever the
  // database collation is (SQLite compares text as bytes by default).
  const keyType = pg ? sql`text collate "C"` : sql`text`;

  // SQLite adds one column per ALTER TABLE.
  await db.schema.alterTable('work_items').addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  await db.schema.alterTable('work_items').addColumn('assignee_id', 'text', (c) => c.references('staff_users.id')).execute();
  await db.schema.alterTable('work_items').addColumn('deadline', 'text').execute();
  await db.schema.alterTable('work_items').addColumn('search_key', keyType, (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('work_items').addColumn('search_number', keyType, (c) => c.notNull().defaultTo('')).execute();

  // Backfill from the title ("TdA TDA-2026-7K3M9Q – Müller, Erika …"); a frozen copy of the app's folding.
  const rows: { id: string; title: string }[] = await db.selectFrom('work_items').select(['id', 'title']).execute();
  for (const r of rows) {
    const m = /^\S+\s+(\S+)\s+–\s+(.+?)(?:\s+–\s+.*)?$/.exec(r.title);
    await db
      .updateTable('work_items')
      .set({ search_key: fold(m ? m[2] : r.title), search_number: m ? fold(m[1]) : '' })
      .where('id', '=', r.id)
      .execute();
  }

  // Every page query is an equality prefix followed by the keyset (created_at, id), so each index ends with it.
  // (postkorb_id, status, created_at, id) exists since the core migration.
  const indexes: [string, string[]][] = [
    ['work_items_postkorb_created_idx', ['postkorb_id', 'created_at', 'id']],
    ['work_items_jc_status_idx', ['jobcenter_id', 'status', 'created_at', 'id']],
    ['work_items_jc_created_idx', ['jobcenter_id', 'created_at', 'id']],
    ['work_items_assignee_idx', ['assignee_id', 'status', 'created_at', 'id']],
    ['work_items_jc_search_idx', ['jobcenter_id', 'search_key']],
    ['work_items_jc_number_idx', ['jobcenter_id', 'search_number']],
  ];
  for (const [name, columns] of indexes) await db.schema.createIndex(name).on('work_items').columns(columns).execute();
  // Only the few open items with a deadline: the first phase of the "deadline" sort.
  await sql`create index work_items_deadline_idx on work_items (jobcenter_id, deadline, created_at, id)
    where deadline is not null and status <> 'erledigt'`.execute(db);
  if (!pg) await fixSqlitePlans(db);
  await createOpenCounts(db, pg);

  await db.schema
    .createTable('audit_log')
    .addColumn('seq', pg ? 'bigint' : 'integer', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('actor_role', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('object_type', 'text', (c) => c.notNull())
    .addColumn('object_id', 'text')
    .addColumn('request_id', 'text')
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_object_idx').on('audit_log').columns(['object_type', 'object_id', 'seq']).execute();

  await db.schema
    .createTable('audit_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('seq', pg ? 'bigint' : 'integer', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.insertInto('audit_head').values({ id: 1, seq: 0, hash: GENESIS }).execute();
}

/**
 * Open items (status other than 'erledigt') per Postkorb and type, kept by triggers on every insert, delete and
 * move of a work item: the inbox shows the counts of all Postkörbe on each page, which a count over a million items
 * could not do in time (PERF-03). A claim (neu → in_bearbeitung) does not fire them.
 */
async function createOpenCounts(db: Kysely<any>, pg: boolean): Promise<void> {
  await db.schema
    .createTable('postkorb_open_counts')
    .addColumn('postkorb_id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('open', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('postkorb_open_counts_pk', ['postkorb_id', 'type'])
    .execute();
  const moved = (o: string, n: string) =>
    `(${o}.status <> 'erledigt') ${pg ? 'is distinct from' : 'is not'} (${n}.status <> 'erledigt') or ${o}.postkorb_id <> ${n}.postkorb_id or ${o}.type <> ${n}.type`;
  if (pg) {
    await sql.raw(`create function work_items_open_count() returns trigger language plpgsql as $$
      begin
        if tg_op in ('UPDATE', 'DELETE') and old.status <> 'erledigt' then
          update postkorb_open_counts set open = open - 1 where postkorb_id = old.postkorb_id and type = old.type;
        end if;
        if tg_op in ('UPDATE', 'INSERT') and new.status <> 'erledigt' then
          insert into postkorb_open_counts (postkorb_id, type, open) values (new.postkorb_id, new.type, 1)
          on conflict (postkorb_id, type) do update set open = postkorb_open_counts.open + 1;
        end if;
        return null;
      end $$`).execute(db);
    const fn = 'for each row execute function work_items_open_count()';
    await sql.raw(`create trigger work_items_open_ins after insert on work_items ${fn}`).execute(db);
    await sql.raw(`create trigger work_items_open_del after delete on work_items ${fn}`).execute(db);
    await sql.raw(`create trigger work_items_open_upd after update of status, postkorb_id, type on work_items for each row when (${moved('old', 'new')}) execute function work_items_open_count()`).execute(db);
  } else {
    const inc = (r: string) => `insert into postkorb_open_counts (postkorb_id, type, open) select ${r}.postkorb_id, ${r}.type, 1 where ${r}.status <> 'erledigt'
      on conflict (postkorb_id, type) do update set open = open + 1;`;
    const dec = (r: string) => `update postkorb_open_counts set open = open - 1 where ${r}.status <> 'erledigt' and postkorb_id = ${r}.postkorb_id and type = ${r}.type;`;
    await sql.raw(`create trigger work_items_open_ins after insert on work_items begin ${inc('new')} end`).execute(db);
    await sql.raw(`create trigger work_items_open_del after delete on work_items begin ${dec('old')} end`).execute(db);
    await sql.raw(`create trigger work_items_open_upd after update of status, postkorb_id, type on work_items when ${moved('old', 'new')} begin ${dec('old')} ${inc('new')} end`).execute(db);
  }
  await sql`insert into postkorb_open_counts (postkorb_id, type, open)
    select postkorb_id, type, count(*) from work_items where status <> 'erledigt' group by postkorb_id, type`.execute(db);
}

/** Drops the audit tables, open counts, indexes and columns. */
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['work_items_open_ins', 'work_items_open_del', 'work_items_open_upd']) {
    await sql.raw(`drop trigger if exists ${t}${db.getExecutor().adapter instanceof PostgresAdapter ? ' on work_items' : ''}`).execute(db);
  }
  if (db.getExecutor().adapter instanceof PostgresAdapter) await sql`drop function if exists work_items_open_count()`.execute(db);
  await db.schema.dropTable('postkorb_open_counts').ifExists().execute();
  await db.schema.dropTable('audit_head').ifExists().execute();
  await db.schema.dropTable('audit_log').ifExists().execute();
  for (const name of [
    'work_items_deadline_idx', 'work_items_jc_number_idx', 'work_items_jc_search_idx',
    'work_items_assignee_idx', 'work_items_jc_created_idx', 'work_items_jc_status_idx', 'work_items_postkorb_created_idx',
  ]) {
    await db.schema.dropIndex(name).ifExists().execute();
  }
  for (const column of ['search_number', 'search_key', 'deadline', 'assignee_id', 'version']) {
    await db.schema.alterTable('work_items').dropColumn(column).execute();
  }
}

/**
 * SQLite plans without statistics assume ~10 rows per key of any index, so `jobcenter_id = ?` looks as selective as
 * `postkorb_id = ?` and the planner walks the whole jobcenter in created_at order rather than one Postkorb or the
 * search range. Representative statistics of a large inbox (1M items, ~5 jobcenters, ~30 Postkörbe, 3 statuses)
 * fix the plans from day one (sqlite.org/queryplanner-ng.html, "checklist": fixed sqlite_stat1). A later ANALYZE
 * or `PRAGMA optimize` replaces them with measured ones. An index added later needs its row here too.
 */
async function fixSqlitePlans(db: Kysely<any>): Promise<void> {
  const stats: [string, string][] = [
    ['sqlite_autoindex_work_items_1', '1000000 1'],
    ['sqlite_autoindex_work_items_2', '1000000 250000 1'],
    ['work_items_inbox_idx', '1000000 33000 11000 1 1'],
    ['work_items_postkorb_created_idx', '1000000 33000 1 1'],
    ['work_items_jc_status_idx', '1000000 200000 70000 1 1'],
    ['work_items_jc_created_idx', '1000000 200000 1 1'],
    ['work_items_assignee_idx', '1000000 1000 300 1 1'],
    ['work_items_jc_search_idx', '1000000 200000 3'],
    ['work_items_jc_number_idx', '1000000 200000 1'],
    ['work_items_deadline_idx', '20000 4000 20 1 1'],
  ];
  await sql`analyze work_items`.execute(db); // creates sqlite_stat1 if it is missing
  await sql`delete from sqlite_stat1 where tbl = 'work_items'`.execute(db);
  for (const [idx, stat] of stats) await sql`insert into sqlite_stat1 (tbl, idx, stat) values ('work_items', ${idx}, ${stat})`.execute(db);
  await sql`analyze sqlite_schema`.execute(db); // reload the statistics on this connection
}

/** Lower case, diacritics folded (ü→u, ß→ss, Ł→l), punctuation to single spaces. */
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
