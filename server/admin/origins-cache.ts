/** Lets a change of the allowed origins take effect at once in the CORS check of this process (SEC-21). */

const generations = new WeakMap<object, number>();

/** Marks the allowed origins of `db` as changed: the next CORS check reloads them. */
export function allowedOriginsChanged(db: object): void {
  generations.set(db, (generations.get(db) ?? 0) + 1);
}

/**
 * Wraps a (time-)cached loader: after `allowedOriginsChanged(db)` a fresh loader is made. Other processes on the
 * same database still see a change only when their cache expires.
 */
export function refreshOnOriginChange<T>(db: object, make: () => () => Promise<T>): () => Promise<T> {
  let seen = generations.get(db) ?? 0;
  let load = make();
  return () => {
    const now = generations.get(db) ?? 0;
    if (now !== seen) {
      seen = now;
      load = make();
    }
    return load();
  };
}
