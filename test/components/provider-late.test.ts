/**
 * Bundle order on a real page: jc-registration.js may load before jc-provider.js. The widget must
 * still end up with the provider's configuration once jc-provider is defined.
 * (This file must not import the provider statically.)
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../components/registration/registration.js';
import { ApiClient } from '../../components/api/api-client.js';
import { MockApi } from '../../stories/mock-api.js';
import { heading } from '../../stories/play.js';
import { expectAccessible } from './helpers.js';

describe('jc-provider defined after its widgets', () => {
  it('axe + the widget picks up the provider once it is defined', async () => {
    expect(customElements.get('jc-provider')).to.equal(undefined);
    const api = new MockApi({ session: 'level1' });
    const client = new ApiClient({ baseUrl: location.origin, fetch: api.fetch, storage: null });
    const root = await fixture<HTMLElement>(
      html`<div>
        <jc-provider jobcenter="hafenstadt" lang="en" .client=${client}
          ><jc-registration></jc-registration
        ></jc-provider>
      </div>`,
    );
    await import('../../components/provider/provider.js');
    const reg = root.querySelector('jc-registration')!;
    await heading(reg, 'You are signed in');
    expect(api.callsTo('GET', '/api/session').length).to.be.at.least(1);
    await expectAccessible(root);
  });
});
