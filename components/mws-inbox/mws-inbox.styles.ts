/** Styles of jc-mws-inbox. */
import { css } from 'lit';

/** Wide layout, Postkorb navigation, filter grid, the table and its badges. */
export const mwsInboxStyles = css`
  .root {
    max-width: none;
  }
  .postkoerbe ul {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s);
    margin: 0 0 var(--_space-l);
    padding: 0;
    list-style: none;
  }
  .postkoerbe li + li {
    margin: 0;
  }
  .postkoerbe a {
    display: inline-block;
    padding: var(--_space-xs) var(--_space-s);
    border: 1px solid var(--_border-subtle);
    border-radius: var(--_radius);
  }
  .postkoerbe a[aria-current] {
    border: var(--_border-width) solid var(--_border);
    color: var(--_text);
    font-weight: var(--_bold);
    text-decoration: none;
  }
  .count {
    white-space: nowrap;
  }
  .filters {
    margin: 0 0 var(--_space-l);
    padding: var(--_space-m);
    /* a border, not the surface colour: error text needs 4.5:1, which themes promise only on the background */
    border: 1px solid var(--_border-subtle);
  }
  .filters > * {
    margin-bottom: 0;
  }
  .filter-fields {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 14rem), 1fr));
    gap: var(--_space-m) var(--_space-l);
    margin-bottom: var(--_space-m);
  }
  .filters .actions .button {
    margin-bottom: 0;
  }
  .table-wrap {
    /* contains the visually-hidden (absolutely positioned) texts, which would else widen the page */
    position: relative;
    max-width: 100%;
    overflow-x: auto;
    margin: 0 0 var(--_space-m);
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  .caption {
    margin-bottom: var(--_space-s);
    font-weight: var(--_bold);
  }
  th,
  td {
    padding: var(--_space-s);
    border-bottom: 1px solid var(--_border-subtle);
    text-align: start;
    vertical-align: top;
  }
  thead th {
    border-bottom: var(--_border-width) solid var(--_border);
    white-space: nowrap;
  }
  tbody th {
    font-weight: normal;
    min-width: 12rem;
  }
  tbody th .secondary,
  td .secondary {
    display: block;
    font-size: 0.875em;
  }
  .item-link {
    font-weight: var(--_bold);
  }
  .sort {
    padding: 0;
    border: 0;
    background: none;
    color: var(--_link);
    font: inherit;
    font-weight: var(--_bold);
    text-decoration: underline;
    cursor: pointer;
  }
  .nowrap {
    white-space: nowrap;
  }
  .badge {
    display: inline-block;
    margin-top: var(--_space-xs);
    padding: 0 var(--_space-xs);
    border: var(--_border-width) solid var(--_error);
    color: var(--_error);
    font-size: 0.875em;
    font-weight: var(--_bold);
    white-space: nowrap;
  }
  tr.conflict > th,
  tr.note.conflict > td {
    box-shadow: inset 5px 0 0 var(--_error);
  }
  tr:has(+ tr.note) > * {
    border-bottom: 0;
  }
  tr.note > td {
    padding-top: 0;
  }
  .row-actions {
    min-width: 12rem;
  }
  .row-actions .button {
    margin: 0 var(--_space-xs) var(--_space-xs) 0;
  }
  .button--small {
    min-height: 2.75rem;
    padding: var(--_space-xs) var(--_space-s);
    font-size: 0.875em;
  }
  .row-message {
    margin: 0;
    max-width: 40rem;
    color: var(--_error);
    font-weight: var(--_bold);
  }
  .assign {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-xs) var(--_space-s);
    margin-top: var(--_space-s);
  }
  .assign > * {
    margin-bottom: 0;
  }
  .assign label {
    flex-basis: 100%;
    font-weight: var(--_bold);
  }
  .assign .button {
    margin: 0;
  }
  .select {
    min-height: 2.75rem;
    max-width: 100%;
    border: var(--_border-width) solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
    font: inherit;
  }
  .more .button {
    margin-bottom: var(--_space-s);
  }
  .results[aria-busy='true'] table {
    opacity: 0.6;
  }
  @media (forced-colors: active) {
    .badge,
    .postkoerbe a[aria-current] {
      border-color: CanvasText;
    }
    tr.conflict > th,
    tr.note.conflict > td {
      border-inline-start: 5px solid CanvasText;
    }
  }
`;
