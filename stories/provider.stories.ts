/** Stories of jc-provider: one configuration for several widgets on a page. */
import { html } from 'lit';
import '../components/registration/registration.js';
import '../components/application/application.js';
import type { Meta, Story } from './csf.js';
import { withMockApi } from './decorators.js';
import { heading, widget } from './play.js';

export default { title: 'Widgets/jc-provider', component: 'jc-provider' } satisfies Meta;

/** Registration and application side by side, signed in. */
export const SignedIn: Story = {
  render: () =>
    withMockApi(html`<jc-registration></jc-registration><jc-application></jc-application>`, {
      session: 'level1',
    }),
  play: async (c) => {
    await heading(widget(c.canvasElement, 'jc-registration'), 'Sie sind angemeldet');
    await heading(widget(c.canvasElement, 'jc-application'), 'Antrag auf Bürgergeld stellen');
  },
};

/** English for every widget inside. */
export const English: Story = {
  render: () => withMockApi(html`<jc-registration view="sign-in"></jc-registration>`, { lang: 'en' }),
  play: async (c) => void (await heading(widget(c.canvasElement, 'jc-registration'), 'Sign in')),
};
