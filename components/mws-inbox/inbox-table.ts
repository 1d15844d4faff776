/** The work item table of jc-mws-inbox: caption, sortable headers, one guarded template per row. */
import { html, nothing } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str } from '@lit/localize';
import type { InboxItem } from '../../domain/staff.js';
import type { Colleague } from '../api/staff-api.js';
import { activeLocale } from '../locales/localization.js';
import { statusLabel, typeLabel, type InboxSort } from './inbox-filters.js';
import { berlinDay, daysBetween, formatDay, relativeDays } from './inbox-format.js';

/** Per-row state kept by the element: a request on its way, a message (conflict, error). */
export interface RowState {
  busy?: boolean;
  message?: string;
  conflict?: boolean;
}

/** What the rows need; handlers are stable, so a row renders again only when its inputs change. */
export interface TableContext {
  meId: string;
  today: string;
  warnAfterDays: number;
  sort: InboxSort;
  caption: string;
  busy: boolean;
  /** Link of an item (from `item-url`), or undefined for a button. */
  itemUrl(item: InboxItem): string | undefined;
  rows: ReadonlyMap<string, RowState>;
  assignOpen?: string;
  colleagues?: Colleague[];
  on: {
    open(e: Event, item: InboxItem): void;
    claim(item: InboxItem): void;
    toggleAssign(item: InboxItem): void;
    assign(e: SubmitEvent, item: InboxItem): void;
    assignKey(e: KeyboardEvent, item: InboxItem): void;
    sortBy(column: 'age' | 'deadline'): void;
  };
}

function ageCell(item: InboxItem, c: TableContext) {
  const day = berlinDay(item.createdAt);
  const days = daysBetween(day, c.today);
  const warn = item.status !== 'erledigt' && days > c.warnAfterDays;
  return html`<span class="nowrap">${relativeDays(-days)}</span>
    <span class="secondary nowrap"><time datetime=${day}>${formatDay(day)}</time></span>
    ${
      warn
        ? html`<span part="badge" class="badge badge--warn"
            ><span aria-hidden="true">! </span
            >${msg(str`über ${c.warnAfterDays} Tage offen`, { id: 'inbox.age.warn' })}</span
          >`
        : nothing
    }`;
}

function deadlineCell(item: InboxItem, c: TableContext) {
  if (!item.deadline)
    return html`<span class="secondary">${msg('keine', { id: 'inbox.deadline.none' })}</span>`;
  const day = berlinDay(item.deadline);
  const days = daysBetween(c.today, day);
  const open = item.status !== 'erledigt';
  const badge =
    open && days < 0
      ? msg('Frist abgelaufen', { id: 'inbox.deadline.over' })
      : open && days === 0
        ? msg('Heute fällig', { id: 'inbox.deadline.today' })
        : '';
  return html`<time datetime=${day} class="nowrap">${formatDay(day)}</time>
    <span class="secondary nowrap">${relativeDays(days)}</span>
    ${badge ? html`<span part="badge" class="badge badge--warn"><span aria-hidden="true">! </span>${badge}</span>` : nothing}`;
}

function assignForm(item: InboxItem, c: TableContext) {
  const list = c.colleagues;
  return html`<form
    class="assign"
    @submit=${(e: SubmitEvent) => c.on.assign(e, item)}
    @keydown=${(e: KeyboardEvent) => c.on.assignKey(e, item)}
  >
    <label for="assign-${item.id}">${msg('Zuweisen an', { id: 'inbox.assign.label' })}</label>
    ${
      list
        ? html`<select id="assign-${item.id}" class="select">
            <option value="" ?selected=${!item.assignee}>
              ${msg('niemandem (freigeben)', { id: 'inbox.assign.nobody' })}
            </option>
            ${list.map((p) => html`<option value=${p.id} ?selected=${p.id === item.assignee?.id}>${p.name}</option>`)}
          </select>`
        : html`<select id="assign-${item.id}" class="select" disabled>
            <option>${msg('Wird geladen …', { id: 'common.loading' })}</option>
          </select>`
    }
    <button class="button button--small" type="submit" aria-disabled=${list ? 'false' : 'true'}>
      ${msg('Zuweisen', { id: 'inbox.assign.submit' })}
    </button>
    <button class="link" type="button" @click=${() => c.on.toggleAssign(item)}>
      ${msg('Abbrechen', { id: 'inbox.assign.cancel' })}
    </button>
  </form>`;
}

