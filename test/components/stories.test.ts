/**
 * Renders every story (render + play) and runs axe on it, at desktop width and at 320 px (where
 * nothing may scroll sideways): the stories are the single list of examples.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { Meta, Story } from '../../stories/csf.js';
import * as application from '../../stories/application.stories.js';
import * as registration from '../../stories/registration.stories.js';
import * as provider from '../../stories/provider.stories.js';
import * as textField from '../../stories/text-field.stories.js';
import * as checkbox from '../../stories/checkbox.stories.js';
import * as select from '../../stories/select.stories.js';
import * as dateInput from '../../stories/date-input.stories.js';
import * as errorSummary from '../../stories/error-summary.stories.js';
import * as formPage from '../../stories/form-page.stories.js';
import * as choiceGroup from '../../stories/choice-group.stories.js';
import * as adeFlow from '../../stories/ade-flow.stories.js';
import * as staffSignIn from '../../stories/staff-sign-in.stories.js';
import * as mwsInbox from '../../stories/mws-inbox.stories.js';
import * as mwsTodo from '../../stories/mws-todo.stories.js';
import * as ibdNotice from '../../stories/ibd-notice.stories.js';
import * as duplicateCheck from '../../stories/duplicate-check.stories.js';
import * as supportLookup from '../../stories/support-lookup.stories.js';
import * as admin from '../../stories/admin.stories.js';
import * as help from '../../stories/help.stories.js';
import { expectAccessible, settle } from './helpers.js';

const files = [
  application,
  registration,
  provider,
  textField,
  checkbox,
  select,
  dateInput,
  errorSummary,
  formPage,
  choiceGroup,
  adeFlow,
  staffSignIn,
  mwsInbox,
  mwsTodo,
  ibdNotice,
  duplicateCheck,
  supportLookup,
  admin,
  help,
] as unknown as Array<{ default: Meta } & Record<string, Story | unknown>>;

const isStory = (s: unknown): s is Story => typeof s === 'object' && s !== null && 'render' in s;

for (const width of [1024, 320]) {
  describe(`stories at ${width} px`, () => {
    before(() => setViewport({ width, height: 800 }));
    for (const file of files) {
      for (const [name, story] of Object.entries(file)) {
        if (name === 'default' || !isStory(story)) continue;
        it(`${file.default.title} › ${name}: axe finds no WCAG 2.1 A/AA violation`, async function () {
          // axe on the 300-row inbox story takes several seconds on its own
          (this as { timeout(ms: number): void }).timeout(30_000);
          const canvas = await fixture<HTMLElement>(html`<div>${story.render()}</div>`);
          await story.play?.({ canvasElement: canvas });
          await settle();
          await expectAccessible(canvas);
          expect(document.documentElement.scrollWidth, 'no horizontal scrolling').to.be.at.most(width);
        });
      }
    }
  });
}
