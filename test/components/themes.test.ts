/** Themes and layout: token-only theme files, contrast from the tokens, fallbacks, 320 px, forced colors. */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, setViewport } from '@web/test-runner-commands';
import { tokenStyles } from '../../components/base/jc-element.js';
import * as application from '../../stories/application.stories.js';
import * as registration from '../../stories/registration.stories.js';
import type { Story } from '../../stories/csf.js';
import { expectAccessible, settle } from './helpers.js';

const THEMES = ['default', 'musterstadt'];

async function themeText(name: string): Promise<string> {
  const res = await fetch(`/themes/${name}.css`);
  expect(res.ok, `themes/${name}.css`).to.equal(true);
  return res.text();
}

async function tokens(name: string): Promise<Record<string, string>> {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(await themeText(name));
  const out: Record<string, string> = {};
  for (const rule of sheet.cssRules) {
    const style = (rule as CSSStyleRule).style;
    for (const prop of style) out[prop] = style.getPropertyValue(prop).trim();
  }
  return out;
}

function luminance(hex: string): number {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(m[1].slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two colours. */
function contrast(a: string, b: string): number {
  const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (l1 + 0.05) / (l2 + 0.05);
}

/** Foreground/background pairs and the ratio each needs (text 4.5:1, borders and focus 3:1). */
const PAIRS: Array<[string, string, number]> = [
  ['text', 'background', 4.5],
  ['text', 'surface', 4.5],
  ['text-secondary', 'background', 4.5],
  ['text-secondary', 'surface', 4.5],
  ['link', 'background', 4.5],
  ['link', 'surface', 4.5],
  ['link-visited', 'background', 4.5],
  ['error', 'background', 4.5],
  ['on-primary', 'primary', 4.5],
  ['on-primary', 'primary-hover', 4.5],
  ['border', 'background', 3],
  ['primary', 'background', 3],
  ['error', 'surface', 3],
  ['success', 'surface', 3],
  ['focus', 'background', 3],
  ['focus', 'surface', 3],
  ['focus', 'primary', 1], // the ring sits 2px outside the button, on the page background
];

async function renderStory(story: Story): Promise<HTMLElement> {
  const canvas = await fixture<HTMLElement>(html`<div>${story.render()}</div>`);
  await story.play?.({ canvasElement: canvas });
  await settle();
  return canvas;
}

describe('themes', () => {
  for (const theme of THEMES)
    it(`axe: application and registration with errors under the ${theme} theme`, async () => {
      const link = Object.assign(document.createElement('link'), {
        rel: 'stylesheet',
        href: `/themes/${theme}.css`,
      });
      const loaded = new Promise((r) => (link.onload = r));
      document.head.append(link);
      await loaded;
      try {
        await expectAccessible(await renderStory(application.Errors));
        await expectAccessible(await renderStory(registration.SignUpErrors));
        await expectAccessible(await renderStory(application.ExistingReceipt));
      } finally {
        link.remove();
      }
    });

  for (const theme of THEMES) {
    it(`${theme}: only --jc-* tokens on :root, ≤ 5 KiB`, async () => {
      const text = await themeText(theme);
      expect(new Blob([text]).size).to.be.below(5 * 1024);
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(text);
      for (const rule of sheet.cssRules) {
        expect((rule as CSSStyleRule).selectorText).to.equal(':root');
        for (const prop of (rule as CSSStyleRule).style) expect(prop).to.match(/^--jc-/);
      }
    });

    it(`${theme}: text ≥ 4.5:1, borders and focus ring ≥ 3:1`, async () => {
      const t = await tokens(theme);
      for (const [fg, bg, min] of PAIRS) {
        const ratio = contrast(t[`--jc-color-${fg}`], t[`--jc-color-${bg}`]);
        expect(ratio, `${theme}: ${fg} on ${bg} = ${ratio.toFixed(2)}`).to.be.at.least(min);
      }
    });
  }

  it('the elements’ fallbacks are the default theme’s values', async () => {
    const t = await tokens('default');
    const fallbacks = [...tokenStyles.cssText.matchAll(/var\((--jc-[a-z0-9-]+),\s*([^;]+?)\);/g)];
    expect(fallbacks.length).to.be.above(20);
    for (const [, token, fallback] of fallbacks)
      expect(fallback.replace(/\s+/g, ' '), token).to.equal(t[token]);
  });
});

describe('layout', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('320 px wide: the form with errors and the receipt do not scroll sideways', async () => {
    await setViewport({ width: 320, height: 640 });
    for (const story of [application.Errors, application.ExistingReceipt, registration.SignUpErrors]) {
      const canvas = await renderStory(story);
      expect(document.documentElement.scrollWidth, story.name ?? '').to.be.at.most(320);
      canvas.remove();
    }
  });

  it('forced colours: error summary and error borders stay visible', async () => {
    await executeServerCommand('emulate-forced-colors', { active: true });
    try {
      expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
      const canvas = await renderStory(application.Errors);
      const app = canvas.querySelector('jc-application')!;
      const box = app.shadowRoot!.querySelector('jc-error-summary')!.shadowRoot!.querySelector('.summary')!;
      expect(getComputedStyle(box).borderTopStyle).to.equal('solid');
      expect(parseFloat(getComputedStyle(box).borderTopWidth)).to.be.at.least(3);
      const group = app.shadowRoot!.getElementById('firstName')!.shadowRoot!.querySelector('.group--error')!;
      expect(parseFloat(getComputedStyle(group).borderInlineStartWidth)).to.be.at.least(3);
    } finally {
      await executeServerCommand('emulate-forced-colors', { active: false });
    }
  });
});
