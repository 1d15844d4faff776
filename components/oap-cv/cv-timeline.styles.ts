/** Styles of the CV timeline (jc-oap-cv). */
import { css } from 'lit';

/** The timeline list: entries newest first, gaps marked. */
export const timelineStyles = css`
  .timeline {
    margin: var(--_space-m) 0;
    padding: 0;
    list-style: none;
    border-inline-start: 3px solid var(--_border-subtle);
  }
  .timeline li {
    margin: 0 0 var(--_space-s);
    padding-inline-start: var(--_space-m);
    overflow-wrap: anywhere;
  }
  .timeline .when {
    display: block;
    color: var(--_text-secondary);
  }
  .timeline .gap {
    font-style: italic;
    color: var(--_error);
  }
`;
