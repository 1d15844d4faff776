/** Templates of jc-oap-review: the submitted eServices, the comparison rows with their decision, the result. */
import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { ApiClient } from '../api/api-client.js';
import { safeUrl } from '../base/safe-url.js';
import type { OapComparisonRow, OapDocument, OapStaffView, OapTakeoverResult } from '../oap-service/oap-api.js';
import { oapDay } from '../oap-service/oap-common-views.js';

/** A decision per path: true = take the applicant's value, false = keep VerBIS; missing = none yet. */
export type Decisions = Record<string, boolean>;

/** Field id of a row's first radio (the error summary links there). */
export const radioId = (path: string, accept = true) =>
  `d-${path.replace(/[^a-zA-Z0-9_-]/g, '-')}-${accept ? 'yes' : 'no'}`;

function stateText(s: OapComparisonRow['state']): string {
  if (s === 'conflict')
    return msg('Konflikt: Auch in VerBIS seit der letzten Übernahme geändert', { id: 'oapr.state.conflict' });
  if (s === 'new') return msg('Neu: in VerBIS noch leer', { id: 'oapr.state.new' });
  if (s === 'changed') return msg('Geändert', { id: 'oapr.state.changed' });
  return msg('Unverändert', { id: 'oapr.state.same' });
}

/** The three eServices with their submitted version and status. */
export function servicesView(v: OapStaffView) {
  return html`<section aria-labelledby="oapr-services">
    <h3 id="oapr-services">${msg('Eingereichte eServices', { id: 'oapr.services' })}</h3>
    <ul class="services">
      ${v.services.map(
        (s) =>
          html`<li>
            <strong>${s.title}</strong>:
            ${
              s.submittedAt
                ? msg(str`Fassung ${s.submittedVersion ?? 1}, eingereicht am ${oapDay(s.submittedAt)}`, {
                    id: 'oapr.version',
                  })
                : msg('noch nicht eingereicht', { id: 'oapr.notSubmitted' })
            }
            ${
              s.takenOverAt
                ? html`– ${msg(str`übernommen am ${oapDay(s.takenOverAt)}`, { id: 'oapr.takenOverAt' })}`
                : s.submittedAt
                  ? html`– ${msg('wartet auf Übernahme', { id: 'oapr.pending' })}`
                  : nothing
            }
          </li>`,
      )}
    </ul>
  </section>`;
}

const kib = (n: number) => `${Math.max(1, Math.round(n / 1024))} KB`;

/** The certificates' uploads per certificate: download links (each audited), a marker once a file is in the E-AKTE. */
export function documentsView(c: ApiClient, docs: OapDocument[] | undefined) {
  if (!docs?.length) return nothing;
  const groups = new Map<string, OapDocument[]>();
  for (const d of docs) groups.set(d.itemId, [...(groups.get(d.itemId) ?? []), d]);
  return html`<section part="documents" aria-labelledby="oapr-docs">
    <h3 id="oapr-docs">${msg('Nachweise zu Zertifikaten', { id: 'oapr.documents' })}</h3>
    <ul class="services">
      ${[...groups.values()].map(
        (list) =>
          html`<li>
            <strong>${list[0].certificate || msg('Zertifikat (nicht mehr im Lebenslauf)', { id: 'oapr.documentGone' })}</strong>
            <ul>
              ${list.map(
                (d) =>
                  html`<li>
                    <a href=${ifDefined(safeUrl(c.url(d.href)))} download=${d.filename}>${d.filename}</a>
                    (${kib(d.size)}, ${oapDay(d.createdAt)})${
                      d.eakteReference ? html` – ${msg('in der E-AKTE', { id: 'oapr.inEakte' })}` : nothing
                    }
                  </li>`,
              )}
            </ul>
          </li>`,
      )}
    </ul>
  </section>`;
}

/** What a row needs. */
export interface RowModel {
  decisions: Decisions;
  errors: Record<string, string>;
  disabled: boolean;
  /** Taken over already: old → new only, no radios. */
  readOnly?: boolean;
  onDecide(path: string, accept: boolean): void;
}

