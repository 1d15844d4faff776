/** The gate between a submitted ADE and the benefit system: released only once its Internetperson is decided. */
import type { AppDeps } from '../context.js';
import * as repo from './persons.repository.js';

/** The release step of the ADE jobs: releases the account's submitted applications if its Internetperson is decided. */
export async function releaseIfDecided(deps: AppDeps, accountId: string): Promise<void> {
  const link = await repo.findLink(deps.db.db, accountId);
  if (link?.person_id && link.state !== 'open') await repo.releaseApplications(deps.db.db, accountId, link.person_id, deps.clock.now().toISOString());
}
