/**
 * Outbox job of a submitted OAP version: route ONE work item of type `oap` per profile into the jobcenter's
 * Markt & Integration Postkorb (by the routing rules). While it is open a further submission adds nothing; a
 * submission after the takeover closed it reopens it. The title is the name only, never content (Art. 9 DSGVO).
 */
import type { AppDeps } from '../context.js';
import type { OutboxHandler } from '../outbox/outbox.js';
import { findTda } from '../tda/tda.repository.js';
import { routeWorkItem } from '../work-items/routing.service.js';
import { handOverCertificates, type OapCertificatesJob } from './oap.certificates.js';
import { findOapWorkItem, findProfile, listSubmissions, reopenWorkItem } from './oap.repository.js';
import { berlinDate } from '../../domain/dates.js';

/** The name for work item titles and the staff view: "Nachname, Vorname" from the TdA. */
export function applicantNameOf(tdaData: string): string {
  const d = JSON.parse(tdaData) as { firstName?: string; lastName?: string };
  return [d.lastName, d.firstName].filter(Boolean).join(', ');
}

/** The OAP job handlers, keyed by outbox kind; idempotent. */
export function oapJobs(deps: AppDeps): Record<string, OutboxHandler> {
  return {
    async 'oap.route'({ profileId }: { profileId: string }) {
      const db = deps.db.db;
      const profile = await findProfile(db, profileId);
      if (!profile) throw new Error(`OAP profile ${profileId} missing`);
      const pending = (await listSubmissions(db, profileId)).some((s) => s.taken_over_at === null);
      const item = await findOapWorkItem(db, profileId);
      if (item) {
        if (item.status === 'erledigt' && pending) await reopenWorkItem(db, item.id);
        return;
      }
      if (!pending) return;
      const tda = await findTda(db, profile.tda_id);
      if (!tda) throw new Error(`TdA of OAP profile ${profileId} missing`);
      const data = JSON.parse(tda.data) as { lastName: string; birthDate: string; postalCode: string; contactLanguage?: string };
      await routeWorkItem(
        deps,
        profile.jobcenter_id,
        { type: 'oap', surname: data.lastName, birthDate: data.birthDate, postalCode: data.postalCode, language: data.contactLanguage ?? 'de', applicationDate: berlinDate(new Date(tda.received_at)) },
        { refId: profileId, title: `Arbeitsmarktprofil – ${applicantNameOf(tda.data)}` },
      );
    },
    async 'oap.certificates'(job: OapCertificatesJob) {
      await handOverCertificates(deps, job);
    },
  };
}
