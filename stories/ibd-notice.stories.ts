/** Stories of jc-ibd-notice against an in-memory `GET /api/jobcenters/:id/ibd` with the server's shapes. */
import { html } from 'lit';
import '../components/ibd-notice/ibd-notice.js';
import '../components/provider/provider.js';
import { ApiClient } from '../components/api/api-client.js';
import type { IbdNotice } from '../domain/ibd.js';
import type { Meta, Story } from './csf.js';
import { inWidget, type PlayContext } from './play.js';

export default { title: 'Applicant/jc-ibd-notice', component: 'jc-ibd-notice' } satisfies Meta;

/** What the in-memory server answers per jobcenter id (`kaputt` answers 500). */
export const IBD_FIXTURES: Record<string, { de: IbdNotice; en: IbdNotice }> = {
  musterstadt: {
    de: { available: true, type: 'erstantrag', lang: 'de', fallback: false, effectiveFrom: '2022-10-04', version: 1, text: 'Erstanträge bearbeiten wir in der Regel innerhalb von 3 Wochen, sobald alle Unterlagen vorliegen. Fragen beantwortet das Jobcenter Musterstadt unter 0000 123450.' },
    en: { available: true, type: 'erstantrag', lang: 'en', fallback: false, effectiveFrom: '2022-10-04', version: 1, text: 'We usually process first applications within 3 weeks once all documents are available. Jobcenter Musterstadt answers questions at 0000 123450.' },
  },
  beispielkreis: {
    de: { available: true, type: 'erstantrag', lang: 'de', fallback: true, effectiveFrom: null, version: null, text: 'Wir bearbeiten Ihren Antrag so schnell wie möglich. Wie lange es dauert, hängt vor allem davon ab, ob alle Unterlagen vorliegen. Bei Fragen erreichen Sie Jobcenter Landkreis Beispielkreis unter den Kontaktdaten.' },
    en: { available: true, type: 'erstantrag', lang: 'en', fallback: true, effectiveFrom: null, version: null, text: 'We process your application as quickly as possible. How long it takes depends mainly on whether all documents are available. If you have questions, contact Jobcenter Landkreis Beispielkreis.' },
  },
  'bergland-sued': { de: { available: false }, en: { available: false } },
};

/** A fetch answering the IBD route from IBD_FIXTURES; `calls` counts the requests. */
export function ibdFetch(calls: string[] = []): typeof fetch {
  return async (input, init) => {
    const url = new URL(String(input), location.href);
    calls.push(url.pathname + url.search);
    const m = /\/api\/jobcenters\/([^/]+)\/ibd$/.exec(url.pathname);
    const en = /^en/.test(new Headers(init?.headers).get('accept-language') ?? '');
    const hit = m ? IBD_FIXTURES[decodeURIComponent(m[1])] : undefined;
    const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    if (!hit) return json(m?.[1] === 'kaputt' ? 500 : 404, { type: '/problems/internal', title: 'Fehler', status: 500 });
    return json(200, en ? hit.en : hit.de);
  };
}

/** A notice inside a provider whose client talks to the in-memory route. */
export function ibdPage(jobcenter: string, lang = 'de', type = 'erstantrag', calls?: string[]) {
  const client = new ApiClient({ baseUrl: location.origin, fetch: ibdFetch(calls), storage: null });
  return html`<jc-provider jobcenter=${jobcenter} lang=${lang} .client=${client}><jc-ibd-notice type=${type}></jc-ibd-notice></jc-provider>`;
}

const shown = (c: PlayContext) => inWidget(c.canvasElement.querySelector('jc-ibd-notice')!, '[part=notice], [part=error]');

/** The jobcenter's own text in force today. */
export const JobcenterText: Story = { render: () => ibdPage('musterstadt'), play: async (c) => void (await shown(c)) };

/** No text of the jobcenter: the built-in fallback. */
export const Fallback: Story = { render: () => ibdPage('beispielkreis'), play: async (c) => void (await shown(c)) };

/** English. */
export const English: Story = { render: () => ibdPage('musterstadt', 'en'), play: async (c) => void (await shown(c)) };

/** Module off or not live yet: renders nothing. */
export const Unavailable: Story = { render: () => ibdPage('bergland-sued') };

/** The server fails: one quiet sentence, no alert. */
export const LoadError: Story = { render: () => ibdPage('kaputt'), play: async (c) => void (await shown(c)) };
