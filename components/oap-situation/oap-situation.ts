/** jc-oap-situation: the OAP eService "Aktuelle Situation". */
import { localized } from '@lit/localize';
import { OAP_SITUATION } from '../../domain/forms/oap-situation.js';
import { customElement } from '../base/define.js';
import { JcOapService } from '../oap-service/oap-service.js';

/**
 * @summary "Aktuelle Situation" of the Online-Arbeitsmarktprofil: current status (employed, unemployed
 * since, training, school, parental leave, care, ill), notice and end of the last job, earliest start,
 * registration as job-seeking, voluntary health restrictions (marked optional, Art. 9 DSGVO) and care
 * duties. One topic per page, saved as she types (If-Match), resumed, checked, submitted once; shows
 * "eingereicht am …" / "übernommen am …". Needs a signed-in applicant with level ≥ 1.
 *
 * @slot sign-in - shown when nobody is signed in.
 * @event jc-oap-submitted - the server acknowledged a submission; `detail.view`.
 * @csspart base - the root; `heading`, `progress`, `status`, `save-status`, `conflict`, `error-summary`,
 * `button`, `button-secondary`, `panel`.
 */
@customElement('jc-oap-situation')
@localized()
export class JcOapSituation extends JcOapService {
  constructor() {
    super(OAP_SITUATION);
  }

  protected loadRenderer() {
    return import('../oap-service/oap-form.js');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jc-oap-situation': JcOapSituation;
  }
}
