/**
 * The applicant's MWS endpoints in memory (server/mws/mws.applicant.ts): GET /api/applications/:id/requests,
 * POST …/requests/:rid/items/:iid/answer, …/reply, …/submit, with the server's exact shapes and problems, and
 * uploads to `req:<item>` through the ADE mock. For the stories and the component tests of jc-mws-todo.
 */
import { FIELD_MESSAGES } from '../domain/forms/messages.js';
import { MITWIRKUNG_NOTICES } from '../domain/legal.js';
import { REVIEW_STATUS_LABELS, type ReviewStatus } from '../domain/mws.js';
import type { RequestsView, TodoItem, TodoRequest } from '../components/mws-todo/todo-api.js';
import { PROBLEM_BASE } from './fixtures.js';
import { MockApi, type MockOptions } from './mock-api.js';
import { addDays, berlinDate } from '../domain/dates.js';

/** How the MWS mock behaves. */
export interface TodoMockOptions extends MockOptions {
  /** Open rounds at start: none, one (deadline in 14 days) or one overdue (deadline 3 days ago). */
  rounds?: 'none' | 'open' | 'overdue';
  /** An answered round from before. */
  answeredRound?: boolean;
  /** The next answer of a field item fails with this engine code (a check only the server makes). */
  answerErrors?: string[];
  /** The next write (answer, reply, submit) fails: `network` or 500. */
  writeFailures?: Array<'network' | 500>;
  /** The open round also asks to correct a choice (Familienstand) and to upload a document again (with a comment). */
  moreItems?: boolean;
}

