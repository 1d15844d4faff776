/** ApiError: a problem+json answer (RFC 9457) or a network failure, typed. */
import type { FieldError } from '../../domain/common.js';

/** The parts of a problem+json body the widgets use. */
export interface ProblemBody {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: FieldError[];
  requiredLevel?: number;
}

/** An error answer of the API (status ≥ 400), or status 0 when no answer arrived at all. */
export class ApiError extends Error {
  /** HTTP status; 0 for a network failure. */
  readonly status: number;
  /** Problem type URI, e.g. `…/token-invalid`; `network` for a network failure. */
  readonly type: string;
  /** Short human-readable summary from the server. */
  readonly title: string;
  /** Longer explanation from the server. */
  readonly detail?: string;
  /** Field errors (path + message code) of a 400. */
  readonly errors: FieldError[];
  /** On 403: the security level that would allow the request. */
  readonly requiredLevel?: number;
  /** On 429/503: seconds to wait (Retry-After). */
  readonly retryAfter?: number;
  /** The whole problem body, with extension members (e.g. `current` of a 412 version conflict). */
  readonly body: ProblemBody & Record<string, unknown>;

  constructor(status: number, body: ProblemBody, retryAfter?: number) {
    super(body.title || body.detail || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.type = body.type ?? 'about:blank';
    this.title = body.title ?? '';
    this.detail = body.detail;
    this.errors = Array.isArray(body.errors) ? body.errors : [];
    this.requiredLevel = body.requiredLevel;
    this.retryAfter = retryAfter;
    this.body = body as ProblemBody & Record<string, unknown>;
  }

  /** True when the problem type ends with `/<kind>`, e.g. `is('token-invalid')`. */
  is(kind: string): boolean {
    return this.type === kind || this.type.endsWith(`/${kind}`);
  }

  /** True when no answer arrived (offline, DNS, CORS, aborted). */
  get isNetwork(): boolean {
    return this.status === 0;
  }
}

/** Parses `Retry-After` (seconds or HTTP date) into seconds. */
export function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}
