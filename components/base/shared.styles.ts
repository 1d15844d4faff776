/** Styles shared by the widgets: headings, text, links, buttons, panels (GOV.UK-like, token based). */
import { css } from 'lit';

/** Typography, links, buttons, panels and notices used by jc-registration and jc-application. */
export const widgetStyles = css`
  .root {
    max-width: var(--_max-width);
    /* long German compounds ("Eingangsbestätigung:") must wrap at 320 px and 200 % zoom */
    overflow-wrap: break-word;
    hyphens: auto;
  }
  h2,
  h3 {
    margin: 0 0 var(--_space-m);
    font-weight: var(--_bold);
    line-height: 1.25;
  }
  h2 {
    font-size: var(--_h2);
  }
  h3 {
    font-size: var(--_h3);
    margin-top: var(--_space-l);
  }
  h2:focus,
  h3:focus {
    outline: none;
  }
  h2:focus-visible {
    outline: var(--_focus-width) solid var(--_focus);
  }
  p,
  ul,
  ol,
  dl {
    margin: 0 0 var(--_space-m);
  }
  ul,
  ol {
    padding-inline-start: var(--_space-l);
  }
  li + li {
    margin-top: var(--_space-xs);
  }
  a,
  .link {
    color: var(--_link);
    text-decoration: underline;
    text-decoration-thickness: max(1px, 0.0625em);
    text-underline-offset: 0.15em;
  }
  a:visited {
    color: var(--_link-visited);
  }
  a:hover,
  .link:hover {
    text-decoration-thickness: max(3px, 0.1875em);
  }
  .link {
    padding: 0;
    border: 0;
    background: none;
    font: inherit;
    cursor: pointer;
    text-align: start;
  }
  .button {
    display: inline-block;
    min-height: 2.75rem;
    margin: 0 0 var(--_space-m);
    padding: var(--_space-s) var(--_space-m);
    border: var(--_border-width) solid transparent;
    border-radius: var(--_radius);
    background: var(--_primary);
    color: var(--_on-primary);
    font: inherit;
    font-weight: var(--_bold);
    line-height: 1.25;
    text-align: center;
    text-decoration: none;
    cursor: pointer;
  }
  .button:hover {
    background: var(--_primary-hover);
  }
  .button--secondary {
    background: var(--_surface);
    color: var(--_text);
    border-color: var(--_border);
  }
  .button--secondary:hover {
    background: var(--_bg);
  }
  .button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: progress;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--_space-s) var(--_space-l);
  }
  .panel {
    margin: 0 0 var(--_space-l);
    padding: var(--_space-m);
    border-inline-start: 5px solid var(--_success);
    background: var(--_surface);
  }
  .panel--error {
    border-inline-start-color: var(--_error);
  }
  .panel > :last-child {
    margin-bottom: 0;
  }
  .secondary {
    color: var(--_text-secondary);
  }
  .status:empty {
    display: none;
  }
  form {
    margin: 0;
  }
  form > * {
    margin-bottom: var(--_space-l);
  }
  @media (forced-colors: active) {
    .button {
      border-color: ButtonText;
    }
    .panel {
      border: 1px solid CanvasText;
      border-inline-start-width: 5px;
    }
  }
`;

/**
 * `exportparts` for nested form controls, so a portal reaches them through the widget:
 * `jc-application::part(field-input)`.
 */
export const FIELD_EXPORTPARTS =
  'form-group: field-group, label: field-label, legend: field-label, hint: field-hint, ' +
  'error-message: field-error-message, input: field-input, control: field-control, select: field-select';
