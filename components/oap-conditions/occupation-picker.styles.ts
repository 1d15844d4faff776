/** Styles of the occupation picker (jc-oap-conditions); hint and error message come from formPageStyles. */
import { css } from 'lit';

/** The combobox, its listbox and the chosen occupations. */
export const pickerStyles = css`
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
`;
