/** @lit/localize in runtime mode: German is the source locale, English the second one. */
import { configureLocalization } from '@lit/localize';
import * as en from './en.js';
import type { UiLocale } from './locale-tag.js';

export { toUiLocale, type UiLocale } from './locale-tag.js';

const { getLocale, setLocale } = configureLocalization({
  sourceLocale: 'de',
  targetLocales: ['en'],
  // Bundles are self-contained (no code splitting), so the English templates are imported statically.
  loadLocale: async () => en,
});

/** The active UI locale of this bundle. */
export function activeLocale(): UiLocale {
  return getLocale() as UiLocale;
}

/**
 * Switches the bundle's UI locale. @lit/localize keeps one active locale per bundle: two widgets
 * with different `lang` on one page show the language set last.
 */
export async function switchLocale(locale: UiLocale): Promise<void> {
  if (getLocale() !== locale) await setLocale(locale);
}

/** BCP 47 tag for Intl formatting of a UI locale (dates are always shown in German time). */
export function intlLocale(locale: UiLocale): string {
  return locale === 'en' ? 'en-GB' : 'de-DE';
}
