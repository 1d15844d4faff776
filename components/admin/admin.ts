/** jc-admin: a jobcenter's configuration – Postkörbe, routing rules with simulation, IBD texts, origins, theme, exchange, feedback, modules and roll-out. */
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { PostkorbConfig, RuleConfig, RuleSetProblem, SimulationResult } from '../../domain/admin-config.js';
import type { StaffView } from '../../domain/staff.js';
import { customElement } from '../base/define.js';
import { JcWidget } from '../base/jc-widget.js';
import { ApiError } from '../api/api-error.js';
import { staffSession } from '../api/staff-api.js';
import { addEnglish } from '../locales/localization.js';
import * as api from './admin-api.js';
import { exchangeView, feedbackView, originsView, simulationView, themeView, type PanelsHost } from './admin-panels.js';
import { conditionOf, postkoerbeView, problemText, rulesView, type RulesHost } from './admin-rules.js';
import { adminStyles } from './admin.styles.js';
import { IbdSection } from './admin-ibd.js';
import { RolloutSection, type RolloutHost } from './admin-rollout.js';
import { berlinDate } from '../../domain/dates.js';

addEnglish(() => import('../locales/en-admin.js'));

const TABS = ['postkoerbe', 'rules', 'simulation', 'ibd', 'origins', 'theme', 'config', 'feedback', 'rollout'] as const;
type Tab = (typeof TABS)[number];
const today = () => berlinDate();

/**
 * @summary The jobcenter admin: Postkörbe and the ordered routing rule set (move by buttons, condition editor,
 * validation problems in an error summary), a simulation ("this sample person would land in …" with the trace, run
 * by the server with the same function as real routing, against the unsaved rules), the IBD texts per application
 * type (current and scheduled versions, a new version with a live preview filled like the server fills it, field
 * errors at the fields and in a summary), allowed origins, theme,
 * configuration export/import with diff and four-eyes approval, feedback to the RD, and module switches / roll-out waves. Every change sends the
 * configuration version as If-Match; a 412 reloads and says so.
 *
 * @slot sign-in - shown while no staff member is signed in.
 * @csspart base - the root; `swatch` the theme preview.
 */
@customElement('jc-admin')
@localized()
export class JcAdmin extends JcWidget implements RulesHost, PanelsHost, RolloutHost {
  static override styles = [JcWidget.styles, adminStyles];

  @state() private tab: Tab = 'rules';
  @state() private me?: StaffView | null;
  @state() private version = 0;
  @state() private errors: string[] = [];
  @state() private notice = '';
  @state() pks: PostkorbConfig[] = [];
  @state() rules: RuleConfig[] = [];
  @state() editing: number | null = null;
  @state() draft: RuleConfig = { id: '', name: '', condition: {}, postkorbId: '' };
  @state() subject: api.SimSubject = { type: 'tda', surname: 'Mustermann', birthDate: '1990-01-01', postalCode: '00123', language: 'de', applicationDate: today() };
  @state() sim?: SimulationResult;
  @state() originsText = '';
  @state() theme = 'default';
  @state() imported?: api.ConfigChange;
  @state() submitted = false;
  @state() changes: api.ConfigChange[] = [];
  @state() feedback?: api.FeedbackItem[];
  /** The IBD section (texts on processing duration). */
  readonly ibd = new IbdSection(this);
  /** The module switches and roll-out section. */
  readonly rollout = new RolloutSection(this);
  get isRdAdmin(): boolean {
    return !!this.me?.roles.includes('rd_admin');
  }

  get ibdClient() {
    return this.client;
  }
  get ibdJobcenter(): string {
    return this.jobcenterId ?? '';
  }
  announce(text: string): void {
    this.notice = text;
  }

