/** jc-ibd-notice: the jobcenter's information on processing duration (IBD) for one application type. */
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import type { IbdNotice, IbdType } from '../../domain/ibd.js';
import type { ApiClient } from '../api/api-client.js';
import { ApiError } from '../api/api-error.js';
import { customElement } from '../base/define.js';
import { JcWidget } from '../base/jc-widget.js';
import { ibdNoticeStyles } from './ibd-notice.styles.js';
import { addEnglish } from '../locales/localization.js';

addEnglish(() => import('../locales/en-ibd.js'));

// Listed here, not imported from domain/ibd.ts: that module carries zod, which this small bundle must not.
const TYPES: readonly IbdType[] = ['erstantrag', 'weiterbewilligung', 'veraenderung'];

type Phase = 'idle' | 'ready' | 'error';

/**
 * @summary A small, quiet note with the jobcenter's information on processing duration ("Erstanträge
 * bearbeiten wir in der Regel innerhalb von 3 Wochen …") for an application type, as the server decides it:
 * the version in force today, with placeholders filled, or the built-in fallback text. It makes one request
 * (`GET /api/jobcenters/:id/ibd`) and shows nothing while loading (no flash), nothing when the jobcenter has
 * the IBD module switched off or is not live yet, and a short secondary-colour sentence (never an alert)
 * when the text cannot be loaded. The text carries its own `lang` when the server has it only in German.
 *
 * @csspart base - the root; `notice` the note, `label` its title, `text` the text, `error` the error sentence.
 */
@customElement('jc-ibd-notice')
@localized()
export class JcIbdNotice extends JcWidget {
  static override styles = [JcWidget.styles, ibdNoticeStyles];

  /** Application type: `erstantrag` (default), `weiterbewilligung` or `veraenderung`. */
  @property() type: IbdType = 'erstantrag';
  /** The client of the widget that embeds the notice (the receipts); default: own `api`, jc-provider, script origin. */
  @property({ attribute: false }) apiClient?: ApiClient;

  @state() private phase: Phase = 'idle';
  @state() private notice?: Extract<IbdNotice, { available: true }>;
  private loadedKey?: string;
  private run = 0;

  protected override get client(): ApiClient {
    return this.apiClient ?? super.client;
  }

  protected override configChanged(): void {
    void this.load();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // type or language changed after the first load: ask again (the text comes in the UI language if it exists)
    if (this.loadedKey !== undefined && this.loadedKey !== this.key()) void this.load();
  }

  private key(): string {
    return `${this.jobcenterId ?? ''}|${this.type}|${this.uiLocale}`;
  }

  private async load(): Promise<void> {
    const key = this.key();
    if (key === this.loadedKey) return;
    this.loadedKey = key;
    const run = ++this.run;
    const jc = this.jobcenterId;
    if (!jc || !TYPES.includes(this.type)) {
      this.notice = undefined;
      this.phase = 'idle';
      return;
    }
    try {
      const path = `api/jobcenters/${encodeURIComponent(jc)}/ibd?type=${this.type}`;
      const res = await this.client.request<IbdNotice>('GET', path, undefined, { 'Accept-Language': this.uiLocale });
      if (run !== this.run) return;
      this.notice = res?.available ? res : undefined;
      this.phase = this.notice ? 'ready' : 'idle';
    } catch (e) {
      if (run !== this.run) return;
      this.notice = undefined;
      // An unknown jobcenter has nothing to say: like a switched-off module, not an error.
      this.phase = e instanceof ApiError && e.status === 404 ? 'idle' : 'error';
    }
  }

  protected override render() {
    if (this.phase === 'error') {
      return this.frame(html`<p part="error" class="quiet">${msg('Die Information zur Bearbeitungsdauer kann gerade nicht geladen werden.', { id: 'ibd.loadError' })}</p>`);
    }
    const n = this.notice;
    if (this.phase !== 'ready' || !n) return nothing;
    return this.frame(html`<div part="notice" class="notice" role="note" aria-labelledby="ibd-label">
      <p part="label" class="label" id="ibd-label">${msg('Bearbeitungsdauer', { id: 'ibd.label' })}</p>
      <p part="text" lang=${n.lang}>${n.text}</p>
    </div>`);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jc-ibd-notice': JcIbdNotice;
  }
}
