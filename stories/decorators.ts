/** Wraps a story in a jc-provider whose API client talks to the in-memory mock. */
import { html, type TemplateResult } from 'lit';
import { ApiClient } from '../components/api/api-client.js';
import { until } from 'lit/directives/until.js';
import { clearDraftCache, writeDraft, type CachedDraft } from '../components/controllers/draft-cache.js';
import { MockApi, type MockOptions } from './mock-api.js';
import { MockStaffApi, type StaffMockOptions } from './mock-staff-api.js';
import '../components/provider/provider.js';
import '../components/ade-flow/ade-flow.js';

/** A provider for `jobcenter` with a mock API; the MockApi is returned for assertions. */
export function withMockApi(
  content: TemplateResult,
  options: MockOptions & { jobcenter?: string; lang?: string } = {},
): TemplateResult {
  const api = new MockApi(options);
  const client = new ApiClient({ baseUrl: location.origin, fetch: api.fetch, xhr: api.xhr, storage: null });
  return html`<jc-provider
    jobcenter=${options.jobcenter ?? 'musterstadt'}
    lang=${options.lang ?? 'de'}
    .client=${client}
    >${content}</jc-provider
  >`;
}

/**
 * A jc-ade-flow on the in-memory API. The device cache is wiped first (and `cached` written), so
 * stories do not see each other's unsent changes.
 */
export function adeFlow(
  options: MockOptions = {},
  cached?: CachedDraft,
  attrs: { pollInterval?: number; autosaveDelay?: number } = {},
): TemplateResult {
  const api = new MockApi({ session: 'level1', ...options });
  const client = new ApiClient({ baseUrl: location.origin, fetch: api.fetch, xhr: api.xhr, storage: null });
  const ready = clearDraftCache()
    .then(() => (cached ? writeDraft(cached) : undefined))
    .then(
      () =>
        html`<jc-ade-flow
          jobcenter="musterstadt"
          poll-interval=${attrs.pollInterval ?? 200}
          autosave-delay=${attrs.autosaveDelay ?? 800}
          .client=${client}
        ></jc-ade-flow>`,
    );
  return html`${until(ready, '')}`;
}

/** A provider whose API client talks to the in-memory staff API; `onApi` gets the mock for assertions. */
export function withStaffApi(
  content: TemplateResult,
  options: StaffMockOptions & { lang?: string } = {},
  onApi?: (api: MockStaffApi) => void,
): TemplateResult {
  const api = new MockStaffApi(options);
  onApi?.(api);
  const client = new ApiClient({ baseUrl: location.origin, fetch: api.fetch, storage: null });
  return html`<jc-provider jobcenter="musterstadt" lang=${options.lang ?? 'de'} .client=${client}
    >${content}</jc-provider
  >`;
}
