/**
 * Server-made SVG (the TOTP QR code) imported without trusting it: parsed with DOMParser, then
 * rebuilt element by element with only `<svg>`, `<path>` and `<rect>` and only geometry and paint
 * attributes. Scripts, event handlers, links, styles and foreign content never reach the page, and
 * unlike an `<img src="data:…">` this needs no `img-src data:` in the portal's CSP.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';
const ELEMENTS = new Set(['path', 'rect']);
const MAX_ELEMENTS = 5000;
const NUMBER = /^-?[\d.]+(px|%)?$/;
/** Allowed attributes and the pattern their value must match. */
const ATTRIBUTES: Record<string, RegExp> = {
  viewBox: /^[-\d.\s,]+$/,
  width: NUMBER,
  height: NUMBER,
  x: NUMBER,
  y: NUMBER,
  'stroke-width': NUMBER,
  d: /^[MmLlHhVvZzCcSsQqTtAa\d\s.,eE+-]*$/,
  fill: /^(#[\da-f]{3,8}|[a-z]+)$/i,
  stroke: /^(#[\da-f]{3,8}|[a-z]+)$/i,
  'shape-rendering': /^[a-z]+$/i,
  'fill-rule': /^[a-z]+$/i,
};

function rebuild(source: Element, budget: { left: number }): Element {
  const el = document.createElementNS(SVG_NS, source.localName);
  for (const { name, value } of Array.from(source.attributes)) {
    if (ATTRIBUTES[name]?.test(value.trim())) el.setAttribute(name, value.trim());
  }
  for (const child of Array.from(source.children)) {
    if (child.namespaceURI !== SVG_NS || !ELEMENTS.has(child.localName) || --budget.left < 0) continue;
    el.append(rebuild(child, budget));
  }
  return el;
}

/** A clean copy of `markup` as an `<svg role="img">` named `label`, or undefined when it is no SVG. */
export function safeSvg(markup: string, label: string): SVGSVGElement | undefined {
  if (!markup) return undefined;
  const doc = new DOMParser().parseFromString(markup, 'image/svg+xml');
  const root = doc.documentElement;
  if (root.namespaceURI !== SVG_NS || root.localName !== 'svg' || doc.querySelector('parsererror'))
    return undefined;
  const svg = rebuild(root, { left: MAX_ELEMENTS }) as SVGSVGElement;
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  return svg;
}
