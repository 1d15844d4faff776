/**
 * The OAP endpoints in memory (server/oap/oap.routes.ts): GET /api/oap, GET /api/oap/:service,
 * PUT …/answers (If-Match, 412 with `current`), POST …/submit (Idempotency-Key + If-Match, 422 with field
 * errors), and the staff side GET /api/staff/oap/:profileId and POST …/takeover. Shapes of domain/oap.ts;
 * validation and completeness with the real engine (domain/forms/oap-engine.ts).
 */
import { OAP_SERVICES, OAP_SERVICE_IDS, type OapServiceId } from '../domain/forms/oap.js';
import {
  canonicalOapValue,
  checkOapDraft,
  oapCompleteness,
  oapFields,
  validateOapService,
} from '../domain/forms/oap-engine.js';
import type { OapComparisonRow, OapServiceView, OapStaffView, OapStatus } from '../domain/oap.js';
import type { OapDocument } from '../components/oap-service/oap-api.js';
import { PROBLEM_BASE } from './fixtures.js';
import { MockApi, type MockOptions } from './mock-api.js';
import { berlinDate } from '../domain/dates.js';

type Values = Record<string, unknown>;

/** How the OAP mock behaves. */
export interface OapMockOptions extends MockOptions {
  /** The account has no TdA yet (409 oap-no-tda). */
  noTda?: boolean;
  /** Drafts at start. */
  answers?: Partial<Record<OapServiceId, Values>>;
  /** Services submitted at start (their draft answers as version 1). */
  submitted?: OapServiceId[];
  /** Services already taken over into VerBIS. */
  takenOver?: OapServiceId[];
  /** The next save meets a newer version written elsewhere (412 with `current`). */
  conflictOnNextSave?: boolean;
  /** The next writes fail: `network` or 500. */
  writeFailures?: Array<'network' | 500>;
  /**
   * This device's encrypted copy of unsent answers (oapPage sets it up): answers of the element's eService
   * (the restore offer), `'keep'` for whatever the device holds, or nothing: a clean device.
   */
  deviceCopy?: Values | 'keep';
  /** Staff side: no staff session (401). */
  staffSignedOut?: boolean;
  /** Staff side: VerBIS already holds these values (path → value); a value here marks a conflict when listed in `conflicts`. */
  verbis?: Values;
  /** Paths changed in VerBIS since the last takeover (state `conflict`). */
  conflicts?: string[];
  /** The next takeover meets a newer review version (412). */
  takeoverRace?: boolean;
  /** Certificate uploads at start (`itemId` = `OAP_CERT:cv:<certificate id>`). */
  documents?: Array<Pick<OapDocument, 'itemId' | 'filename' | 'size' | 'eakteReference'>>;
}

