/**
 * The ADE part of the in-memory API: drafts with If-Match/412, submission with Idempotency-Key, evidence
 * uploads (through a fake XMLHttpRequest with upload progress) and the upload policy, answering with the
 * exact shapes of server/applications and server/uploads. The end-to-end tests drive the real server.
 */
import { validateApplication, type Answers } from '../domain/forms/engine.js';
import type { ApplicationView, EvidenceDocument, UploadPolicy } from '../components/api/applications-api.js';
import { PROBLEM_BASE } from './fixtures.js';

/** Upload problems the mock can answer with (server/http/problem.ts). */
export type UploadFailure =
  | 'unsupported-file-type'
  | 'file-too-large'
  | 'quota-exceeded'
  | 'virus-found'
  | 'virus-scan-unavailable'
  | 'network';

/** How the ADE mock behaves. */
export interface ApplicationsOptions {
  /** The account's applications at start (e.g. a draft with answers, or a submitted one). */
  applications?: Array<Partial<ApplicationView>>;
  /** Date of application of new drafts. */
  applicationDate?: string;
  /** Next PUT …/answers: `network`, `conflict` (another window saved `conflictAnswers` first), 500. */
  saveFailures?: Array<'network' | 'conflict' | 500>;
  /** Every PUT …/answers waits this long (for the "Wird gespeichert …" story). */
  saveDelayMs?: number;
  /** Answers the "other window" saved when a conflict is simulated. */
  conflictAnswers?: Answers;
  /** Next submissions: `network`, `in-progress`, 500. */
  submitFailures?: Array<'network' | 'in-progress' | 500>;
  /** The next submission gets a 400 with these field errors (checks only the server makes, e.g. a PLZ that does not exist). */
  submitErrors?: Array<{ path: string; code: string; message: string }>;
  /** Next uploads fail with these problems. */
  uploadFailures?: UploadFailure[];
  /** Upload progress stops at this fraction and never completes (for the "uploading" story). */
  uploadPauseAt?: number;
  /** Pause between progress events of an upload (ms). */
  uploadStepMs?: number;
  /** The virus scanner's mode. */
  virusScan?: 'off' | 'clamd';
  /** GET …/:id answers pdf pending this many times before ready. */
  pdfReadyAfterPolls?: number;
  /** Further upload item ids the server accepts (e.g. `req:<id>` of an open MWS evidence request). */
  uploadItem?: (applicationId: string, itemId: string) => boolean;
}

const FREE_ITEM = { id: 'other', code: 'SONSTIGE', title: 'Weitere Unterlagen' };
const POLICY = {
  allowedTypes: ['application/pdf', 'image/jpeg', 'image/png'],
  maxFileBytes: 10 * 1024 * 1024,
  quotaBytes: 50 * 1024 * 1024,
};