/** One field: old → new, its state in words (a mark, not only a colour) and the radio pair. */
export function rowView(r: OapComparisonRow, m: RowModel) {
  const d = m.decisions[r.path];
  const err = m.errors[r.path];
  const name = `d-${r.path}`;
  return html`<li class="row row--${r.state}">
    <fieldset aria-describedby=${err ? `${radioId(r.path)}-error` : nothing}>
      <legend>${r.label}</legend>
      <p class="state state--${r.state}">
        ${r.state === 'conflict' ? html`<span aria-hidden="true">⚠ </span>` : nothing}<strong
          >${stateText(r.state)}</strong
        >
      </p>
      <dl class="values">
        <div>
          <dt>${msg('In VerBIS', { id: 'oapr.old' })}</dt>
          <dd>${r.verbisFormatted}</dd>
        </div>
        <div>
          <dt>${msg('Neu von der Kundin / dem Kunden', { id: 'oapr.new' })}</dt>
          <dd>${r.applicantFormatted}</dd>
        </div>
      </dl>
      ${m.readOnly ? nothing : err ? html`<p class="error-message" id="${radioId(r.path)}-error"><span class="visually-hidden">${msg('Fehler:', { id: 'control.errorPrefix' })} </span>${err}</p>` : nothing}
      ${
        m.readOnly
          ? nothing
          : html`<div class="radios">
              ${[true, false].map(
                (accept) =>
                  html`<label>
                    <input
                      type="radio"
                      id=${radioId(r.path, accept)}
                      name=${name}
                      .checked=${d === accept}
                      ?disabled=${m.disabled}
                      @change=${() => m.onDecide(r.path, accept)}
                    />
                    ${accept ? msg('Übernehmen', { id: 'oapr.accept' }) : msg('VerBIS-Wert behalten', { id: 'oapr.reject' })}
                  </label>`,
              )}
            </div>`
      }
    </fieldset>
  </li>`;
}

/** Unchanged fields, folded away. */
export function sameView(rows: OapComparisonRow[]) {
  if (!rows.length) return nothing;
  return html`<details class="same">
    <summary>${msg(str`Unveränderte Felder (${rows.length})`, { id: 'oapr.same' })}</summary>
    <dl class="values">
      ${rows.map(
        (r) =>
          html`<div>
            <dt>${r.label}</dt>
            <dd>${r.applicantFormatted}</dd>
          </div>`,
      )}
    </dl>
  </details>`;
}

/** The result of the takeover. */
export function resultView(r: OapTakeoverResult) {
  return html`<div part="result" class="panel">
    <p>
      <strong>${msg(str`In VerBIS übernommen am ${oapDay(r.takenOverAt)}.`, { id: 'oapr.done' })}</strong>
      ${msg(str`${r.accepted.length} Felder übernommen, ${r.rejected.length} abgelehnt. VerBIS-Version ${r.verbisVersion}.`, { id: 'oapr.doneCounts' })}
    </p>
  </div>`;
}

/** The fields to decide with "Alle übernehmen" and the takeover button; read-only once everything is taken over. */
export function decisionsView(
  v: OapStaffView,
  open: OapComparisonRow[],
  m: RowModel & { onAcceptAll: () => void; onTakeOver: () => void },
) {
  if (!open.length)
    return html`<p>
      ${msg('Nichts zu übernehmen: Alle Felder stimmen mit VerBIS überein.', { id: 'oapr.nothing' })}
    </p>`;
  if (v.takenOver)
    return html`<p>
        ${msg('Diese Felder weichen von VerBIS ab (abgelehnt oder dort später geändert). Eine neue Fassung der Kundin oder des Kunden erscheint hier zur Entscheidung.', { id: 'oapr.readOnly' })}
      </p>
      <ul class="rows">
        ${open.map((r) => rowView(r, { ...m, decisions: {}, errors: {}, disabled: true, readOnly: true }))}
      </ul>`;
  const conflicts = open.filter((f) => f.state === 'conflict').length;
  return html`<p>
      ${msg(str`${open.length} Felder zu entscheiden, davon ${conflicts} mit Konflikt.`, { id: 'oapr.count' })}
    </p>
    <p>
      <button
        part="button-secondary"
        class="button button--secondary"
        type="button"
        ?disabled=${m.disabled}
        @click=${m.onAcceptAll}
      >
        ${msg('Alle übernehmen', { id: 'oapr.acceptAll' })}
      </button>
    </p>
    <ul class="rows">
      ${open.map((r) => rowView(r, m))}
    </ul>
    <div class="actions">
      <button
        part="button"
        class="button"
        type="button"
        aria-disabled=${m.disabled ? 'true' : 'false'}
        @click=${m.onTakeOver}
      >
        ${m.disabled ? msg('Wird übernommen …', { id: 'oapr.busy' }) : msg('In VerBIS übernehmen', { id: 'oapr.takeOver' })}
      </button>
    </div>`;
}
