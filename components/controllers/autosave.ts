/** AutosaveController: every change reaches the server, debounced, with the version it is based on (REL-01/02). */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Answers } from '../../domain/forms/engine.js';
import { ApiError } from '../api/api-error.js';
import type { CurrentDraft } from '../api/applications-api.js';

/** What the person sees: nothing yet, saving, saved, no connection, another window won, other trouble, sent. */
export type SaveStatus = 'idle' | 'saving' | 'saved' | 'offline' | 'conflict' | 'error' | 'submitted';

/** The PUT: answers on top of `version`; resolves with the new version. */
export type SaveFn = (
  id: string,
  version: number,
  answers: Answers,
) => Promise<{ version: number; updatedAt: string }>;

/**
 * Saves the latest answers `delayMs` after the last change (and at once on `flush`, e.g. on a page
 * change), one request at a time, each with `If-Match` of the version read. A 412 never overwrites:
 * saving stops with `conflict` (the server's newer draft) until `keepMine` or `takeTheirs`. Without a
 * connection it retries with back-off and when the browser goes online again.
 */
export class AutosaveController implements ReactiveController {
  /** Current status. */
  status: SaveStatus = 'idle';
  /** When the server last confirmed a save. */
  savedAt?: Date;
  /** The newer draft of a 412. */
  conflict?: CurrentDraft;
  /** The version the next save is based on (the ETag read). */
  version = 0;
  /** Called after each confirmed save; `clean` when nothing is waiting any more. */
  onSaved?: (version: number, clean: boolean) => void;
  private id = '';
  private saved?: Answers;
  private latest?: Answers;
  private timer?: ReturnType<typeof setTimeout>;
  private inflight?: Promise<void>;
  private retryMs = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly save: SaveFn,
    /** Pause after the last change before saving. */
    public delayMs = 800,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('online', this.onOnline);
    document.addEventListener('visibilitychange', this.onHidden);
  }

  hostDisconnected(): void {
    window.removeEventListener('online', this.onOnline);
    document.removeEventListener('visibilitychange', this.onHidden);
    if (this.dirty && this.status !== 'conflict') void this.flush();
  }

  /** Starts on a draft as the server sent it. */
  start(id: string, version: number, answers: Answers): void {
    clearTimeout(this.timer);
    Object.assign(this, { id, version, saved: answers, latest: answers, conflict: undefined, retryMs: 0 });
    this.set('idle');
  }

  /** True while changes have not been confirmed by the server. */
  get dirty(): boolean {
    return this.latest !== this.saved;
  }

  /** Records a change; it is saved after the pause. */
  change(answers: Answers): void {
    this.latest = answers;
    if (this.status === 'conflict' || this.status === 'submitted') return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(), this.delayMs);
  }

  /** Saves now; resolves true when everything is on the server. */
  async flush(): Promise<boolean> {
    clearTimeout(this.timer);
    await this.run();
    return !this.dirty && (this.status === 'saved' || this.status === 'idle');
  }

  /** Conflict: keep my answers and write them over the newer version (a deliberate choice). */
  keepMine(): Promise<boolean> {
    if (this.conflict) this.version = this.conflict.version;
    this.conflict = undefined;
    this.saved = undefined; // forces the save even when nothing changed since
    this.set('saving');
    return this.flush();
  }

  /** Conflict: take the newer version from the server; returns its answers. */
  takeTheirs(): Answers | undefined {
    const c = this.conflict;
    if (!c) return undefined;
    this.start(this.id, c.version, c.answers);
    this.savedAt = new Date(c.updatedAt);
    this.set('saved');
    return c.answers;
  }

  /** A write elsewhere (e.g. submit) met a newer version: stop and offer the choice. */
  conflicted(current: CurrentDraft): void {
    clearTimeout(this.timer);
    this.conflict = current;
    this.set('conflict');
  }

  /** Marks the draft as sent: no further saves. */
  submitted(): void {
    clearTimeout(this.timer);
    this.saved = this.latest;
    this.set('submitted');
  }

  /** The tab goes to the background or is being closed: do not wait for the pause. */
  private readonly onHidden = () => {
    if (document.visibilityState === 'hidden' && this.dirty) void this.flush();
  };

  private readonly onOnline = () => {
    if (this.status === 'offline' || this.status === 'error') void this.flush();
  };

  private set(status: SaveStatus): void {
    this.status = status;
    this.host.requestUpdate();
  }

  private async run(): Promise<void> {
    while (this.inflight) await this.inflight;
    if (!this.dirty || this.status === 'conflict' || this.status === 'submitted' || !this.id) return;
    const answers = this.latest!;
    this.set('saving');
    this.inflight = this.send(answers);
    await this.inflight;
    this.inflight = undefined;
    if (this.dirty && this.status === 'saved') await this.run(); // typed on while the request was out
  }

  private async send(answers: Answers): Promise<void> {
    try {
      const r = await this.save(this.id, this.version, answers);
      this.version = r.version;
      this.saved = answers;
      this.savedAt = new Date();
      this.retryMs = 0;
      this.set('saved');
      this.onSaved?.(r.version, !this.dirty);
    } catch (e) {
      if (e instanceof ApiError && e.status === 412 && e.body.current)
        return this.conflicted(e.body.current as CurrentDraft);
      if (e instanceof ApiError && e.is('application-submitted')) return this.set('submitted');
      const offline = e instanceof ApiError && (e.isNetwork || e.status >= 500);
      this.set(offline ? 'offline' : 'error');
      // Back-off 2 s, 4 s, … 60 s; the browser's `online` event retries at once.
      this.retryMs = Math.min(60_000, this.retryMs ? this.retryMs * 2 : 2000);
      clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.run(), this.retryMs);
    }
  }
}
