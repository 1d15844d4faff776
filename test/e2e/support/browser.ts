/** Chromium for the end-to-end tests: launch, a watcher for CSP violations and console errors, axe-core. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import { type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page, chromium } from 'playwright-core';

/** The flags every browser test here uses (same as web-test-runner.config.mjs). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches the system Chromium. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/**
 * Records everything that must not happen on a page under the real CSP: CSP violations (the DOM event
 * and Chromium's console message), console errors (including failed loads) and uncaught exceptions.
 * Appends to `problems` and returns it; call before the first navigation.
 */
export async function watchPage(page: Page, problems: string[] = []): Promise<string[]> {
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const where = m.location().url ? ` [${m.location().url}]` : '';
    problems.push(`console error on ${page.url()}: ${m.text()}${where}`);
  });
  page.on('pageerror', (e) => problems.push(`uncaught exception on ${page.url()}: ${e.message}`));
  await page.exposeBinding('__jcCspViolation', (_source, text: string) => {
    problems.push(`CSP violation on ${page.url()}: ${text}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __jcCspViolation(text: string): void }).__jcCspViolation;
      void report(
        `${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`,
      );
    });
  });
  return problems;
}

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const AXE_SOURCE = readFileSync(AXE_PATH, 'utf8');
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Runs axe-core (WCAG 2.1 A and AA rules) on the page as it is now, shadow roots included, and returns
 * one readable line per violation. axe injects inline styles while it works, so use it only in a
 * context created with `bypassCSP: true`.
 */
export async function axeViolations(page: Page, state: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  const results = await page.evaluate(
    (tags) =>
      (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<AxeResults> } }).axe.run(
        document,
        {
          runOnly: { type: 'tag', values: tags },
          resultTypes: ['violations'],
        },
      ),
    WCAG_21_AA,
  );
  return results.violations.map((v) => {
    const nodes = v.nodes
      .map((n) => `    ${JSON.stringify(n.target)}: ${n.failureSummary?.replace(/\s+/g, ' ')}`)
      .join('\n');
    return `${state}: ${v.id} (${v.impact}) ${v.help}\n${nodes}`;
  });
}

/** Polls `check` until it returns true; fails with `what` after `timeoutMs`. */
export async function until(check: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** True when the element is the focused element of its own root (document or shadow root). */
export function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => (el.getRootNode() as Document | ShadowRoot).activeElement === el);
}

/** Waits until the located element has focus. */
export function waitForFocus(locator: Locator, what: string, timeoutMs = 10_000): Promise<void> {
  return until(() => isFocused(locator), `focus on ${what}`, timeoutMs);
}

/** A context like a German applicant's or caseworker's browser (the server's CSP enforced unless `bypassCSP`). */
export function germanContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin', viewport: { width: 1280, height: 900 }, ...options });
}

/** Records a problem when the page is wider than the viewport (WCAG 1.4.10 reflow at 320 px). */
export async function checkReflow(page: Page, state: string, problems: string[]): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  if (overflow > 0) problems.push(`${state} at ${page.viewportSize()?.width} px scrolls sideways by ${overflow} px`);
}
