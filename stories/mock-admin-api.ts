/** An in-memory admin API with the server's shapes (config, rules, origins, theme, simulation, exchange, feedback). */
import { diffConfig, positioned, simulate, validateRuleSet, type JobcenterConfig } from '../domain/admin-config.js';
import { fillPlaceholders, IBD_PLACEHOLDERS, placeholdersOf, type IbdVersionView } from '../domain/ibd.js';
import type { StaffView } from '../domain/staff.js';
import type { RolloutDetail, RolloutItem, RolloutState } from '../components/admin/admin-api.js';

type RolloutRow = { id: string; name: string; kind: 'ge' | 'zkt'; state: RolloutState & { modules: Record<string, boolean> }; version: number; history: RolloutDetail['history'] };
const ALL_ON = { tda: true, ade: true, ibd: true, mws: true, oap: true };

/** Jobcenters of the roll-out: Musterstadt live in the pilot, two later waves, a zkT not yet. */
export function sampleRollout(): RolloutRow[] {
  const row = (id: string, name: string, kind: 'ge' | 'zkt', wave: RolloutState['wave'], goLive: string | null, modules: Record<string, boolean>): RolloutRow => ({
    id, name, kind, state: { wave, goLive, modules }, version: 1, history: [],
  });
  const m = row('musterstadt', 'Jobcenter Musterstadt', 'ge', 'pilot', '2026-01-01', { ...ALL_ON, oap: false });
  m.version = 2;
  m.history = [{ version: 2, changedBy: 'Klaus Richter', changedAt: '2025-12-01T09:30:00.000Z', old: { wave: 'not_yet', goLive: null, modules: { ...ALL_ON, oap: false } }, new: { ...m.state } }];
  return [
    m,
    row('beispielkreis', 'Jobcenter Beispielkreis', 'ge', 'wave1', '2099-03-01', ALL_ON),
    row('hafenstadt', 'Jobcenter Hafenstadt', 'ge', 'wave2', null, ALL_ON),
    row('exempelkreis', 'Kommunales Jobcenter Exempelkreis', 'zkt', 'not_yet', null, { tda: false, ade: false, ibd: false, mws: false, oap: false }),
  ];
}

/** The signed-in admin of the mock: the jobcenter's own admin or the RD admin. */
export const ADMINS: Record<'admin' | 'rd', StaffView> = {
  admin: { id: 'staff-musterstadt-admin', name: 'Uwe Lorenz', email: 'admin@musterstadt.example', jobcenterId: 'musterstadt', roles: ['jobcenter_admin'] },
  rd: { id: 'staff-rd-admin', name: 'Klaus Richter', email: 'rd-admin@regionaldirektion.example', jobcenterId: null, roles: ['rd_admin'] },
};

/** A small configuration of Jobcenter Musterstadt. */
export function sampleConfig(): JobcenterConfig {
  return {
    schema: 'urn:jc:jobcenter-config',
    schemaVersion: 1,
    jobcenterId: 'musterstadt',
    exportedAt: '2026-11-25T10:00:00.000Z',
    postkoerbe: [
      { id: 'musterstadt-eingang', name: 'Eingangszone', isDefault: true },
      { id: 'musterstadt-u25', name: 'Team U25', isDefault: false },
      { id: 'musterstadt-a-k', name: 'Leistung A–K', isDefault: false },
      { id: 'musterstadt-l-z', name: 'Leistung L–Z', isDefault: false },
    ],
    rules: [
      { id: 'musterstadt-r1', name: 'Unter 25 Jahren → Team U25', condition: { ageUnder: 25 }, postkorbId: 'musterstadt-u25' },
      { id: 'musterstadt-r4', name: 'Nachname A–K', condition: { surnameFrom: 'A', surnameTo: 'K' }, postkorbId: 'musterstadt-a-k' },
      { id: 'musterstadt-r5', name: 'Nachname L–Z', condition: { surnameFrom: 'L', surnameTo: 'Z' }, postkorbId: 'musterstadt-l-z' },
    ],
    allowedOrigins: ['https://portal.example'],
    modules: { tda: true, ade: true, ibd: true, mws: true, oap: true },
    theme: 'musterstadt',
    contact: { phone: '0000 123450' },
  };
}

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());

