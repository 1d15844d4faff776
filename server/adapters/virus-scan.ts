/**
 * The virus-scan port for uploads (SEC-30). The default is `off` (and says so in GET /api/uploads/policy);
 * `clamd` speaks ClamAV's INSTREAM protocol over TCP and fails closed: no answer means no upload.
 */
import { connect } from 'node:net';

/** The verdict on one file. */
export interface ScanResult {
  clean: boolean;
  /** The signature name when infected, e.g. `Eicar-Signature`. */
  signature?: string;
}

/** A virus scanner; `scan` rejects when the scanner cannot give a verdict (callers must refuse the file). */
export interface VirusScanner {
  scan(bytes: Uint8Array): Promise<ScanResult>;
  readonly mode: 'off' | 'clamd';
}

/** Thrown when the scanner gave no verdict (down, timeout, protocol error): the upload is refused with 503. */
export class VirusScanUnavailable extends Error {
  override readonly name = 'VirusScanUnavailable';
}

/** No scanning: every file counts as clean. Its mode is visible to clients and operators. */
export function createNoVirusScanner(): VirusScanner {
  return { mode: 'off', scan: async () => ({ clean: true }) };
}

/** Options of the clamd client. */
export interface ClamdOptions {
  host: string;
  port: number;
  /** Whole scan (connect, send, verdict) must finish within this time (default 15 s). */
  timeoutMs?: number;
  /** Bytes per INSTREAM chunk (default 64 KiB; clamd's StreamMaxLength bounds the total). */
  chunkBytes?: number;
}

/** A ClamAV clamd client over TCP (INSTREAM). Every failure rejects with VirusScanUnavailable. */
export function createClamdScanner(opts: ClamdOptions): VirusScanner {
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const chunkBytes = Math.max(1, opts.chunkBytes ?? 64 * 1024);
  return {
    mode: 'clamd',
    scan(bytes) {
      return new Promise<ScanResult>((resolve, reject) => {
        const replies: Buffer[] = [];
        let settled = false;
        const socket = connect({ host: opts.host, port: opts.port });
        const fail = (why: string) => {
          if (settled) return;
          settled = true;
          socket.destroy();
          reject(new VirusScanUnavailable(`clamd ${opts.host}:${opts.port}: ${why}`));
        };
        const timer = setTimeout(() => fail(`no verdict within ${timeoutMs} ms`), timeoutMs);
        const finish = () => {
          clearTimeout(timer);
          if (settled) return;
          const verdict = parseReply(Buffer.concat(replies).toString('utf8'));
          if (!verdict) return fail('unexpected reply');
          settled = true;
          socket.destroy();
          resolve(verdict);
        };
        socket.on('error', (err) => {
          clearTimeout(timer);
          fail(err.message);
        });
        socket.on('data', (chunk) => {
          replies.push(chunk);
          // clamd ends a z-command's reply with NUL; do not wait for the close.
          if (chunk.includes(0)) finish();
        });
        socket.on('end', finish);
        socket.on('connect', () => {
          socket.write('zINSTREAM\0');
          for (let at = 0; at < bytes.byteLength; at += chunkBytes) {
            const part = bytes.subarray(at, Math.min(at + chunkBytes, bytes.byteLength));
            const len = Buffer.alloc(4);
            len.writeUInt32BE(part.byteLength);
            socket.write(len);
            socket.write(part);
          }
          socket.write(Buffer.alloc(4)); // zero-length chunk: end of stream
        });
      });
    },
  };
}

/** `stream: OK` → clean; `stream: <name> FOUND` → infected; anything else (`… ERROR`) → undefined. */
export function parseReply(raw: string): ScanResult | undefined {
  const reply = raw.replace(/\0/g, '').trim();
  if (/^(stream|\d+): OK$/.test(reply)) return { clean: true };
  const found = /^(?:stream|\d+): (.+) FOUND$/.exec(reply);
  if (found) return { clean: false, signature: found[1].slice(0, 200) };
  return undefined;
}