function row(item: InboxItem, c: TableContext, state: RowState | undefined, assignOpen: boolean) {
  const url = c.itemUrl(item);
  const mine = item.assignee?.id === c.meId;
  const title = html`<span class="visually-hidden">: ${item.title}</span>`;
  return html`<tr data-id=${item.id} class=${state?.conflict ? 'conflict' : ''}>
      <th scope="row">
        ${
          url
            ? html`<a
                part="item-link"
                class="item-link"
                href=${url}
                @click=${(e: Event) => c.on.open(e, item)}
                >${item.title}</a
              >`
            : html`<button
                part="item-link"
                class="link item-link"
                type="button"
                @click=${(e: Event) => c.on.open(e, item)}
              >
                ${item.title}
              </button>`
        }
        <span class="secondary">${item.postkorbName}</span>
      </th>
      <td>${typeLabel(item.type)}</td>
      <td>${statusLabel(item.status)}</td>
      <td>${ageCell(item, c)}</td>
      <td>${deadlineCell(item, c)}</td>
      <td>
        ${
          item.assignee
            ? html`${item.assignee.name}${mine ? html` <span class="secondary">(${msg('Sie', { id: 'inbox.you' })})</span>` : nothing}`
            : html`<span class="secondary">${msg('niemand', { id: 'inbox.nobody' })}</span>`
        }
      </td>
      <td class="row-actions">
        ${
          !mine && item.status !== 'erledigt'
            ? html`<button
                part="claim"
                class="button button--small"
                type="button"
                aria-disabled=${state?.busy ? 'true' : 'false'}
                @click=${() => c.on.claim(item)}
              >
                ${msg('Übernehmen', { id: 'inbox.claim' })}${title}
              </button>`
            : nothing
        }
        <button
          part="assign"
          class="button button--small button--secondary assign-toggle"
          type="button"
          aria-expanded=${assignOpen ? 'true' : 'false'}
          aria-disabled=${state?.busy ? 'true' : 'false'}
          @click=${() => c.on.toggleAssign(item)}
        >
          ${msg('Zuweisen an …', { id: 'inbox.assign' })}${title}
        </button>
        ${assignOpen ? assignForm(item, c) : nothing}
      </td>
    </tr>
    ${
      state?.message
        ? html`<tr class="note ${state.conflict ? 'conflict' : ''}">
            <td colspan="7"><p part="row-message" class="row-message" role="alert">${state.message}</p></td>
          </tr>`
        : nothing
    }`;
}

function sortHeader(label: string, column: 'age' | 'deadline', c: TableContext) {
  const dir =
    column === 'age'
      ? c.sort === 'oldest'
        ? 'ascending'
        : c.sort === 'newest'
          ? 'descending'
          : undefined
      : c.sort === 'deadline'
        ? 'ascending'
        : undefined;
  const arrow = dir === 'ascending' ? '▲' : dir === 'descending' ? '▼' : '↕';
  return html`<th scope="col" aria-sort=${ifDefined(dir)}>
    <button part="sort" class="sort" type="button" @click=${() => c.on.sortBy(column)}>
      ${label} <span aria-hidden="true">${arrow}</span>
    </button>
  </th>`;
}

/** The table in a focusable, labelled region that scrolls sideways on narrow screens. */
export function tableView(items: readonly InboxItem[], c: TableContext) {
  const lang = activeLocale();
  // The caption is repeated above the scrolling region, where it stays readable at 320 px; the
  // table's own caption (read by screen readers) is visually hidden.
  return html`<p part="caption" class="caption" aria-hidden="true">${c.caption}</p>
    <div
      part="table-region"
      class="table-wrap"
      role="region"
      aria-labelledby="caption"
      tabindex="0"
      aria-busy=${c.busy ? 'true' : 'false'}
    >
      <table part="table">
        <caption id="caption" class="visually-hidden">
          ${c.caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">${msg('Vorgang', { id: 'inbox.col.item' })}</th>
            <th scope="col">${msg('Art', { id: 'inbox.filter.type' })}</th>
            <th scope="col">${msg('Status', { id: 'inbox.filter.status' })}</th>
            ${sortHeader(msg('Eingang', { id: 'inbox.col.age' }), 'age', c)}
            ${sortHeader(msg('Frist', { id: 'inbox.col.deadline' }), 'deadline', c)}
            <th scope="col">${msg('Zuständig', { id: 'inbox.filter.assignee' })}</th>
            <th scope="col">${msg('Aktionen', { id: 'inbox.col.actions' })}</th>
          </tr>
        </thead>
        <tbody>
          ${repeat(
            items,
            (i) => i.id,
            (i) => {
              const state = c.rows.get(i.id);
              const open = c.assignOpen === i.id;
              const deps = [
                i,
                state,
                open,
                open && c.colleagues,
                c.meId,
                c.today,
                c.warnAfterDays,
                lang,
                c.itemUrl,
              ];
              return guard(deps, () => row(i, c, state, open));
            },
          )}
        </tbody>
      </table>
    </div>`;
}
