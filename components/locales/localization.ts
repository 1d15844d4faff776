/** @lit/localize in runtime mode: German is the source locale, English the second one. */
import { configureLocalization } from '@lit/localize';
import { templates } from './en.js';
import type { UiLocale } from './locale-tag.js';

export { toUiLocale, type UiLocale } from './locale-tag.js';

const { getLocale, setLocale } = configureLocalization({
  sourceLocale: 'de',
  targetLocales: ['en'],
  // Bundles are self-contained (no code splitting), so the English templates are imported statically:
  // the shared ones here, each widget's own from its module (addTemplates), so a bundle carries only its strings.
  loadLocale: async () => ({ templates }) as never,
});

/** Adds English templates of one widget (called by `en-<widget>.ts` when it loads). */
export function addTemplates(more: Record<string, unknown>): void {
  Object.assign(templates, more);
}

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
