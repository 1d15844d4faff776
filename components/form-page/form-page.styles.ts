/** Styles of jc-form-page: caption, question spacing, list cards. */
import { css } from 'lit';

/** Page layout. */
export const formPageStyles = css`
  .caption {
    display: block;
    margin-bottom: var(--_space-xs);
    color: var(--_text-secondary);
    font-size: var(--_font-size);
    font-weight: normal;
  }
  .back {
    margin-bottom: var(--_space-m);
  }
  .intro {
    max-width: 38rem;
  }
  .question + .question,
  .question + .list,
  .list + .question {
    margin-top: var(--_space-l);
  }
  .question .later {
    margin-top: var(--_space-s);
  }
  .fieldset {
    min-width: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }
  .fieldset > legend {
    margin-bottom: var(--_space-s);
    padding: 0;
    font-size: var(--_h3);
    font-weight: var(--_bold);
  }
  .hint {
    color: var(--_text-secondary);
  }
  .error-message {
    color: var(--_error);
    font-weight: var(--_bold);
  }
  .cards {
    margin: 0 0 var(--_space-m);
    padding: 0;
    list-style: none;
  }
  .card {
    margin: 0 0 var(--_space-m);
    padding: var(--_space-m);
    border: 1px solid var(--_border-subtle);
    border-inline-start: 5px solid var(--_border-subtle);
  }
  .card h3 {
    margin-top: 0;
  }
  .card .question {
    margin-bottom: var(--_space-l);
  }
  .card .button {
    margin-bottom: 0;
  }
  .actions {
    margin-top: var(--_space-xl);
  }
  @media (forced-colors: active) {
    .card {
      border-color: CanvasText;
    }
  }
`;
