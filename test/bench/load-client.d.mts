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
