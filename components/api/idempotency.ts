/** Idempotency keys for submissions (REL-03): one key per payload, kept for its retries. */

/** A random UUID v4; falls back to getRandomValues where randomUUID is missing (non-secure context). */
export function randomKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** JSON with sorted object keys, so equal payloads give equal fingerprints. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

/**
 * Hands out the `Idempotency-Key` of a submission: the same payload gets the same key until the
 * submission succeeded (`settle`), so a retry after a timeout or a lost answer is recognised by the
 * server; a changed payload (the person corrected a field) gets a new key.
 */
export class IdempotencyKeys {
  private fingerprint?: string;
  private key?: string;

  /** The key for this payload. */
  keyFor(payload: unknown): string {
    const fp = canonical(payload);
    if (fp !== this.fingerprint || !this.key) {
      this.fingerprint = fp;
      this.key = randomKey();
    }
    return this.key;
  }

  /** Forgets the key (after success, or when the server says it belongs to another payload). */
  settle(): void {
    this.fingerprint = undefined;
    this.key = undefined;
  }
}
