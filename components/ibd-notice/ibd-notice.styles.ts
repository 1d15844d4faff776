/** Styles of jc-ibd-notice: a quiet note (tokens only, no alert colours, 320 px without sideways scrolling). */
import { css } from 'lit';

/** The notice's styles. */
export const ibdNoticeStyles = css`
  :host([hidden]) {
    display: none;
  }
  .notice {
    margin: var(--_space-m, 1rem) 0;
    padding: var(--_space-s, 0.5rem) var(--_space-m, 1rem);
    border-inline-start: 5px solid var(--_border-subtle);
    background: var(--_surface);
    overflow-wrap: anywhere;
  }
  .notice p {
    margin: 0;
  }
  .label {
    font-weight: var(--_bold);
  }
  .quiet {
    color: var(--_text-secondary);
  }
`;