/** IBD versions of Musterstadt: Erstantrag in force since 2026-01-01 and one scheduled for 2099. */
export function sampleIbd(): IbdVersionView[] {
  const v = (type: IbdVersionView['type'], version: number, text: string, weeks: number | null, effectiveFrom: string, current: boolean): IbdVersionView => ({
    id: `ibd-${type}-${version}`, type, version, text, textEn: null, weeks, effectiveFrom, createdBy: 'staff-musterstadt-admin', createdAt: '2026-01-01T08:00:00Z', current,
  });
  return [
    v('erstantrag', 1, 'Erstanträge bearbeiten wir in der Regel innerhalb von {weeks} Wochen, sobald alle Unterlagen vorliegen.', 3, '2026-01-01', true),
    v('erstantrag', 2, 'Ab 2099 bearbeiten wir Erstanträge innerhalb von {weeks} Wochen.', 2, '2099-01-01', false),
    v('weiterbewilligung', 1, 'Weiterbewilligungsanträge bearbeiten wir vor Ablauf Ihres Bewilligungszeitraums.', null, '2026-01-01', true),
  ];
}

/** Field errors of a new IBD version as the server gives them (codes of domain/ibd.ts and server/ibd). */
function ibdErrors(body: any): { path: string; code: string; message: string }[] {
  const out: { path: string; code: string; message: string }[] = [];
  const err = (path: string, code: string) => out.push({ path, code, message: `${path}: ${code}` });
  for (const k of ['text', 'textEn'] as const) {
    const t = typeof body[k] === 'string' ? body[k].trim() : undefined;
    if (t === undefined) { if (k === 'text') err(k, 'required'); continue; }
    if (t.length < 20) err(k, 'too_small');
    else if (t.length > 600) err(k, 'too_long');
    else if (!placeholdersOf(t).every((p) => (IBD_PLACEHOLDERS as readonly string[]).includes(p))) err(k, 'unknown_placeholder');
  }
  if (placeholdersOf(`${body.text ?? ''} ${body.textEn ?? ''}`).includes('weeks') && body.weeks === undefined) err('weeks', 'required');
  if (body.weeks !== undefined && !(Number.isInteger(body.weeks) && body.weeks >= 1 && body.weeks <= 52)) err('weeks', 'too_big');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(body.effectiveFrom ?? '')) err('effectiveFrom', 'invalid_date');
  else if (body.effectiveFrom < today()) err('effectiveFrom', 'date_in_past');
  return out;
}

/** Options of the mock. */
export interface AdminMockOptions {
  me?: 'admin' | 'rd' | 'none';
  /** A pending change imported by the other admin. */
  pendingByOther?: boolean;
}

/** The mock's state and its fetch. */
export class MockAdminApi {
  doc = sampleConfig();
  version = 3;
  changes: { id: string; status: string; createdBy: string; createdAt: string; diff: unknown[]; document: JobcenterConfig; base: number }[] = [];
  ibd = sampleIbd();
  feedback: { id: string; jobcenterId: string; staffId: string; text: string; createdAt: string }[] = [];
  rollout = sampleRollout();
  /** A problem the next roll-out PUT answers with (e.g. 403 or 400), then cleared. */
  rolloutProblem?: { status: number; body: Record<string, unknown> };
  calls: { method: string; path: string; body?: any; ifMatch?: string | null }[] = [];
  readonly me?: StaffView;

  constructor(o: AdminMockOptions = {}) {
    this.me = o.me === 'none' ? undefined : ADMINS[o.me ?? 'admin'];
    if (o.pendingByOther) {
      const next = { ...this.doc, theme: 'high-contrast' as const };
      this.changes.push({ id: 'c-other', status: 'pending', createdBy: 'staff-rd-admin', createdAt: '2026-11-25T09:00:00Z', diff: diffConfig(this.doc, next), document: next, base: 3 });
    }
  }

  /** The fetch to hand to an ApiClient. */
  readonly fetch: typeof fetch = async (input, init) => {
    const url = new URL(String(input), location.href);
    const method = (init?.method ?? 'GET').toUpperCase();
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    const ifMatch = new Headers(init?.headers).get('if-match');
    this.calls.push({ method, path: url.pathname + url.search, body, ifMatch });
    return this.answer(method, url.pathname.replace(/^\/api\/admin\/jobcenters\/musterstadt/, '~'), body, ifMatch);
  };