/** The profile id of the fixture. */
export const OAP_PROFILE_ID = '00000000-0000-4000-9000-00000000a001';
const DAY = 86_400_000;

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}
function problem(status: number, kind: string, title: string, extra: Record<string, unknown> = {}) {
  return new Response(JSON.stringify({ type: PROBLEM_BASE + kind, title, status, ...extra }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}

interface Row {
  version: number;
  answers: Values;
  submissions: { version: number; answers: Values; submittedAt: string; takenOverAt: string | null }[];
}

/** Complete answers of each eService (a language at B2, driving licence class B). */
export const COMPLETE: Record<OapServiceId, Values> = {
  situation: {
    status: 'unemployed',
    unemployedSince: '2026-01-31',
    lastJobEnd: '2026-01-31',
    earliestStart: '2026-03-01',
    registeredElsewhere: true,
    careDuties: false,
  },
  cv: {
    schoolLevel: 'realschule',
    schoolYear: 2008,
    hasTraining: true,
    trainings: [{ id: 't1', occupation: 'Verkäuferin', degree: 'apprenticeship', year: 2011, abroad: false }],
    workHistory: [
      {
        id: 'w1',
        employer: 'Backhaus Sommer',
        occupation: 'Verkäuferin',
        from: '2011-08-01',
        to: '2017-06-30',
      },
      { id: 'w2', employer: 'Markt 24', occupation: 'Kassiererin', from: '2018-03-01', to: '2026-01-31' },
    ],
    gaps: 'Elternzeit',
    languages: [
      { id: 'l1', language: 'Deutsch', level: 'native' },
      { id: 'l2', language: 'Englisch', level: 'B2' },
    ],
    drivingLicences: ['B'],
  },
  conditions: {
    desiredOccupations: ['29212'],
    workingTime: 'part',
    hoursPerWeek: 30,
    shiftWork: true,
    nightWork: false,
    weekendWork: true,
    commuteMaxMinutes: 45,
    ownCar: false,
    publicTransport: true,
    relocation: false,
    careConstraints: false,
  },
};

/** CV answers with a named certificate (upload offered) and a second one without a name yet (resumes at the skills page). */
export const CV_WITH_CERTIFICATES: Values = {
  ...COMPLETE.cv,
  certificates: [
    { id: 'c1', title: 'Staplerschein', year: 2019 },
    { id: 'c2', title: '' },
  ],
};

/** The evidence item id of certificate `c1` of CV_WITH_CERTIFICATES. */
export const CERT_ITEM = 'OAP_CERT:cv:c1';

/** The mock server: MockApi (session, accounts) plus the OAP routes. */
export class MockOapApi extends MockApi {
  /** Drafts and submissions by eService. */
  readonly rows = new Map<OapServiceId, Row>();
  /** The VerBIS profile (path → value) and its version. */
  verbis: Values;
  verbisVersion = 0;
  reviewVersion = 1;
  private readonly keys = new Map<string, unknown>();
  /** Certificate uploads (server/oap/oap.uploads.ts). */
  readonly documents: OapDocument[] = [];

  constructor(readonly oap: OapMockOptions = {}) {
    super({ session: 'level1', ...oap });
    const now = Date.now();
    for (const d of oap.documents ?? []) {
      this.addDocument(d.itemId, d.filename, d.size).eakteReference = d.eakteReference ?? null;
    }
    // Uploads come through the fake XMLHttpRequest of MockApplications: OAP paths are answered here.
    const upload = this.applications.upload.bind(this.applications);
    this.applications.upload = (path, file) => {
      const m = /^\/api\/oap\/cv\/evidence\/([^/]+)\/documents$/.exec(path);
      if (!m) return upload(path, file);
      const itemId = decodeURIComponent(m[1]);
      if (!file || !this.certificate(itemId))
        return { status: 404, body: { type: PROBLEM_BASE + 'not-found', title: 'Nicht gefunden.', status: 404 } };
      if (!/\.(pdf|jpe?g|png)$/i.test(file.name))
        return {
          status: 415,
          body: { type: PROBLEM_BASE + 'unsupported-file-type', title: 'Dateiart nicht erlaubt.', status: 415 },
        };
      return { status: 201, body: this.addDocument(itemId, file.name, file.size) };
    };
    for (const s of OAP_SERVICE_IDS) {
      const answers = oap.answers?.[s];
      if (!answers) continue;
      const row: Row = { version: 1, answers, submissions: [] };
      if (oap.submitted?.includes(s) || oap.takenOver?.includes(s))
        row.submissions.push({
          version: 1,
          answers,
          submittedAt: new Date(now - 3 * DAY).toISOString(),
          takenOverAt: oap.takenOver?.includes(s) ? new Date(now - DAY).toISOString() : null,
        });
      this.rows.set(s, row);
    }
    this.verbis = { ...(oap.verbis ?? {}) };
    if (oap.takenOver?.length) {
      this.verbisVersion = 1;
      for (const s of oap.takenOver)
        for (const f of oapFields(s, this.rows.get(s)!.answers, berlinDate())) this.verbis[f.path] = f.value;
    }
    const base = this.fetch;
    (this as { fetch: typeof fetch }).fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
      const url = new URL(input instanceof Request ? input.url : String(input), location.href);
      const path = url.pathname.slice(Math.max(0, url.pathname.indexOf('/api/')));
      if (!/^\/api\/(staff\/)?oap\b/.test(path)) return base(input, init);
      const method = (init.method ?? 'GET').toUpperCase();
      const headers = Object.fromEntries(new Headers(init.headers).entries());
      const body = typeof init.body === 'string' ? (JSON.parse(init.body) as Values) : undefined;
      this.calls.push({ method, path, headers, body });
      if (this.options.delayMs) await new Promise((r) => setTimeout(r, this.options.delayMs));
      if (method !== 'GET') {
        const failure = this.oap.writeFailures?.shift();
        if (failure === 'network') throw new TypeError('Failed to fetch');
        if (failure === 500) return problem(500, 'internal', 'Interner Fehler');
      }
      return path.startsWith('/api/staff/')
        ? this.staff(method, path, headers, body)
        : this.applicant(method, path, headers, body);
    };
  }

  /** The name of a saved certificate by its evidence item id (`OAP_CERT:cv:<id>`), '' when none. */
  certificate(itemId: string): string {
    const list = (this.rows.get('cv')?.answers.certificates ?? []) as Values[];
    const c = list.find((x) => `OAP_CERT:cv:${String(x.id)}` === itemId);
    return typeof c?.title === 'string' ? c.title.trim() : '';
  }

  private addDocument(itemId: string, filename: string, size: number): OapDocument {
    const id = `00000000-0000-4000-a000-${String(this.documents.length + 1).padStart(12, '0')}`;
    const doc: OapDocument = {
      id,
      itemId,
      certificate: this.certificate(itemId),
      filename,
      mediaType: filename.toLowerCase().endsWith('.pdf') ? 'application/pdf' : 'image/jpeg',
      size,
      sha256: 'ab'.repeat(32),
      createdAt: new Date().toISOString(),
      href: `/api/oap/cv/evidence/${encodeURIComponent(itemId)}/documents/${id}`,
    };
    this.documents.push(doc);
    return doc;
  }

  private view(s: OapServiceId): OapServiceView {
    const row = this.rows.get(s);
    const answers = row?.answers ?? {};
    const last = row?.submissions.at(-1);
    const same = last && canonicalOapValue(last.answers) === canonicalOapValue(answers);
    const status: OapStatus = !row
      ? 'empty'
      : last && same
        ? last.takenOverAt
          ? 'taken_over'
          : 'submitted'
        : 'draft';
    const version = row?.version ?? 0;
    return {
      service: s,
      status,
      version,
      completeness: oapCompleteness(s, answers, berlinDate()),
      submittedAt: last?.submittedAt ?? null,
      takenOverAt: last?.takenOverAt ?? null,
      answers,
      etag: `"${version}"`,
      submittedVersion: last?.version ?? null,
      history: (row?.submissions ?? []).map((x) => ({
        version: x.version,
        submittedAt: x.submittedAt,
        takenOverAt: x.takenOverAt,
      })),
    };
  }

  private applicant(method: string, path: string, headers: Record<string, string>, body?: Values): Response {
    if (!this.account) return problem(401, 'unauthenticated', 'Nicht angemeldet');
    if (this.account.level < 1)
      return problem(403, 'forbidden', 'Sicherheitsstufe zu niedrig', { requiredLevel: 1 });
    if (this.oap.noTda)
      return problem(
        409,
        'oap-no-tda',
        'Das Arbeitsmarktprofil können Sie ausfüllen, sobald Sie einen Antrag gestellt haben (Tag der Antragstellung).',
      );
    if (path === '/api/oap' && method === 'GET')
      return json(200, {
        profileId: this.rows.size ? OAP_PROFILE_ID : null,
        services: OAP_SERVICE_IDS.map((s) => {
          const { answers: _a, etag: _e, submittedVersion: _v, history: _h, ...summary } = this.view(s);
          return summary;
        }),
      });
    if (path === '/api/oap/cv/documents' && method === 'GET') return json(200, { items: this.documents });
    const doc = /^\/api\/oap\/cv\/evidence\/[^/]+\/documents\/([^/]+)$/.exec(path);
    if (doc && method === 'DELETE') {
      const i = this.documents.findIndex((d) => d.id === doc[1]);
      if (i < 0) return problem(404, 'not-found', 'Nicht gefunden.');
      this.documents.splice(i, 1);
      return new Response(null, { status: 204 });
    }
    const m = /^\/api\/oap\/([^/]+)(\/answers|\/submit)?$/.exec(path);
    const s = m?.[1] as OapServiceId;
    if (!m || !(s in OAP_SERVICES)) return problem(404, 'not-found', 'Nicht gefunden.');
    if (!m[2] && method === 'GET') return json(200, this.view(s), { etag: this.view(s).etag });
    const ifMatch = /^"(\d+)"$/.exec(headers['if-match'] ?? '');
    if (!ifMatch) return problem(428, 'precondition-required', 'If-Match fehlt.');
    const version = Number(ifMatch[1]);
    const stale = () => {
      const v = this.view(s);
      return problem(412, 'version-conflict', 'Die Angaben wurden inzwischen an anderer Stelle geändert.', {
        current: { version: v.version, answers: v.answers },
      });
    };
    if (m[2] === '/answers' && method === 'PUT') {
      if (this.oap.conflictOnNextSave) {
        this.oap.conflictOnNextSave = false;
        const row = this.rows.get(s) ?? { version: 0, answers: {}, submissions: [] };
        this.rows.set(s, { ...row, version: row.version + 1, answers: { ...row.answers, ...COMPLETE[s] } });
        return stale();
      }
      if (version !== (this.rows.get(s)?.version ?? 0)) return stale();
      const answers = (body?.answers ?? {}) as Values;
      const errors = checkOapDraft(s, answers, berlinDate());
      if (errors.length)
        return problem(400, 'validation', 'Die Angaben sind unvollständig oder fehlerhaft.', { errors });
      const row = this.rows.get(s) ?? { version: 0, answers: {}, submissions: [] };
      this.rows.set(s, { ...row, version: version + 1, answers });
      return json(200, this.view(s));
    }
    if (m[2] === '/submit' && method === 'POST') {
      const key = headers['idempotency-key'];
      if (!key) return problem(400, 'idempotency-key-missing', 'Idempotency-Key fehlt.');
      const done = this.keys.get(`${s}:${key}`);
      if (done) return json(200, done, { 'idempotent-replayed': 'true' });
      const row = this.rows.get(s);
      if (version !== (row?.version ?? 0)) return stale();
      const errors = validateOapService(s, row?.answers ?? {}, berlinDate());
      if (errors.length)
        return problem(422, 'incomplete', `${errors.length} Angabe(n) fehlen oder sind fehlerhaft.`, {
          errors,
        });
      const last = row!.submissions.at(-1);
      if (!last || canonicalOapValue(last.answers) !== canonicalOapValue(row!.answers)) {
        row!.submissions.push({
          version: row!.submissions.length + 1,
          answers: row!.answers,
          submittedAt: new Date().toISOString(),
          takenOverAt: null,
        });
        this.reviewVersion += 1;
      }
      const v = this.view(s);
      this.keys.set(`${s}:${key}`, v);
      return json(200, v);
    }
    return problem(404, 'not-found', 'Nicht gefunden.');
  }

  /** The comparison rows of every submitted eService with VerBIS. */
  comparison(): OapComparisonRow[] {
    const rows: OapComparisonRow[] = [];
    for (const [s, row] of this.rows) {
      const last = row.submissions.at(-1);
      if (!last) continue;
      for (const f of oapFields(s, last.answers, berlinDate())) {
        const old = this.verbis[f.path] ?? null;
        const q = OAP_SERVICES[s].pages.flatMap((p) => p.questions).find((x) => x.id === f.questionId)!;
        const same = canonicalOapValue(old) === canonicalOapValue(f.value);
        const state = same
          ? 'same'
          : this.oap.conflicts?.includes(f.path)
            ? 'conflict'
            : old === null
              ? 'new'
              : 'changed';
        const verbisFormatted =
          old === null
            ? '–'
            : (oapFields(s, { [q.id]: old, ...{} }, berlinDate()).find((x) => x.questionId === q.id)
                ?.formatted ?? String(old));
        rows.push({
          path: f.path,
          service: s,
          label: f.label,
          applicantValue: f.value,
          applicantFormatted: f.formatted,
          verbisValue: old,
          verbisFormatted,
          state,
        });
      }
    }
    return rows;
  }

  private staffView(): OapStaffView & { documents: OapDocument[] } {
    const services = OAP_SERVICE_IDS.map((s) => {
      const last = this.rows.get(s)?.submissions.at(-1);
      return {
        service: s,
        title: OAP_SERVICES[s].title.de,
        status: this.view(s).status,
        submittedVersion: last?.version ?? null,
        submittedAt: last?.submittedAt ?? null,
        takenOverAt: last?.takenOverAt ?? null,
        answers: last?.answers ?? null,
      };
    });
    const submitted = [...this.rows.values()].map((r) => r.submissions.at(-1)).filter((x) => !!x);
    return {
      profileId: OAP_PROFILE_ID,
      applicantName: 'Maria Muster',
      services,
      fields: this.comparison(),
      verbisVersion: this.verbisVersion,
      version: this.reviewVersion,
      etag: `"${this.reviewVersion}"`,
      takenOver: submitted.length > 0 && submitted.every((x) => x!.takenOverAt),
      documents: this.documents.map((d) => ({
        ...d,
        certificate: this.certificate(d.itemId),
        href: `/api/staff/oap/${OAP_PROFILE_ID}/documents/${d.id}`,
      })),
    };
  }

  private staff(method: string, path: string, headers: Record<string, string>, body?: Values): Response {
    if (this.oap.staffSignedOut) return problem(401, 'unauthenticated', 'Nicht angemeldet');
    const m = /^\/api\/staff\/oap\/([^/]+)(\/takeover)?$/.exec(path);
    if (!m || m[1] !== OAP_PROFILE_ID || ![...this.rows.values()].some((r) => r.submissions.length))
      return problem(404, 'not-found', 'Nicht gefunden.');
    if (!m[2] && method === 'GET') return json(200, this.staffView(), { etag: `"${this.reviewVersion}"` });
    if (m[2] !== '/takeover' || method !== 'POST') return problem(404, 'not-found', 'Nicht gefunden.');
    const key = headers['idempotency-key'] ?? '';
    const done = this.keys.get(`takeover:${key}`);
    if (done) return json(200, done, { 'idempotent-replayed': 'true' });
    const pending = [...this.rows.values()]
      .map((r) => r.submissions.at(-1))
      .filter((x) => x && !x.takenOverAt);
    if (!pending.length) return problem(409, 'oap-taken-over', 'Diese Angaben wurden schon übernommen.');
    if (this.oap.takeoverRace) {
      this.oap.takeoverRace = false;
      this.reviewVersion += 1;
      return problem(412, 'version-conflict', 'Das Profil wurde inzwischen geändert.', {
        current: { version: this.reviewVersion },
      });
    }
    if (headers['if-match'] !== `"${this.reviewVersion}"`)
      return problem(412, 'version-conflict', 'Das Profil wurde inzwischen geändert.', {
        current: { version: this.reviewVersion },
      });
    const decisions = (body?.decisions ?? []) as { path: string; accept: boolean }[];
    const open = this.comparison().filter((f) => f.state !== 'same');
    const missing = open.filter((f) => !decisions.some((d) => d.path === f.path));
    if (missing.length)
      return problem(422, 'incomplete', `${missing.length} Feld(er) ohne Entscheidung oder unbekannt.`, {
        errors: missing.map((f) => ({ path: f.path, code: 'required', message: 'Bitte entscheiden.' })),
      });
    const at = new Date().toISOString();
    for (const d of decisions)
      if (d.accept) this.verbis[d.path] = open.find((f) => f.path === d.path)?.applicantValue ?? null;
    for (const x of pending) x!.takenOverAt = at;
    this.verbisVersion += 1;
    this.reviewVersion += 1;
    const result = {
      profileId: OAP_PROFILE_ID,
      verbisVersion: this.verbisVersion,
      takenOverAt: at,
      accepted: decisions.filter((d) => d.accept).map((d) => d.path),
      rejected: decisions.filter((d) => !d.accept).map((d) => d.path),
      workItemId: null,
    };
    this.keys.set(`takeover:${key}`, result);
    return json(200, result);
  }
}
