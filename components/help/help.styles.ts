/** Styles of jc-help: GOV.UK-like disclosures; logical properties only, so right-to-left panels lay out mirrored. */
import { css } from 'lit';

/** Disclosures and panels. */
export const helpStyles = css`
  :host {
    margin: 0 0 var(--_space-l);
  }
  .help {
    margin: 0 0 var(--_space-s);
  }
  summary {
    display: list-item;
    width: fit-content;
    max-width: 100%;
    padding-block: var(--_space-xs);
    color: var(--_link);
    cursor: pointer;
  }
  summary span {
    text-decoration: underline;
    text-decoration-thickness: max(1px, 0.0625em);
    text-underline-offset: 0.15em;
  }
  summary:hover span {
    text-decoration-thickness: max(3px, 0.1875em);
  }
  .text {
    margin-block: var(--_space-s) var(--_space-m);
    padding-block: var(--_space-m);
    padding-inline: var(--_space-m);
    border-inline-start: 5px solid var(--_border-subtle);
    background: var(--_surface);
    text-align: start;
    overflow-wrap: break-word;
  }
  .text p {
    margin: 0 0 var(--_space-s);
  }
  .text > :last-child {
    margin-bottom: 0;
  }
  .title {
    font-weight: var(--_bold);
  }
  /* Leichte Sprache: bigger text, more space, no words broken at the line end. */
  .text--ls {
    font-size: 1.125em;
    line-height: 1.6;
    hyphens: manual;
  }
  /* Arabic script reads small at Latin sizes and needs taller lines. */
  .text--ar {
    font-size: 1.125em;
    line-height: 1.8;
  }
  @media (forced-colors: active) {
    summary {
      color: LinkText;
    }
    .text {
      border: 1px solid CanvasText;
      border-inline-start-width: 5px;
    }
  }
`;