  /** A colleague's change behind the user's back (for the 412 path). */
  changeRollout(id: string, change: Partial<RolloutState>, by = 'staff-rd-admin-2'): void {
    const r = this.rollout.find((x) => x.id === id)!;
    const next = { ...r.state, ...change, modules: { ...r.state.modules, ...change.modules } } as RolloutRow['state'];
    r.history = [{ version: r.version + 1, changedBy: by, changedAt: new Date().toISOString(), old: r.state, new: next }, ...r.history];
    r.state = next;
    r.version++;
  }

  private rolloutView(r: RolloutRow): RolloutItem {
    const live = r.kind === 'ge' && r.state.goLive !== null && r.state.goLive <= today();
    const switches = Object.fromEntries(Object.keys(ALL_ON).map((k) => [k, r.state.modules[k] === true])) as RolloutItem['switches'];
    const modules = Object.fromEntries(Object.entries(switches).map(([k, v]) => [k, live && v])) as RolloutItem['modules'];
    return { id: r.id, name: r.name, kind: r.kind, wave: r.state.wave, goLive: r.state.goLive, live, switches, modules, version: r.version };
  }

  private rolloutAnswer(method: string, path: string, body: any, ifMatch: string | null, json: (s: number, b?: unknown) => Response, problem: (s: number, e?: Record<string, unknown>) => Response): Response {
    const me = this.me!;
    const rd = me.roles.includes('rd_admin');
    if (path === '/api/admin/rollout' && method === 'GET') return json(200, { items: this.rollout.filter((r) => rd || r.id === me.jobcenterId).map((r) => this.rolloutView(r)) });
    const r = this.rollout.find((x) => `/api/admin/rollout/${x.id}` === path && (rd || x.id === me.jobcenterId));
    if (!r) return problem(404);
    if (method === 'GET') return json(200, { ...this.rolloutView(r), history: r.history });
    if (method !== 'PUT') return problem(405);
    const injected = this.rolloutProblem;
    this.rolloutProblem = undefined;
    if (injected) return problem(injected.status, injected.body);
    const m = ifMatch ? /^"?(\d{1,9})"?$/.exec(ifMatch) : null;
    if (!m) return problem(428, { title: 'If-Match fehlt.' });
    const errors: { path: string; code: string; message: string }[] = [];
    if (body.wave !== undefined && !['pilot', 'wave1', 'wave2', 'not_yet'].includes(body.wave)) errors.push({ path: 'wave', code: 'invalid_value', message: 'Unbekannte Welle.' });
    if (body.goLive !== undefined && body.goLive !== null && !/^\d{4}-\d{2}-\d{2}$/.test(body.goLive)) errors.push({ path: 'goLive', code: 'invalid_date', message: 'Kein gültiges Datum.' });
    for (const k of Object.keys(body.modules ?? {})) if (!(k in ALL_ON) || typeof body.modules[k] !== 'boolean') errors.push({ path: `modules.${k}`, code: 'invalid', message: 'Unbekanntes Modul.' });
    if (errors.length) return problem(400, { title: 'Die Eingaben sind ungültig.', errors });
    if (!rd && (body.wave !== undefined || body.goLive !== undefined)) return problem(403, { title: 'Keine Berechtigung', detail: 'Welle und Starttermin legt die Regionaldirektion fest.' });
    if (Number(m[1]) !== r.version) return problem(412, { title: 'Versionskonflikt', detail: 'Die Einstellungen wurden inzwischen von jemand anderem geändert.', current: this.rolloutView(r) });
    this.changeRollout(r.id, { ...(body.wave ? { wave: body.wave } : {}), ...(body.goLive !== undefined ? { goLive: body.goLive } : {}), modules: body.modules ?? {} }, me.id);
    return json(200, this.rolloutView(r));
  }

