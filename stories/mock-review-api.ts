/**
 * An in-memory stand-in for the caseworker's review routes (`/api/staff/applications/:id…`), answering
 * with the exact shapes of server/mws/mws.staff.ts and problem+json on errors (fictitious data).
 */
import { html, type TemplateResult } from 'lit';
import { evidenceCatalogue } from '../domain/forms/evidence-catalogue.js';
import { MITWIRKUNG_NOTICES } from '../domain/legal.js';
import {
  REVIEW_STATUS_LABELS,
  REVIEW_TRANSITIONS,
  type RequestView,
  type ReviewStatus,
} from '../domain/mws.js';
import { ApiClient } from '../components/api/api-client.js';
import type { ReviewText, ReviewView } from '../components/api/review-api.js';
import { PROBLEM_BASE } from './fixtures.js';
import type { MockCall } from './mock-api.js';
import '../components/provider/provider.js';
import { addDays, berlinDate } from '../domain/dates.js';

/** Id of the demo application. */
export const REVIEW_ID = '5d0c1a7e-3b9f-4c2e-9a61-0f2d8b7c4e11';
const BASE = `/api/staff/applications/${REVIEW_ID}`;
const SHA = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const NOTICE = MITWIRKUNG_NOTICES[MITWIRKUNG_NOTICES.length - 1];

/** How the mock behaves. */
export interface ReviewMockOptions {
  /** Start state: fresh (in Bearbeitung), with an open request, or after the applicant's answers. */
  scenario?: 'loaded' | 'open-request' | 'answered';
  /** GET fails like this. */
  failure?: 500 | 404 | 401;
  /** A colleague changes the status just before this staff member does (→ 412 with `current`). */
  statusRace?: boolean;
  /** Every status change is refused as a transition not allowed (→ 409 with the explanation). */
  transitionConflict?: boolean;
  /** The first POST …/requests is stored, but its answer is lost (network error). */
  loseFirstRequestAnswer?: boolean;
}

const doc = (id: string, itemId: string, name: string, size: number) => ({
  id,
  itemId,
  name,
  type: 'application/pdf',
  size,
  sha256: SHA,
  createdAt: '2026-11-20T09:12:00.000Z',
  href: `${BASE}/documents/${id}`,
});

function baseReview(): ReviewView {
  const ausweis = doc('d1000000-0000-4000-8000-000000000001', 'ev-ausweis', 'personalausweis.pdf', 482_133);
  return {
    id: REVIEW_ID,
    number: 'MS-2026-004711',
    applicationDate: '2026-11-02',
    submittedAt: '2026-11-18T10:30:00.000Z',
    tdaReceivedAt: '2026-11-02T08:15:00.000Z',
    status: 'in_bearbeitung',
    statusLabel: REVIEW_STATUS_LABELS.in_bearbeitung,
    allowedTransitions: [...REVIEW_TRANSITIONS.in_bearbeitung],
    version: 2,
    answers: [
      {
        group: 'person',
        title: 'Angaben zur Person',
        questions: [
          {
            path: 'main/person/lastName',
            label: 'Familienname',
            value: 'Muster',
            formatted: 'Muster',
            page: 'Person',
          },
          {
            path: 'main/person/birthDate',
            label: 'Geburtsdatum',
            value: '1985-03-27',
            formatted: '27.03.1985',
            page: 'Person',
          },
        ],
      },
      {
        group: 'wohnung',
        title: 'Wohnung',
        questions: [
          {
            path: 'main/wohnung/rent',
            label: 'Monatliche Kaltmiete',
            value: 450,
            formatted: '450,00 €',
            page: 'Kosten der Unterkunft',
          },
          {
            path: 'main/wohnung/heating',
            label: 'Heizkosten im Monat',
            value: 80,
            formatted: '80,00 €',
            page: 'Kosten der Unterkunft',
          },
        ],
      },
      {
        group: 'kdu-1',
        title: 'Anlage KDU – Kosten der Unterkunft',
        questions: [
          {
            path: 'kdu-1/kdu/landlord',
            label: 'Name der Vermieterin oder des Vermieters',
            value: 'Wohnbau Musterstadt eG',
            formatted: 'Wohnbau Musterstadt eG',
            page: 'Vermietung',
          },
        ],
      },
    ],
    anlagen: [{ key: 'kdu-1', code: 'KDU', title: 'Anlage KDU – Kosten der Unterkunft' }],
    evidence: [
      {
        id: 'ev-ausweis',
        code: 'AUSWEIS',
        title: 'Personalausweis oder Reisepass – Erika Muster',
        documents: [ausweis],
      },
      { id: 'ev-miete', code: 'MIETVERTRAG', title: 'Mietvertrag', anlageKey: 'kdu-1', documents: [] },
      { id: 'other', code: 'SONSTIGE', title: 'Weitere Unterlagen', documents: [] },
    ],
    documents: [ausweis],
    pdfs: { application: `${BASE}/pdf`, tda: `${BASE}/tda-pdf` },
    requests: [],
    comments: [],
    notes: [
      {
        id: 'n1',
        kind: 'note',
        from: 'staff',
        staffId: 'st_sabine',
        requestId: null,
        text: 'Miete prüfen: über der Angemessenheitsgrenze?',
        createdAt: '2026-11-19T08:00:00.000Z',
      },
    ],
    messages: [],
    catalogue: evidenceCatalogue().map((e) => ({ code: e.code, title: e.title.de })),
    history: [
      {
        kind: 'status',
        at: '2026-11-19T07:55:00.000Z',
        actor: 'st_sabine',
        actorName: 'Sabine Krüger',
        from: 'eingegangen',
        to: 'in_bearbeitung',
      },
    ],
  };
}

