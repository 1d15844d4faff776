/** The public view of a jobcenter: live state and available modules decided here, never by the page. */
import { berlinDate } from '../../domain/dates.js';
import { MODULES, type JobcenterView, type ModuleKey } from '../../domain/jobcenter.js';
import type { JobcentersTable } from './jobcenters.table.js';

/** True when the go-live date is reached (a gE with no date is not live; a zkT is never on the platform). */
export function isLive(row: JobcentersTable, today: string): boolean {
  return row.kind === 'ge' && row.go_live !== null && row.go_live <= today;
}

/** Maps a row to the public view, with modules available only when switched on and live. */
export function jobcenterView(row: JobcentersTable, now: Date): JobcenterView {
  const live = isLive(row, berlinDate(now));
  const switched = JSON.parse(row.modules) as Partial<Record<ModuleKey, boolean>>;
  const modules = Object.fromEntries(MODULES.map((m) => [m, live && switched[m] === true])) as Record<ModuleKey, boolean>;
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as 'ge' | 'zkt',
    wave: row.wave as JobcenterView['wave'],
    goLive: row.go_live,
    live,
    modules,
    theme: row.theme,
    contact: JSON.parse(row.contact),
  };
}
