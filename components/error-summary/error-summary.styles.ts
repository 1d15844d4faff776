/** Styles of jc-error-summary. */
import { css } from 'lit';

/** GOV.UK error summary: a bordered box with a heading and a list of links. */
export const errorSummaryStyles = css`
  .summary {
    margin: 0 0 var(--_space-l);
    padding: var(--_space-m);
    border: 5px solid var(--_error);
    background: var(--_bg);
  }
  .summary:focus {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: 0;
  }
  h2 {
    margin: 0 0 var(--_space-m);
    font-size: var(--_h3);
    line-height: 1.25;
  }
  ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  li + li {
    margin-top: var(--_space-s);
  }
  a,
  .item {
    color: var(--_error);
    font-weight: var(--_bold);
  }
  a {
    text-decoration: underline;
    text-decoration-thickness: max(1px, 0.0625em);
  }
  a:hover {
    text-decoration-thickness: max(3px, 0.1875em);
  }
  @media (forced-colors: active) {
    .summary {
      border-color: CanvasText;
    }
    a {
      color: LinkText;
    }
  }
`;
