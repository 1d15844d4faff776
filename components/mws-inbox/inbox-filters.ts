/** Filters of the caseworker inbox: values, labels, checks, and their place in the page address. */
import { msg } from '@lit/localize';
import type { WorkItemType } from '../../domain/work-item.js';
import type { InboxRequest } from '../api/staff-api.js';
import type { ShownError } from '../controllers/form-state.js';
import { addEnglish } from '../locales/localization.js';

addEnglish(() => import('../locales/en-inbox.js'));

/** Sort orders (domain/staff.ts INBOX_SORTS). */
export type InboxSort = 'oldest' | 'newest' | 'deadline';

/** What the filter form holds; empty strings mean "all". `postkorb` is chosen in the navigation. */
export interface InboxFilters extends Record<string, string> {
  postkorb: string;
  type: string;
  status: string;
  assignee: 'me' | 'none' | 'any';
  olderThanDays: string;
  q: string;
  sort: InboxSort;
}

/** No filter, oldest first. */
export const DEFAULT_FILTERS: InboxFilters = {
  postkorb: '',
  type: '',
  status: '',
  assignee: 'any',
  olderThanDays: '',
  q: '',
  sort: 'oldest',
};

/** Field order of the filter form (error summary order). */
export const FILTER_FIELDS = ['type', 'status', 'assignee', 'olderThanDays', 'q', 'sort'] as const;

// Value lists mirror domain/work-item.ts and domain/staff.ts; they are repeated here because the
// domain modules import zod, which must stay out of the browser bundles.
const TYPES = ['tda', 'ade', 'mws_reply', 'oap'] as const satisfies readonly WorkItemType[];
const STATUSES = ['neu', 'in_bearbeitung', 'erledigt'] as const;
const ASSIGNEES = ['me', 'none', 'any'] as const;
const SORTS = ['oldest', 'newest', 'deadline'] as const;

/** Plain-language name of a work item type. */
export function typeLabel(type: string): string {
  switch (type) {
    case 'tda':
      return msg('Tag der Antragstellung', { id: 'inbox.type.tda' });
    case 'ade':
      return msg('Hauptantrag', { id: 'inbox.type.ade' });
    case 'mws_reply':
      return msg('Antwort auf Mitwirkung', { id: 'inbox.type.mws' });
    case 'oap':
      return msg('Arbeitsmarktprofil', { id: 'inbox.type.oap' });
    default:
      return type;
  }
}

/** Plain-language name of a work item status. */
export function statusLabel(status: string): string {
  switch (status) {
    case 'neu':
      return msg('Neu', { id: 'inbox.status.neu' });
    case 'in_bearbeitung':
      return msg('In Bearbeitung', { id: 'inbox.status.inBearbeitung' });
    case 'erledigt':
      return msg('Erledigt', { id: 'inbox.status.erledigt' });
    default:
      return status;
  }
}

/** Visible names of the sort orders. */
export function sortLabel(sort: InboxSort): string {
  switch (sort) {
    case 'newest':
      return msg('Neueste zuerst', { id: 'inbox.sort.newest' });
    case 'deadline':
      return msg('Früheste Frist zuerst', { id: 'inbox.sort.deadline' });
    default:
      return msg('Älteste zuerst', { id: 'inbox.sort.oldest' });
  }
}

/** Options of the filter controls. */
export function filterOptions() {
  const all = (label: string) => [{ value: '', label }];
  return {
    type: [
      ...all(msg('Alle Arten', { id: 'inbox.type.all' })),
      ...TYPES.map((t) => ({ value: t, label: typeLabel(t) })),
    ],
    status: [
      ...all(msg('Alle Status', { id: 'inbox.status.all' })),
      ...STATUSES.map((s) => ({ value: s, label: statusLabel(s) })),
    ],
    assignee: [
      { value: 'any', label: msg('Alle', { id: 'inbox.assignee.any' }) },
      { value: 'me', label: msg('Mir zugewiesen', { id: 'inbox.assignee.me' }) },
      { value: 'none', label: msg('Niemandem zugewiesen', { id: 'inbox.assignee.none' }) },
    ],
    sort: SORTS.map((s) => ({ value: s, label: sortLabel(s) })),
  };
}

/** Visible labels of the filter fields. */
export function filterLabels(): Record<string, string> {
  return {
    type: msg('Art', { id: 'inbox.filter.type' }),
    status: msg('Status', { id: 'inbox.filter.status' }),
    assignee: msg('Zuständig', { id: 'inbox.filter.assignee' }),
    olderThanDays: msg('Älter als (Tage)', { id: 'inbox.filter.older' }),
    q: msg('Name oder Antragsnummer', { id: 'inbox.filter.q' }),
    sort: msg('Sortierung', { id: 'inbox.filter.sort' }),
  };
}

/** Checks of the filter form. */
export function checkFilters(v: InboxFilters): ShownError[] {
  const days = v.olderThanDays.trim();
  if (days && (!/^\d{1,4}$/.test(days) || Number(days) > 3650))
    return [
      {
        field: 'olderThanDays',
        message: msg('Geben Sie die Tage als ganze Zahl von 0 bis 3650 ein, zum Beispiel 14', {
          id: 'inbox.err.older',
        }),
      },
    ];
  return [];
}

/** True when any filter other than Postkorb and sort is set. */
export function isFiltered(f: InboxFilters): boolean {
  return !!(f.type || f.status || f.assignee !== 'any' || f.olderThanDays || f.q);
}

/** The API request of the filters (without the cursor). */
export function toRequest(f: InboxFilters, limit: number): InboxRequest {
  return { ...f, olderThanDays: f.olderThanDays.trim(), q: f.q.trim(), limit };
}

/**
 * Keys kept in the page address with `sync-url`. The search text is left out on purpose: a name
 * would land in browser history, proxy logs and Referer headers (SEC-42).
 */
const URL_KEYS = ['postkorb', 'type', 'status', 'assignee', 'olderThanDays', 'sort'] as const;

const oneOf = <T extends string>(list: readonly T[], v: string | null, fallback: T): T =>
  list.includes(v as T) ? (v as T) : fallback;

/** Filters read from a query string; unknown values fall back to the defaults. */
export function fromSearch(search: string): InboxFilters {
  const p = new URLSearchParams(search);
  const days = p.get('olderThanDays') ?? '';
  return {
    ...DEFAULT_FILTERS,
    postkorb: (p.get('postkorb') ?? '').slice(0, 64),
    type: oneOf(TYPES, p.get('type'), '' as never),
    status: oneOf(STATUSES, p.get('status'), '' as never),
    assignee: oneOf(ASSIGNEES, p.get('assignee'), 'any'),
    olderThanDays: /^\d{1,4}$/.test(days) ? days : '',
    sort: oneOf(SORTS, p.get('sort'), 'oldest'),
  };
}

/** `href` with the filters in its query (defaults removed, other parameters kept). */
export function withFilters(href: string, f: InboxFilters): string {
  const url = new URL(href);
  for (const key of URL_KEYS) {
    const value = f[key].trim();
    if (value && value !== DEFAULT_FILTERS[key]) url.searchParams.set(key, value);
    else url.searchParams.delete(key);
  }
  return url.href;
}
