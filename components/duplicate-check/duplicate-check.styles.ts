/** Styles of jc-duplicate-check. */
import { css } from 'lit';

/** Tables, the candidate cards and their difference marks (bold, a sign and words, not only colour). */
export const duplicateCheckStyles = css`
  .root {
    max-width: none;
  }
  .table-wrap {
    position: relative;
    max-width: 100%;
    overflow-x: auto;
    margin: 0 0 var(--_space-m);
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  /* the comparison never scrolls sideways: at 320 px its three columns wrap anywhere instead */
  .candidate table {
    table-layout: fixed;
  }
  .candidate th,
  .candidate td {
    overflow-wrap: anywhere;
    hyphens: auto;
  }
  caption {
    text-align: start;
    font-weight: var(--_bold);
    margin-bottom: var(--_space-s);
  }
  th,
  td {
    padding: var(--_space-xs) var(--_space-s);
    border-bottom: 1px solid var(--_border-subtle);
    text-align: start;
    vertical-align: top;
  }
  tbody th {
    font-weight: normal;
  }
  .candidate {
    margin: 0 0 var(--_space-l);
    padding: var(--_space-m);
    border: 1px solid var(--_border-subtle);
  }
  h4 {
    margin: 0 0 var(--_space-s);
  }
  .score {
    display: block;
    font-weight: normal;
  }
  .score--likely {
    font-weight: var(--_bold);
  }
  tr.differs td:last-child {
    border-inline-start: 4px solid var(--_error);
  }
  .mark {
    display: block;
    font-size: 0.875em;
  }
  .confirm {
    margin: 0 0 var(--_space-l);
    padding: var(--_space-m);
    border: var(--_border-width) solid var(--_border);
  }
  @media (forced-colors: active) {
    tr.differs td:last-child {
      border-inline-start-color: CanvasText;
    }
  }
`;
