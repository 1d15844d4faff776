/** Styles of jc-mws-review. */
import { css } from 'lit';

/** Summary lists, timeline, form fields, the "intern" mark; nothing wider than 320 px. */
export const mwsReviewStyles = css`
  .root {
    max-width: 60rem;
  }
  section {
    margin: 0 0 var(--_space-xl);
  }
  h4 {
    margin: 0 0 var(--_space-s);
    font-size: 1.1875rem;
  }
  .number {
    font-weight: normal;
    color: var(--_text-secondary);
  }
  .facts,
  .summary-list {
    margin: 0 0 var(--_space-m);
  }
  .facts > div,
  .summary-list .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_space-m);
    padding: var(--_space-s) 0;
    border-bottom: 1px solid var(--_border-subtle);
  }
  dt {
    flex: 1 1 12rem;
    font-weight: var(--_bold);
    min-width: 0;
  }
  dd {
    flex: 2 1 12rem;
    margin: 0;
    min-width: 0;
  }
  .row-action {
    flex: 0 1 auto;
  }
  .row-action p {
    margin: var(--_space-xs) 0 0;
  }
  .docs li {
    overflow-wrap: anywhere;
  }
  .docs .link {
    margin-inline-start: var(--_space-s);
  }
  .comment-box {
    flex-basis: 100%;
    padding-top: var(--_space-s);
  }
  details.group-box {
    margin: 0 0 var(--_space-m);
    border: 1px solid var(--_border-subtle);
    padding: var(--_space-s) var(--_space-m);
  }
  summary {
    cursor: pointer;
    color: var(--_link);
    font-weight: var(--_bold);
  }
  .timeline {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s);
    padding: 0;
    list-style: none;
  }
  .timeline li {
    margin: 0;
    padding: var(--_space-xs) var(--_space-s);
    border: 1px solid var(--_border-subtle);
  }
  .timeline .done {
    text-decoration: line-through;
    text-decoration-thickness: 1px;
  }
  .timeline .current {
    border: var(--_border-width) solid var(--_border);
    font-weight: var(--_bold);
  }
  .evidence,
  .requests,
  .texts,
  .history,
  .docs,
  .pdfs {
    padding-inline-start: 0;
    list-style: none;
  }
  .evidence > li,
  .requests > li {
    margin: 0 0 var(--_space-m);
    padding: var(--_space-m);
    border: 1px solid var(--_border-subtle);
  }
  code {
    font-size: 0.875em;
  }
  .tag {
    display: inline-block;
    margin-inline-start: var(--_space-s);
    padding: 0 var(--_space-xs);
    border: 1px solid var(--_border);
    font-size: 0.875rem;
  }
  .quote,
  .notice {
    padding-inline-start: var(--_space-m);
    border-inline-start: 4px solid var(--_border-subtle);
    white-space: pre-line;
  }
  .notes {
    padding: var(--_space-m);
    border: var(--_border-width) dashed var(--_error);
  }
  .internal {
    color: var(--_error);
    font-size: 1rem;
  }
  .group {
    margin: 0 0 var(--_space-m);
  }
  .group--error {
    padding-inline-start: var(--_space-m);
    border-inline-start: 5px solid var(--_error);
  }
  label {
    display: block;
    margin-bottom: var(--_space-xs);
    font-weight: var(--_bold);
  }
  .hint {
    margin: 0 0 var(--_space-xs);
    color: var(--_text-secondary);
  }
  .error-message {
    margin: 0 0 var(--_space-xs);
    color: var(--_error);
    font-weight: var(--_bold);
  }
  input,
  textarea,
  select {
    display: block;
    width: 100%;
    max-width: 100%;
    min-height: 2.75rem;
    padding: var(--_space-xs);
    border: var(--_border-width) solid var(--_border);
    border-radius: var(--_radius);
    font: inherit;
    color: var(--_text);
    background: var(--_bg);
  }
  .input--short {
    width: 6em;
  }
  [aria-invalid='true'] {
    border-color: var(--_error);
  }
  del,
  ins {
    text-decoration-thickness: 1px;
  }
`;
