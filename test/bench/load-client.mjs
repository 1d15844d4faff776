// A small HTTP load generator for the benchmarks (types in load-client.d.mts): closed loop (runLoad) and
// open loop at a fixed rate (runOpenLoop, below).
// `connections` loops each send one request, wait for the whole response, send the next; every measured
// request's latency is taken with performance.now(). Runs inline (import runLoad) or as a worker thread
// (post the options, receive the result), so the client does not share the server's event loop.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { isMainThread, parentPort } from 'node:worker_threads';

/**
 * Runs a warm-up phase (discarded) and a measured phase.
 * @param {import('./load-client.d.mts').LoadOptions} o
 * @returns {Promise<import('./load-client.d.mts').LoadResult>}
 */
export async function runLoad(o) {
  const url = new URL(o.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.connections, maxFreeSockets: o.connections });
  const body = o.body === undefined ? undefined : Buffer.from(o.body);
  const expect = o.expectStatus ?? 200;

  /** @returns {Promise<{ ms: number, status: number, error?: string }>} */
  const one = () =>
    new Promise((resolve) => {
      /** @type {Record<string, string>} */
      const headers = { ...(o.headers ?? {}) };
      if (body) headers['content-length'] = String(body.length);
      if (o.freshIdempotencyKey) headers['idempotency-key'] = randomUUID();
      const start = performance.now();
      const req = http.request(
        {
          agent,
          host: url.hostname,
          port: url.port,
          path: url.pathname + url.search,
          method: o.method ?? 'GET',
          headers,
        },
        (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => {
            const status = res.statusCode ?? 0;
            const ms = performance.now() - start;
            resolve(
              status === expect
                ? { ms, status }
                : { ms, status, error: Buffer.concat(chunks).toString('utf8').slice(0, 300) },
            );
          });
          res.on('error', (e) => resolve({ ms: performance.now() - start, status: 0, error: e.message }));
        },
      );
      req.on('error', (e) => resolve({ ms: performance.now() - start, status: 0, error: e.message }));
      req.end(body);
    });

  /** @param {{ durationMs?: number, count?: number }} limit */
  async function phase(limit) {
    const latencies = [];
    /** @type {Record<string, number>} */
    const statuses = {};
    let issued = 0;
    let errors = 0;
    let firstError;
    const t0 = performance.now();
    const stopAt = limit.durationMs === undefined ? Infinity : t0 + limit.durationMs;
    const count = limit.count ?? Infinity;
    const loop = async () => {
      while (issued < count && performance.now() < stopAt) {
        issued++;
        const r = await one();
        statuses[r.status] = (statuses[r.status] ?? 0) + 1;
        if (r.status === expect) latencies.push(r.ms);
        else {
          errors++;
          firstError ??= `${r.status} ${r.error ?? ''}`.trim();
        }
      }
    };
    await Promise.all(Array.from({ length: o.connections }, loop));
    return { latencies, statuses, errors, firstError, wallMs: performance.now() - t0 };
  }

  try {
    if (o.warmupMs || o.warmupCount) await phase({ durationMs: o.warmupMs, count: o.warmupCount });
    const m = await phase({ durationMs: o.durationMs, count: o.count });
    m.latencies.sort((a, b) => a - b);
    return {
      requests: m.latencies.length + m.errors,
      ok: m.latencies.length,
      errors: m.errors,
      firstError: m.firstError,
      statuses: m.statuses,
      wallMs: m.wallMs,
      latenciesMs: m.latencies,
    };
  } finally {
    agent.destroy();
  }
}

/**
 * Open loop: request i is due at start + i / ratePerSec whatever the answers do, so a slow server makes the
 * queue (and the latency) grow instead of slowing the client down. Latency is taken from the due time, so it
 * includes any wait (coordinated omission is not hidden). Requests go round-robin over `targets`; each target
 * (one draft of one applicant) has at most one request in flight, like a browser tab saving in order: a due
 * request whose target is busy waits (counted as `waitedForPrevious`) and is sent when the previous answers.
 * With `trackEtag`, each request carries the target's current ETag as If-Match and takes the new one from the
 * answer (also from a 412, which is counted separately).
 * @param {import('./load-client.d.mts').OpenLoopOptions} o
 * @returns {Promise<import('./load-client.d.mts').OpenLoopResult>}
 */
