/** Play helpers for the Hauptantrag (jc-ade-flow / jc-form-page), shared by stories and tests. */
import type { LitElement } from 'lit';
import { waitFor } from './play.js';

type Root = Element & { shadowRoot: ShadowRoot | null };

/** The element with this id in a shadow root (ids may contain dots: `members.0.firstName`). */
export const byId = <T extends Element = Element>(root: Root, id: string): T | null =>
  root.shadowRoot?.querySelector<T>(`[id="${CSS.escape(id)}"]`) ?? null;

/** The flow's current jc-form-page, once rendered (optionally: whose title contains `title`). */
export function formPage(flow: Element, title?: string, timeout?: number): Promise<LitElement> {
  return waitFor(() => {
    const page = flow.shadowRoot?.querySelector<LitElement>('jc-form-page');
    if (!page?.shadowRoot) return undefined;
    if (title && !page.shadowRoot.querySelector('h2')?.textContent?.includes(title)) return undefined;
    return page;
  }, timeout);
}

/** Answers one question on the current page as a person would (typing, clicking, choosing). */
export async function answer(flow: Element, id: string, value: string | boolean | string[]): Promise<void> {
  const page = await formPage(flow);
  const control = await waitFor(() => byId<LitElement>(page, id));
  await control.updateComplete;
  const root = control.shadowRoot!;
  const fire = (el: HTMLElement) => {
    el.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
  };
  switch (control.localName) {
    case 'jc-choice-group': {
      const values = Array.isArray(value) ? value : [String(value)];
      for (const input of root.querySelectorAll<HTMLInputElement>('input')) {
        const want = values.includes(input.value);
        if (input.type === 'radio' ? want : want !== input.checked) input.click();
      }
      break;
    }
    case 'jc-checkbox': {
      const box = root.querySelector<HTMLInputElement>('input')!;
      if (box.checked !== value) box.click();
      break;
    }
    case 'jc-select': {
      const select = root.querySelector('select')!;
      select.value = String(value);
      fire(select);
      break;
    }
    case 'jc-date-input': {
      const [y, m, d] = String(value).split('-');
      for (const [part, v] of [
        ['day', d],
        ['month', m],
        ['year', y],
      ] as const) {
        const input = root.querySelector<HTMLInputElement>(`#${part}`)!;
        input.value = v ?? '';
        fire(input);
      }
      break;
    }
    default: {
      const input = root.querySelector<HTMLInputElement>('input, textarea')!;
      input.value = String(value);
      fire(input);
    }
  }
  await page.updateComplete;
}

/** Answers several questions in order. */
export async function answerAll(
  flow: Element,
  answers: Record<string, string | boolean | string[]>,
): Promise<void> {
  for (const [id, v] of Object.entries(answers)) await answer(flow, id, v);
}

/** Clicks a button (in the flow, the page, or a nested element's shadow root) by its text. */
export async function press(root: Root, text: string): Promise<void> {
  const button = await waitFor(() =>
    [...(root.shadowRoot?.querySelectorAll<HTMLButtonElement>('button') ?? [])].find((b) =>
      b.textContent?.replace(/\s+/g, ' ').includes(text),
    ),
  );
  button.click();
}

/** "Weiter" (or the page's primary button). */
export async function next(flow: Element): Promise<void> {
  const page = await formPage(flow);
  page.shadowRoot!.querySelector<HTMLButtonElement>('form button[type=submit]')!.click();
}
