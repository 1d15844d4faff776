/** jc-provider: configures the widgets inside it once per page (server, jobcenter, language). */
import { LitElement, css, html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import { customElement } from '../base/define.js';
import { ApiClient, clientFor } from '../api/api-client.js';
import { apiContext, jobcenterContext, localeContext } from '../api/context.js';
import { toUiLocale } from '../locales/locale-tag.js';

/**
 * @summary Provides the API client, the jobcenter id and the UI language to every widget inside.
 *
 * ```html
 * <jc-provider api="https://jobcenter.example/" jobcenter="musterstadt" lang="de">
 *   <jc-registration></jc-registration>
 *   <jc-application></jc-application>
 * </jc-provider>
 * ```
 * Without `api` the widgets talk to the origin the script was loaded from. A widget's own
 * `api`, `jobcenter` and `lang` attributes override the provider's. The element renders only its
 * children (`display: contents`).
 *
 * @slot - the widgets and any other content of the page.
 */
@customElement('jc-provider')
export class JcProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** Base URL of the server; default: the origin the script came from. */
  @property() api?: string;
  /** Jobcenter id of the portal (e.g. `musterstadt`). */
  @property() jobcenter?: string;
  /** UI language of the widgets (`de`, `en`); read from the element's `lang` attribute. */
  @property({ attribute: 'lang', reflect: true }) locale?: string;
  /** An ApiClient to use instead of one built from `api` (custom fetch, stories, tests). */
  @property({ attribute: false }) client?: ApiClient;

  private readonly apiProvider = new ContextProvider(this, { context: apiContext });
  private readonly jobcenterProvider = new ContextProvider(this, { context: jobcenterContext });
  private readonly localeProvider = new ContextProvider(this, { context: localeContext });

  /** The client the widgets get. */
  get apiClient(): ApiClient {
    return this.client ?? clientFor(this.api);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.apiProvider.setValue(this.apiClient);
    this.jobcenterProvider.setValue(this.jobcenter || undefined);
    this.localeProvider.setValue(toUiLocale(this.locale));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Provide at once (before the first render), so children upgraded in the same task find values.
    this.apiProvider.setValue(this.apiClient);
    this.jobcenterProvider.setValue(this.jobcenter || this.getAttribute('jobcenter') || undefined);
    this.localeProvider.setValue(toUiLocale(this.locale ?? this.getAttribute('lang')));
  }

  override render() {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jc-provider': JcProvider;
  }
}