/** A problem+json response as the server sends it. */
export function problemResponse(
  status: number,
  kind: string,
  title: string,
  extra: Record<string, unknown> = {},
) {
  return new Response(JSON.stringify({ type: PROBLEM_BASE + kind, title, status, ...extra }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}

function json(status: number, body?: unknown, headers: Record<string, string> = {}): Response {
  if (body === undefined) return new Response(null, { status, headers });
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** The stored record of one application. */
type Row = Omit<ApplicationView, 'anlagen' | 'evidence' | 'todos'>;

/** The applications endpoints of the mock. */
export class MockApplications {
  /** The account's applications. */
  readonly rows: Row[];
  private readonly submitKeys = new Map<string, ApplicationView>();
  private readonly polls = new Map<string, number>();
  private seq = 0;

  constructor(
    readonly options: ApplicationsOptions,
    private readonly now: () => Date,
  ) {
    this.rows = (options.applications ?? []).map((a) => this.newRow(a));
  }

  private newRow(a: Partial<ApplicationView> = {}): Row {
    const at = this.now().toISOString();
    return {
      id: uuid(++this.seq),
      status: 'draft',
      version: 1,
      applicationDate: this.options.applicationDate ?? '2025-11-25',
      portalJobcenterId: 'musterstadt',
      createdAt: at,
      updatedAt: at,
      answers: { main: {}, members: [], anlagen: {} },
      documents: [],
      ...a,
    } as Row;
  }

  /** The full view (what the engine derives, plus the free evidence item). */
  view(r: Row): ApplicationView {
    const d = validateApplication(r.answers, r.applicationDate);
    return { ...r, anlagen: d.anlagen, evidence: [...d.evidence, { ...FREE_ITEM }], todos: d.todos };
  }

  private summary(r: Row) {
    const { answers: _a, documents: _d, ...rest } = r;
    return rest;
  }

  /** The upload policy with the account's used bytes. */
  policy(): UploadPolicy {
    const usedBytes = this.rows.flatMap((r) => r.documents).reduce((n, d) => n + d.size, 0);
    return { ...POLICY, usedBytes, virusScan: this.options.virusScan ?? 'clamd' };
  }

  /** Answers `/api/applications…` and `/api/uploads/policy`, or undefined for other paths. */
  async route(
    method: string,
    path: string,
    headers: Record<string, string>,
    body: unknown,
  ): Promise<Response | undefined> {
    if (path === '/api/uploads/policy' && method === 'GET') return json(200, this.policy());
    const m =
      /^\/api\/applications(?:\/([^/]+))?(\/answers|\/submit|\/evidence\/([^/]+)\/documents\/([^/]+))?$/.exec(
        path,
      );
    if (!m) return undefined;
    const [, id, sub, , docId] = m;
    if (!id && method === 'GET') return json(200, { items: this.rows.map((r) => this.summary(r)) });
    if (!id && method === 'POST') {
      const open = this.rows.find((r) => r.status === 'draft');
      if (open) return json(200, this.view(open), { ETag: `"${open.version}"` });
      const tdaId = (body as { tdaId?: string } | undefined)?.tdaId;
      const row = this.newRow(tdaId ? { tdaId } : {});
      this.rows.push(row);
      return json(201, this.view(row), { ETag: '"1"' });
    }
    const row = this.rows.find((r) => r.id === id);
    if (!row) return problemResponse(404, 'not-found', 'Nicht gefunden.');
    if (!sub && method === 'GET') return json(200, this.poll(row), { ETag: `"${row.version}"` });
    if (sub === '/answers' && method === 'PUT') return this.save(row, headers, body as { answers: Answers });
    if (sub === '/submit' && method === 'POST') return this.submit(row, headers);
    if (docId && method === 'DELETE') {
      row.documents = row.documents.filter((d) => d.id !== docId);
      return json(204);
    }
    return problemResponse(404, 'not-found', 'Nicht gefunden.');
  }

  private poll(row: Row): ApplicationView {
    const n = (this.polls.get(row.id) ?? 0) + 1;
    this.polls.set(row.id, n);
    if (row.pdf?.status === 'pending' && n >= (this.options.pdfReadyAfterPolls ?? 2))
      row.pdf = { status: 'ready', sha256: 'ab'.repeat(32), href: `/api/applications/${row.id}/pdf` };
    return this.view(row);
  }

  private conflict(row: Row): Response {
    return problemResponse(
      412,
      'version-conflict',
      'Der Antrag wurde inzwischen an anderer Stelle geändert.',
      {
        detail: 'Laden Sie den aktuellen Stand, bevor Sie weiter ändern.',
        current: { version: row.version, answers: row.answers, updatedAt: row.updatedAt },
      },
    );
  }

  private ifMatch(headers: Record<string, string>): number | undefined {
    const m = /^"?(\d{1,9})"?$/.exec(headers['if-match']?.trim() ?? '');
    return m ? Number(m[1]) : undefined;
  }

  private async save(
    row: Row,
    headers: Record<string, string>,
    body: { answers: Answers },
  ): Promise<Response> {
    if (this.options.saveDelayMs) await new Promise((r) => setTimeout(r, this.options.saveDelayMs));
    const version = this.ifMatch(headers);
    if (version === undefined) return problemResponse(428, 'precondition-required', 'If-Match fehlt.');
    const failure = this.options.saveFailures?.shift();
    if (failure === 'network') throw new TypeError('Failed to fetch');
    if (failure === 500) return problemResponse(500, 'internal', 'Interner Fehler');
    if (failure === 'conflict') {
      row.answers = this.options.conflictAnswers ?? row.answers;
      row.version += 1;
      row.updatedAt = this.now().toISOString();
    }
    if (row.status !== 'draft') return problemResponse(409, 'application-submitted', 'Schon abgeschickt.');
    if (row.version !== version) return this.conflict(row);
    row.answers = body.answers;
    row.version += 1;
    row.updatedAt = this.now().toISOString();
    return json(200, { version: row.version, updatedAt: row.updatedAt }, { ETag: `"${row.version}"` });
  }

  private submit(row: Row, headers: Record<string, string>): Response {
    const key = headers['idempotency-key'];
    if (!key) return problemResponse(400, 'idempotency-key-missing', 'Idempotency-Key fehlt.');
    const version = this.ifMatch(headers);
    if (version === undefined) return problemResponse(428, 'precondition-required', 'If-Match fehlt.');
    const stored = this.submitKeys.get(key);
    if (stored) return json(200, stored, { 'Idempotent-Replayed': 'true' });
    const failure = this.options.submitFailures?.shift();
    if (failure === 'network') throw new TypeError('Failed to fetch');
    if (failure === 'in-progress') return problemResponse(409, 'idempotency-in-progress', 'Wird bearbeitet.');
    if (failure === 500) return problemResponse(500, 'internal', 'Interner Fehler');
    if (row.status !== 'draft') return problemResponse(409, 'application-submitted', 'Schon abgeschickt.');
    if (row.version !== version) return this.conflict(row);
    const extra = this.options.submitErrors ?? [];
    this.options.submitErrors = undefined;
    const errors = [...extra, ...validateApplication(row.answers, row.applicationDate).errors];
    if (errors.length)
      return problemResponse(400, 'validation', 'Die Angaben sind unvollständig oder fehlerhaft.', {
        errors,
        detail: `${errors.length} Angabe(n) fehlen oder sind fehlerhaft.`,
      });
    const at = this.now().toISOString();
    Object.assign(row, {
      status: 'submitted',
      version: row.version + 1,
      submittedAt: at,
      updatedAt: at,
      number: 'ADE-2025-7K3M9Q',
      pdf: { status: 'pending' },
    });
    const view = this.view(row);
    this.submitKeys.set(key, view);
    return json(200, view, { ETag: `"${row.version}"` });
  }

  /** Stores an upload (called by the fake XHR once all bytes are "sent"). */
  upload(path: string, file: File | undefined): { status: number; body: unknown } {
    const m = /^\/api\/applications\/([^/]+)\/evidence\/([^/]+)\/documents$/.exec(path);
    const row = m && this.rows.find((r) => r.id === m[1]);
    const itemId = m ? decodeURIComponent(m[2]) : '';
    const problem = (status: number, kind: string, title: string, detail?: string) => ({
      status,
      body: { type: PROBLEM_BASE + kind, title, status, ...(detail ? { detail } : {}) },
    });
    if (
      !row ||
      !file ||
      !(this.view(row).evidence.some((e) => e.id === itemId) || this.options.uploadItem?.(row.id, itemId))
    )
      return problem(404, 'not-found', 'Nicht gefunden.');
    const failure = this.options.uploadFailures?.shift();
    if (failure === 'unsupported-file-type')
      return problem(415, failure, 'Diese Dateiart ist nicht erlaubt.', 'Erlaubt sind: PDF, JPG, PNG.');
    if (failure === 'file-too-large' || file.size > POLICY.maxFileBytes)
      return problem(413, 'file-too-large', 'Die Datei ist zu groß.');
    if (failure === 'quota-exceeded')
      return problem(413, failure, 'Ihr Speicherplatz für Nachweise ist voll.');
    if (failure === 'virus-found') return problem(422, failure, 'In der Datei wurde Schadsoftware gefunden.');
    if (failure === 'virus-scan-unavailable')
      return problem(503, failure, 'Die Virenprüfung ist gerade nicht erreichbar.');
    const id = uuid(1000 + ++this.seq);
    const doc: EvidenceDocument = {
      id,
      itemId,
      filename: file.name,
      mediaType: file.type || 'application/pdf',
      size: file.size,
      sha256: 'cd'.repeat(32),
      createdAt: this.now().toISOString(),
      href: `/api/applications/${row.id}/evidence/${encodeURIComponent(itemId)}/documents/${id}`,
    };
    row.documents.push(doc);
    return { status: 201, body: doc };
  }

  /** A fake XMLHttpRequest bound to this mock: upload progress in steps, then the stored answer. */
  xhr(
    record: (call: { method: string; path: string; headers: Record<string, string> }) => void,
  ): XMLHttpRequest {
    const api = this;
    const opts = this.options;
    class MockXhr extends EventTarget {
      readonly upload = new EventTarget();
      status = 0;
      responseText = '';
      private method = 'GET';
      private url = '';
      private readonly headers: Record<string, string> = {};
      private aborted = false;
      open(method: string, url: string) {
        this.method = method;
        this.url = url;
      }
      setRequestHeader(k: string, v: string) {
        this.headers[k.toLowerCase()] = v;
      }
      getResponseHeader() {
        return null;
      }
      abort() {
        this.aborted = true;
        this.dispatchEvent(new ProgressEvent('abort'));
      }
      async send(body: FormData) {
        const path = new URL(this.url, location.href).pathname;
        record({ method: this.method, path, headers: this.headers });
        const file = body.get('file') as File | null;
        const total = file?.size ?? 0;
        const failure = opts.uploadFailures?.[0];
        for (const f of [0.25, 0.5, 0.75, 1]) {
          await new Promise((r) => setTimeout(r, opts.uploadStepMs ?? 20));
          if (this.aborted) return;
          if (opts.uploadPauseAt !== undefined && f > opts.uploadPauseAt) return; // hangs, for the story
          this.upload.dispatchEvent(
            new ProgressEvent('progress', { lengthComputable: true, loaded: Math.round(total * f), total }),
          );
          if (failure === 'network' && f >= 0.5) {
            opts.uploadFailures!.shift();
            return this.dispatchEvent(new ProgressEvent('error'));
          }
        }
        const r = api.upload(path, file ?? undefined);
        this.status = r.status;
        this.responseText = JSON.stringify(r.body);
        this.dispatchEvent(new ProgressEvent('load'));
      }
    }
    return new MockXhr() as unknown as XMLHttpRequest;
  }
}
