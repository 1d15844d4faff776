/** Styles of jc-text-field. */
import { css } from 'lit';

/** Width presets in characters (GOV.UK input widths). */
export const textFieldStyles = css`
  :host([width='2']) {
    --_field-width: calc(2ch + 2.5rem);
  }
  :host([width='4']) {
    --_field-width: calc(4ch + 2.5rem);
  }
  :host([width='5']) {
    --_field-width: calc(5ch + 2.5rem);
  }
  :host([width='10']) {
    --_field-width: calc(10ch + 2.5rem);
  }
  :host([width='20']) {
    --_field-width: calc(20ch + 2.5rem);
  }
`;
