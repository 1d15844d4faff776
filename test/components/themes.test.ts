/** Themes and layout: token-only theme files, contrast from the tokens, fallbacks, 320 px, forced colors. */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, setViewport } from '@web/test-runner-commands';
import { tokenStyles } from '../../components/base/jc-element.js';
import { DEMO_JOBCENTERS } from '../../server/jobcenters/demo-jobcenters.js';
import * as application from '../../stories/application.stories.js';
import * as registration from '../../stories/registration.stories.js';
import type { Story } from '../../stories/csf.js';
import { expectAccessible, settle } from './helpers.js';

/** Every `themes/*.css` on disk (server command in web-test-runner.config.mjs), not a hand-kept list. */
const THEMES = ((await executeServerCommand('list-themes')) ?? []) as string[];

/** Themes that promise WCAG AAA: text ≥ 7:1, every border ≥ 3:1, a focus ring ≥ 4px. */
const HIGH_CONTRAST = new Set(['high-contrast']);

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

/** Text on its backgrounds: 4.5:1 (AA), 7:1 in a high-contrast theme. */
const TEXT_PAIRS: Array<[string, string]> = [
  ['text', 'background'],
  ['text', 'surface'],
  ['text-secondary', 'background'],
  ['text-secondary', 'surface'],
  ['link', 'background'],
  ['link', 'surface'],
  ['link-visited', 'background'],
  ['link-visited', 'surface'],
  ['error', 'background'],
  ['error', 'surface'],
  ['success', 'background'],
  ['success', 'surface'],
  ['on-primary', 'primary'],
  ['on-primary', 'primary-hover'],
];

/** Non-text UI (borders, button edges, focus ring): 3:1. */
const UI_PAIRS: Array<[string, string]> = [
  ['border', 'background'],
  ['border', 'surface'],
  ['primary', 'background'],
  ['focus', 'background'],
  ['focus', 'surface'],
];

/** Links a page with the theme and paints the page with its background, as a portal would. */
async function useTheme(theme: string): Promise<() => void> {
  const link = Object.assign(document.createElement('link'), {
    rel: 'stylesheet',
    href: `/themes/${theme}.css`,
  });
  const loaded = new Promise((r) => (link.onload = r));
  document.head.append(link);
  await loaded;
  document.body.style.background = 'var(--jc-color-background)';
  document.body.style.color = 'var(--jc-color-text)';
  return () => {
    link.remove();
    document.body.style.background = '';
    document.body.style.color = '';
  };
}

async function renderStory(story: Story): Promise<HTMLElement> {
  const canvas = await fixture<HTMLElement>(html`<div>${story.render()}</div>`);
  await story.play?.({ canvasElement: canvas });
  await settle();
  return canvas;
}

describe('themes', () => {
  it('the folder holds the default, one theme per demo jobcenter, dark and high-contrast', () => {
    const expected = ['default', 'dark', 'high-contrast', ...DEMO_JOBCENTERS.map((jc) => jc.id)];
    for (const name of expected) expect(THEMES, `themes/${name}.css`).to.include(name);
    for (const jc of DEMO_JOBCENTERS) expect(THEMES, `${jc.id}.theme`).to.include(jc.theme);
  });

  for (const theme of THEMES)
    it(`axe: application and registration with errors under the ${theme} theme`, async () => {
      const restore = await useTheme(theme);
      try {
        await expectAccessible(await renderStory(application.Errors));
        await expectAccessible(await renderStory(registration.SignUpErrors));
        await expectAccessible(await renderStory(application.ExistingReceipt));
      } finally {
        restore();
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

    it(`${theme}: defines exactly the default theme's tokens`, async () => {
      const [own, base] = [await tokens(theme), await tokens('default')];
      for (const token of Object.keys(base)) expect(own[token], `${theme}: ${token} missing`).to.be.a('string').and.not.equal('');
      for (const token of Object.keys(own)) expect(base, `${theme}: ${token} unknown to the default`).to.have.property(token);
    });

    const high = HIGH_CONTRAST.has(theme);
    it(`${theme}: text ≥ ${high ? 7 : 4.5}:1, borders and focus ring ≥ 3:1`, async () => {
      const t = await tokens(theme);
      const check = (fg: string, bg: string, min: number) => {
        const ratio = contrast(t[`--jc-color-${fg}`], t[`--jc-color-${bg}`]);
        expect(ratio, `${theme}: ${fg} on ${bg} = ${ratio.toFixed(2)}`).to.be.at.least(min);
      };
      for (const [fg, bg] of TEXT_PAIRS) check(fg, bg, high ? 7 : 4.5);
      for (const [fg, bg] of UI_PAIRS) check(fg, bg, 3);
      if (high) {
        check('border-subtle', 'background', 3);
        check('border-subtle', 'surface', 3);
        expect(parseFloat(t['--jc-focus-width']), 'focus ring width').to.be.at.least(4);
      }
    });
  }

  for (const theme of [...HIGH_CONTRAST].filter((name) => THEMES.includes(name)))
    it(`${theme}: links are underlined and the focus ring is thick on a rendered form`, async () => {
      const restore = await useTheme(theme);
      try {
        const canvas = await renderStory(application.Errors);
        const summary = canvas.querySelector('jc-application')!.shadowRoot!.querySelector('jc-error-summary')!;
        const link = summary.shadowRoot!.querySelector('a')!;
        expect(getComputedStyle(link).textDecorationLine).to.contain('underline');
        // The ring's width as the element sees it (a computed :focus outline needs the window to have focus,
        // which a page of a parallel test file may hold).
        expect(parseFloat(getComputedStyle(link).getPropertyValue('--jc-focus-width'))).to.be.at.least(4);
      } finally {
        restore();
      }
    });

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

  for (const theme of THEMES)
    it(`forced colours under the ${theme} theme: error summary and error borders stay visible`, async () => {
      const restore = await useTheme(theme);
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
        restore();
      }
    });
});
