/** Styles of jc-date-input (GOV.UK date input: three inputs in a row). */
import { css } from 'lit';

/** Layout of the fieldset and the three parts. */
export const dateInputStyles = css`
  fieldset {
    min-width: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }
  legend {
    padding: 0;
  }
  .parts {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-m);
  }
  .part .label {
    font-weight: normal;
  }
  .part .field {
    width: calc(2ch + 2.5rem);
  }
  .part--year .field {
    width: calc(4ch + 2.5rem);
  }
`;
