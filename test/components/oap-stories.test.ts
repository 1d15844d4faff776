/**
 * Every OAP story (render + play) with axe at 1024 px and at 320 px, where nothing may scroll sideways
 * (the same check as stories.test.ts, for the four OAP story files).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { Meta, Story } from '../../stories/csf.js';
import * as situation from '../../stories/oap-situation.stories.js';
import * as cv from '../../stories/oap-cv.stories.js';
import * as conditions from '../../stories/oap-conditions.stories.js';
import * as review from '../../stories/oap-review.stories.js';
import { expectAccessible, settle } from './helpers.js';

const files = [situation, cv, conditions, review] as unknown as Array<
  { default: Meta } & Record<string, Story | unknown>
>;
const isStory = (s: unknown): s is Story => typeof s === 'object' && s !== null && 'render' in s;

for (const width of [1024, 320]) {
  describe(`OAP stories at ${width} px`, () => {
    before(() => setViewport({ width, height: 800 }));
    after(() => setViewport({ width: 1024, height: 768 }));
    for (const file of files) {
      for (const [name, story] of Object.entries(file)) {
        if (name === 'default' || !isStory(story)) continue;
        it(`${file.default.title} › ${name}: axe finds no WCAG 2.1 A/AA violation, no sideways scrolling`, async function () {
          (this as { timeout(ms: number): void }).timeout(20_000);
          const canvas = await fixture<HTMLElement>(html`<div>${story.render()}</div>`);
          await story.play?.({ canvasElement: canvas });
          await settle(60);
          await expectAccessible(canvas);
          expect(document.documentElement.scrollWidth, 'no horizontal scrolling').to.be.at.most(width);
        });
      }
    }
  });
}
