/** jc-help: the help of one step in Leichte Sprache and in Arabic, each behind a disclosure, loaded on first open. */
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { legalVersion } from '../../domain/legal.js';
import { customElement } from '../base/define.js';
import { JcElement } from '../base/jc-element.js';
import { isHelpTopic, type HelpLanguage, type HelpTable } from './help-topics.js';
import { helpStyles } from './help.styles.js';
import { berlinDate } from '../../domain/dates.js';

/** A help table module: the texts and the benefit's legal names in that language. */
type HelpModule = { default: HelpTable; benefitNames: Record<string, string> };

/**
 * The tables are separate files (dist/locales/help-*.js): a page downloads one only when a person
 * opens its panel. A failed load is forgotten, so the next opening tries again.
 */
const loaders: Record<HelpLanguage, () => Promise<HelpModule>> = {
  ls: () => import('../locales/help-ls.js'),
  ar: () => import('../locales/help-ar.js'),
};
const loaded = new Map<HelpLanguage, Promise<HelpModule>>();

function table(lang: HelpLanguage): Promise<HelpModule> {
  let p = loaded.get(lang);
  if (!p) {
    p = loaders[lang]();
    p.catch(() => loaded.delete(lang));
    loaded.set(lang, p);
  }
  return p;
}

/** Leichte Sprache puts every sentence on a line of its own. */
const lines = (para: string) =>
  para.split(/(?<=[.?!])\s+/).map((sentence, i) => (i ? html`<br />${sentence}` : sentence));

/**
 * Labels and messages are written in the panel's own language (like the names in a language
 * switcher), so they need no UI translation: the UI locales stay German and English.
 */
const PANELS = [
  {
    id: 'ls',
    lang: 'de',
    dir: 'ltr',
    label: 'Hilfe in Leichter Sprache',
    loading: 'Die Hilfe kommt gleich.',
    failed: 'Die Hilfe ist gerade nicht da. Bitte versuchen Sie es später noch einmal.',
  },
  {
    id: 'ar',
    lang: 'ar',
    dir: 'rtl',
    label: 'مساعدة بالعربية',
    loading: 'جارٍ تحميل المساعدة…',
    failed: 'تعذّر تحميل المساعدة. يُرجى المحاولة مرة أخرى لاحقًا.',
  },
] as const;

/**
 * @summary Help for one step of the application (A11Y-04): "Hilfe in Leichter Sprache" and
 * "مساعدة بالعربية" as two native disclosures (keyboard operable as they are). Opening one loads its
 * table; the Arabic text is laid out right to left inside a left-to-right page. Renders nothing for a
 * step without help.
 *
 * @csspart help - each disclosure (also `help-ls`, `help-ar`).
 * @csspart help-trigger - the summaries.
 * @csspart help-text - the panels.
 */
@customElement('jc-help')
export class JcHelp extends JcElement {
  static override styles = [JcElement.styles, helpStyles];

  /** The step (a key of HELP_TOPICS, e.g. `tda`, `A/konto`, `EK`). */
  @property() topic = '';
  /** Date of application (YYYY-MM-DD; default today): the benefit's name follows the law in force. */
  @property() date = '';

  @state() private tables: Partial<Record<HelpLanguage, HelpModule | 'loading' | 'failed'>> = {};

  protected override updated(changed: PropertyValues): void {
    // Another step: its help starts closed, as on a new page.
    if (changed.get('topic')) for (const d of this.renderRoot.querySelectorAll('details')) d.open = false;
  }

  private async open(lang: HelpLanguage, e: Event): Promise<void> {
    const state = this.tables[lang];
    if (!(e.target as HTMLDetailsElement).open || (state && state !== 'failed')) return;
    this.tables = { ...this.tables, [lang]: 'loading' };
    const result = await table(lang).catch(() => 'failed' as const);
    this.tables = { ...this.tables, [lang]: result };
  }

  override render() {
    const topic = this.topic;
    if (!isHelpTopic(topic)) return nothing;
    const legalName = legalVersion(this.date || berlinDate()).benefitName.de;
    return PANELS.map((p) => {
      const t = this.tables[p.id];
      const text = typeof t === 'object' ? t.default[topic] : undefined;
      const fill = (s: string) =>
        typeof t === 'object' ? s.replaceAll('{benefitName}', t.benefitNames[legalName] ?? legalName) : s;
      return html`<details
        part="help help-${p.id}"
        class="help"
        @toggle=${(e: Event) => void this.open(p.id, e)}
      >
        <summary part="help-trigger" lang=${p.lang}>
          <span lang=${p.lang} dir=${p.dir}>${p.label}</span>
        </summary>
        <div
          part="help-text"
          class="text text--${p.id}"
          lang=${p.lang}
          dir=${p.dir}
          aria-busy=${t === 'loading'}
        >
          ${
            text
              ? html`<p class="title">${fill(text.title)}</p>
                  ${text.paragraphs.map((para) => html`<p>${p.id === 'ls' ? lines(fill(para)) : fill(para)}</p>`)}`
              : html`<p>${t === 'failed' ? p.failed : p.loading}</p>`
          }
        </div>
      </details>`;
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jc-help': JcHelp;
  }
}
