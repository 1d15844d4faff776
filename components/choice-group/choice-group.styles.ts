/** Styles of jc-choice-group: large native radios/checkboxes (44 px targets), stacked or inline. */
import { css } from 'lit';

/** Layout of the fieldset and the items. */
export const choiceGroupStyles = css`
  fieldset {
    min-width: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }
  legend {
    padding: 0;
  }
  .items {
    display: flex;
    flex-direction: column;
    gap: var(--_space-s);
  }
  :host([inline]) .items {
    flex-direction: row;
    flex-wrap: wrap;
    gap: var(--_space-s) var(--_space-l);
  }
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
  .group--error .box {
    outline: 2px solid var(--_error);
    outline-offset: 1px;
  }
  .group--error .box:focus-visible {
    outline: var(--_focus-width) solid var(--_focus);
  }
`;
