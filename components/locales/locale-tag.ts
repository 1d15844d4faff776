/** Language tags → supported UI locales (no @lit/localize import, so jc-provider stays small). */

/** Languages the widgets render (German source, English translation). */
export type UiLocale = 'de' | 'en';

/** The supported UI locale of a language tag ('en-GB' → 'en'), or undefined when unsupported. */
export function toUiLocale(lang: string | null | undefined): UiLocale | undefined {
  const primary = lang?.trim().toLowerCase().split('-')[0];
  return primary === 'de' || primary === 'en' ? primary : undefined;
}
