/** Styles of jc-registration. */
import { css } from 'lit';

/** Account details and link list. */
export const registrationStyles = css`
  .account {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: var(--_space-xs) var(--_space-m);
  }
  .account dt {
    font-weight: var(--_bold);
  }
  .account dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .links {
    padding: 0;
    list-style: none;
  }
  .status:empty {
    margin: 0;
  }
  @media (max-width: 30rem) {
    .account {
      grid-template-columns: 1fr;
    }
    .account dd + dt {
      margin-top: var(--_space-s);
    }
  }
`;
