/** Styles of jc-staff-sign-in. */
import { css } from 'lit';

/** QR code, secret, recovery codes, account details, link list. */
export const staffSignInStyles = css`
  .qr {
    display: inline-block;
    margin: 0 0 var(--_space-m);
    padding: var(--_space-m);
    /* a QR code needs dark modules on a light quiet zone, whatever the theme or contrast mode */
    background: #ffffff;
    border: 1px solid var(--_border-subtle);
    forced-color-adjust: none;
  }
  .qr svg {
    display: block;
    width: min(12rem, 60vw);
    height: auto;
    aspect-ratio: 1;
  }
  .secret,
  .codes code {
    font-family: var(--jc-font-family-mono, ui-monospace, 'SFMono-Regular', Consolas, monospace);
    font-size: 1.125em;
    letter-spacing: 0.05em;
    overflow-wrap: anywhere;
  }
  .codes {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr));
    gap: var(--_space-s) var(--_space-m);
    padding: var(--_space-m);
    border: var(--_border-width) dashed var(--_border);
    list-style: none;
  }
  .codes li + li {
    margin: 0;
  }
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
  @media (max-width: 30rem) {
    .account {
      grid-template-columns: 1fr;
    }
    .account dd + dt {
      margin-top: var(--_space-s);
    }
  }
`;
