/** Styles of jc-application. */
import { css } from 'lit';

/** Fieldsets, details lists, hashes and the receipt number. */
export const applicationStyles = css`
  .fieldset {
    min-width: 0;
    margin: 0 0 var(--_space-l);
    padding: 0;
    border: 0;
  }
  .fieldset > legend {
    margin-bottom: var(--_space-m);
    padding: 0;
    font-size: var(--_h3);
    font-weight: var(--_bold);
    line-height: 1.25;
  }
  .fieldset > * + * {
    margin-top: var(--_space-l);
  }
  .details {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: var(--_space-xs) var(--_space-m);
  }
  .details dt {
    font-weight: var(--_bold);
  }
  .details dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .hash {
    display: block;
    margin-top: var(--_space-xs);
    font-family: var(--jc-font-family-mono, ui-monospace, 'SFMono-Regular', Consolas, monospace);
    font-size: 0.9em;
    overflow-wrap: anywhere;
  }
  .number {
    font-size: var(--_h2);
    overflow-wrap: anywhere;
  }
  .status:empty {
    margin: 0;
  }
  @media (max-width: 30rem) {
    .details {
      grid-template-columns: 1fr;
    }
    .details dd + dt {
      margin-top: var(--_space-s);
    }
  }
`;