const uuid = (n: number) => `00000000-0000-4000-9000-${String(n).padStart(12, '0')}`;
/** A calendar day in Germany `plus` days from `d` (deadlines are German dates). */
const day = (d: Date, plus: number) => addDays(berlinDate(d), plus);
const notice = () => {
  const n = MITWIRKUNG_NOTICES[MITWIRKUNG_NOTICES.length - 1];
  return { version: n.from, de: n.text.de, en: n.text.en };
};

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}
function problem(status: number, kind: string, title: string, extra: Record<string, unknown> = {}) {
  return new Response(JSON.stringify({ type: PROBLEM_BASE + kind, title, status, ...extra }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}
const fieldError = (path: string, code: string) =>
  problem(400, 'validation', 'Die Angaben sind unvollständig oder fehlerhaft.', {
    errors: [{ path, code, message: FIELD_MESSAGES[code]?.de ?? code }],
  });

const base = {
  answeredAt: null,
  code: null,
  title: null,
  uploadItemId: null,
  documents: [],
  path: null,
  comment: null,
  label: null,
  formattedValue: null,
} satisfies Partial<TodoItem>;

/** A choice to correct and a document to upload again (the caseworker's comment names the file). */
function moreItems(): TodoItem[] {
  const choice = (value: string, de: string, en: string) => ({ value, label: { de, en } });
  return [
    {
      ...base,
      id: uuid(901),
      kind: 'field',
      state: 'open',
      path: 'main/person/familyStatus',
      label: 'Familienstand',
      comment: 'Sie haben „ledig“ angegeben, im Haushalt lebt aber Ihr Ehemann. Bitte prüfen Sie das.',
      currentValue: 'single',
      formattedValue: 'ledig',
      question: {
        kind: 'choice',
        options: [
          choice('single', 'ledig', 'single'),
          choice('married', 'verheiratet', 'married'),
          choice('divorced', 'geschieden', 'divorced'),
          choice('widowed', 'verwitwet', 'widowed'),
        ],
      },
    },
    {
      ...base,
      id: uuid(902),
      kind: 'evidence',
      state: 'open',
      code: 'AUSWEIS',
      title: 'Bitte neu einreichen: ausweis.jpg',
      uploadItemId: `req:${uuid(902)}`,
      documentName: 'ausweis.jpg',
      comment: 'Die Rückseite fehlt.',
    },
  ];
}

/** An open round: a phone number and the rent to correct, the tenancy agreement to upload. */
export function openRound(now: Date, deadlineInDays: number, n = 1): TodoRequest {
  const created = new Date(now.getTime() - (14 - deadlineInDays) * 86_400_000);
  return {
    id: uuid(n * 100),
    state: 'open',
    createdAt: created.toISOString(),
    deadline: day(created, 14),
    message:
      'Guten Tag,\nfür die Prüfung Ihres Antrags brauchen wir noch Ihren Mietvertrag. Bitte prüfen Sie außerdem die markierten Angaben.\nMit freundlichen Grüßen\nIhr Jobcenter',
    notice: notice(),
    answeredAt: null,
    items: [
      {
        ...base,
        id: uuid(n * 100 + 1),
        kind: 'field',
        state: 'open',
        path: 'main/contact/phone',
        label: 'Telefonnummer',
        comment: 'Die Telefonnummer scheint unvollständig zu sein. Bitte prüfen Sie sie.',
        currentValue: '030 12',
        formattedValue: '030 12',
      },
      {
        ...base,
        id: uuid(n * 100 + 2),
        kind: 'field',
        state: 'open',
        path: 'main/housing/rent',
        label: 'Monatliche Kaltmiete',
        comment: 'Laut Ihren Kontoauszügen zahlen Sie 520 € Miete. Bitte prüfen Sie den Betrag.',
        currentValue: 450,
        formattedValue: '450,00 €',
      },
      {
        ...base,
        id: uuid(n * 100 + 3),
        kind: 'evidence',
        state: 'open',
        code: 'MIETVERTRAG',
        title: 'Mietvertrag (alle Seiten)',
        uploadItemId: `req:${uuid(n * 100 + 3)}`,
      },
    ],
  };
}

/** An answered round from two months ago. */
export function answeredRound(now: Date): TodoRequest {
  const created = new Date(now.getTime() - 60 * 86_400_000);
  return {
    id: uuid(900),
    state: 'answered',
    createdAt: created.toISOString(),
    deadline: day(created, 14),
    message: 'Bitte reichen Sie Ihren Personalausweis nach.',
    notice: notice(),
    answeredAt: new Date(created.getTime() + 3 * 86_400_000).toISOString(),
    items: [
      {
        ...base,
        id: uuid(901),
        kind: 'evidence',
        state: 'answered',
        answeredAt: new Date(created.getTime() + 3 * 86_400_000).toISOString(),
        code: 'AUSWEIS',
        title: 'Personalausweis',
        uploadItemId: `req:${uuid(901)}`,
        documents: [
          {
            id: uuid(902),
            filename: 'ausweis.pdf',
            mediaType: 'application/pdf',
            size: 120_000,
            sha256: 'ab'.repeat(32),
            href: '/api/applications/x/evidence/req%3Ax/documents/y',
          },
        ],
      },
    ],
  };
}

const TIMELINE: Array<{ key: string; status?: ReviewStatus; de: string; en: string }> = [
  {
    key: 'tda_received',
    de: 'Antrag gestellt (Tag der Antragstellung)',
    en: 'Application made (date of application)',
  },
  { key: 'application_received', status: 'eingegangen', ...REVIEW_STATUS_LABELS.eingegangen },
  { key: 'in_review', status: 'in_bearbeitung', ...REVIEW_STATUS_LABELS.in_bearbeitung },
  {
    key: 'evidence_requested',
    status: 'mitwirkung_angefordert',
    ...REVIEW_STATUS_LABELS.mitwirkung_angefordert,
  },
  { key: 'ready_for_decision', status: 'entscheidungsreif', ...REVIEW_STATUS_LABELS.entscheidungsreif },
  { key: 'completed', status: 'abgeschlossen', ...REVIEW_STATUS_LABELS.abgeschlossen },
];

/** The mock server with the applicant's MWS routes added. */
export class MockTodoApi extends MockApi {
  /** Rounds of the (first) submitted application. */
  readonly rounds: TodoRequest[] = [];
  readonly messages: RequestsView['messages'] = [];
  status: ReviewStatus = 'eingegangen';
  private readonly reached = new Map<ReviewStatus, string>();

  constructor(readonly todo: TodoMockOptions = {}) {
    super({
      session: 'level1',
      applications: [
        {
          status: 'submitted',
          version: 4,
          number: 'ADE-2026-7K3M9Q',
          submittedAt: new Date(Date.now() - 30 * 86_400_000).toISOString(),
          tdaId: 'tda-1',
        },
      ],
      ...todo,
      uploadItem: (_id, itemId) => this.openEvidence(itemId) !== undefined,
    });
    const now = todo.now?.() ?? new Date();
    const submitted = this.applications.rows.find((r) => r.status === 'submitted');
    if (submitted?.submittedAt) this.reached.set('eingegangen', submitted.submittedAt);
    if (todo.answeredRound) this.rounds.push(answeredRound(now));
    if (todo.rounds === 'open' || todo.rounds === 'overdue') {
      const r = openRound(now, todo.rounds === 'open' ? 14 : -3);
      if (todo.moreItems) r.items.push(...moreItems());
      this.rounds.push(r);
      this.messages.push({
        id: uuid(50),
        from: 'staff',
        requestId: r.id,
        text: 'Sie haben eine neue Anforderung. Bitte sehen Sie unter „Ihre Aufgaben“ nach.',
        createdAt: r.createdAt,
      });
    }
    if (this.rounds.length) this.reached.set('in_bearbeitung', this.rounds[0].createdAt);
    if (this.rounds.some((r) => r.state === 'open')) {
      this.status = 'mitwirkung_angefordert';
      this.reached.set('mitwirkung_angefordert', this.rounds.find((r) => r.state === 'open')!.createdAt);
    } else if (this.rounds.length) this.status = 'in_bearbeitung';
    const fetchBase = this.fetch;
    (this as { fetch: typeof fetch }).fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
      const url = new URL(input instanceof Request ? input.url : String(input), location.href);
      const path = url.pathname.slice(Math.max(0, url.pathname.indexOf('/api/')));
      const m =
        /^\/api\/applications\/([^/]+)\/requests(?:\/([^/]+)\/(reply|submit|items\/([^/]+)\/answer))?$/.exec(
          path,
        );
      if (!m) return fetchBase(input, init);
      const method = (init.method ?? 'GET').toUpperCase();
      const body =
        typeof init.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : undefined;
      this.calls.push({
        method,
        path,
        headers: Object.fromEntries(new Headers(init.headers).entries()),
        body,
      });
      if (this.options.delayMs) await new Promise((r) => setTimeout(r, this.options.delayMs));
      if (!this.account) return problem(401, 'unauthenticated', 'Nicht angemeldet');
      const row = this.applications.rows.find((r) => r.id === m[1] && r.status === 'submitted');
      if (!row) return problem(404, 'not-found', 'Nicht gefunden.');
      const [, , rid, action, iid] = m;
      if (!action && method === 'GET') return json(200, this.view());
      if (method !== 'POST') return problem(404, 'not-found', 'Nicht gefunden.');
      const failure = this.todo.writeFailures?.shift();
      if (failure === 'network') throw new TypeError('Failed to fetch');
      if (failure === 500) return problem(500, 'internal', 'Interner Fehler');
      const round = this.rounds.find((r) => r.id === rid);
      if (!round) return problem(404, 'not-found', 'Nicht gefunden.');
      if (action === 'reply') {
        const text = typeof body?.text === 'string' ? body.text.trim() : '';
        if (!text) return fieldError('text', 'required');
        const msg = {
          id: uuid(60 + this.messages.length),
          from: 'applicant' as const,
          requestId: round.id,
          text,
          createdAt: new Date().toISOString(),
        };
        this.messages.push(msg);
        return json(201, msg);
      }
      if (action === 'submit') {
        this.finish(round);
        return json(200, this.view());
      }
      return this.answer(row.id, round, iid, body ?? {});
    };
  }

  /** The open evidence item whose upload id is `itemId`. */
  private openEvidence(itemId: string): TodoItem | undefined {
    return this.rounds
      .filter((r) => r.state === 'open')
      .flatMap((r) => r.items)
      .find((i) => i.kind === 'evidence' && i.uploadItemId === itemId);
  }

  private answer(appId: string, round: TodoRequest, iid: string, body: Record<string, unknown>): Response {
    const item = round.items.find((i) => i.id === iid);
    if (!item) return problem(404, 'not-found', 'Nicht gefunden.');
    if (round.state !== 'open' || item.state !== 'open')
      return problem(409, 'request-closed', 'Diese Anforderung ist schon beantwortet.');
    if (item.kind === 'field') {
      if (!('value' in body)) return fieldError('value', 'required');
      const v = body.value;
      if (v === undefined || v === null || v === '') return fieldError('value', 'required');
      if (typeof item.currentValue === 'number' && typeof v !== 'number')
        return fieldError('value', 'invalid_money');
      const forced = this.todo.answerErrors?.shift();
      if (forced) return fieldError('value', forced);
      item.currentValue = v;
      item.formattedValue =
        typeof v === 'number'
          ? `${v.toLocaleString('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} €`
          : (item.question?.options?.find((o) => o.value === v)?.label.de ?? String(v));
    } else {
      if ('value' in body) return fieldError('value', 'not_allowed');
      const row = this.applications.rows.find((r) => r.id === appId)!;
      if (!row.documents.some((d) => d.itemId === item.uploadItemId))
        return fieldError('documents', 'required');
    }
    item.state = 'answered';
    item.answeredAt = new Date().toISOString();
    if (round.items.every((i) => i.state === 'answered')) this.finish(round);
    return json(200, this.view());
  }

  private finish(round: TodoRequest): void {
    if (round.state !== 'open') return;
    round.state = 'answered';
    round.answeredAt = new Date().toISOString();
    if (this.status === 'mitwirkung_angefordert' && !this.rounds.some((r) => r.state === 'open'))
      this.status = 'in_bearbeitung';
  }

  /** GET …/requests as the server answers it. */
  view(): RequestsView {
    const row = this.applications.rows.find((r) => r.status === 'submitted');
    const docs = row?.documents ?? [];
    const withDocs = (r: TodoRequest): TodoRequest => ({
      ...r,
      items: r.items.map((i) =>
        i.uploadItemId && i.documents.length === 0
          ? {
              ...i,
              documents: docs
                .filter((d) => d.itemId === i.uploadItemId)
                .map(({ id, filename, mediaType, size, sha256, href }) => ({
                  id,
                  filename,
                  mediaType,
                  size,
                  sha256,
                  href,
                })),
            }
          : i,
      ),
    });
    const tda = row?.submittedAt
      ? new Date(Date.parse(row.submittedAt) - 10 * 86_400_000).toISOString()
      : null;
    return {
      status: this.status,
      statusLabel: REVIEW_STATUS_LABELS[this.status],
      timeline: TIMELINE.map((s) => {
        const at = s.status ? (this.reached.get(s.status) ?? null) : tda;
        return {
          key: s.key,
          label: { de: s.de, en: s.en },
          at,
          reached: at !== null,
          current: s.status === this.status,
        };
      }),
      open: this.rounds.filter((r) => r.state === 'open').map(withDocs),
      answered: this.rounds.filter((r) => r.state === 'answered').map(withDocs),
      messages: this.messages.map((x) => ({ ...x })),
    };
  }
}
