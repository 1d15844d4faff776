// A small closed-loop HTTP load generator for the benchmarks (types in load-client.d.mts).
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

if (!isMainThread && parentPort) {
  const port = parentPort;
  port.once('message', (o) => {
    runLoad(o).then(
      (r) => port.postMessage({ ok: true, result: r }),
      (e) => port.postMessage({ ok: false, error: String(e?.stack ?? e) }),
    );
  });
}