  private answer(method: string, path: string, body: any, ifMatch: string | null): Response {
    const json = (status: number, b?: unknown) => new Response(b === undefined ? null : JSON.stringify(b), { status, headers: { 'content-type': 'application/json' } });
    const problem = (status: number, extra: Record<string, unknown> = {}) => json(status, { type: '/problems/x', title: 'Fehler', status, ...extra });
    if (path === '/api/staff/session') return this.me ? json(200, { staff: this.me, expiresAt: '2099-01-01T00:00:00Z' }) : json(204);
    if (!this.me) return problem(401);
    if (path.startsWith('/api/admin/rollout')) return this.rolloutAnswer(method, path, body, ifMatch, json, problem);
    const apply = (next: JobcenterConfig) => {
      if (ifMatch !== `"${this.version}"`) return problem(412, { title: 'Die Konfiguration wurde inzwischen geändert.' });
      this.doc = next;
      this.version++;
      return json(200, { version: this.version, document: this.doc });
    };
    switch (`${method} ${path}`) {
      case 'GET ~/config':
      case 'GET ~/config/export':
        return json(200, path.endsWith('export') ? this.doc : { version: this.version, document: this.doc });
      case 'PUT ~/rules': {
        const problems = validateRuleSet(body.postkoerbe, body.rules);
        return problems.length ? problem(422, { problems }) : apply({ ...this.doc, postkoerbe: body.postkoerbe, rules: body.rules });
      }
      case 'PUT ~/origins': {
        const errors = (body.allowedOrigins as string[]).flatMap((o, i) => (o.startsWith('https://') ? [] : [{ path: `allowedOrigins.${i}`, code: 'origin_not_https', message: 'Nur https-Adressen sind erlaubt.' }]));
        return errors.length ? problem(400, { errors }) : apply({ ...this.doc, allowedOrigins: body.allowedOrigins });
      }
      case 'PUT ~/theme':
        return apply({ ...this.doc, theme: body.theme });
      case 'POST ~/simulate':
        return json(200, simulate(positioned(body.rules ?? this.doc.rules), body.postkoerbe ?? this.doc.postkoerbe, body.subject));
      case 'POST ~/config/import': {
        if (body?.jobcenterId !== 'musterstadt') return problem(422, { problems: [{ code: 'jobcenter-mismatch' }] });
        const c = { id: `c-${this.changes.length + 1}`, status: 'pending', createdBy: this.me.id, createdAt: '2026-11-25T10:00:00Z', diff: diffConfig(this.doc, body), document: body, base: this.version };
        this.changes.push(c);
        return json(201, c);
      }
      case 'GET ~/config/changes':
        return json(200, { items: this.changes.filter((c) => c.status === 'pending') });
      case 'POST ~/feedback':
        this.feedback.push({ id: `f${this.feedback.length}`, jobcenterId: 'musterstadt', staffId: this.me.id, text: body.text, createdAt: '2026-11-25T10:00:00Z' });
        return json(201, {});
      case 'GET /api/jobcenters/musterstadt':
        return json(200, { id: 'musterstadt', name: 'Jobcenter Musterstadt', contact: this.doc.contact });
      case 'GET ~/ibd':
        return json(200, { items: this.ibd });
      case 'POST ~/ibd': {
        const errors = ibdErrors(body);
        if (errors.length) return problem(400, { title: 'Die Eingaben sind ungültig.', errors });
        const values = { weeks: body.weeks === undefined ? '' : String(body.weeks), jobcenter: 'Jobcenter Musterstadt', phone: this.doc.contact.phone ?? '' };
        const version = this.ibd.filter((v) => v.type === body.type).length + 1;
        const row: IbdVersionView = {
          id: `ibd-${body.type}-${version}`, type: body.type, version, text: body.text.trim(), textEn: body.textEn?.trim() ?? null, weeks: body.weeks ?? null,
          effectiveFrom: body.effectiveFrom, createdBy: this.me.id, createdAt: new Date().toISOString(), current: false,
        };
        this.ibd = [...this.ibd, row];
        if (row.effectiveFrom <= today()) this.ibd = this.ibd.map((v) => (v.type === row.type ? { ...v, current: v.id === row.id } : v));
        return json(201, { ...row, preview: { de: fillPlaceholders(row.text, values), en: row.textEn === null ? null : fillPlaceholders(row.textEn, values) } });
      }
      case 'GET /api/admin/feedback':
        return json(200, { items: this.feedback });
    }
    const m = /^~\/config\/changes\/([^/]+)\/(approve|reject)$/.exec(path);
    const c = m && this.changes.find((x) => x.id === m[1] && x.status === 'pending');
    if (!m || !c) return problem(404);
    if (m[2] === 'reject') return (c.status = 'rejected'), json(200, c);
    if (c.createdBy === this.me.id) return problem(403, { title: 'Eine Änderung muss von einer anderen Person freigegeben werden (Vier-Augen-Prinzip).' });
    c.status = 'approved';
    this.doc = c.document;
    this.version++;
    return json(200, { version: this.version, document: this.doc });
  }
}
