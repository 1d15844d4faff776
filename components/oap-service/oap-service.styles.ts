/** Styles of the OAP eServices: progress, status, check page, timeline, occupation picker. */
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
  .caption {
    display: block;
    margin-bottom: var(--_space-xs);
    color: var(--_text-secondary);
    font-size: var(--_font-size);
    font-weight: normal;
  }
  .back {
    margin-bottom: var(--_space-m);
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
  .timeline {
    margin: var(--_space-m) 0;
    padding: 0;
    list-style: none;
    border-inline-start: 3px solid var(--_border-subtle);
  }
  .timeline li {
    margin: 0 0 var(--_space-s);
    padding-inline-start: var(--_space-m);
    overflow-wrap: anywhere;
  }
  .timeline .when {
    display: block;
    color: var(--_text-secondary);
  }
  .timeline .gap {
    font-style: italic;
    color: var(--_error);
  }
  .picker-field {
    max-width: 30rem;
  }
  .picker-field label {
    display: block;
    font-weight: var(--_bold);
  }
  .picker-field input {
    display: block;
    width: 100%;
    margin-top: var(--_space-xs);
    padding: var(--_space-s);
    font: inherit;
    color: var(--_text);
    background: var(--_bg);
    border: var(--_border-width) solid var(--_border);
    border-radius: var(--_radius);
  }
  .picker-field input[aria-invalid='true'] {
    border-color: var(--_error);
  }
  .hint {
    color: var(--_text-secondary);
  }
  .error-message {
    color: var(--_error);
    font-weight: var(--_bold);
  }
  [role='listbox'] {
    margin: 0;
    padding: 0;
    list-style: none;
    border: 1px solid var(--_border-subtle);
    max-height: 16rem;
    overflow-y: auto;
  }
  [role='option'] {
    padding: var(--_space-s);
    cursor: pointer;
    overflow-wrap: anywhere;
  }
  [role='option'][aria-selected='true'],
  [role='option']:hover {
    background: var(--_surface);
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
  }
  .chosen {
    margin: var(--_space-m) 0 0;
    padding: 0;
    list-style: none;
  }
  .chosen li {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s);
    align-items: baseline;
    justify-content: space-between;
    padding: var(--_space-s) 0;
    border-bottom: 1px solid var(--_border-subtle);
    overflow-wrap: anywhere;
  }
  @media (max-width: 30rem) {
    .summary-row {
      grid-template-columns: minmax(0, 1fr);
    }
  }
`;
