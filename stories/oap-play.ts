/** Shared parts of the OAP stories and tests: a page with one OAP element against MockOapApi, and play helpers. */
import { html } from 'lit';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import '../components/provider/provider.js';
import '../components/oap-situation/oap-situation.js';
import '../components/oap-cv/oap-cv.js';
import '../components/oap-conditions/oap-conditions.js';
import '../components/oap-review/oap-review.js';
import { ApiClient } from '../components/api/api-client.js';
import { MockOapApi, OAP_PROFILE_ID, type OapMockOptions } from './oap-mock-api.js';
import { inWidget, waitFor, type PlayContext } from './play.js';
import { DraftCache, clearDraftCache } from '../components/controllers/draft-cache.js';
import { account } from './fixtures.js';

/** The applicant tags. */
export type OapTag = 'jc-oap-situation' | 'jc-oap-cv' | 'jc-oap-conditions';

/** One OAP element in a provider whose client talks to a MockOapApi; `onApi` gets the mock. */
export function oapPage(
  tag: OapTag | 'jc-oap-review',
  options: OapMockOptions = {},
  onApi?: (api: MockOapApi) => void,
  lang = 'de',
) {
  const api = new MockOapApi(options);
  onApi?.(api);
  // The device: clean unless told otherwise (queued, so the element reads it after this).
  if (options.deviceCopy !== 'keep' && tag !== 'jc-oap-review') {
    void clearDraftCache();
    if (options.deviceCopy)
      void new DraftCache().write({
        applicationId: `oap:${account(1).id}:${tag.replace('jc-oap-', '')}`,
        baseVersion: api.rows.get(tag.replace('jc-oap-', '') as never)?.version ?? 0,
        answers: { main: options.deviceCopy, members: [], anlagen: {} },
        changedAt: new Date(Date.now() - 3_600_000).toISOString(),
      });
  }
  const client = new ApiClient({ baseUrl: location.origin, fetch: api.fetch, xhr: api.xhr, storage: null });
  const t = unsafeStatic(tag);
  const inner =
    tag === 'jc-oap-review'
      ? staticHtml`<${t} profile-id=${OAP_PROFILE_ID}></${t}>`
      : staticHtml`<${t} sign-in-url="/anmelden" autosave-delay="50"></${t}>`;
  return html`<jc-provider jobcenter="musterstadt" lang=${lang} .client=${client}>${inner}</jc-provider>`;
}

/** The OAP element of a story canvas. */
export const oapOf = (c: PlayContext, tag: string) => c.canvasElement.querySelector(tag)! as HTMLElement;

/** The jc-form-page inside an OAP element, once rendered. */
export const formPageOf = (host: Element) =>
  inWidget<HTMLElement & { updateComplete: Promise<unknown> }>(host, 'jc-form-page');

/** Clicks "Weiter" of the current jc-form-page. */
export async function pressNext(host: Element): Promise<void> {
  const page = await formPageOf(host);
  await page.updateComplete;
  const button = await waitFor(() =>
    page.shadowRoot?.querySelector<HTMLButtonElement>('form button[type=submit]'),
  );
  button.click();
}

/** A button of the element whose text contains `text`. */
export function buttonIn(host: Element, text: string): Promise<HTMLButtonElement> {
  return waitFor(() =>
    [...(host.shadowRoot?.querySelectorAll<HTMLButtonElement>('button') ?? [])].find((b) =>
      b.textContent?.includes(text),
    ),
  );
}

/** Picks the option `value` of a select, radio or checkbox question `id` on the current page, as a person would. */
export async function pickOption(host: Element, id: string, value: string): Promise<void> {
  const page = await formPageOf(host);
  await page.updateComplete;
  const control = await waitFor(() =>
    page.shadowRoot?.querySelector<HTMLElement & { updateComplete: Promise<unknown> }>(`[id="${id}"]`),
  );
  await control.updateComplete;
  const select = control.shadowRoot?.querySelector('select');
  if (select) {
    select.value = value;
    select.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    return;
  }
  const input = await waitFor(() =>
    [...(control.shadowRoot?.querySelectorAll<HTMLInputElement>('input') ?? [])].find(
      (i) => i.value === value,
    ),
  );
  input.click();
}
