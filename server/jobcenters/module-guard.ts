/** The one server-side gate of every module API: switched off or before go-live → 403 `module-unavailable`. */
import type { ModuleKey } from '../../domain/jobcenter.js';
import type { AppDeps } from '../context.js';
import { problem } from '../http/problem.js';
import { findJobcenter } from './jobcenters.repository.js';
import { jobcenterView } from './jobcenters.service.js';
import type { JobcentersTable } from './jobcenters.table.js';

/** German names of the modules for the problem's detail. */
const SERVICE_NAMES: Record<ModuleKey, string> = {
  tda: 'den Antrag',
  ade: 'den Hauptantrag',
  ibd: 'die Information zur Bearbeitungsdauer',
  mws: 'die Mitwirkung',
  oap: 'das Arbeitsmarktprofil',
};

/**
 * The jobcenter row when `module` is available there now; otherwise throws 403 `module-unavailable` with the
 * fallback (contact, paper form, go-live date) the widget shows instead. A missing jobcenter throws 404.
 */
export async function requireModule(deps: AppDeps, jobcenter: string | JobcentersTable, module: ModuleKey): Promise<JobcentersTable> {
  const row = typeof jobcenter === 'string' ? await findJobcenter(deps.db.db, jobcenter) : jobcenter;
  if (!row) throw problem('not-found');
  const view = jobcenterView(row, deps.clock.now());
  if (view.modules[module]) return row;
  throw problem('module-unavailable', {
    detail: `${row.name} bietet ${SERVICE_NAMES[module]} online ${view.live ? 'nicht' : 'noch nicht'} an.`,
    extensions: { module, jobcenterId: row.id, live: view.live, goLive: view.goLive, fallback: view.contact },
  });
}
