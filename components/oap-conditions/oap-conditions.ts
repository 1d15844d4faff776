/** jc-oap-conditions: the OAP eService "Rahmenbedingungen" with a searchable occupation picker. */
import { html, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { PageInstance } from '../../domain/forms/engine-core.js';
import type { Occupation } from '../../domain/forms/occupations.js';
import { OAP_CONDITIONS } from '../../domain/forms/oap-conditions.js';
import { customElement } from '../base/define.js';
import { activeLocale } from '../locales/localization.js';
import { JcOapService } from '../oap-service/oap-service.js';
import { pickerStyles } from './occupation-picker.styles.js';

const FIELD = 'desiredOccupations';

/**
 * @summary "Rahmenbedingungen" of the Online-Arbeitsmarktprofil: desired occupations (a combobox over
 * the occupation catalogue; "Bäcker", "baecker" and "backer" all find the baker), working time and
 * hours, shift/night/weekend work, commute, own car, public transport, relocation, childcare or care
 * constraints and the salary expectation (optional). Saving, resuming, checking and submitting as in
 * every OAP eService. Needs level ≥ 1.
 *
 * @slot sign-in - shown when nobody is signed in.
 * @event jc-oap-submitted - the server acknowledged a submission; `detail.view`.
 * @csspart base - the root; `heading`, `progress`, `status`, `save-status`, `conflict`, `error-summary`,
 * `button`, `button-secondary`, `panel`.
 */
@customElement('jc-oap-conditions')
@localized()
export class JcOapConditions extends JcOapService {
  static override styles = [...JcOapService.styles, pickerStyles];

  @state() private query = '';
  @state() private active = -1;
  @state() private listOpen = false;
  @state() private announcement = '';
  /** The occupation combobox, loaded with the form renderer. */
  private picker?: typeof import('./conditions-form.js');

  constructor() {
    super(OAP_CONDITIONS);
  }

  protected loadRenderer() {
    return import('./conditions-form.js').then((m) => (this.picker = m));
  }

  private get chosen(): string[] {
    const v = this.flow.answers[FIELD];
    return Array.isArray(v) ? (v as string[]) : [];
  }

  private readonly onQuery = (q: string) => {
    this.query = q;
    this.listOpen = true;
    this.active = -1;
    const n = q.trim() ? this.picker!.suggestions(q, this.chosen).length : 0;
    this.announcement = q.trim()
      ? n
        ? msg(str`${n} Berufe gefunden. Mit Pfeiltasten auswählen.`, { id: 'oap.occ.found' })
        : msg('Kein Beruf gefunden.', { id: 'oap.occ.notFound' })
      : '';
  };

  private readonly onPick = (o: Occupation) => {
    this.setAnswer(FIELD, [...this.chosen, o.code]);
    this.query = '';
    this.listOpen = false;
    this.active = -1;
    this.announcement = msg(str`${this.picker!.occupationLabel(o)} hinzugefügt.`, { id: 'oap.occ.added' });
    this.renderRoot.querySelector<HTMLInputElement>(`#${FIELD}`)?.focus();
  };

  private readonly onRemove = (code: string) => {
    this.setAnswer(
      FIELD,
      this.chosen.filter((c) => c !== code),
    );
    this.announcement = msg('Beruf entfernt.', { id: 'oap.occ.removed' });
    this.renderRoot.querySelector<HTMLInputElement>(`#${FIELD}`)?.focus();
  };

  protected override renderPage(p: PageInstance): TemplateResult {
    if (p.page.id !== 'occupations') return super.renderPage(p);
    const lang = activeLocale();
    const q = p.page.questions.find((x) => x.id === FIELD)!;
    const f = this.flow;
    return html`<jc-error-summary part="error-summary" .errors=${f.summary}></jc-error-summary>
      <form novalidate @submit=${(e: Event) => (e.preventDefault(), f.next())}>
        <h2 part="heading" tabindex="-1" data-autofocus>
          <span class="caption">${p.groupTitle}</span>
          ${p.title}
        </h2>
        ${this.picker!.occupationPicker({
          id: FIELD,
          label: q.label[lang],
          hint: q.hint?.[lang] ?? '',
          error: f.errors[FIELD],
          query: this.query,
          active: this.active,
          open: this.listOpen,
          chosen: this.chosen,
          announcement: this.announcement,
          onQuery: this.onQuery,
          onActive: (i, open) => ((this.active = i), (this.listOpen = open)),
          onPick: this.onPick,
          onRemove: this.onRemove,
        })}
        <div class="actions">
          <button part="button" class="button" type="submit">${msg('Weiter', { id: 'flow.next' })}</button>
        </div>
      </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jc-oap-conditions': JcOapConditions;
  }
}
