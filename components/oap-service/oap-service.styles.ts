/**
 * Styles of the OAP eServices: progress, status, save status, check page. The CV timeline's and the
 * occupation picker's styles live with them (jc-oap-cv, jc-oap-conditions); caption, back link, hint and
 * error message come from formPageStyles.
 */
import { css } from 'lit';

/** Layout shared by jc-oap-situation, jc-oap-cv and jc-oap-conditions. */
export const oapServiceStyles = css`
  .oap-progress {
    margin: 0 0 var(--_space-m);
    padding: var(--_space-s) var(--_space-m);
    background: var(--_surface);
  }
  .oap-progress p {
    margin: 0 0 var(--_space-xs);
    font-weight: var(--_bold);
  }
  .oap-progress progress {
    width: 100%;
    accent-color: var(--_primary);
  }
  .oap-status {
    padding: var(--_space-s) var(--_space-m);
    border-inline-start: 5px solid var(--_primary);
    background: var(--_surface);
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
  .check-head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: var(--_space-s);
  }
  .summary {
    margin: 0 0 var(--_space-l);
  }
  .summary-row {
    display: grid;
    grid-template-columns: minmax(0, 2fr) minmax(0, 3fr);
    gap: var(--_space-s) var(--_space-m);
    padding: var(--_space-s) 0;
    border-bottom: 1px solid var(--_border-subtle);
  }
  .summary-row dt {
    font-weight: var(--_bold);
    overflow-wrap: anywhere;
    hyphens: auto;
  }
  .summary-row dd {
    margin: 0;
    overflow-wrap: anywhere;
    white-space: pre-line;
  }
  @media (max-width: 30rem) {
    .summary-row {
      grid-template-columns: minmax(0, 1fr);
    }
  }
`;
