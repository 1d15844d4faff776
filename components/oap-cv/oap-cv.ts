/** jc-oap-cv: the OAP eService "Lebenslauf" with a timeline of school, training and work. */
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import type { PageInstance } from '../../domain/forms/engine-core.js';
import { OAP_CERT_LIST, OAP_CERT_RULE, OAP_CV, oapCertItemId } from '../../domain/forms/oap-cv.js';
import { uploadPolicy, type EvidenceDocument, type UploadPolicy } from '../api/applications-api.js';
import { customElement } from '../base/define.js';
import { activeLocale } from '../locales/localization.js';
import { listOapDocuments, oapEvidencePath } from '../oap-service/oap-api.js';
import { JcOapService } from '../oap-service/oap-service.js';
import { timelineStyles } from './cv-timeline.styles.js';
import { timelineView } from './cv-timeline.js';

const CERTS = OAP_CERT_LIST;
const RULE = OAP_CERT_RULE;

/**
 * @summary "Lebenslauf" of the Online-Arbeitsmarktprofil: school and qualifications, vocational training
 * (recognised abroad?), work history with employer, occupation, period and tasks, gaps explained,
 * languages with CEFR levels, driving licence classes, IT skills and certificates. The work page and the
 * check page show the CV as a timeline, newest first, with gaps of three months or more said in words.
 * Saving, resuming, checking and submitting as in every OAP eService. Needs level ≥ 1.
 *
 * Each certificate gets an upload (`<jc-evidence-upload>`: PDF, JPEG or PNG, progress and announcements)
 * on the skills page once its name is saved; the files go to `/api/oap/cv/evidence/<item>/documents`
 * (same checks and quota as the evidence of the benefit application).
 *
 * @slot sign-in - shown when nobody is signed in.
 * @event jc-oap-submitted - the server acknowledged a submission; `detail.view`.
 * @event jc-documents-changed - a certificate file was uploaded or deleted (from jc-evidence-upload).
 * @csspart base - the root; `heading`, `progress`, `status`, `save-status`, `conflict`, `error-summary`,
 * `timeline`, `evidence`, `button`, `button-secondary`, `panel`.
 */
@customElement('jc-oap-cv')
@localized()
export class JcOapCv extends JcOapService {
  static override styles = [...JcOapService.styles, timelineStyles];

  @state() private documents: EvidenceDocument[] = [];
  @state() private policy?: UploadPolicy;

  constructor() {
    super(OAP_CV);
  }

  /** The form pages also need the list renderer and, on the skills page, the certificate uploads. */
  protected loadRenderer() {
    return import('./cv-form.js');
  }

  override async load(): Promise<void> {
    await super.load();
    if (this.phase !== 'form' && this.phase !== 'status') return;
    try {
      [this.documents, this.policy] = await Promise.all([listOapDocuments(this.client), uploadPolicy(this.client)]);
    } catch {
      // The uploads stay usable without the list and the limits; the server checks anyway.
    }
  }

  protected override pageExtra(p: PageInstance): unknown {
    if (p.page.id === 'work') return timelineView(this.flow.answers, this.flow.date);
    return p.page.id === 'skills' && this.phase === 'form' && this.flow.page?.key === p.key ? this.uploads() : nothing;
  }

  /** An upload per certificate whose name the server has saved (the server accepts only those). */
  private uploads() {
    const saved = this.view?.answers[CERTS.id];
    const certs = (Array.isArray(saved) ? (saved as Record<string, unknown>[]) : []).filter(
      (c) => typeof c.id === 'string' && typeof c.title === 'string' && c.title.trim(),
    );
    if (!certs.length) return nothing;
    const lang = activeLocale();
    return html`<section part="evidence" aria-labelledby="cert-evidence">
      <h3 id="cert-evidence">${msg('Nachweise zu Ihren Zertifikaten', { id: 'oap.cv.evidence' })}</h3>
      <p>${msg('Laden Sie Ihre Zertifikate hoch, wenn Sie sie haben (PDF, JPG oder PNG). Das ist freiwillig.', { id: 'oap.cv.evidenceHint' })}</p>
      ${certs.map((c) => {
        const id = oapCertItemId(c.id as string);
        const item = { id, code: RULE.code, title: RULE.title[lang].replace('{label}', (c.title as string).trim()) };
        return html`<jc-evidence-upload
          .client=${this.client}
          .item=${item}
          .policy=${this.policy}
          .documents=${this.documents.filter((d) => d.itemId === id)}
          documents-path=${oapEvidencePath(id)}
          @jc-documents-changed=${(e: CustomEvent<{ documents: EvidenceDocument[] }>) =>
            (this.documents = [...this.documents.filter((d) => d.itemId !== id), ...e.detail.documents])}
        ></jc-evidence-upload>`;
      })}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jc-oap-cv': JcOapCv;
  }
}
