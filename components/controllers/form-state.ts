/** FormStateController: values, field errors and the error summary of one form (GOV.UK timing). */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { msg } from '@lit/localize';
import type { ErrorSummaryItem } from '../error-summary/error-summary.js';

/** A field error to show: the field id (omit for form-wide problems) and the final message. */
export interface ShownError {
  field?: string;
  message: string;
}

type Values = Record<string, string | boolean>;

/**
 * Keeps what the person typed (so nothing is lost when a submit fails or the view changes), the
 * error of each field and the summary list. Errors are set on submit only and stay until the next
 * submit. After errors are shown the summary takes focus; with the host attribute `error-title`
 * the page title gets the prefix "Fehler: " while errors are shown.
 */
export class FormStateController<V extends Values> implements ReactiveController {
  /** Current values by field name. */
  values: V;
  /** Error message by field name. */
  errors: Partial<Record<string, string>> = {};
  /** Items of the error summary, in field order. */
  summary: ErrorSummaryItem[] = [];

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    initial: V,
    /** Field order of the form (summary order). */
    private readonly order: readonly string[],
  ) {
    this.values = { ...initial };
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.setTitlePrefix(false);
  }

  /** Form-level `input` listener: records the value of the control that fired (events are composed). */
  readonly onInput = (event: Event): void => {
    const target = event.target as Partial<{ name: string; value: string; checked: boolean; type: string }> &
      Element;
    if (!target.name) return;
    const isBox = target.type === 'checkbox' || target.localName === 'jc-checkbox';
    const value = isBox ? !!target.checked : (target.value ?? '');
    this.values = { ...this.values, [target.name]: value };
  };

  /** Sets one value (e.g. a default that depends on the locale). */
  set<K extends keyof V>(name: K, value: V[K]): void {
    this.values = { ...this.values, [name]: value };
    this.host.requestUpdate();
  }

  /** Replaces all values. */
  reset(values: V): void {
    this.values = { ...values };
    this.clearErrors();
  }

  /** Shows errors at the fields and in the summary, then moves focus to the summary. */
  async showErrors(items: readonly ShownError[]): Promise<void> {
    const rank = (f?: string) => (f && this.order.includes(f) ? this.order.indexOf(f) : this.order.length);
    const sorted = [...items].sort((a, b) => rank(a.field) - rank(b.field));
    const errors: Record<string, string> = {};
    const summary: ErrorSummaryItem[] = [];
    for (const item of sorted) {
      if (item.field && this.order.includes(item.field)) {
        if (errors[item.field]) continue;
        errors[item.field] = item.message;
        summary.push({ field: item.field, message: item.message });
      } else if (!summary.some((s) => !s.field && s.message === item.message)) {
        summary.push({ message: item.message });
      }
    }
    this.errors = errors;
    this.summary = summary;
    this.setTitlePrefix(summary.length > 0);
    this.host.requestUpdate();
    await this.host.updateComplete;
    const box = this.host.shadowRoot?.querySelector('jc-error-summary');
    if (box) {
      await box.updateComplete;
      box.focus();
    }
  }

  /** Removes all errors. */
  clearErrors(): void {
    this.errors = {};
    this.summary = [];
    this.setTitlePrefix(false);
    this.host.requestUpdate();
  }

  private setTitlePrefix(on: boolean): void {
    if (!this.host.hasAttribute('error-title')) return;
    const prefix = msg('Fehler: ', { id: 'form.titlePrefix' });
    // document.title collapses white space: "Fehler: " + "" reads back as "Fehler:".
    const has = document.title.startsWith(prefix.trimEnd());
    if (on && !has) document.title = prefix + document.title;
    if (!on && has) document.title = document.title.slice(prefix.trimEnd().length).trimStart();
  }
}
