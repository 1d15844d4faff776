/**
 * The lazy form part of an OAP eService and this device's copy of unsent answers (REL-01): loads the part
 * once when a form is due (page views without one never fetch it), then looks whether the device holds
 * answers the server does not; those are offered back, never applied silently.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CachedDraft } from '../controllers/draft-cache.js';

/** The lazy form part: every element's chunk re-exports `oap-form.js`. */
export type OapFormPart = typeof import('./oap-form.js');

export class OapFormPartController implements ReactiveController {
  /** The part is loaded and the device copy has been looked at: the form may show. */
  ready = false;
  /** Unsent answers of this device that differ from the server's. */
  restore?: CachedDraft;
  /** Key of the device copy: `oap:<account>:<service>` (set once the session is known). */
  id = '';
  private part?: OapFormPart;
  private copy?: InstanceType<OapFormPart['OapDeviceCopy']>;
  private loading?: Promise<void>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly load: () => Promise<OapFormPart>,
    private readonly failed: (e: unknown) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Loads the part (once) and compares the device copy with `server`; again after `reset()`. */
  ensure(server: () => Record<string, unknown>): void {
    this.loading ??= this.load().then(
      async (part) => {
        this.part = part;
        this.copy = this.id ? new part.OapDeviceCopy(this.id) : undefined;
        this.restore = await this.copy?.differing(server());
        this.ready = true;
        this.host.requestUpdate();
      },
      (e: unknown) => {
        this.loading = undefined;
        this.failed(e);
      },
    );
  }

  /** A new opening of the form looks at the device copy again (the part stays loaded). */
  reset(): void {
    this.ready = false;
    this.loading = undefined;
  }

  /** Keeps the unsent answers (encrypted) until the server has them. */
  keep(answers: Record<string, unknown>, version: number): void {
    this.copy?.keep(answers, version);
  }

  /** Forgets the copy: the server has everything, or she discarded it. */
  drop(): void {
    this.copy?.drop();
    this.settle();
  }

  /** The offered answers, once she chose to use them (the offer ends). */
  take(): Record<string, unknown> {
    const answers = this.restore!.answers.main;
    this.settle();
    return answers;
  }

  private settle(): void {
    if (!this.restore) return;
    this.restore = undefined;
    this.host.requestUpdate();
  }

  /** Sign-out: wipes every device copy and its key, even when this page never showed a form. */
  wipe(): void {
    this.settle();
    void (this.part ? Promise.resolve(this.part) : this.load()).then((m) => m.clearDraftCache(), () => undefined);
  }

  /** The offer to restore (`newer`: the server changed since the copy was taken). */
  offer(newer: boolean, onRestore: () => void, onDiscard: () => void): unknown {
    return this.part!.restoreView(this.restore!, newer, onRestore, onDiscard);
  }
}
