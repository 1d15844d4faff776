/** What to send and for how long (a duration or a count; warm-up is run first and discarded). */
export interface LoadOptions {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  /** Request body (sent with a content-length). */
  body?: string;
  /** Concurrent keep-alive connections, each a closed loop. */
  connections: number;
  durationMs?: number;
  count?: number;
  warmupMs?: number;
  warmupCount?: number;
  /** The status that counts as success (default 200); others are errors and not in the latencies. */
  expectStatus?: number;
  /** Send a new random Idempotency-Key with every request. */
  freshIdempotencyKey?: boolean;
}

/** The measured phase. */
export interface LoadResult {
  requests: number;
  ok: number;
  errors: number;
  /** Status and start of the body of the first unexpected answer. */
  firstError?: string;
  statuses: Record<string, number>;
  wallMs: number;
  /** Latencies of successful requests, sorted ascending, in ms. */
  latenciesMs: number[];
}

/** Runs the load in the calling thread. */
export function runLoad(o: LoadOptions): Promise<LoadResult>;

/** One target of the open loop (e.g. one draft): its path, own headers and current ETag. */
export interface OpenLoopTarget {
  path: string;
  method?: string;
  headers?: Record<string, string>;
  /** Sent as If-Match when `trackEtag` is set; replaced by the ETag of every answer. */
  etag?: string;
}

/** A fixed request rate, independent of the answers (see runOpenLoop). */
export interface OpenLoopOptions {
  mode?: 'open';
  /** e.g. http://127.0.0.1:1234 */
  origin: string;
  ratePerSec: number;
  warmupMs?: number;
  durationMs: number;
  /** Requests go round-robin over the targets; at most one in flight per target. */
  targets: OpenLoopTarget[];
  /** Headers of every request. */
  headers?: Record<string, string>;
  /** The body; the first `"{{seq}}"` (with the quotes) is replaced by a number that grows with every request. */
  bodyTemplate: string;
  trackEtag?: boolean;
  expectStatus?: number;
  /** How long to wait for outstanding answers after the last due time (default 10 s). */
  drainTimeoutMs?: number;
}

/** The measured window (requests due after the warm-up). */
export interface OpenLoopResult {
  /** Requests due in the measured window. */
  scheduled: number;
  ok: number;
  /** Other statuses, transport errors and unanswered requests (412 not included). */
  errors: number;
  /** 412 Precondition Failed answers. */
  conflicts: number;
  unfinished: number;
  /** Due while the previous request of the same target was still in flight (sent when it answered). */
  waitedForPrevious: number;
  firstError?: string;
  statuses: Record<string, number>;
  windowMs: number;
  /** Answers (any status) that arrived inside the window: the achieved rate is this / windowMs. */
  completedInWindow: number;
  /** From due time to the end of the answer, successful requests, sorted ascending, ms. */
  latenciesMs: number[];
  /** Send time − due time of requests that did not wait for a previous one (client lateness), sorted, ms. */
  sendLagMs: number[];
  lastDoneAfterWindowMs: number;
}

/** Runs the open loop in the calling thread. */
export function runOpenLoop(o: OpenLoopOptions): Promise<OpenLoopResult>;
