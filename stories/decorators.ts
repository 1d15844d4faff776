/** Wraps a story in a jc-provider whose API client talks to the in-memory mock. */
import { html, type TemplateResult } from 'lit';
import { ApiClient } from '../components/api/api-client.js';
import { MockApi, type MockOptions } from './mock-api.js';
import '../components/provider/provider.js';

/** A provider for `jobcenter` with a mock API; the MockApi is returned for assertions. */
export function withMockApi(
  content: TemplateResult,
  options: MockOptions & { jobcenter?: string; lang?: string } = {},
): TemplateResult {
  const api = new MockApi(options);
  const client = new ApiClient({ baseUrl: location.origin, fetch: api.fetch, storage: null });
  return html`<jc-provider
    jobcenter=${options.jobcenter ?? 'musterstadt'}
    lang=${options.lang ?? 'de'}
    .client=${client}
    >${content}</jc-provider
  >`;
}
