/** jc-oap-cv: the OAP eService "Lebenslauf" with a timeline of school, training and work. */
import { nothing } from 'lit';
import { localized } from '@lit/localize';
import type { PageInstance } from '../../domain/forms/engine-core.js';
import { OAP_CV } from '../../domain/forms/oap-cv.js';
import { customElement } from '../base/define.js';
import { JcOapService } from '../oap-service/oap-service.js';
import { timelineStyles } from './cv-timeline.styles.js';
import { timelineView } from './cv-timeline.js';

/**
 * @summary "Lebenslauf" of the Online-Arbeitsmarktprofil: school and qualifications, vocational training
 * (recognised abroad?), work history with employer, occupation, period and tasks, gaps explained,
 * languages with CEFR levels, driving licence classes, IT skills and certificates. The work page and the
 * check page show the CV as a timeline, newest first, with gaps of three months or more said in words.
 * Saving, resuming, checking and submitting as in every OAP eService. Needs level ≥ 1.
 *
 * Certificates are listed by name and year; uploading them as evidence needs an OAP upload route
 * on the server (none yet).
 *
 * @slot sign-in - shown when nobody is signed in.
 * @event jc-oap-submitted - the server acknowledged a submission; `detail.view`.
 * @csspart base - the root; `heading`, `progress`, `status`, `save-status`, `conflict`, `error-summary`,
 * `timeline`, `button`, `button-secondary`, `panel`.
 */
@customElement('jc-oap-cv')
@localized()
export class JcOapCv extends JcOapService {
  static override styles = [...JcOapService.styles, timelineStyles];

  constructor() {
    super(OAP_CV);
  }

  protected override pageExtra(p: PageInstance): unknown {
    return p.page.id === 'work' ? timelineView(this.flow.answers, this.flow.date) : nothing;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jc-oap-cv': JcOapCv;
  }
}
