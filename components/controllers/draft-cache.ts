/**
 * The local copy of unsent draft changes (REL-01): IndexedDB via idb-keyval, encrypted with AES-GCM under
 * a non-extractable WebCrypto key that is itself kept in IndexedDB as a CryptoKey object (structured
 * clone keeps it non-extractable: script can use it, never read it). Entries expire after 7 days and the
 * whole store, key included, is wiped on sign-out. The server holds the truth; this is only a cache.
 */
import { createStore, del, get, set, update, clear, type UseStore } from 'idb-keyval';
import type { Answers } from '../../domain/forms/engine.js';

/** What is cached for one application. */
export interface CachedDraft {
  applicationId: string;
  /** The server version these changes are based on. */
  baseVersion: number;
  answers: Answers;
  /** When the change was made (ISO). */
  changedAt: string;
}

/** An entry as stored: only ciphertext, nonce and expiry. */
export interface SealedEntry {
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
  expires: number;
}

/** How long a cached draft lives. */
export const CACHE_TTL_MS = 7 * 24 * 60 * 60 * 1000;
/** IndexedDB database and store names (tests read the raw entries). */
export const CACHE_DB = 'jc-widgets-drafts';
const KEY = 'key';

let storeRef: UseStore | undefined;
const store = () => (storeRef ??= createStore(CACHE_DB, 'drafts'));
const entryKey = (applicationId: string) => `draft:${applicationId}`;
const enc = new TextEncoder();

/** The store's AES-GCM key, generated once (non-extractable). */
async function cacheKey(): Promise<CryptoKey> {
  const fresh = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
  // Two tabs may race here: `update` keeps whichever key was stored first.
  await update<CryptoKey>(KEY, (old) => old ?? fresh, store());
  return (await get<CryptoKey>(KEY, store()))!;
}

/** Stores the draft encrypted (the application id is bound as additional data). */
export async function writeDraft(d: CachedDraft, now = Date.now()): Promise<void> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: enc.encode(d.applicationId) },
    await cacheKey(),
    enc.encode(JSON.stringify(d)),
  );
  await set(
    entryKey(d.applicationId),
    { iv, data, expires: now + CACHE_TTL_MS } satisfies SealedEntry,
    store(),
  );
}

/** The cached draft, or undefined when none, expired or unreadable (then it is removed). */
export async function readDraft(applicationId: string, now = Date.now()): Promise<CachedDraft | undefined> {
  try {
    const sealed = await get<SealedEntry>(entryKey(applicationId), store());
    if (!sealed) return undefined;
    if (sealed.expires < now) throw new Error('expired');
    const key = await get<CryptoKey>(KEY, store());
    if (!key) throw new Error('no key');
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: sealed.iv, additionalData: enc.encode(applicationId) },
      key,
      sealed.data,
    );
    const d = JSON.parse(new TextDecoder().decode(plain)) as CachedDraft;
    return d.applicationId === applicationId ? d : undefined;
  } catch {
    await removeDraft(applicationId);
    return undefined;
  }
}

/** Removes one cached draft (after the server confirmed it). */
export async function removeDraft(applicationId: string): Promise<void> {
  try {
    await del(entryKey(applicationId), store());
  } catch {
    /* IndexedDB unavailable (private mode): nothing cached */
  }
}

// One queue for every IndexedDB change, so a wipe on sign-out cannot be overtaken by a write queued before it.
let queue: Promise<unknown> = Promise.resolve();
let generation = 0;

function enqueue(work: () => Promise<unknown>): Promise<void> {
  const next = queue.then(work).then(
    () => undefined,
    () => undefined, // no IndexedDB (private mode), quota: the server copy stays the truth
  );
  queue = next;
  return next;
}

/** Wipes every cached draft and the key (on sign-out: a shared computer keeps nothing). */
export function clearDraftCache(): Promise<void> {
  generation++;
  return enqueue(() => clear(store()));
}

/** Queued access to the cache for one widget: writes in order, none after a sign-out wipe. */
export class DraftCache {
  /** Queues a write of the newest unsent answers. */
  write(d: CachedDraft): Promise<void> {
    const gen = generation;
    return enqueue(async () => (gen === generation ? writeDraft(d) : undefined));
  }

  /** Reads a cached draft in turn with the writes and wipes queued before. */
  read(applicationId: string): Promise<CachedDraft | undefined> {
    let found: CachedDraft | undefined;
    return enqueue(async () => (found = await readDraft(applicationId))).then(() => found);
  }

  /** Queues the removal (after the server confirmed everything). */
  remove(applicationId: string): Promise<void> {
    return enqueue(() => removeDraft(applicationId));
  }

  /** Resolves when queued work is done. */
  settled(): Promise<void> {
    return enqueue(async () => undefined);
  }
}