function openRequest(state: 'open' | 'answered'): RequestView {
  const answered = state === 'answered';
  return {
    id: 'a1000000-0000-4000-8000-0000000000r1',
    state,
    createdAt: '2026-11-19T09:00:00.000Z',
    deadline: '2026-12-03',
    message: 'Bitte reichen Sie den Mietvertrag ein und prüfen Sie die Kaltmiete.',
    notice: { version: NOTICE.from, de: NOTICE.text.de, en: NOTICE.text.en },
    answeredAt: answered ? '2026-11-24T16:40:00.000Z' : null,
    items: [
      {
        id: 'i1',
        kind: 'field',
        state,
        answeredAt: answered ? '2026-11-24T16:38:00.000Z' : null,
        code: null,
        title: null,
        uploadItemId: null,
        documentId: null,
        documentName: null,
        documents: [],
        path: 'main/wohnung/rent',
        comment: 'Laut Kontoauszug zahlen Sie 520 €. Bitte prüfen.',
        label: 'Monatliche Kaltmiete',
        currentValue: answered ? 520 : 450,
        formattedValue: answered ? '520,00 €' : '450,00 €',
      },
      {
        id: 'i2',
        kind: 'evidence',
        state,
        answeredAt: answered ? '2026-11-24T16:39:00.000Z' : null,
        code: 'MIETVERTRAG',
        title: 'Mietvertrag',
        uploadItemId: 'req:i2',
        documentId: null,
        documentName: null,
        documents: answered
          ? [
              {
                id: 'd2',
                filename: 'mietvertrag.pdf',
                mediaType: 'application/pdf',
                size: 1_204_771,
                sha256: SHA,
                href: `${BASE}/documents/d2`,
              },
            ]
          : [],
        path: null,
        comment: null,
        label: null,
        formattedValue: null,
      },
    ],
  };
}

/** The review the GET answers in a scenario. */
export function reviewFixture(scenario: ReviewMockOptions['scenario'] = 'loaded'): ReviewView {
  const r = baseReview();
  if (scenario === 'loaded') return r;
  const req = openRequest(scenario === 'answered' ? 'answered' : 'open');
  r.requests = [req];
  r.comments = req.items.filter((i) => i.kind === 'field').map((i) => ({ requestId: req.id, ...i }));
  r.history.push({
    kind: 'status',
    at: req.createdAt,
    actor: 'st_sabine',
    from: 'in_bearbeitung',
    to: 'mitwirkung_angefordert',
  });
  r.status = 'mitwirkung_angefordert';
  r.version = 3;
  if (scenario === 'answered') {
    r.answers[1].questions[0] = { ...r.answers[1].questions[0], value: 520, formatted: '520,00 €' };
    r.history.push(
      {
        kind: 'answer',
        at: '2026-11-24T16:38:00.000Z',
        actor: 'applicant',
        path: 'main/wohnung/rent',
        requestItemId: 'i1',
        old: 450,
        new: 520,
      },
      {
        kind: 'status',
        at: '2026-11-24T16:40:00.000Z',
        actor: 'applicant',
        from: 'mitwirkung_angefordert',
        to: 'in_bearbeitung',
      },
    );
    r.messages = [
      {
        id: 'm1',
        kind: 'reply',
        from: 'applicant',
        staffId: null,
        requestId: req.id,
        text: 'Die Miete wurde zum 1. November erhöht, der Vertrag liegt bei.',
        createdAt: '2026-11-24T16:40:00.000Z',
      },
    ];
    r.status = 'in_bearbeitung';
    r.version = 5;
  }
  r.statusLabel = REVIEW_STATUS_LABELS[r.status];
  r.allowedTransitions = [...REVIEW_TRANSITIONS[r.status]];
  return r;
}

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
const etag = (v: number) => ({ etag: `"${v}"` });

