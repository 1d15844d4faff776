/** Styles of jc-checkbox: a large native checkbox (44 px target) with its label beside it. */
import { css } from 'lit';

/** Checkbox layout. */
export const checkboxStyles = css`
  .item {
    display: flex;
    align-items: flex-start;
    gap: var(--_space-s);
  }
  .box {
    flex: none;
    width: 1.75rem;
    height: 1.75rem;
    margin: 0.125rem 0 0;
    accent-color: var(--_primary);
    cursor: pointer;
  }
  .item .label {
    margin: 0;
    padding-top: 0.25rem;
    font-weight: normal;
    cursor: pointer;
  }
  .item + .hint {
    margin: var(--_space-xs) 0 0;
    padding-inline-start: calc(1.75rem + var(--_space-s));
  }
  .group--error .box {
    outline: 2px solid var(--_error);
    outline-offset: 1px;
  }
  .group--error .box:focus-visible {
    outline: var(--_focus-width) solid var(--_focus);
  }
`;
