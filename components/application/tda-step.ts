/** The TdA step (Tag der Antragstellung): validation with the domain schema and the form template. */
import { html } from 'lit';
import { msg, str } from '@lit/localize';
import * as z from 'zod';
import { tdaInput, type TdaInput } from '../../domain/tda.js';
import type { FormStateController } from '../controllers/form-state.js';
import type { CodedError } from '../controllers/field-errors.js';
import { renderGroup } from './field-renderer.js';
import { tdaGroups, type TdaValues } from './tda-fields.js';
import '../error-summary/error-summary.js';

// Widgets run under `script-src 'self'` without 'unsafe-eval' (SEC-23): zod must not probe or use
// `new Function` (the probe alone fires a securitypolicyviolation report on every page).
z.config({ jitless: true });

/** Codes the UI has messages for; other zod messages become `invalid`. */
const CODES = new Set([
  'required',
  'invalid_date',
  'invalid_plz',
  'invalid_email',
  'invalid_phone',
  'declaration_required',
  'too_long',
  'invalid_characters',
]);

/** Result of the client-side check. */
export type TdaCheck = { ok: true; data: TdaInput } | { ok: false; errors: CodedError[] };

/** Validates the typed answers with `tdaInput` (the server runs the same schema). */
export function checkTda(values: TdaValues, portalJobcenterId: string): TdaCheck {
  const raw: Record<string, unknown> = {
    ...values,
    portalJobcenterId,
    declaration: values.declaration === true,
  };
  if (!values.contactLanguage) delete raw.contactLanguage;
  const result = tdaInput.safeParse(raw);
  if (result.success) return { ok: true, data: result.data };
  const errors = result.error.issues.map((issue): CodedError => {
    const field = String(issue.path[0] ?? '');
    const typed = raw[field];
    const empty = typeof typed === 'string' && typed.trim() === '';
    const code =
      empty && field !== 'declaration' ? 'required' : CODES.has(issue.message) ? issue.message : 'invalid';
    return { field: field || undefined, code };
  });
  return { ok: false, errors };
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
    <jc-error-summary part="error-summary" .errors=${m.form.summary}></jc-error-summary>
    <form part="form" novalidate @submit=${m.onSubmit} @input=${m.form.onInput} @change=${m.form.onInput}>
      ${tdaGroups().map((g) => renderGroup(g, m.form as never))}
      <button part="button" class="button" type="submit" aria-disabled=${m.sending ? 'true' : 'false'}>
        ${m.sending ? msg('Wird gesendet …', { id: 'common.sending' }) : msg('Antrag absenden', { id: 'tda.submit' })}
      </button>
    </form>`;
}
