/** PollController: runs a check every interval until it reports done (e.g. "PDF ready"). */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Polls while the host is connected: `tick` resolves true when done. Failed ticks count as not
 * done; after `maxTries` the poll gives up and `onGiveUp` runs. Disconnecting pauses, reconnecting resumes.
 */
export class PollController implements ReactiveController {
  private timer?: ReturnType<typeof setTimeout>;
  private tick?: () => Promise<boolean>;
  private onGiveUp?: () => void;
  private tries = 0;
  private connected = false;

  constructor(
    host: ReactiveControllerHost,
    /** Pause between checks. */
    readonly intervalMs = 1000,
    /** Checks before giving up. */
    readonly maxTries = 120,
  ) {
    host.addController(this);
  }

  /** Starts (or restarts) polling. */
  start(tick: () => Promise<boolean>, onGiveUp?: () => void): void {
    this.stop();
    this.tick = tick;
    this.onGiveUp = onGiveUp;
    this.tries = 0;
    if (this.connected) this.schedule();
  }

  /** Stops polling for good. */
  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.tick = undefined;
  }

  hostConnected(): void {
    this.connected = true;
    if (this.tick && !this.timer) this.schedule();
  }

  hostDisconnected(): void {
    this.connected = false;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    this.timer = setTimeout(async () => {
      const tick = this.tick;
      if (!tick) return;
      this.tries++;
      const done = await tick().catch(() => false);
      if (this.tick !== tick) return;
      this.timer = undefined;
      if (!this.connected) return;
      if (done) this.tick = undefined;
      else if (this.tries >= this.maxTries) {
        this.tick = undefined;
        this.onGiveUp?.();
      } else this.schedule();
    }, this.intervalMs);
  }
}
