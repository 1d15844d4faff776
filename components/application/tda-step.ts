/** The TdA step (Tag der Antragstellung): validation with the domain schema and the form template. */
import { html } from 'lit';
import { msg, str } from '@lit/localize';
import { validateRecord } from '../../domain/forms/engine.js';
import { TDA_PAGE } from '../../domain/forms/tda.js';
import type { TdaInput } from '../../domain/tda.js';
import type { FormStateController } from '../controllers/form-state.js';
import type { CodedError } from '../controllers/field-errors.js';
import { renderGroup } from './field-renderer.js';
import { tdaGroups, type TdaValues } from './tda-fields.js';
import '../error-summary/error-summary.js';
import '../help/help.js';
import { berlinDate } from '../../domain/dates.js';

/** Result of the client-side check. */
export type TdaCheck = { ok: true; data: TdaInput } | { ok: false; errors: CodedError[] };

/**
 * Validates the typed answers with the form engine on `TDA_PAGE` (no zod in the browser); the server
 * checks the same body with `tdaInput`, and test/domain/tda-form.test.ts keeps both in agreement.
 */
export function checkTda(values: TdaValues, portalJobcenterId: string, today = berlinDate()): TdaCheck {
  const raw: Record<string, unknown> = { ...values, declaration: values.declaration === true };
  if (!values.contactLanguage) delete raw.contactLanguage;
  const errors = validateRecord(TDA_PAGE, raw, today);
  if (errors.length) return { ok: false, errors: errors.map((e) => ({ field: e.path, code: e.code })) };
  // The body as the server's schema would output it: trimmed, empty optional fields left out.
  const data: Record<string, unknown> = { portalJobcenterId };
  for (const [k, v] of Object.entries(raw)) {
    const value = typeof v === 'string' ? v.trim() : v;
    if (value !== '') data[k] = value;
  }
  return { ok: true, data: data as TdaInput };
}

/** What the step template needs from the element. */
export interface TdaStepModel {
  form: FormStateController<TdaValues>;
  sending: boolean;
  jobcenterName: string;
  accountEmail?: string;
  onSubmit(e: SubmitEvent): void;
}

/** The TdA form on one screen. */
export function tdaStep(m: TdaStepModel) {
  return html`<h2 part="heading" tabindex="-1" data-autofocus>
      ${msg('Antrag auf Bürgergeld stellen', { id: 'tda.heading' })}
    </h2>
    <p>
      ${msg(
        str`Mit diesem Formular stellen Sie Ihren Antrag beim ${m.jobcenterName}. Es zählt der Tag, an dem Sie ihn absenden.`,
        {
          id: 'tda.intro',
        },
      )}
    </p>
    <p>
      ${msg(
        'Wir fragen jetzt nur das Nötigste. Den ausführlichen Antrag und Nachweise können Sie danach nachreichen.',
        {
          id: 'tda.intro2',
        },
      )}
    </p>
    <jc-help topic="tda"></jc-help>
    <jc-error-summary part="error-summary" .errors=${m.form.summary}></jc-error-summary>
    <form part="form" novalidate @submit=${m.onSubmit} @input=${m.form.onInput} @change=${m.form.onInput}>
      ${tdaGroups().map((g) => renderGroup(g, m.form as never))}
      <button part="button" class="button" type="submit" aria-disabled=${m.sending ? 'true' : 'false'}>
        ${m.sending ? msg('Wird gesendet …', { id: 'common.sending' }) : msg('Antrag absenden', { id: 'tda.submit' })}
      </button>
    </form>`;
}
