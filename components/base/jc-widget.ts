/** JcWidget: base of the public widgets (jc-registration, jc-application): contexts, overrides, locale. */
import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { ContextConsumer } from '@lit/context';
import { apiContext, jobcenterContext, localeContext } from '../api/context.js';
import { clientFor, type ApiClient } from '../api/api-client.js';
import { activeLocale, switchLocale, toUiLocale, type UiLocale } from '../locales/localization.js';
import { JcElement, directionOf } from './jc-element.js';
import { widgetStyles } from './shared.styles.js';

/**
 * A widget reads its configuration from the closest `jc-provider` (contexts) and lets its own
 * `api`, `jobcenter` and `lang` attributes override it. When the provider's bundle loads after the
 * widget's, the widget asks again once `jc-provider` is defined.
 */
export class JcWidget extends JcElement {
  static override styles = [JcElement.styles, widgetStyles];

  /** Base URL of the server (e.g. `https://jobcenter.example/`); overrides jc-provider. */
  @property() api?: string;
  /** Jobcenter id of the portal (e.g. `musterstadt`); overrides jc-provider. */
  @property() jobcenter?: string;
  /** UI language `de` or `en`, read from the `lang` attribute; overrides jc-provider and the page. */
  @property({ attribute: 'lang' }) locale?: string;

  private readonly apiConsumer = new ContextConsumer(this, { context: apiContext, subscribe: true });
  private readonly jobcenterConsumer = new ContextConsumer(this, {
    context: jobcenterContext,
    subscribe: true,
  });
  private readonly localeConsumer = new ContextConsumer(this, { context: localeContext, subscribe: true });
  private lastClient?: ApiClient;
  private lastJobcenter?: string;

  /** The API client: own `api` attribute, else the provider's, else one for the script's origin. */
  protected get client(): ApiClient {
    return this.api ? clientFor(this.api) : (this.apiConsumer.value ?? clientFor());
  }
  /** The jobcenter id: own attribute, else the provider's. */
  protected get jobcenterId(): string | undefined {
    return this.jobcenter || this.jobcenterConsumer.value || undefined;
  }
  /** The wanted UI locale: own `lang`, provider, closest ancestor `lang`, German. */
  protected get uiLocale(): UiLocale {
    return toUiLocale(this.locale) ?? this.localeConsumer.value ?? toUiLocale(this.inheritedLang) ?? 'de';
  }

  /** True while a jc-provider ancestor exists whose definition has not loaded yet. */
  private get providerPending(): boolean {
    return !!this.closest('jc-provider') && !customElements.get('jc-provider');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.providerPending)
      void customElements.whenDefined('jc-provider').then(() => {
        if (!this.isConnected) return;
        for (const c of [this.apiConsumer, this.jobcenterConsumer, this.localeConsumer]) c.hostConnected();
        this.requestUpdate();
      });
  }

  /** The locale this widget last asked for. */
  private requestedLocale?: UiLocale;

  /**
   * Before each update: the locale is page-wide, so ask only when this widget's wish changes, or two
   * widgets with different `lang` would switch it back and forth for ever (each switch re-renders the
   * other). Waits for the English strings before rendering, so nothing shows in German first.
   */
  protected override async scheduleUpdate(): Promise<unknown> {
    const wanted = this.uiLocale;
    if (wanted !== this.requestedLocale) {
      this.requestedLocale = wanted;
      await switchLocale(wanted).catch(() => undefined);
    }
    return super.scheduleUpdate();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.providerPending) return;
    const client = this.client;
    const jobcenter = this.jobcenterId;
    if (client !== this.lastClient || jobcenter !== this.lastJobcenter) {
      this.lastClient = client;
      this.lastJobcenter = jobcenter;
      // After this update finished: loading sets state, which must not happen inside updated().
      void this.updateComplete.then(() => this.configChanged());
    }
  }

  /** Called once the configuration is known and whenever the client or jobcenter changes: (re)load here. */
  protected configChanged(): void {}

  /** Wraps content in the root carrying the language and direction of the rendered strings. */
  protected frame(content: unknown): TemplateResult {
    const lang = activeLocale();
    return html`<div class="root" part="base" lang=${lang} dir=${directionOf(lang)}>${content}</div>`;
  }
}
