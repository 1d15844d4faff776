import { randomUUID } from 'node:crypto';
import { CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../server/audit/audit.js';
import { type InboxFilter, type InboxSort, inboxPageQuery, listInboxRows } from '../../server/inbox/inbox.repository.js';
import { BROAD, isBroadSearch } from '../../server/inbox/inbox.search.js';
import { foldSearch, searchKeysOf } from '../../server/inbox/search-key.js';
import type { WorkItemsTable } from '../../server/work-items/work-items.table.js';
import { Agent, applicant, createTestApp, DIALECTS, staffAgent, type StaffAgent, tdaBody, type TestApp } from './harness.js';

const DAY = 24 * 60 * 60 * 1000;
const LEA = 'staff-musterstadt-leistung';
const SABINE = 'staff-musterstadt-teamleitung';
const LEISTUNG_TYPES = ['tda', 'ade', 'mws_reply'];
const OPEN = ['neu', 'in_bearbeitung'];

type Item = WorkItemsTable;

describe.each(DIALECTS)('caseworker inbox on %s', (dialect) => {
  let t: TestApp;
  let lea: StaffAgent; // leistung, Musterstadt
  let sabine: StaffAgent; // teamleitung, Musterstadt
  let mika: StaffAgent; // markt_integration, Musterstadt
  let jonas: StaffAgent; // leistung, Beispielkreis
  let seq = 0;

  /** Inserts a work item directly (titles as routing writes them), `ageMs` before now. */
  async function seed(over: Partial<Item> & { name?: string; ageMs?: number } = {}): Promise<Item> {
    const { name = `Muster${++seq}, Erika`, ageMs = 0, ...rest } = over;
    const id = randomUUID();
    const title = `TdA TDA-2026-T${String(++seq).padStart(5, '0')} – ${name}`;
    const row: Item = {
      id,
      jobcenter_id: 'musterstadt',
      postkorb_id: 'musterstadt-eingang',
      type: 'tda',
      status: 'neu',
      ref_id: id,
      title,
      rule_id: null,
      created_at: new Date(t.clock.now().getTime() - ageMs).toISOString(),
      version: 1,
      assignee_id: null,
      deadline: null,
      ...searchKeysOf(title),
      ...rest,
    };
    await t.deps.db.db.insertInto('work_items').values(row).execute();
    return row;
  }

  async function postkorb(id: string, jobcenterId = 'musterstadt'): Promise<void> {
    await t.deps.db.db.insertInto('postkoerbe').values({ id, jobcenter_id: jobcenterId, name: `Test ${id}`, is_default: 0 }).execute();
  }

  /** Follows `next` to the end; returns the ids in page order. */
  async function walk(a: Agent, params: Record<string, string>, between?: () => Promise<void>): Promise<string[]> {
    const ids: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 200; page++) {
      const qs = new URLSearchParams({ ...params, ...(after ? { after } : {}) });
      const res = await a.get(`/api/staff/inbox?${qs}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      ids.push(...res.body.items.map((i: { id: string }) => i.id));
      after = res.body.next;
      if (!after) return ids;
      await between?.();
    }
    throw new Error('too many pages');
  }

  const byOldest = (a: Item, b: Item) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : a.id < b.id ? -1 : 1);
  /** Open items with a deadline first (earliest first), then the rest oldest first: a done item's deadline is over. */
  const byDeadline = (a: Item, b: Item) => {
    const [da, db] = [a.status !== 'erledigt' && a.deadline, b.status !== 'erledigt' && b.deadline];
    return da && db ? (da < db ? -1 : da > db ? 1 : byOldest(a, b)) : da ? -1 : db ? 1 : byOldest(a, b);
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    lea = await staffAgent(t, { email: 'leistung@musterstadt.example' });
    sabine = await staffAgent(t, { email: 'teamleitung@musterstadt.example' });
    mika = await staffAgent(t, { email: 'integration@musterstadt.example' });
    jonas = await staffAgent(t, { email: 'leistung@beispielkreis.example' });
  });
  afterAll(() => t.close());

  it('answers 401 without a staff session (an applicant session does not count) and 403 for roles without an inbox', async () => {
    const item = await seed();
    const anonymous = new Agent(t);
    const citizen = await applicant(t);
    for (const a of [anonymous, citizen]) {
      expect((await a.get('/api/staff/inbox')).status).toBe(401);
      expect((await a.get('/api/staff/colleagues')).status).toBe(401);
      expect((await a.post(`/api/staff/work-items/${item.id}/claim`, {}, { 'if-match': '"1"' })).status).toBe(401);
    }
    for (const email of ['support@regionaldirektion.example', 'rd-admin@regionaldirektion.example', 'admin@musterstadt.example']) {
      const a = await staffAgent(t, { email });
      expect((await a.get('/api/staff/inbox')).status, email).toBe(403);
      expect((await a.get('/api/staff/colleagues')).status, email).toBe(403);
      expect((await a.get(`/api/staff/work-items/${item.id}`)).status, email).toBe(403);
      expect((await a.post(`/api/staff/work-items/${item.id}/claim`, {}, { 'if-match': '"1"' })).status, email).toBe(403);
    }
  });

  it('finds a routed TdA by name with or without umlauts, and by number', async () => {
    const a = await applicant(t);
    const tda = await a.post('/api/tda', tdaBody({ lastName: 'Müller', firstName: 'Jürgen' }), { 'idempotency-key': 'inbox-search-0001' });
    expect(tda.status).toBe(201);
    await t.outbox.drain();
    const row = await t.deps.db.db.selectFrom('work_items').selectAll().where('ref_id', '=', tda.body.id).executeTakeFirstOrThrow();
    expect(row.search_key).toBe('muller jurgen');
    for (const q of ['mull', 'müll', 'MÜLL', 'Müller, J', tda.body.number.slice(0, 10).toLowerCase(), tda.body.number]) {
      const res = await lea.get(`/api/staff/inbox?${new URLSearchParams({ q })}`);
      expect(res.status).toBe(200);
      expect(res.body.items.map((i: { id: string }) => i.id), q).toContain(row.id);
    }
    for (const q of ['muell', 'üller', 'jürgen müller']) {
      const res = await lea.get(`/api/staff/inbox?${new URLSearchParams({ q })}`);
      expect(res.body.items.map((i: { id: string }) => i.id), q).not.toContain(row.id);
    }
  });

  it('shows only her jobcenter and the types of her roles; foreign items are 404 on open, claim and assign', async () => {
    const mine = { tda: await seed(), ade: await seed({ type: 'ade' }), reply: await seed({ type: 'mws_reply' }), oap: await seed({ type: 'oap' }) };
    const foreign = await seed({ jobcenter_id: 'beispielkreis', postkorb_id: 'beispielkreis-eingang' });
    const all = await t.deps.db.db.selectFrom('work_items').selectAll().execute();
    const scoped = (jc: string, types: string[]) => all.filter((i) => i.jobcenter_id === jc && types.includes(i.type)).map((i) => i.id).sort();

    expect((await walk(lea, { limit: '100' })).sort()).toEqual(scoped('musterstadt', LEISTUNG_TYPES));
    expect((await walk(mika, {})).sort()).toEqual(scoped('musterstadt', ['oap']));
    expect((await walk(jonas, {})).sort()).toEqual(scoped('beispielkreis', LEISTUNG_TYPES));
    expect(scoped('musterstadt', LEISTUNG_TYPES)).toEqual(expect.arrayContaining([mine.tda.id, mine.ade.id, mine.reply.id]));
    // Filters cannot widen the scope: a type or Postkorb outside it is just an empty page.
    expect((await lea.get('/api/staff/inbox?type=oap')).body.items).toEqual([]);
    expect((await lea.get('/api/staff/inbox?postkorb=beispielkreis-eingang')).body.items).toEqual([]);

    const denied: [StaffAgent, Item][] = [[jonas, mine.tda], [lea, foreign], [lea, mine.oap], [mika, mine.tda]];
    for (const [a, item] of denied) {
      expect((await a.get(`/api/staff/work-items/${item.id}`)).status).toBe(404);
      expect((await a.post(`/api/staff/work-items/${item.id}/claim`, {}, { 'if-match': '"1"' })).status).toBe(404);
      expect((await a.post(`/api/staff/work-items/${item.id}/assign`, { staffId: null }, { 'if-match': '"1"' })).status).toBe(404);
    }
    for (const id of [randomUUID(), 'not-a-uuid']) expect((await lea.post(`/api/staff/work-items/${id}/claim`, {}, { 'if-match': '"1"' })).status).toBe(404);
    const untouched = await t.deps.db.db.selectFrom('work_items').select(['version', 'assignee_id']).where('id', 'in', [mine.tda.id, foreign.id, mine.oap.id]).execute();
    expect(untouched.every((r) => Number(r.version) === 1 && r.assignee_id === null)).toBe(true);
  });

  it('filters by Postkorb, type, status, assignee and age and sorts oldest, newest and by deadline across pages', async () => {
    await postkorb('musterstadt-filter');
    const p = 'musterstadt-filter';
    const items: Item[] = [];
    const statuses = ['neu', 'in_bearbeitung', 'erledigt'];
    for (let i = 0; i < 14; i++) {
      items.push(
        await seed({
          postkorb_id: p,
          type: i % 4 === 0 ? 'ade' : 'tda',
          status: statuses[i % 3],
          assignee_id: i % 3 === 1 ? (i % 2 ? LEA : SABINE) : null,
          // Pairs share a creation instant: the id decides their order.
          ageMs: Math.floor(i / 2) * 3 * DAY,
          deadline: i % 5 === 2 ? `2026-12-${String(10 + (i % 3)).padStart(2, '0')}` : null,
        }),
      );
    }
    const cases: [Record<string, string>, (i: Item) => boolean, (a: Item, b: Item) => number][] = [
      [{}, () => true, byOldest],
      [{ sort: 'newest' }, () => true, (a, b) => byOldest(b, a)],
      [{ sort: 'deadline' }, () => true, byDeadline],
      [{ status: 'neu' }, (i) => i.status === 'neu', byOldest],
      [{ type: 'ade' }, (i) => i.type === 'ade', byOldest],
      [{ assignee: 'me' }, (i) => i.assignee_id === LEA, byOldest],
      [{ assignee: 'none', sort: 'newest' }, (i) => i.assignee_id === null, (a, b) => byOldest(b, a)],
      [{ olderThanDays: '10' }, (i) => Date.parse(i.created_at) < t.clock.now().getTime() - 10 * DAY, byOldest],
      [{ status: 'in_bearbeitung', sort: 'deadline' }, (i) => i.status === 'in_bearbeitung', byDeadline],
    ];
    for (const [params, keep, order] of cases) {
      const expected = items.filter(keep).sort(order).map((i) => i.id);
      expect(await walk(lea, { postkorb: p, limit: '3', ...params }), JSON.stringify(params)).toEqual(expected);
    }
    const page = await lea.get(`/api/staff/inbox?postkorb=${p}&assignee=me&limit=1`);
    expect(page.body.items[0]).toMatchObject({ postkorbId: p, postkorbName: `Test ${p}`, assignee: { id: LEA, name: 'Lea Becker' }, version: 1 });
  });

  it('keyset pages list every item exactly once while new items arrive', async () => {
    for (const sort of ['oldest', 'newest', 'deadline']) {
      const p = `musterstadt-keyset-${sort}`;
      await postkorb(p);
      const before: Item[] = [];
      for (let i = 0; i < 30; i++) before.push(await seed({ postkorb_id: p, ageMs: (30 - i) * 60_000, deadline: i % 7 === 0 ? `2026-12-${10 + (i % 4)}` : null }));
      const seen = await walk(lea, { postkorb: p, sort, limit: '4' }, async () => {
        // Concurrent routing: new items (some with deadlines) between and during page reads.
        await Promise.all([seed({ postkorb_id: p }), seed({ postkorb_id: p, deadline: '2026-12-01' }), lea.get(`/api/staff/inbox?postkorb=${p}`)]);
      });
      expect(new Set(seen).size, sort).toBe(seen.length);
      for (const i of before) expect(seen.filter((id) => id === i.id), `${sort} ${i.id}`).toHaveLength(1);
    }
  });

  it('searches a very common name prefix by walking the page index, with the same pages as the index range', async () => {
    // Hafenstadt only: BROAD matches of "schm" make the name search a filtered walk in created_at order.
    const rows: Item[] = [];
    for (let i = 0; i < BROAD + 700; i++) {
      const name = i % 10 === 9 ? `Schüler, Jörg` : i % 2 ? `Schmidt, Ömer` : `Schmitz, Anna`;
      const title = `TdA TDA-2026-H${String(i).padStart(6, '0')} – ${name}`;
      const id = randomUUID();
      rows.push({
        id, jobcenter_id: 'hafenstadt', postkorb_id: 'hafenstadt-eingang', type: i % 2 ? 'tda' : 'ade', status: i % 4 ? 'neu' : 'erledigt',
        ref_id: id, title, rule_id: null, created_at: new Date(Date.UTC(2026, 0, 1) + (i % 500) * 60_000).toISOString(),
        version: 1, assignee_id: null, deadline: null, ...searchKeysOf(title),
      });
    }
    for (let i = 0; i < rows.length; i += 1000) await t.deps.db.db.insertInto('work_items').values(rows.slice(i, i + 1000)).execute();
    const db = t.deps.db.db;
    expect(await isBroadSearch(db, 'hafenstadt', 'schm')).toBe(true);
    expect(await isBroadSearch(db, 'hafenstadt', 'schu')).toBe(false);
    expect(await isBroadSearch(db, 'musterstadt', 'schm')).toBe(false);
    const aylin = await staffAgent(t, { email: 'leistung@hafenstadt.example' });
    for (const [q, status, sort] of [['Schm', 'neu', 'newest'], ['SCHMI', '', 'oldest'], ['schmitz a', 'neu', 'oldest']] as const) {
      const folded = foldSearch(q);
      const keep = (r: Item) => r.search_key.startsWith(folded) && (!status || r.status === status);
      const expected = rows.filter(keep).sort(sort === 'newest' ? (a, b) => byOldest(b, a) : byOldest).slice(0, 120).map((r) => r.id);
      const params = { q, sort, limit: '40', ...(status ? { status } : {}) };
      const seen = (await walk(aylin, params)).slice(0, 120);
      expect(seen, q).toEqual(expected);
      // The same rows through the index range (as for a rare name).
      const filter = { jobcenterId: 'hafenstadt', types: LEISTUNG_TYPES, q: folded, ...(status ? { status } : {}) };
      const [scan, range] = await Promise.all([listInboxRows(db, { ...filter, qScan: true }, sort, 60), listInboxRows(db, { ...filter, qScan: false }, sort, 60)]);
      expect(scan.map((r) => r.id)).toEqual(range.map((r) => r.id));
    }
  });

  it.runIf(dialect === 'sqlite')('plans every page query on an index, with the statistics the migration ships (PERF-03)', async () => {
    const filters: [Partial<InboxFilter>, InboxSort][] = [
      [{ postkorbId: 'musterstadt-eingang', status: 'neu' }, 'oldest'],
      [{ postkorbId: 'musterstadt-eingang' }, 'newest'],
      [{ status: 'in_bearbeitung' }, 'newest'],
      [{ assigneeId: LEA }, 'oldest'],
      [{ q: 'mull', qScan: false }, 'oldest'],
      [{ q: 'tda-2026', qScan: false }, 'oldest'],
      [{}, 'deadline'],
    ];
    for (const [f, sort] of filters) {
      const q = inboxPageQuery(t.deps.db.db, { jobcenterId: 'musterstadt', types: LEISTUNG_TYPES, ...f }, { sort, limit: 51, deadlinePhase: sort === 'deadline' }).compile();
      const plan = await t.deps.db.db.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${q.sql}`, [...q.parameters]));
      const text = plan.rows.map((r) => r.detail).join(' | ');
      expect(text, JSON.stringify(f)).toMatch(/SEARCH work_items USING (COVERING )?INDEX work_items_(inbox|postkorb_created|jc_status|assignee|jc_search|jc_number|deadline)_idx/);
    }
  });

  it('rejects a tampered cursor, a cursor of another sort order and malformed queries with 400', async () => {
    await postkorb('musterstadt-cursor');
    for (let i = 0; i < 3; i++) await seed({ postkorb_id: 'musterstadt-cursor' });
    const first = await lea.get('/api/staff/inbox?postkorb=musterstadt-cursor&limit=1');
    const next: string = first.body.next;
    expect(next).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
    expect((await lea.get(`/api/staff/inbox?postkorb=musterstadt-cursor&limit=1&after=${next}`)).status).toBe(200);
    const [payload, mac] = next.split('.');
    const decoded = Buffer.from(payload, 'base64url').toString('utf8');
    const forged = Buffer.from(decoded.replace(/\d(?=Z\|)/, (d) => String((Number(d) + 1) % 10)), 'utf8').toString('base64url');
    const flipped = next.slice(0, 5) + (next[5] === 'A' ? 'B' : 'A') + next.slice(6);
    for (const after of [`${forged}.${mac}`, flipped, 'abc', `${payload}.`, 'x'.repeat(200)]) {
      const res = await lea.get(`/api/staff/inbox?${new URLSearchParams({ postkorb: 'musterstadt-cursor', limit: '1', after })}`);
      expect(res.status, after).toBe(400);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['after']);
    }
    expect((await lea.get(`/api/staff/inbox?postkorb=musterstadt-cursor&sort=newest&after=${next}`)).status).toBe(400);
    for (const qs of ['limit=0', 'limit=101', 'assignee=someone', 'sort=random', 'status=open', 'olderThanDays=-1', 'foo=1', `q=${'a'.repeat(101)}`]) {
      const res = await lea.get(`/api/staff/inbox?${qs}`);
      expect(res.status, qs).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
  });

  it('claim needs If-Match; two caseworkers claiming version 1 get one 200 and one 412 with the current item', async () => {
    const item = await seed();
    const url = `/api/staff/work-items/${item.id}/claim`;
    expect((await lea.post(url, {})).status).toBe(428);
    expect((await lea.post(url, {}, { 'if-match': '*' })).status).toBe(428);
    expect((await lea.request('POST', url, { raw: '{}', headers: { 'content-type': 'text/plain', 'if-match': '"1"' } })).status).toBe(415);
    const results = await Promise.all([lea.post(url, {}, { 'if-match': '"1"' }), sabine.post(url, {}, { 'if-match': '"1"' })]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
    const won = results.find((r) => r.status === 200)!;
    const lost = results.find((r) => r.status === 412)!;
    expect(won.headers.get('etag')).toBe('"2"');
    expect(won.body).toMatchObject({ id: item.id, version: 2, status: 'in_bearbeitung' });
    expect(lost.body.current).toEqual(won.body);
    expect(lost.headers.get('etag')).toBe('"2"');
    // The loser saw the current version and may take the item over deliberately.
    const loser = won === results[0] ? sabine : lea;
    const taken = await loser.post(url, {}, { 'if-match': '"2"' });
    expect(taken.status).toBe(200);
    expect(taken.body).toMatchObject({ version: 3, assignee: { id: loser.staff.id, name: loser.staff.name } });
    const mine = await loser.get('/api/staff/inbox?assignee=me&limit=100');
    expect(mine.body.items.map((i: { id: string }) => i.id)).toContain(item.id);
  });

  it('assigns to a colleague of her jobcenter who may see the item, releases, and never takes fields from the body', async () => {
    const item = await seed();
    const url = `/api/staff/work-items/${item.id}/assign`;
    expect((await lea.post(url, { staffId: SABINE })).status).toBe(428);
    for (const staffId of ['staff-musterstadt-integration', 'staff-beispielkreis-leistung', 'staff-musterstadt-admin', 'nobody']) {
      const res = await lea.post(url, { staffId }, { 'if-match': '"1"' });
      expect(res.status, staffId).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ path: 'staffId', code: 'unknown_staff' })]);
    }
    const mass = await lea.post(url, { staffId: SABINE, status: 'erledigt', jobcenterId: 'beispielkreis' }, { 'if-match': '"1"' });
    expect(mass.status).toBe(400);
    const assigned = await lea.post(url, { staffId: SABINE }, { 'if-match': '"1"' });
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({ version: 2, status: 'neu', assignee: { id: SABINE, name: 'Sabine Keller' } });
    expect((await lea.post(url, { staffId: null }, { 'if-match': '"1"' })).status).toBe(412);
    const released = await lea.post(url, { staffId: null }, { 'if-match': '"2"' });
    expect(released.body).toMatchObject({ version: 3, assignee: null });

    expect((await lea.get('/api/staff/colleagues')).body).toEqual([{ id: LEA, name: 'Lea Becker' }, { id: SABINE, name: 'Sabine Keller' }]);
    expect((await mika.get('/api/staff/colleagues')).body).toEqual([{ id: 'staff-musterstadt-integration', name: 'Mika Schulz' }]);
  });

  it('audits opening, claiming and assigning (not listing, not a lost race) without payload; the chain verifies', async () => {
    const item = await seed({ name: 'Geheimnis, Gisela' });
    const rowsOf = () => t.deps.db.db.selectFrom('audit_log').selectAll().where('object_id', '=', item.id).orderBy('seq').execute();
    await lea.get('/api/staff/inbox?q=geheimnis');
    expect(await rowsOf()).toHaveLength(0);
    const opened = await lea.get(`/api/staff/work-items/${item.id}`);
    expect(opened.status).toBe(200);
    expect(opened.headers.get('etag')).toBe('"1"');
    await lea.post(`/api/staff/work-items/${item.id}/claim`, {}, { 'if-match': '"1"' });
    await sabine.post(`/api/staff/work-items/${item.id}/claim`, {}, { 'if-match': '"1"' }); // 412: nothing written
    await lea.post(`/api/staff/work-items/${item.id}/assign`, { staffId: SABINE }, { 'if-match': '"2"' });
    await sabine.post(`/api/staff/work-items/${item.id}/assign`, { staffId: null }, { 'if-match': '"3"' });
    const rows = await rowsOf();
    expect(rows.map((r) => [r.action, r.actor_id, r.actor_role, r.object_type])).toEqual([
      ['read', LEA, 'leistung', 'work_item'],
      ['claim', LEA, 'leistung', 'work_item'],
      ['assign', LEA, 'leistung', 'work_item'],
      ['release', SABINE, 'teamleitung', 'work_item'],
    ]);
    expect(rows.every((r) => typeof r.request_id === 'string' && r.request_id.length > 0)).toBe(true);
    expect(JSON.stringify(rows)).not.toMatch(/Geheimnis|Gisela|geheimnis/);
    expect(Object.keys(rows[0]).sort()).toEqual(['action', 'actor_id', 'actor_role', 'at', 'hash', 'object_id', 'object_type', 'prev_hash', 'request_id', 'seq']);
    expect(await verifyAuditChain(t.deps.db.db)).toMatchObject({ ok: true });
  });

  it('counts open items per Postkorb of her jobcenter for her types, following claims, moves, completion and deletes', async () => {
    const [a, b, c] = [await seed({ postkorb_id: 'musterstadt-nord' }), await seed({ status: 'in_bearbeitung' }), await seed({ type: 'oap' })];
    const db = t.deps.db.db;
    await db.updateTable('work_items').set({ postkorb_id: 'musterstadt-u25', type: 'ade' }).where('id', '=', a.id).execute();
    await db.updateTable('work_items').set({ status: 'erledigt' }).where('id', '=', b.id).execute();
    await db.updateTable('work_items').set({ status: 'neu' }).where('id', '=', b.id).execute();
    await db.updateTable('work_items').set({ status: 'erledigt' }).where('id', '=', a.id).execute();
    await db.deleteFrom('work_items').where('id', '=', c.id).execute();
    const all = await t.deps.db.db.selectFrom('work_items').selectAll().where('jobcenter_id', '=', 'musterstadt').execute();
    const pks = await t.deps.db.db.selectFrom('postkoerbe').select(['id', 'name']).where('jobcenter_id', '=', 'musterstadt').execute();
    for (const [a, types] of [[lea, LEISTUNG_TYPES], [mika, ['oap']]] as [StaffAgent, string[]][]) {
      const res = await a.get('/api/staff/inbox?limit=1');
      const expected = pks.map((p) => ({ id: p.id, name: p.name, open: all.filter((i) => i.postkorb_id === p.id && OPEN.includes(i.status) && types.includes(i.type)).length }));
      expect([...res.body.postkoerbe].sort((x: { id: string }, y: { id: string }) => (x.id < y.id ? -1 : 1))).toEqual(expected.sort((x, y) => (x.id < y.id ? -1 : 1)));
      expect(res.body.postkoerbe[0].id).toBe('musterstadt-eingang');
    }
    expect((await jonas.get('/api/staff/inbox?limit=1')).body.postkoerbe.map((p: { id: string }) => p.id).sort()).toEqual(['beispielkreis-aussenstelle', 'beispielkreis-eingang']);
  });
});
