/** Shared helpers of the component tests: axe (WCAG 2.1 A/AA), settling, fetch stubbing. */
import 'axe-core/axe.min.js';
import { expect } from '@open-wc/testing';
import type * as Axe from 'axe-core';
import { sendKeys } from '@web/test-runner-commands';
import { MockApi, type MockOptions } from '../../stories/mock-api.js';
import { MockStaffApi, type StaffMockOptions } from '../../stories/mock-staff-api.js';

declare global {
  interface Window {
    axe: typeof Axe;
  }
}

/** The WCAG 2.1 A/AA rule tags (A11Y-01). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Runs axe on an element (shadow roots included) and fails with a readable list of violations. */
export async function expectAccessible(el: Element): Promise<void> {
  const result = await window.axe.run(el, {
    runOnly: { type: 'tag', values: WCAG_TAGS },
    resultTypes: ['violations'],
  });
  const text = result.violations
    .map(
      (v) =>
        `${v.id}: ${v.help}\n${v.nodes.map((n) => `  ${JSON.stringify(n.target)} ${n.failureSummary}`).join('\n')}`,
    )
    .join('\n');
  expect(result.violations.length, text).to.equal(0);
}

/** Waits for pending renders and microtasks (nested Lit updates, mocked fetches). */
export async function settle(ms = 30): Promise<void> {
  await new Promise((r) => setTimeout(r, ms));
}

/** Replaces `window.fetch` and `XMLHttpRequest` with the in-memory API for one test; returns it and a restore function. */
export function stubFetch(options: MockOptions = {}): { api: MockApi; restore: () => void } {
  const api = new MockApi(options);
  const original = window.fetch;
  const originalXhr = window.XMLHttpRequest;
  window.fetch = api.fetch as typeof fetch;
  window.XMLHttpRequest = function FakeXhr() {
    return api.xhr();
  } as unknown as typeof XMLHttpRequest;
  return {
    api,
    restore: () => {
      window.fetch = original;
      window.XMLHttpRequest = originalXhr;
    },
  };
}

/** The deepest focused element, through shadow roots. */
export function deepActiveElement(): Element | null {
  let el: Element | null = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

/** Replaces `window.fetch` with the in-memory staff API for one test; returns it and a restore function. */
export function stubStaffFetch(options: StaffMockOptions = {}): { api: MockStaffApi; restore: () => void } {
  const api = new MockStaffApi(options);
  const original = window.fetch;
  window.fetch = api.fetch as typeof fetch;
  return { api, restore: () => void (window.fetch = original) };
}

/** Presses Tab until `match` holds for the focused element; fails after `max` presses. */
export async function tabTo(match: (el: Element) => boolean, max = 80): Promise<Element> {
  for (let i = 0; i < max; i++) {
    await sendKeys({ press: 'Tab' });
    const el = deepActiveElement();
    if (el && match(el)) return el;
  }
  throw new Error(`tabTo: nothing matched after ${max} presses`);
}

/** Polls an async check (IndexedDB, …) until it holds; `waitFor` of stories/play.ts takes synchronous ones. */
export async function until(check: () => Promise<boolean>, timeout = 3000): Promise<void> {
  const end = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`until timed out: ${check.toString()}`);
    await settle(20);
  }
}
