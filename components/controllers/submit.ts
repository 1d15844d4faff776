/** SubmitController: exactly-once submission from the client side (REL-03). */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ApiError } from '../api/api-error.js';
import { IdempotencyKeys } from '../api/idempotency.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Sends a submission at most once at a time: a second click while sending is ignored, the button
 * shows `sending`. The `Idempotency-Key` stays the same for the same payload until the server
 * acknowledged it, so a retry after a network error gets the stored result instead of a duplicate.
 * A 409 "in progress" (the first request is still running on the server) is retried after a pause.
 */
export class SubmitController implements ReactiveController {
  /** True while a request is on its way. */
  sending = false;
  private readonly keys = new IdempotencyKeys();

  constructor(
    private readonly host: ReactiveControllerHost,
    /** Pause before retrying a 409 in-progress answer. */
    private readonly retryDelayMs = 1000,
    private readonly maxInProgressRetries = 5,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Sends `payload` through `send(key)`; resolves undefined when a submission is already running. */
  async submit<T>(payload: unknown, send: (idempotencyKey: string) => Promise<T>): Promise<T | undefined> {
    if (this.sending) return undefined;
    this.sending = true;
    this.host.requestUpdate();
    try {
      const key = this.keys.keyFor(payload);
      for (let attempt = 0; ; attempt++) {
        try {
          const result = await send(key);
          this.keys.settle();
          return result;
        } catch (e) {
          if (
            e instanceof ApiError &&
            e.is('idempotency-in-progress') &&
            attempt < this.maxInProgressRetries
          ) {
            await sleep(this.retryDelayMs);
            continue;
          }
          if (e instanceof ApiError && e.is('idempotency-key-reused')) this.keys.settle();
          throw e;
        }
      }
    } finally {
      this.sending = false;
      this.host.requestUpdate();
    }
  }
}
