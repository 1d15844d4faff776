/** Styles of jc-ade-flow: progress overview, save status, summary lists, evidence list. */
import { css } from 'lit';

/** Flow layout. */
export const adeFlowStyles = css`
  .progress {
    margin: 0 0 var(--_space-m);
    padding: var(--_space-s) var(--_space-m);
    background: var(--_surface);
  }
  .progress summary {
    cursor: pointer;
    font-weight: var(--_bold);
  }
  .steps {
    margin: var(--_space-s) 0 0;
  }
  .steps li.current {
    font-weight: var(--_bold);
  }
  .step-state {
    display: block;
    color: var(--_text-secondary);
    font-weight: normal;
  }
  .step-state--error {
    color: var(--_error);
  }
  .step-state--done {
    color: var(--_success);
  }
  .save-status {
    min-height: 1.5em;
    margin: 0 0 var(--_space-m);
    color: var(--_text-secondary);
  }
  .save-status--offline,
  .save-status--error,
  .save-status--conflict {
    color: var(--_error);
    font-weight: var(--_bold);
  }
  .caption {
    display: block;
    margin-bottom: var(--_space-xs);
    color: var(--_text-secondary);
    font-size: var(--_font-size);
    font-weight: normal;
  }
  .h3 {
    font-size: var(--_h3);
  }
  .summary-list {
    margin: 0 0 var(--_space-l);
  }
  .summary-row {
    display: grid;
    grid-template-columns: minmax(0, 2fr) minmax(0, 3fr) auto;
    gap: var(--_space-s) var(--_space-m);
    padding: var(--_space-s) 0;
    border-bottom: 1px solid var(--_border-subtle);
  }
  .summary-row dt {
    font-weight: var(--_bold);
    /* Long German compounds ("Rentenversicherungsnummer?") must wrap at 320 px, not widen the page. */
    overflow-wrap: anywhere;
    hyphens: auto;
  }
  .summary-row dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .plain {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  @media (max-width: 30rem) {
    .summary-row {
      grid-template-columns: minmax(0, 1fr);
    }
  }
`;
