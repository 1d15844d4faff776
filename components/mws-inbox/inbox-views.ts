/** Templates of jc-mws-inbox around the table: Postkorb navigation, filter form, states. */
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg, str } from '@lit/localize';
import type { InboxPage } from '../../domain/staff.js';
import type { FormStateController } from '../controllers/form-state.js';
import { FIELD_EXPORTPARTS } from '../base/shared.styles.js';
import { filterLabels, filterOptions, isFiltered, type InboxFilters } from './inbox-filters.js';
import '../text-field/text-field.js';
import '../select/select.js';
import '../error-summary/error-summary.js';

/** The Postkörbe as a navigation list; the shown one has `aria-current`. */
export function postkorbNav(
  postkoerbe: InboxPage['postkoerbe'],
  current: string,
  href: (postkorb: string) => string,
  choose: (e: MouseEvent, postkorb: string) => void,
) {
  const total = postkoerbe.reduce((sum, p) => sum + p.open, 0);
  const entries = [
    { id: '', name: msg('Alle Postkörbe', { id: 'inbox.allPostkoerbe' }), open: total },
    ...postkoerbe,
  ];
  return html`<nav
    part="postkoerbe"
    class="postkoerbe"
    aria-label=${msg('Postkörbe', { id: 'inbox.postkoerbe' })}
  >
    <ul>
      ${entries.map(
        (p) =>
          html`<li>
            <a
              href=${href(p.id)}
              aria-current=${ifDefined(p.id === current ? 'page' : undefined)}
              @click=${(e: MouseEvent) => choose(e, p.id)}
              >${p.name} <span class="count">(${p.open} ${msg('offen', { id: 'inbox.open' })})</span></a
            >
          </li>`,
      )}
    </ul>
  </nav>`;
}

/** The filter form (applied with "Filter anwenden", cleared with "Zurücksetzen"). */
export function filterForm(
  form: FormStateController<InboxFilters>,
  on: { apply(e: SubmitEvent): void; reset(): void },
) {
  const labels = filterLabels();
  const options = filterOptions();
  const v = form.values;
  const err = (k: string) => form.errors[k] ?? '';
  return html`<jc-error-summary part="error-summary" .errors=${form.summary}></jc-error-summary>
    <form
      part="filters"
      class="filters"
      role="search"
      aria-label=${msg('Vorgänge filtern', { id: 'inbox.filters' })}
      novalidate
      @submit=${on.apply}
      @input=${form.onInput}
    >
      <div class="filter-fields">
        <jc-select
          id="type"
          name="type"
          exportparts=${FIELD_EXPORTPARTS}
          .label=${labels.type}
          .options=${options.type}
          .value=${v.type}
        ></jc-select>
        <jc-select
          id="status"
          name="status"
          exportparts=${FIELD_EXPORTPARTS}
          .label=${labels.status}
          .options=${options.status}
          .value=${v.status}
        ></jc-select>
        <jc-select
          id="assignee"
          name="assignee"
          exportparts=${FIELD_EXPORTPARTS}
          .label=${labels.assignee}
          .options=${options.assignee}
          .value=${v.assignee}
        ></jc-select>
        <jc-text-field
          id="olderThanDays"
          name="olderThanDays"
          inputmode="numeric"
          width="5"
          maxlength="4"
          exportparts=${FIELD_EXPORTPARTS}
          .label=${labels.olderThanDays}
          .value=${v.olderThanDays}
          .error=${err('olderThanDays')}
        ></jc-text-field>
        <jc-text-field
          id="q"
          name="q"
          type="search"
          maxlength="100"
          exportparts=${FIELD_EXPORTPARTS}
          .label=${labels.q}
          .value=${v.q}
        ></jc-text-field>
        <jc-select
          id="sort"
          name="sort"
          exportparts=${FIELD_EXPORTPARTS}
          .label=${labels.sort}
          .options=${options.sort}
          .value=${v.sort}
        ></jc-select>
      </div>
      <div class="actions">
        <button part="button" class="button" type="submit">
          ${msg('Filter anwenden', { id: 'inbox.apply' })}
        </button>
        <button part="button-secondary" class="button button--secondary" type="button" @click=${on.reset}>
          ${msg('Zurücksetzen', { id: 'inbox.reset' })}
        </button>
      </div>
    </form>`;
}