/** The mock server; `fetch` goes to an ApiClient or `window.fetch`. */
export class MockReviewApi {
  /** Every request, in order. */
  readonly calls: MockCall[] = [];
  /** The server's review (changed by the POSTs). */
  review: ReviewView;
  private readonly rounds = new Map<string, { body: string; id: string }>();
  private raced = false;
  private lost = false;
  private serial = 0;

  constructor(readonly options: ReviewMockOptions = {}) {
    this.review = reviewFixture(options.scenario);
  }

  /** Calls to a path below the application (`''`, `/requests`, `/status`, …). */
  callsTo(method: string, sub: string): MockCall[] {
    return this.calls.filter((c) => c.method === method && c.path === BASE + sub);
  }

  readonly fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    const method = (init.method ?? 'GET').toUpperCase();
    const path = url.pathname.slice(Math.max(0, url.pathname.indexOf('/api/')));
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    const body =
      typeof init.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : undefined;
    this.calls.push({ method, path, headers, body });
    await new Promise((r) => setTimeout(r, 5));
    return this.route(method, path, headers, body ?? {}, typeof init.body === 'string' ? init.body : '');
  };

  private route(
    method: string,
    path: string,
    headers: Record<string, string>,
    body: Record<string, unknown>,
    raw: string,
  ): Response {
    if (path === '/api/staff/session')
      return json(200, {
        staff: {
          id: 'st_sabine',
          name: 'Sabine Beispiel',
          email: 'sabine@example.org',
          jobcenterId: 'musterstadt',
          roles: ['leistung'],
        },
        expiresAt: '2099-01-01T00:00:00.000Z',
      });
    if (!path.startsWith(BASE)) return problem(404, 'not-found', 'Nicht gefunden');
    const sub = path.slice(BASE.length);
    const r = this.review;
    if (method === 'GET' && sub === '') {
      const f = this.options.failure;
      if (f === 401) return problem(401, 'unauthenticated', 'Nicht angemeldet');
      if (f === 404) return problem(404, 'not-found', 'Nicht gefunden');
      if (f === 500) return problem(500, 'internal', 'Interner Fehler');
      return json(200, structuredClone(r), etag(r.version));
    }
    if (method !== 'POST') return problem(404, 'not-found', 'Nicht gefunden');
    if (sub === '/requests') return this.request(headers, body, raw);
    if (sub === '/status') return this.status(headers, body);
    if (sub === '/notes' || sub === '/messages') {
      const text = typeof body.text === 'string' ? body.text.trim() : '';
      if (!text)
        return problem(400, 'validation', 'Ungültige Eingabe', {
          errors: [{ path: 'text', code: 'required', message: 'required' }],
        });
      const kind = sub === '/notes' ? 'note' : 'message';
      const item: ReviewText = {
        id: `t${++this.serial}`,
        kind,
        from: 'staff',
        staffId: 'st_sabine',
        requestId: null,
        text,
        createdAt: new Date().toISOString(),
      };
      (kind === 'note' ? r.notes : r.messages).push(item);
      return json(201, item);
    }
    return problem(404, 'not-found', 'Nicht gefunden');
  }

  private setStatus(to: ReviewStatus, actor = 'st_sabine') {
    const r = this.review;
    r.history.push({ kind: 'status', at: new Date().toISOString(), actor, from: r.status, to });
    r.status = to;
    r.statusLabel = REVIEW_STATUS_LABELS[to];
    r.allowedTransitions = [...REVIEW_TRANSITIONS[to]];
    r.version += 1;
  }

  private current() {
    const r = this.review;
    return { status: r.status, version: r.version, allowedTransitions: r.allowedTransitions };
  }

  private status(headers: Record<string, string>, body: Record<string, unknown>): Response {
    const match = /^"(\d+)"$/.exec(headers['if-match'] ?? '');
    if (!match) return problem(428, 'precondition-required', 'If-Match fehlt');
    if (this.options.statusRace && !this.raced) {
      this.raced = true;
      this.setStatus('entscheidungsreif', 'st_jonas');
    }
    const r = this.review;
    if (Number(match[1]) !== r.version)
      return problem(412, 'version-conflict', 'Versionskonflikt', {
        detail: 'Der Antrag wurde inzwischen geändert. Laden Sie den aktuellen Stand.',
        current: this.current(),
      });
    const to = body.status as ReviewStatus;
    if (this.options.transitionConflict || !REVIEW_TRANSITIONS[r.status].includes(to)) {
      const allowed = REVIEW_TRANSITIONS[r.status];
      return problem(409, 'status-transition', 'Statuswechsel nicht möglich', {
        detail: `Von „${REVIEW_STATUS_LABELS[r.status].de}“ ist kein Wechsel nach „${REVIEW_STATUS_LABELS[to]?.de ?? to}“ möglich.${allowed.length ? ` Möglich: ${allowed.map((s) => `„${REVIEW_STATUS_LABELS[s].de}“`).join(', ')}.` : ''}`,
        current: this.current(),
        from: r.status,
        to,
        allowed,
      });
    }
    this.setStatus(to);
    return json(200, this.current(), etag(this.review.version));
  }

  private request(headers: Record<string, string>, body: Record<string, unknown>, raw: string): Response {
    const key = headers['idempotency-key'];
    if (!key) return problem(400, 'idempotency-key-required', 'Idempotency-Key fehlt');
    const r = this.review;
    const seen = this.rounds.get(key);
    if (seen) {
      if (seen.body !== raw) return problem(422, 'idempotency-key-reused', 'Schlüssel schon verwendet');
      return json(
        200,
        r.requests.find((q) => q.id === seen.id),
        { 'idempotent-replayed': 'true' },
      );
    }
    const items = (body.items ?? []) as {
      kind: string;
      code?: string;
      title?: string;
      path?: string;
      comment?: string;
      documentId?: string;
    }[];
    const days = Number(body.deadlineDays ?? 14);
    if (!items.length)
      return problem(400, 'validation', 'Ungültige Eingabe', {
        errors: [{ path: 'items', code: 'required', message: 'required' }],
      });
    if (!(days >= 7 && days <= 60))
      return problem(400, 'validation', 'Ungültige Eingabe', {
        errors: [{ path: 'deadlineDays', code: 'too_big', message: 'too_big' }],
      });
    if (r.status === 'abgeschlossen')
      return problem(409, 'status-transition', 'Abgeschlossen', {
        detail: 'Der Antrag ist abgeschlossen; es können keine Unterlagen mehr angefordert werden.',
      });
    const id = `b${String(++this.serial).padStart(7, '0')}-0000-4000-8000-000000000000`;
    const deadline = addDays(berlinDate(), days);
    const questions = r.answers.flatMap((g) => g.questions);
    const view: RequestView = {
      id,
      state: 'open',
      createdAt: new Date().toISOString(),
      deadline,
      message: typeof body.message === 'string' && body.message ? body.message : null,
      notice: { version: NOTICE.from, de: NOTICE.text.de, en: NOTICE.text.en },
      answeredAt: null,
      items: items.map((i, n) => {
        const q = questions.find((x) => x.path === i.path);
        const itemId = `${id.slice(0, 8)}-item-${n}`;
        return i.kind === 'field'
          ? {
              id: itemId,
              kind: 'field' as const,
              state: 'open' as const,
              answeredAt: null,
              code: null,
              title: null,
              uploadItemId: null,
              documentId: null,
              documentName: null,
              documents: [],
              path: i.path ?? null,
              comment: i.comment ?? null,
              label: q?.label ?? null,
              currentValue: q?.value,
              formattedValue: q?.formatted ?? null,
            }
          : {
              id: itemId,
              kind: 'evidence' as const,
              state: 'open' as const,
              answeredAt: null,
              code: i.code ?? null,
              title: i.title ?? null,
              uploadItemId: `req:${itemId}`,
              documentId: i.documentId ?? null,
              documentName: i.documentId ? (r.documents.find((d) => d.id === i.documentId)?.name ?? null) : null,
              documents: [],
              path: null,
              comment: i.comment ?? null,
              label: null,
              formattedValue: null,
            };
      }),
    };
    r.requests.push(view);
    this.rounds.set(key, { body: raw, id });
    this.setStatus('mitwirkung_angefordert');
    if (this.options.loseFirstRequestAnswer && !this.lost) {
      this.lost = true;
      throw new TypeError('Failed to fetch');
    }
    return json(201, view, { location: BASE });
  }
}

/** A jc-provider with a client on the review mock, around a jc-mws-review of the demo application. */
export function withReviewApi(
  options: ReviewMockOptions = {},
  onApi?: (api: MockReviewApi) => void,
  lang = 'de',
): TemplateResult {
  const api = new MockReviewApi(options);
  onApi?.(api);
  const client = new ApiClient({ baseUrl: location.origin, fetch: api.fetch, storage: null });
  return html`<jc-provider jobcenter="musterstadt" lang=${lang} .client=${client}
    ><jc-mws-review application-id=${REVIEW_ID}></jc-mws-review
  ></jc-provider>`;
}
