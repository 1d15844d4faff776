/** JcElement: the base of every element – theme tokens, focus styles, language and direction. */
import { LitElement, css, type CSSResultGroup } from 'lit';

/** Primary language subtags written right to left. */
const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'ku', 'yi', 'dv']);

/** Text direction of a BCP 47 language tag. */
export function directionOf(lang: string): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.has(lang.toLowerCase().split('-')[0]) ? 'rtl' : 'ltr';
}

/**
 * Private aliases of the public `--jc-*` tokens with the default theme's values as fallbacks.
 * Elements use only these aliases; a portal themes through the tokens (themes/*.css) or `::part()`.
 */
export const tokenStyles = css`
  :host {
    --_font: var(--jc-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif);
    --_font-size: var(--jc-font-size, 1rem);
    --_line-height: var(--jc-line-height, 1.5);
    --_h2: var(--jc-font-size-heading, 1.5rem);
    --_h3: var(--jc-font-size-subheading, 1.25rem);
    --_bold: var(--jc-font-weight-bold, 700);
    --_text: var(--jc-color-text, #0b0c0c);
    --_text-secondary: var(--jc-color-text-secondary, #484949);
    --_bg: var(--jc-color-background, #ffffff);
    --_surface: var(--jc-color-surface, #f3f2f1);
    --_border: var(--jc-color-border, #0b0c0c);
    --_border-subtle: var(--jc-color-border-subtle, #b1b4b6);
    --_link: var(--jc-color-link, #1d70b8);
    --_link-visited: var(--jc-color-link-visited, #4c2c92);
    --_primary: var(--jc-color-primary, #00703c);
    --_primary-hover: var(--jc-color-primary-hover, #005a30);
    --_on-primary: var(--jc-color-on-primary, #ffffff);
    --_error: var(--jc-color-error, #c0280f);
    --_success: var(--jc-color-success, #00703c);
    --_focus: var(--jc-color-focus, #0b57d0);
    --_focus-width: var(--jc-focus-width, 3px);
    --_radius: var(--jc-radius, 0);
    --_border-width: var(--jc-border-width, 2px);
    --_space-xs: var(--jc-space-xs, 0.25rem);
    --_space-s: var(--jc-space-s, 0.5rem);
    --_space-m: var(--jc-space-m, 1rem);
    --_space-l: var(--jc-space-l, 1.5rem);
    --_space-xl: var(--jc-space-xl, 2.5rem);
    --_max-width: var(--jc-max-width, 40rem);
  }
`;

/** Host defaults, visible focus (≥ 3:1 against the background) and a visually-hidden helper. */
export const baseStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: var(--_line-height);
    color: var(--_text);
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    margin: 0 !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip: rect(0 0 0 0) !important;
    clip-path: inset(50%) !important;
    border: 0 !important;
    white-space: nowrap !important;
  }
  @media (forced-colors: active) {
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;

/**
 * Base class of every `jc-*` element: adopts the theme only through `var(--jc-…)` tokens, draws a
 * common focus ring and keeps language and direction right. A portal page may be right-to-left
 * (Arabic) while the widget speaks German: the rendered strings then carry their own `lang`/`dir`
 * (see `JcWidget`), and all layout uses logical properties (`margin-inline-start`, …).
 */
export class JcElement extends LitElement {
  static override styles: CSSResultGroup = [tokenStyles, baseStyles];

  /** Language inherited from the closest ancestor with `lang` (crossing shadow roots), else the document. */
  protected get inheritedLang(): string {
    let node: Node | null = this;
    while (node) {
      if (node instanceof Element && node.hasAttribute('lang')) return node.getAttribute('lang') ?? '';
      node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
    }
    return document.documentElement.lang || '';
  }
}
