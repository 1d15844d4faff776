/** Starts the real server (server/main.ts) as a child process on a free port with a throwaway database. */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));

/** A running server. */
export interface RunningServer {
  /** Base URL without trailing slash, e.g. `http://localhost:41234`. */
  url: string;
  /** Everything the server printed so far (for failure messages). */
  output(): string;
  /** SIGTERM, then SIGKILL after 10 s; removes the temporary directory. */
  stop(): Promise<void>;
  /** SIGKILL at once, as a crash would (no shutdown code runs); resolves when the process is gone. */
  kill(): Promise<void>;
}

/** A TCP port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', fail);
    srv.listen(0, () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? ok(addr.port) : fail(new Error('no port'))));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((ok) => {
    if (child.exitCode !== null || child.signalCode !== null) ok();
    else child.once('exit', () => ok());
  });
}

/** Starts `node --import tsx server/main.ts` and waits until GET /health answers 200. */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'jc-e2e-'));
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['NODE_ENV', 'SMTP_URL', 'ALLOWED_ORIGINS', 'HOST', 'TRUST_PROXY'])
    delete childEnv[name];
  Object.assign(childEnv, {
    PORT: String(port),
    PUBLIC_URL: url,
    DATABASE_URL: join(dir, 'e2e.sqlite'),
    DOCUMENT_KEY: randomBytes(32).toString('base64'),
    SEED_DEMO: 'true',
    PDF_WORKERS: '1',
    OUTBOX_INTERVAL_MS: '250',
    ...env,
  });
  let log = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited(child);
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await stop();
      throw new Error(`server exited before it was ready:\n${log}`);
    }
    const ok = await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`server did not answer /health within 60 s:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited(child);
  };
  return { url, output: () => log, stop, kill };
}

/** The problems with the server's last 60 lines attached, so a failing run says what the server saw ('' when none). */
export function withServerLog(server: RunningServer, problems: string[]): string {
  if (!problems.length) return '';
  const tail = server.output().split('\n').slice(-60).join('\n');
  return `${problems.join('\n')}\n\n--- server output (last 60 lines) ---\n${tail}`;
}
