/** jc-error-summary: the GOV.UK error summary shown above a form after a failed submit. */
import { html, nothing, type PropertyValues } from 'lit';
import { property, query } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { customElement } from '../base/define.js';
import { JcElement } from '../base/jc-element.js';
import { errorSummaryStyles } from './error-summary.styles.js';

/** One entry of the summary: the message and the id of the field it links to (none: plain text). */
export interface ErrorSummaryItem {
  /** Id of the field (in the same root as the summary) the link focuses. */
  field?: string;
  /** The message, identical to the one shown at the field. */
  message: string;
}

/**
 * @summary "Es gibt ein Problem": a list of the errors of a form, each linking to its field.
 *
 * Rendered only while there are errors. The box is an alert (announced when it appears) and can
 * take focus (`focus()`, done by the form after a failed submit). A link moves focus to the field
 * whose id it names, looked up in the summary's own root (document or shadow root), and scrolls
 * the field into view – fragment links do not work across shadow roots.
 *
 * @csspart base - the box.
 * @csspart heading - the heading.
 * @csspart list - the list.
 * @csspart link - each link.
 * @cssproperty --jc-color-error - border and link colour.
 */
@customElement('jc-error-summary')
@localized()
export class JcErrorSummary extends JcElement {
  static override styles = [JcElement.styles, errorSummaryStyles];

  /** The errors; empty hides the summary. */
  @property({ attribute: false }) errors: ErrorSummaryItem[] = [];
  /** Heading; defaults to "Es gibt ein Problem". */
  @property() heading = '';

  @query('.summary') private box?: HTMLElement;

  /** Moves focus to the summary box (after a failed submit). */
  override focus(options?: FocusOptions): void {
    this.box?.focus(options);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.hidden = this.errors.length === 0;
  }

  override render() {
    if (this.errors.length === 0) return nothing;
    return html`
      <div part="base" class="summary" role="alert" tabindex="-1" aria-labelledby="heading">
        <h2 part="heading" id="heading">
          ${this.heading || msg('Es gibt ein Problem', { id: 'summary.heading' })}
        </h2>
        <ul part="list">
          ${this.errors.map((e) =>
            e.field
              ? html`<li>
                  <a part="link" href="#${e.field}" @click=${(ev: Event) => this.follow(ev, e.field!)}
                    >${e.message}</a
                  >
                </li>`
              : html`<li class="item">${e.message}</li>`,
          )}
        </ul>
      </div>
    `;
  }

  private follow(event: Event, id: string): void {
    const root = this.getRootNode() as Document | ShadowRoot;
    const target = root.getElementById?.(id) as HTMLElement | null;
    if (!target) return;
    event.preventDefault();
    target.scrollIntoView({ block: 'center' });
    target.focus({ preventScroll: true });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jc-error-summary': JcErrorSummary;
  }
}
