/**
 * The form part of the OAP eServices (one lazy chunk, see JcOapService.loadRenderer): jc-form-page with its
 * controls, and the encrypted device copy of unsent changes with its restore offer (REL-01).
 */
import '../form-page/form-page.js';
import { DraftCache, type CachedDraft } from '../controllers/draft-cache.js';

export { clearDraftCache } from '../controllers/draft-cache.js';
export { restoreView } from '../form-page/restore-view.js';

/** JSON with sorted keys: the same answers compare equal whatever order the server returned them in. */
const canonical = (v: unknown) =>
  JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1)))
      : x,
  );

/** This device's copy of one eService's unsent answers, for one account (`oap:<account>:<service>`). */
export class OapDeviceCopy {
  private readonly cache = new DraftCache();

  constructor(private readonly id: string) {}

  /** Keeps the answers (encrypted) until the server has them. */
  keep(answers: Record<string, unknown>, baseVersion: number): void {
    const changedAt = new Date().toISOString();
    void this.cache.write({ applicationId: this.id, baseVersion, answers: { main: answers, members: [], anlagen: {} }, changedAt });
  }

  /** Forgets the copy (the server has everything, or she discarded it). */
  drop(): void {
    void this.cache.remove(this.id);
  }

  /** The copy if it differs from the server's answers; one that does not is dropped. */
  async differing(server: Record<string, unknown>): Promise<CachedDraft | undefined> {
    const cached = await this.cache.read(this.id);
    if (cached && canonical(cached.answers.main) !== canonical(server)) return cached;
    if (cached) this.drop();
    return undefined;
  }
}
