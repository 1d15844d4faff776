/** jc-form-page: renders one page of the form engine (a PageInstance) with its visible questions. */
import { html, nothing, type LitElement, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import {
  emptyAnswers,
  valueOf,
  visibleQuestions,
  fill,
  type Answers,
  type PageInstance,
} from '../../domain/forms/engine-core.js';
import type { Question } from '../../domain/forms/types.js';
import { customElement } from '../base/define.js';
import { JcElement } from '../base/jc-element.js';
import { widgetStyles } from '../base/shared.styles.js';
import type { ErrorSummaryItem } from '../error-summary/error-summary.js';
import { JcAnswerEvent } from '../events/jc-answer.js';
import { activeLocale } from '../locales/localization.js';
import type { Item, ListHost } from './list-view.js';
import { renderQuestion } from './question-view.js';
import { formPageStyles } from './form-page.styles.js';
import '../error-summary/error-summary.js';

type ListRenderer = (h: ListHost, q: Question, value: unknown, set: (items: Item[]) => void) => unknown;
let listRenderer: ListRenderer | undefined;

/**
 * Registers the renderer of list questions (called by list-view.ts when it loads). Widgets whose forms
 * have lists import `form-page/list-view.js`; the others leave it, and `repeat`, out of their bundle.
 */
export function registerListRenderer(render: ListRenderer): void {
  listRenderer = render;
}

/**
 * @summary One topic per page (GOV.UK): a caption with the section, the page title as an h2 that
 * takes focus on navigation, an intro, the error summary and the page's visible questions, each
 * rendered by its jc-* control with label, hint and error. Conditions are re-evaluated on every
 * change, so a follow-up question appears right after its parent. The page never validates by
 * itself: the flow checks it on "Weiter" and passes `errors` and `summary` back.
 *
 * Field ids (error summary targets) are the answer paths below the page's scope: `firstName`,
 * `members.0.birthDate`, `accounts.1.bank`; the "reiche ich nach" box is `<id>.later`.
 *
 * @slot - extra content below the questions (e.g. the computed Anlagen of section H).
 * @slot help - help for the page (a `jc-help`), below the title and intro.
 * @event jc-answer - an answer changed (`detail.id`, `detail.value`).
 * @event jc-continue - "Weiter" (or the `submit-label` button) was pressed.
 * @event jc-back - "Zurück" was pressed (never validates).
 * @csspart heading - the page title.
 * @csspart button - the primary button; `button-secondary` the back button.
 * @csspart error-summary - the error summary.
 */
@customElement('jc-form-page')
@localized()
export class JcFormPage extends JcElement {
  static override styles = [JcElement.styles, widgetStyles, formPageStyles];

  /** The page to show (from `pagesFor`). */
  @property({ attribute: false }) page?: PageInstance;
  /** All answers of the application (conditions may look at other pages). */
  @property({ attribute: false }) answers: Answers = emptyAnswers();
  /** Date of application (YYYY-MM-DD): ages and the law in force. */
  @property() date = '';
  /** Values of `{placeholders}` in the texts for a date and language (the Hauptantrag's legal wording). */
  @property({ attribute: false }) placeholders?: (date: string, lang: 'de' | 'en') => Record<string, string>;
  /** Error message by field id. */
  @property({ attribute: false }) errors: Record<string, string> = {};
  /** Items of the error summary, in page order. */
  @property({ attribute: false }) summary: ErrorSummaryItem[] = [];
  /** Text of the primary button (default "Weiter"). */
  @property({ attribute: 'submit-label' }) submitLabel = '';
  /** Shows "Zurück". */
  @property({ type: Boolean, attribute: 'can-go-back' }) canGoBack = false;
  /** True while the flow is busy (saving before navigation, sending). */
  @property({ type: Boolean }) busy = false;

  @state() private announcement = '';
  @query('h2') private heading?: HTMLElement;
  private readonly raw = new Map<string, string>();
  private pendingFocus?: string;
  private lastKey?: string;

  /** Moves focus to the page title (after navigation). */
  async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.heading?.focus();
  }

  /** Moves focus to the error summary (after a failed "Weiter"). */
  async focusSummary(): Promise<void> {
    await this.updateComplete;
    const box = this.renderRoot.querySelector('jc-error-summary');
    await box?.updateComplete;
    box?.focus();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('page') && this.page?.key !== this.lastKey) {
      this.lastKey = this.page?.key;
      this.raw.clear();
      this.announcement = '';
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (!this.pendingFocus) return;
    const target = this.renderRoot.querySelector<HTMLElement>(`[id="${CSS.escape(this.pendingFocus)}"]`);
    if (!target) return;
    this.pendingFocus = undefined;
    // A control added in this render has not rendered its own input yet: focus once it has.
    void Promise.resolve((target as Partial<LitElement>).updateComplete).then(() => target.focus());
  }

  private host(): ListHost {
    const lang = activeLocale();
    return {
      lang,
      vars: this.placeholders?.(this.date || '2000-01-01', lang) ?? {},
      raw: this.raw,
      error: (id) => this.errors[id],
      refresh: () => this.requestUpdate(),
      answers: this.answers,
      date: this.date,
      memberId: this.page?.anlage?.memberId,
      focusAfterUpdate: (id) => (this.pendingFocus = id),
      announce: (text) => (this.announcement = text),
    };
  }

  private answer(id: string, value: unknown): void {
    this.dispatchEvent(new JcAnswerEvent({ id, value }));
  }

  private readonly onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    if (!this.busy) this.dispatchEvent(new Event('jc-continue', { bubbles: true, composed: true }));
  };

  private readonly onBack = () => this.dispatchEvent(new Event('jc-back', { bubbles: true, composed: true }));

  private renderList(h: ListHost, q: Question): unknown {
    if (!listRenderer) throw new Error(`jc-form-page: "${q.id}" is a list; import form-page/list-view.js`);
    return listRenderer(h, q, valueOf(this.answers, this.page!, q), (items: Item[]) => this.answer(q.id, items));
  }

  override render() {
    const p = this.page;
    if (!p) return nothing;
    const h = this.host();
    const intro = p.page.intro ? fill(p.page.intro, h.lang, h.vars) : '';
    return html`
      ${
        this.canGoBack
          ? html`<p class="back">
              <button type="button" part="button-secondary" class="link" @click=${this.onBack}>
                ${msg('Zurück', { id: 'flow.back' })}
              </button>
            </p>`
          : nothing
      }
      <jc-error-summary part="error-summary" .errors=${this.summary}></jc-error-summary>
      <form novalidate @submit=${this.onSubmit}>
        <h2 part="heading" tabindex="-1">
          <span class="caption">${p.groupTitle}</span>
          ${p.title}
        </h2>
        ${intro ? html`<p class="intro">${intro}</p>` : nothing}
        <slot name="help"></slot>
        ${visibleQuestions(this.answers, p, this.date, h.lang).map((q) =>
          q.kind === 'list'
            ? this.renderList(h, q)
            : renderQuestion(h, q, q.id, valueOf(this.answers, p, q), (v) => this.answer(q.id, v)),
        )}
        <slot></slot>
        <div class="actions">
          <button part="button" class="button" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>
            ${this.submitLabel || msg('Weiter', { id: 'flow.next' })}
          </button>
        </div>
      </form>
      <p class="visually-hidden" role="status">${this.announcement}</p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jc-form-page': JcFormPage;
  }
}
