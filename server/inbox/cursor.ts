/**
 * Opaque keyset cursors of the inbox: base64url of "sort|deadline|createdAt|id" and a truncated HMAC, so a cursor
 * that was changed in any way (or belongs to another sort order) is a 400, never a surprising page.
 */
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { InboxKey, InboxSort } from './inbox.repository.js';

const SORT_CODES: Record<InboxSort, string> = { oldest: 'o', newest: 'n', deadline: 'd' };
const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2}))?$/;
const ID = /^[A-Za-z0-9_-]{1,64}$/;

const keys = new WeakMap<Buffer, Buffer>();
function macKey(secret: Buffer): Buffer {
  let key = keys.get(secret);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'jc inbox cursor v1', 32));
    keys.set(secret, key);
  }
  return key;
}

const mac = (secret: Buffer, payload: string) => createHmac('sha256', macKey(secret)).update(payload).digest().subarray(0, 16);

/** The cursor after `key` in `sort` order. */
export function encodeCursor(secret: Buffer, sort: InboxSort, key: InboxKey): string {
  const payload = `${SORT_CODES[sort]}|${key.deadline ?? ''}|${key.createdAt}|${key.id}`;
  return `${Buffer.from(payload, 'utf8').toString('base64url')}.${mac(secret, payload).toString('base64url')}`;
}

/** The key of a cursor made by encodeCursor for the same sort order, or null when it is not one. */
export function decodeCursor(secret: Buffer, sort: InboxSort, cursor: string): InboxKey | null {
  const m = /^([A-Za-z0-9_-]{1,200})\.([A-Za-z0-9_-]{22})$/.exec(cursor);
  if (!m) return null;
  const payload = Buffer.from(m[1], 'base64url').toString('utf8');
  const given = Buffer.from(m[2], 'base64url');
  if (given.length !== 16 || !timingSafeEqual(given, mac(secret, payload))) return null;
  const [code, deadline, createdAt, id, ...rest] = payload.split('|');
  if (rest.length > 0 || code !== SORT_CODES[sort] || !ISO.test(createdAt ?? '') || !ID.test(id ?? '')) return null;
  if (deadline !== '' && (sort !== 'deadline' || !ISO.test(deadline))) return null;
  return { deadline: deadline === '' ? null : deadline, createdAt, id };
}
