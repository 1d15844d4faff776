/** Styles of jc-oap-review. */
import { css } from 'lit';

/** Comparison rows, states and the decision radios. */
export const oapReviewStyles = css`
  .services,
  .rows {
    margin: 0 0 var(--_space-l);
    padding: 0;
    list-style: none;
  }
  .services li {
    margin-bottom: var(--_space-xs);
    overflow-wrap: anywhere;
  }
  .row fieldset {
    min-width: 0;
    margin: 0 0 var(--_space-m);
    padding: var(--_space-m);
    border: 1px solid var(--_border-subtle);
    border-inline-start: 5px solid var(--_border-subtle);
  }
  .row--conflict fieldset {
    border-inline-start-color: var(--_error);
    border-style: solid dashed dashed solid;
  }
  .row legend {
    padding: 0 var(--_space-xs);
    font-weight: var(--_bold);
    overflow-wrap: anywhere;
  }
  .state {
    margin: 0 0 var(--_space-s);
  }
  .state--conflict {
    color: var(--_error);
  }
  .values {
    margin: 0 0 var(--_space-s);
  }
  .values div {
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(0, 2fr);
    gap: var(--_space-s);
    padding: var(--_space-xs) 0;
  }
  .values dt {
    font-weight: var(--_bold);
    overflow-wrap: anywhere;
  }
  .values dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .radios {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s) var(--_space-l);
  }
  .radios label {
    display: inline-flex;
    gap: var(--_space-s);
    align-items: center;
    min-height: 44px;
  }
  .radios input {
    width: 1.5rem;
    height: 1.5rem;
    margin: 0;
    accent-color: var(--_primary);
  }
  .error-message {
    color: var(--_error);
    font-weight: var(--_bold);
  }
  .same {
    margin: 0 0 var(--_space-l);
  }
  .same summary {
    cursor: pointer;
    color: var(--_link);
  }
  @media (max-width: 30rem) {
    .values div {
      grid-template-columns: minmax(0, 1fr);
    }
  }
`;