export async function runOpenLoop(o) {
  const origin = new URL(o.origin);
  const n = o.targets.length;
  const agent = new http.Agent({ keepAlive: true, maxSockets: n, maxFreeSockets: n });
  const expect = o.expectStatus ?? 200;
  const intervalMs = 1000 / o.ratePerSec;
  const warmupMs = o.warmupMs ?? 0;
  const total = Math.floor(((warmupMs + o.durationMs) / 1000) * o.ratePerSec);
  const measuredFrom = Math.ceil((warmupMs / 1000) * o.ratePerSec);
  const targets = o.targets.map((t) => ({ ...t, busy: false, /** @type {number[]} */ queue: [] }));

  const latencies = [];
  /** client lateness: send time − due time, of requests that did not wait for a previous one */
  const sendLag = [];
  /** @type {Record<string, number>} */
  const statuses = {};
  let errors = 0;
  let conflicts = 0;
  let waited = 0;
  let firstError;
  let seq = 0;
  let done = 0;
  let completedInWindow = 0;
  let stopped = false;
  /** @type {() => void} */
  let allDone = () => {};
  const finished = new Promise((r) => (allDone = r));

  const t0 = performance.now() + 20;
  const windowStart = t0 + measuredFrom * intervalMs;
  const windowEnd = t0 + total * intervalMs;

  /** @param {typeof targets[number]} t @param {number} i @param {number} due @param {boolean} queued */
  const send = (t, i, due, queued) => {
    if (stopped) return;
    t.busy = true;
    const measured = i >= measuredFrom;
    const body = Buffer.from(o.bodyTemplate.replace('"{{seq}}"', String(++seq)));
    /** @type {Record<string, string>} */
    const headers = { ...(o.headers ?? {}), ...(t.headers ?? {}), 'content-length': String(body.length) };
    if (o.trackEtag && t.etag) headers['if-match'] = t.etag;
    const sentAt = performance.now();
    if (measured && !queued) sendLag.push(sentAt - due);
    /** @param {number} status @param {string | undefined} etag @param {string} [error] */
    const finish = (status, etag, error) => {
      const end = performance.now();
      if (o.trackEtag && etag) t.etag = etag;
      if (end >= windowStart && end < windowEnd) completedInWindow++;
      if (measured) {
        statuses[status] = (statuses[status] ?? 0) + 1;
        if (status === expect) latencies.push(end - due);
        else if (status === 412) conflicts++;
        else {
          errors++;
          firstError ??= `${status} ${error ?? ''}`.trim();
        }
      }
      t.busy = false;
      done++;
      const next = t.queue.shift();
      if (next !== undefined) send(t, next, t0 + next * intervalMs, true);
      if (done === total) allDone();
    };
    const req = http.request(
      { agent, host: origin.hostname, port: origin.port, path: t.path, method: t.method ?? 'PUT', headers },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          const etag = res.headers.etag;
          finish(
            status,
            etag,
            status === expect ? undefined : Buffer.concat(chunks).toString('utf8').slice(0, 300),
          );
        });
        res.on('error', (e) => finish(0, undefined, e.message));
      },
    );
    req.on('error', (e) => finish(0, undefined, e.message));
    req.end(body);
  };

  let next = 0;
  const tick = () => {
    const now = performance.now();
    while (next < total && t0 + next * intervalMs <= now) {
      const i = next++;
      const t = targets[i % n];
      if (t.busy) {
        if (i >= measuredFrom) waited++;
        t.queue.push(i);
      } else send(t, i, t0 + i * intervalMs, false);
    }
    if (next < total && !stopped)
      setTimeout(tick, Math.max(0, Math.min(1, t0 + next * intervalMs - performance.now())));
  };
  setTimeout(tick, 20);

  const drainMs = o.drainTimeoutMs ?? 10_000;
  let timer;
  const timedOut = await Promise.race([
    finished.then(() => false),
    new Promise((r) => (timer = setTimeout(() => r(true), warmupMs + o.durationMs + 40 + drainMs))),
  ]);
  clearTimeout(timer);
  stopped = true;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  sendLag.sort((a, b) => a - b);
  const scheduled = total - measuredFrom;
  const unfinished = timedOut ? total - done : 0;
  return {
    scheduled,
    ok: latencies.length,
    errors: errors + unfinished,
    conflicts,
    unfinished,
    waitedForPrevious: waited,
    firstError:
      firstError ?? (unfinished ? `${unfinished} requests unanswered after the drain timeout` : undefined),
    statuses,
    windowMs: windowEnd - windowStart,
    completedInWindow,
    latenciesMs: latencies,
    sendLagMs: sendLag,
    lastDoneAfterWindowMs: Math.max(0, performance.now() - windowEnd),
  };
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  port.once('message', (o) => {
    (o.mode === 'open' ? runOpenLoop(o) : runLoad(o)).then(
      (r) => port.postMessage({ ok: true, result: r }),
      (e) => port.postMessage({ ok: false, error: String(e?.stack ?? e) }),
    );
  });
}
