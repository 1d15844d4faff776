/** Styles of jc-mws-todo (tokens only, 320 px without sideways scrolling). */
import { css } from 'lit';

export const todoStyles = css`
  .round {
    margin: var(--_space-l) 0;
    padding: var(--_space-m);
    border: var(--_border-width) solid var(--_border);
    overflow-wrap: anywhere;
  }
  .round > h3 {
    margin-top: 0;
  }
  .deadline {
    padding: var(--_space-s) var(--_space-m);
    border-inline-start: 5px solid var(--_border);
    background: var(--_surface);
  }
  .deadline.overdue {
    border-inline-start-color: var(--_error);
    color: var(--_error);
  }
  .items {
    padding: 0;
    list-style: none;
  }
  .items > li {
    margin: 0 0 var(--_space-m);
    padding: var(--_space-m);
    border: 1px solid var(--_border-subtle);
  }
  .text {
    white-space: pre-line;
  }
  details {
    margin: var(--_space-m) 0;
  }
  summary {
    cursor: pointer;
    color: var(--_link);
    text-decoration: underline;
  }
  .label,
  legend {
    display: block;
    font-weight: var(--_bold);
  }
  .input {
    display: block;
    width: 100%;
    max-width: 30rem;
    margin-top: var(--_space-xs);
    padding: var(--_space-xs);
    font: inherit;
    border: var(--_border-width) solid var(--_border);
    border-radius: var(--_radius);
  }
  .input[aria-invalid='true'] {
    border-color: var(--_error);
    border-width: 4px;
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
  }
  .choice {
    display: flex;
    gap: var(--_space-s);
    align-items: center;
    margin: var(--_space-xs) 0;
  }
  .error-message {
    margin: var(--_space-xs) 0;
    color: var(--_error);
    font-weight: var(--_bold);
  }
  .done {
    color: var(--_success);
  }
  .timeline {
    padding-inline-start: 0;
    list-style: none;
  }
  .timeline li {
    display: flex;
    gap: var(--_space-s);
    margin: var(--_space-xs) 0;
  }
  .timeline .pending {
    color: var(--_text-secondary);
  }
  .messages {
    padding: 0;
    list-style: none;
  }
  .messages li {
    margin: 0 0 var(--_space-s);
    padding: var(--_space-s) var(--_space-m);
    border-inline-start: 4px solid var(--_border-subtle);
    overflow-wrap: anywhere;
  }
  .messages li.applicant {
    border-inline-start-color: var(--_link);
  }
  .messages .text {
    margin: 0;
  }
  @media (forced-colors: active) {
    .deadline,
    .items > li {
      border-color: CanvasText;
    }
  }
`;