  /** Id of the signed-in staff member. */
  get meId(): string {
    return this.me?.id ?? '';
  }
  /** Staff of this jobcenter may send feedback. */
  get canSendFeedback(): boolean {
    return !!this.me && this.me.jobcenterId === this.jobcenterId;
  }
  /** Link of the export download. */
  get exportHref(): string {
    return api.exportUrl(this.client, this.jobcenterId ?? '');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('jc-staff-signed-in', this.onSignedIn);
  }
  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('jc-staff-signed-in', this.onSignedIn);
  }
  private readonly onSignedIn = () => void this.start();
  protected override configChanged(): void {
    void this.start();
  }

  private async start(): Promise<void> {
    const session = await staffSession(this.client).catch(() => null);
    this.me = session?.staff ?? null;
    if (this.me && this.jobcenterId) await this.reload();
  }

  private async reload(): Promise<void> {
    const jc = this.jobcenterId!;
    await this.run(async () => {
      const { version, document: d } = await api.getConfig(this.client, jc);
      this.version = version;
      this.pks = d.postkoerbe;
      this.rules = d.rules;
      this.originsText = d.allowedOrigins.join('\n');
      this.theme = d.theme;
      this.changes = (await api.listChanges(this.client, jc)).items;
      if (this.me?.roles.includes('rd_admin')) this.feedback = (await api.listFeedback(this.client, jc)).items;
    });
  }

  /** Runs an API call; problems go to the error summary, a 412 reloads. */
  private async run(f: () => Promise<void>, done?: string): Promise<boolean> {
    this.errors = [];
    try {
      await f();
      if (done) this.notice = done;
      return true;
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const problems = (e.body.problems as RuleSetProblem[] | undefined) ?? [];
      this.errors = problems.length ? problems.map(problemText) : e.errors.length ? e.errors.map((x) => `${x.path}: ${x.message}`) : [e.title || e.message];
      if (Array.isArray(e.body.diff)) this.errors = [...this.errors, ...(e.body.diff as { text: string }[]).map((l) => l.text)];
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.errors')?.focus();
      if (e.status === 412 || e.status === 409) {
        const errors = this.errors;
        await this.reload();
        this.errors = errors;
      }
      return false;
    }
  }

  setPks(pks: PostkorbConfig[]): void {
    this.pks = pks;
  }
  move(i: number, by: -1 | 1): void {
    const j = i + by;
    if (j < 0 || j >= this.rules.length) return;
    const next = [...this.rules];
    [next[i], next[j]] = [next[j], next[i]];
    this.rules = next;
    const r = next[j];
    this.notice = msg(str`Regel ${r.name} ist jetzt an Position ${j + 1}.`, { id: 'admin.moved' });
    void this.updateComplete.then(() => {
      const li = this.renderRoot.querySelector(`li.rule[data-id="${CSS.escape(r.id)}"]`);
      const want = li?.querySelector<HTMLElement>(`[data-move=${by < 0 ? 'up' : 'down'}]`);
      (want?.getAttribute('aria-disabled') === 'true' ? li?.querySelector<HTMLElement>(`[data-move=${by < 0 ? 'down' : 'up'}]`) : want)?.focus();
    });
  }
  edit(i: number | null): void {
    this.editing = i;
    this.draft = i === null || i === -1 ? { id: '', name: '', condition: {}, postkorbId: this.pks.find((p) => p.isDefault)?.id ?? '' } : this.rules[i];
  }
  removeRule(i: number): void {
    this.rules = this.rules.filter((_, j) => j !== i);
  }
  applyDraft(form: HTMLFormElement): void {
    const f = new FormData(form);
    const rule: RuleConfig = { id: String(f.get('id')).trim(), name: String(f.get('name')).trim(), condition: conditionOf(f), postkorbId: String(f.get('postkorbId')) };
    this.rules = this.editing === -1 ? [...this.rules, rule] : this.rules.map((r, j) => (j === this.editing ? rule : r));
    this.editing = null;
  }
  saveRules(): void {
    void this.run(async () => {
      this.version = (await api.putRules(this.client, this.jobcenterId!, this.version, this.pks, this.rules)).version;
    }, msg('Das Regelwerk ist gespeichert.', { id: 'admin.saved.rules' }));
  }
  runSimulation(form: HTMLFormElement): void {
    const f = new FormData(form);
    const anlagen = String(f.get('anlagen') ?? '').split(/[\s,;]+/).filter(Boolean).map((a) => a.toUpperCase());
    const s = Object.fromEntries(['type', 'surname', 'birthDate', 'postalCode', 'language', 'applicationDate'].map((k) => [k, String(f.get(k) ?? '')]));
    this.subject = { ...(s as unknown as api.SimSubject), ...(anlagen.length ? { anlagen } : {}) };
    void this.run(async () => {
      this.sim = await api.simulate(this.client, this.jobcenterId!, this.subject, this.rules, this.pks);
    });
  }
  saveOrigins(text: string): void {
    const origins = text.split(/\s+/).filter(Boolean);
    void this.run(async () => {
      const out = await api.putOrigins(this.client, this.jobcenterId!, this.version, origins);
      this.version = out.version;
      this.originsText = out.document.allowedOrigins.join('\n');
    }, msg('Die Herkunft ist gespeichert.', { id: 'admin.saved.origins' }));
  }
  previewTheme(theme: string): void {
    this.theme = theme;
  }
  saveTheme(theme: string): void {
    void this.run(async () => {
      this.version = (await api.putTheme(this.client, this.jobcenterId!, this.version, theme)).version;
    }, msg('Das Theme ist gespeichert.', { id: 'admin.saved.theme' }));
  }
  importFile(file: File): void {
    this.submitted = false;
    void this.run(async () => {
      let doc: unknown;
      try {
        doc = JSON.parse(await file.text());
      } catch {
        throw new ApiError(400, { title: msg('Die Datei ist kein gültiges JSON.', { id: 'admin.import.json' }) });
      }
      this.imported = await api.importConfig(this.client, this.jobcenterId!, doc);
    });
  }
  submitImport(): void {
    this.submitted = true;
    this.notice = msg('Die Änderung wartet auf Freigabe durch eine zweite Person.', { id: 'admin.import.pending' });
    void this.reload();
  }
  decide(id: string, how: 'approve' | 'reject'): void {
    void this.run(async () => {
      await api.decide(this.client, this.jobcenterId!, id, how);
      if (this.imported?.id === id) this.imported = undefined;
      await this.reload();
    }, how === 'approve' ? msg('Die Änderung ist freigegeben und gilt ab jetzt.', { id: 'admin.approved' }) : msg('Die Änderung ist abgelehnt.', { id: 'admin.rejected' }));
  }
  sendFeedback(form: HTMLFormElement): void {
    const text = String(new FormData(form).get('text') ?? '');
    void this.run(async () => {
      await api.sendFeedback(this.client, this.jobcenterId!, text);
      form.reset();
    }, msg('Danke! Ihre Anregung ist bei der Regionaldirektion.', { id: 'admin.fb.sent' }));
  }

  private open(t: Tab): void {
    this.tab = t;
    this.errors = [];
    this.notice = '';
    if (t === 'ibd') void this.ibd.load();
    if (t === 'rollout') void this.rollout.load();
  }

  private tabLabel(t: Tab): string {
    return {
      postkoerbe: msg('Postkörbe', { id: 'admin.tab.postkoerbe' }),
      rules: msg('Regeln', { id: 'admin.tab.rules' }),
      simulation: msg('Simulation', { id: 'admin.tab.simulation' }),
      ibd: msg('Bearbeitungsdauer (IBD)', { id: 'admin.tab.ibd' }),
      origins: msg('Herkunft', { id: 'admin.tab.origins' }),
      theme: msg('Theme', { id: 'admin.tab.theme' }),
      config: msg('Konfiguration', { id: 'admin.tab.config' }),
      feedback: msg('Feedback', { id: 'admin.tab.feedback' }),
      rollout: msg('Module und Einführung', { id: 'admin.tab.rollout' }),
    }[t];
  }

  private section() {
    const views = { postkoerbe: postkoerbeView, rules: rulesView, simulation: simulationView, ibd: () => this.ibd.render(), origins: originsView, theme: themeView, config: exchangeView, feedback: feedbackView, rollout: () => this.rollout.render() };
    return views[this.tab](this);
  }

  protected override render() {
    if (this.me === undefined) return html`<div class="root" part="base" aria-busy="true"></div>`;
    if (this.me === null) return html`<div class="root" part="base"><slot name="sign-in"><p>${msg('Bitte melden Sie sich als Admin an.', { id: 'admin.signIn' })}</p></slot></div>`;
    return html`<div class="root" part="base">
      <h2>${msg(str`Konfiguration ${this.jobcenterId ?? ''}`, { id: 'admin.heading' })} <span class="secondary">(${msg('Version', { id: 'admin.version' })} ${this.version})</span></h2>
      <nav class="tabs" aria-label=${msg('Bereiche', { id: 'admin.sections' })}>
        ${TABS.map((t) => html`<button type="button" class="button button--secondary button--small" aria-current=${t === this.tab ? 'page' : 'false'} @click=${() => this.open(t)}>${this.tabLabel(t)}</button>`)}
      </nav>
      ${this.errors.length
        ? html`<div class="errors" role="alert" tabindex="-1"><h3>${msg('Es gibt Probleme', { id: 'admin.errors' })}</h3><ul>${this.errors.map((e) => html`<li>${e}</li>`)}</ul></div>`
        : nothing}
      <p class="status" role="status">${this.notice}</p>
      <section>${this.section()}</section>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jc-admin': JcAdmin;
  }
}
