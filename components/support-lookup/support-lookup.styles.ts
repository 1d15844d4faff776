/** Styles of jc-support-lookup. */
import { css } from 'lit';

/** The search form, the state as a definition list and the confirmation panel. */
export const supportLookupStyles = css`
  label {
    display: block;
    font-weight: var(--_bold);
    margin-bottom: var(--_space-xs);
  }
  input {
    box-sizing: border-box;
    width: 100%;
    max-width: 30rem;
    min-height: 2.75rem;
    padding: var(--_space-xs) var(--_space-s);
    border: var(--_border-width) solid var(--_border);
    border-radius: var(--_radius);
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
  }
  input[aria-invalid='true'] {
    border-color: var(--_error);
    border-width: 4px;
  }
  .error {
    color: var(--_error);
    font-weight: var(--_bold);
    margin: 0 0 var(--_space-xs);
  }
  dl {
    display: grid;
    grid-template-columns: minmax(0, max-content) minmax(0, 1fr);
    gap: var(--_space-xs) var(--_space-m);
  }
  dt {
    font-weight: var(--_bold);
  }
  dd {
    margin: 0;
  }
  .confirm {
    margin: 0 0 var(--_space-l);
    padding: var(--_space-m);
    border: var(--_border-width) solid var(--_border);
  }
  @media (max-width: 30rem) {
    dl {
      grid-template-columns: minmax(0, 1fr);
    }
    dd {
      margin-bottom: var(--_space-s);
    }
  }
`;
