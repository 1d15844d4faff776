/** Styles of jc-admin: token based, wraps at 320 px. */
import { css } from 'lit';

/** jc-admin styles. */
export const adminStyles = css`
  nav.tabs { display: flex; flex-wrap: wrap; gap: var(--_space-xs); margin-block-end: var(--_space-m); }
  nav.tabs button[aria-current='page'] { background: var(--_primary); color: var(--_on-primary); }
  .button--small { min-height: 2.75rem; padding: var(--_space-xs) var(--_space-s); margin: 0; }
  .plain { list-style: none; padding: 0; }
  .row, .rule { display: flex; flex-wrap: wrap; gap: var(--_space-s); align-items: end; margin-block-end: var(--_space-s); }
  .rule { flex-direction: column; align-items: stretch; padding: var(--_space-s); border: var(--_border-width) solid var(--_border-subtle); }
  .rule-name { font-weight: var(--_bold); }
  label { display: block; margin-block-end: var(--_space-xs); }
  .input { display: block; box-sizing: border-box; max-width: 100%; min-height: 2.75rem; font: inherit; color: var(--_text); background: var(--_bg); border: var(--_border-width) solid var(--_border); padding: var(--_space-xs); }
  textarea.input { width: 100%; }
  .short { width: 6rem; }
  fieldset { border: var(--_border-width) solid var(--_border-subtle); margin: 0 0 var(--_space-s); min-width: 0; }
  fieldset.inline label { display: inline-block; margin-inline-end: var(--_space-s); }
  :focus-visible { outline: var(--_focus-width) solid var(--_focus); outline-offset: 2px; }
  .errors { border: 5px solid var(--_error); padding: var(--_space-m); margin-block-end: var(--_space-m); }
  .errors:focus { outline: var(--_focus-width) solid var(--_focus); }
  .swatch { padding: var(--_space-m); border: 4px solid; font-weight: var(--_bold); }
  .diff li[data-op='added']::before { content: '+ '; }
  .diff li[data-op='removed']::before { content: '− '; }
  .diff li[data-op='changed']::before { content: '~ '; }
  .field { margin-block-end: var(--_space-s); }
  .field--error { border-inline-start: 5px solid var(--_error); padding-inline-start: var(--_space-s); }
  .field-error { color: var(--_error); font-weight: var(--_bold); margin: 0 0 var(--_space-xs); }
  .ibd-preview, .ibd-saved { overflow-wrap: anywhere; margin-block: var(--_space-s); }
  .ro-table { border-collapse: collapse; width: 100%; margin-block-end: var(--_space-m); }
  .ro-table caption { text-align: start; font-weight: var(--_bold); margin-block-end: var(--_space-xs); }
  .ro-table th, .ro-table td { text-align: start; padding: var(--_space-xs); border-block-end: var(--_border-width) solid var(--_border-subtle); overflow-wrap: anywhere; }
  .ro-table tr[aria-current='true'] { outline: var(--_border-width) solid var(--_border); }
  @media (max-width: 40em) {
    .ro-table thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
    .ro-table tr, .ro-table th, .ro-table td { display: block; }
  }
  .check { display: flex; gap: var(--_space-s); align-items: center; min-height: 2.75rem; }
  .check input { width: 1.5rem; height: 1.5rem; margin: 0; flex: none; }
  .check label { margin: 0; }
  .ro-form .button { margin-inline-end: var(--_space-s); }
  .ro-history li { margin-block-end: var(--_space-s); overflow-wrap: anywhere; }
  .vh { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
