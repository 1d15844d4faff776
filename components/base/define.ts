/**
 * Registers a custom element once. Each public bundle in `dist/` is self-contained, so a page that
 * loads `jc-registration.js` and `jc-application.js` carries two copies of `jc-text-field`: the
 * first one wins, the second is skipped instead of throwing "already defined".
 */
export function customElement(tag: string) {
  return (cls: CustomElementConstructor): void => {
    if (!customElements.get(tag)) customElements.define(tag, cls);
  };
}
