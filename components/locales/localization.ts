/**
 * @lit/localize in runtime mode: German is the source locale and part of every bundle; English is
 * loaded on demand. Each widget registers the English tables it needs (`addEnglish`); the build splits
 * them into lazy chunks (dist/chunks/), so a German page never downloads them.
 */
import { configureLocalization } from '@lit/localize';
import type { UiLocale } from './locale-tag.js';

export { toUiLocale, type UiLocale } from './locale-tag.js';

/** A loader of one English table (an `en-*.ts` module with a default export). */
export type EnglishLoader = () => Promise<{ default: Record<string, unknown> }>;

/** The English templates loaded so far (one object: the runtime keeps the reference). */
const templates: Record<string, unknown> = {};
const loaders = new Set<EnglishLoader>([() => import('./en.js')]);
let englishLoaded = false;

async function loadEnglish(parts: Iterable<EnglishLoader>): Promise<void> {
  for (const m of await Promise.all([...parts].map((load) => load()))) Object.assign(templates, m.default);
}

const { getLocale, setLocale } = configureLocalization({
  sourceLocale: 'de',
  targetLocales: ['en'],
  loadLocale: async () => {
    await loadEnglish(loaders);
    englishLoaded = true;
    return { templates } as never;
  },
});

/**
 * Registers a widget's English table; modules call it once when they load. A table registered after
 * English is already active is loaded at once, then localized elements render again.
 */
export function addEnglish(load: EnglishLoader): void {
  if (loaders.has(load)) return;
  loaders.add(load);
  if (englishLoaded)
    void loadEnglish([load]).then(() =>
      window.dispatchEvent(
        new CustomEvent('lit-localize-status', { detail: { status: 'ready', readyLocale: 'en' } }),
      ),
    );
}

/** The active UI locale of this bundle. */
export function activeLocale(): UiLocale {
  return getLocale() as UiLocale;
}

/**
 * Switches the bundle's UI locale; resolves when its strings are loaded. @lit/localize keeps one
 * active locale per bundle: two widgets with different `lang` on one page show the language set last.
 */
export async function switchLocale(locale: UiLocale): Promise<void> {
  if (getLocale() !== locale) await setLocale(locale);
}

/** BCP 47 tag for Intl formatting of a UI locale (dates are always shown in German time). */
export function intlLocale(locale: UiLocale): string {
  return locale === 'en' ? 'en-GB' : 'de-DE';
}
