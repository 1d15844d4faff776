/** Demo IBD texts (domain.md §6): Musterstadt with a past and a future Erstantrag version, Hafenstadt's WBA. */
import type { IbdTextsTable } from './ibd.table.js';

const DAY = 86_400_000;

/** The demo rows; the future version takes effect 60 days after `now`, so the demo always has one ahead. */
export function demoIbd(now: Date): Omit<IbdTextsTable, 'created_at'>[] {
  const future = new Date(now.getTime() + 60 * DAY).toISOString().slice(0, 10);
  return [
    {
      id: 'ibd-musterstadt-erstantrag-1',
      jobcenter_id: 'musterstadt',
      type: 'erstantrag',
      version: 1,
      text: 'Erstanträge bearbeiten wir in der Regel innerhalb von {weeks} Wochen, sobald alle Unterlagen vorliegen. Fragen beantwortet das {jobcenter} unter {phone}.',
      text_en: 'We usually process first applications within {weeks} weeks once all documents are available. {jobcenter} answers questions at {phone}.',
      weeks: 3,
      effective_from: '2022-10-04',
      created_by: 'seed',
    },
    {
      id: 'ibd-musterstadt-erstantrag-2',
      jobcenter_id: 'musterstadt',
      type: 'erstantrag',
      version: 2,
      text: 'Erstanträge bearbeiten wir in der Regel innerhalb von {weeks} Wochen, sobald alle Unterlagen vorliegen. Fragen beantwortet das {jobcenter} unter {phone}.',
      text_en: 'We usually process first applications within {weeks} weeks once all documents are available. {jobcenter} answers questions at {phone}.',
      weeks: 2,
      effective_from: future,
      created_by: 'seed',
    },
    {
      id: 'ibd-hafenstadt-weiterbewilligung-1',
      jobcenter_id: 'hafenstadt',
      type: 'weiterbewilligung',
      version: 1,
      text: 'Weiterbewilligungsanträge bearbeiten wir in der Regel innerhalb von {weeks} Wochen. Stellen Sie den Antrag bitte rechtzeitig vor Ende Ihres Bewilligungszeitraums.',
      text_en: null,
      weeks: 4,
      effective_from: '2022-11-29',
      created_by: 'seed',
    },
  ];
}