/** No staff session: the `sign-in` slot, else a link to `sign-in-url`, else a sentence. */
export function signedOutView(signInUrl: string | undefined) {
  return html`<p>
      ${msg('Melden Sie sich als Mitarbeiterin oder Mitarbeiter an, um den Posteingang zu sehen.', { id: 'inbox.signedOut' })}
    </p>
    <slot name="sign-in">
      ${signInUrl ? html`<p><a part="sign-in-link" href=${signInUrl}>${msg('Zur Anmeldung', { id: 'inbox.toSignIn' })}</a></p>` : nothing}
    </slot>`;
}

/** The staff member may not see the inbox (403). */
export function forbiddenView() {
  return html`<div part="panel" class="panel panel--error" role="alert">
    <p>
      ${msg('Sie haben keinen Zugriff auf den Posteingang. Wenden Sie sich an Ihre Teamleitung oder die Administration.', { id: 'inbox.forbidden' })}
    </p>
  </div>`;
}

/** Loading the list failed. */
export function errorView(message: string, retry: () => void) {
  return html`<div part="panel" class="panel panel--error" role="alert">
    <h3>${msg('Die Vorgänge konnten nicht geladen werden', { id: 'inbox.error.heading' })}</h3>
    <p>${message}</p>
    <button part="button-secondary" class="button button--secondary" type="button" @click=${retry}>
      ${msg('Erneut versuchen', { id: 'inbox.retry' })}
    </button>
  </div>`;
}

/** Nothing matches. */
export function emptyView(filtered: boolean, reset: () => void) {
  return html`<div part="empty" class="empty">
    ${
      filtered
        ? html`<p>${msg('Keine Vorgänge passen zu Ihren Filtern.', { id: 'inbox.empty.filtered' })}</p>
            <button part="button-secondary" class="button button--secondary" type="button" @click=${reset}>
              ${msg('Filter zurücksetzen', { id: 'inbox.empty.reset' })}
            </button>`
        : html`<p>${msg('In diesem Postkorb liegen keine Vorgänge.', { id: 'inbox.empty' })}</p>`
    }
  </div>`;
}

/** "12 Vorgänge angezeigt, weitere vorhanden" (announced after loading, part of the caption). */
export function countText(n: number, more: boolean): string {
  if (n === 0) return msg('Keine Vorgänge gefunden.', { id: 'inbox.count.none' });
  const shown =
    n === 1
      ? msg('1 Vorgang angezeigt', { id: 'inbox.count.one' })
      : msg(str`${n} Vorgänge angezeigt`, { id: 'inbox.count.many' });
  return more ? `${shown}, ${msg('weitere vorhanden', { id: 'inbox.count.more' })}` : shown;
}

/** Caption of the table: Postkorb, its open count, what is shown, whether filters apply. */
export function captionText(
  postkoerbe: InboxPage['postkoerbe'],
  applied: InboxFilters,
  count: string,
): string {
  const pk = postkoerbe.find((p) => p.id === applied.postkorb);
  const name = pk?.name ?? msg('Alle Postkörbe', { id: 'inbox.allPostkoerbe' });
  const open = pk?.open ?? postkoerbe.reduce((sum, p) => sum + p.open, 0);
  const filtered = isFiltered(applied) ? `, ${msg('gefiltert', { id: 'inbox.filtered' })}` : '';
  return `${msg(str`Vorgänge in „${name}“ (${open} offen)`, { id: 'inbox.caption' })}: ${count.replace(/\.$/, '')}${filtered}`;
}
