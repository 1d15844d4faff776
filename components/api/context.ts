/**
 * @lit/context contexts provided by jc-provider. The keys are strings (not symbols) so that
 * elements from different self-contained bundles on one page still find each other.
 */
import { createContext } from '@lit/context';
import type { ApiClient } from './api-client.js';
import type { UiLocale } from '../locales/locale-tag.js';

/** The API client of the page. */
export const apiContext = createContext<ApiClient | undefined>('jc-api-client');
/** Id of the jobcenter whose portal embeds the widgets (e.g. `musterstadt`). */
export const jobcenterContext = createContext<string | undefined>('jc-jobcenter');
/** UI language of the widgets. */
export const localeContext = createContext<UiLocale | undefined>('jc-locale');
