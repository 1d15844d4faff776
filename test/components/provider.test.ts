/** jc-provider: contexts for client, jobcenter and language; widget attributes override them. */
import { expect, fixture, html } from '@open-wc/testing';
import '../../components/provider/provider.js';
import '../../components/registration/registration.js';
import '../../components/application/application.js';
import type { JcProvider } from '../../components/provider/provider.js';
import { ApiClient } from '../../components/api/api-client.js';
import { MockApi } from '../../stories/mock-api.js';
import { DEMO } from '../../stories/fixtures.js';
import { fill, heading, inWidget, submit } from '../../stories/play.js';
import { expectAccessible, stubFetch } from './helpers.js';

function mockClient(options = {}) {
  const api = new MockApi(options);
  return { api, client: new ApiClient({ baseUrl: location.origin, fetch: api.fetch, storage: null }) };
}

async function signUp(reg: Element) {
  await inWidget(reg, 'form');
  await fill(reg, 'email', DEMO.email);
  await fill(reg, 'password', 'sonnige-wiese-42');
  await fill(reg, 'passwordConfirm', 'sonnige-wiese-42');
  await submit(reg);
}

describe('jc-provider', () => {
  it('axe: a provider with registration and application has no violations', async () => {
    const { client } = mockClient({ session: 'level1' });
    const el = await fixture<JcProvider>(
      html`<jc-provider jobcenter="musterstadt" .client=${client}>
        <jc-registration></jc-registration><jc-application></jc-application>
      </jc-provider>`,
    );
    await heading(el.querySelector('jc-application')!, 'Antrag auf Bürgergeld stellen');
    await expectAccessible(el);
  });

  it('gives its client, jobcenter and language to the widgets inside', async () => {
    const { api, client } = mockClient();
    const el = await fixture<JcProvider>(
      html`<jc-provider jobcenter="hafenstadt" lang="en" .client=${client}>
        <jc-registration></jc-registration>
      </jc-provider>`,
    );
    const reg = el.querySelector('jc-registration')!;
    await heading(reg, 'Create an account');
    expect(reg.shadowRoot!.querySelector('.root')!.getAttribute('lang')).to.equal('en');
    await signUp(reg);
    await heading(reg, 'Check your inbox');
    expect(api.callsTo('POST', '/api/accounts')[0].body).to.deep.include({
      jobcenterId: 'hafenstadt',
      lang: 'en',
    });
  });

  it('a widget’s own api, jobcenter and lang attributes win', async () => {
    const { api: providerApi, client } = mockClient();
    const stub = stubFetch();
    try {
      const el = await fixture<JcProvider>(
        html`<jc-provider jobcenter="hafenstadt" lang="en" .client=${client}>
          <jc-registration api="https://other.example/" jobcenter="beispielkreis" lang="de"></jc-registration>
        </jc-provider>`,
      );
      const reg = el.querySelector('jc-registration')!;
      await heading(reg, 'Konto erstellen');
      await signUp(reg);
      await heading(reg, 'Prüfen Sie Ihr Postfach');
      expect(providerApi.calls).to.have.length(0);
      expect(stub.api.callsTo('POST', '/api/accounts')[0].body).to.deep.include({
        jobcenterId: 'beispielkreis',
        lang: 'de',
      });
    } finally {
      stub.restore();
    }
  });

  it('a changed jobcenter reloads the application', async () => {
    const { client } = mockClient({ session: 'level1' });
    const el = await fixture<JcProvider>(
      html`<jc-provider jobcenter="musterstadt" .client=${client}>
        <jc-application></jc-application>
      </jc-provider>`,
    );
    const app = el.querySelector('jc-application')!;
    await heading(app, 'Antrag auf Bürgergeld stellen');
    el.jobcenter = 'bergland-sued';
    await heading(app, 'So stellen Sie Ihren Antrag');
  });

  it('renders only its children (display: contents)', async () => {
    const el = await fixture<JcProvider>(html`<jc-provider></jc-provider>`);
    expect(getComputedStyle(el).display).to.equal('contents');
  });
});
