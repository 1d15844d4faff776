/** Helpers for story `play` functions and tests: find, fill and submit inside the widgets' shadow roots. */
import type { LitElement } from 'lit';

/** Storybook's play context (the part used here). */
export interface PlayContext {
  canvasElement: HTMLElement;
}

/** Resolves when `check` returns a truthy value (polls every 20 ms, fails after `timeout`). */
export async function waitFor<T>(check: () => T | undefined | null | false, timeout = 3000): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`waitFor timed out: ${check.toString()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The widget element (first `jc-…` below `root` that is not the provider). */
export function widget<T extends LitElement = LitElement>(root: ParentNode, tag: string): T {
  const el = root.querySelector(tag);
  if (!el) throw new Error(`${tag} not found`);
  return el as T;
}

/** An element inside the widget's shadow root, once rendered. */
export function inWidget<T extends Element>(host: Element, selector: string, timeout?: number): Promise<T> {
  return waitFor(() => host.shadowRoot?.querySelector<T>(selector), timeout);
}

/** Types into a jc-text-field (or one part of a jc-date-input) as a person would: value + input event. */
export async function fill(
  host: Element,
  id: string,
  value: string,
  part?: 'day' | 'month' | 'year',
): Promise<void> {
  const control = await inWidget<LitElement>(host, `#${id}`);
  await control.updateComplete;
  const input = control.shadowRoot!.querySelector<HTMLInputElement>(part ? `#${part}` : 'input, textarea')!;
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Picks an option of a jc-select. */
export async function choose(host: Element, id: string, value: string): Promise<void> {
  const control = await inWidget<LitElement>(host, `#${id}`);
  await control.updateComplete;
  const select = control.shadowRoot!.querySelector('select')!;
  select.value = value;
  select.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** Clicks a jc-checkbox. */
export async function tick(host: Element, id: string): Promise<void> {
  const control = await inWidget<LitElement>(host, `#${id}`);
  await control.updateComplete;
  control.shadowRoot!.querySelector<HTMLInputElement>('input')!.click();
}

/** Clicks the submit button of the widget's form. */
export async function submit(host: Element): Promise<void> {
  const button = await inWidget<HTMLButtonElement>(host, 'form button[type=submit]');
  button.click();
}

/** Waits until the widget has rendered a heading containing `text`. */
export function heading(host: Element, text: string, timeout?: number): Promise<HTMLElement> {
  return waitFor(
    () =>
      [...(host.shadowRoot?.querySelectorAll<HTMLElement>('h2') ?? [])].find((h) =>
        h.textContent?.includes(text),
      ),
    timeout,
  );
}
