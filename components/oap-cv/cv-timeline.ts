/** The CV as a timeline: school, training and work, newest first, with gaps in the work history shown. */
import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { OAP_DEGREE_OPTIONS, OAP_SCHOOL_OPTIONS } from '../../domain/forms/oap-cv.js';
import type { Option } from '../../domain/forms/types.js';
import { activeLocale } from '../locales/localization.js';

type Values = Record<string, unknown>;

/** One entry of the timeline; `from`/`to` are YYYY-MM(-DD) or a year. */
export interface TimelineEntry {
  kind: 'school' | 'training' | 'work' | 'gap';
  from: string;
  to?: string;
  title: string;
  detail?: string;
}

const MIN_GAP_MONTHS = 3;
const text = (v: unknown) => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');
const label = (opts: readonly Option[], v: unknown) =>
  opts.find((o) => o.value === v)?.label[activeLocale()] ?? '';
const months = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7) || '1') - 1;
const ofMonths = (m: number) => `${String((m % 12) + 1).padStart(2, '0')}/${Math.floor(m / 12)}`;

/** "03/2019" or "2019". */
export const monthYear = (iso: string) => (iso.length >= 7 ? `${iso.slice(5, 7)}/${iso.slice(0, 4)}` : iso);

/** The entries of the CV answers, newest first; gaps of 3 months or more between jobs become entries. */
export function cvTimeline(a: Values, today: string): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  const school = label(OAP_SCHOOL_OPTIONS, a.schoolLevel);
  if (school)
    out.push({ kind: 'school', from: text(a.schoolYear), title: school, detail: text(a.schoolCountry) });
  if (a.hasTraining === true && Array.isArray(a.trainings))
    for (const t of a.trainings as Values[])
      if (text(t.occupation))
        out.push({
          kind: 'training',
          from: text(t.year),
          title: text(t.occupation),
          detail: label(OAP_DEGREE_OPTIONS, t.degree),
        });
  const jobs = (Array.isArray(a.workHistory) ? (a.workHistory as Values[]) : [])
    .filter((w) => /^\d{4}-\d{2}/.test(text(w.from)))
    .map((w) => ({
      kind: 'work' as const,
      from: text(w.from),
      to: text(w.to) || undefined,
      title: text(w.occupation),
      detail: text(w.employer),
    }))
    .sort((x, y) => x.from.localeCompare(y.from));
  let reached = -Infinity;
  for (const j of jobs) {
    const start = months(j.from);
    if (reached > -Infinity && start - reached >= MIN_GAP_MONTHS)
      out.push({
        kind: 'gap',
        from: `${ofMonths(reached)}`,
        to: ofMonths(start - 1),
        title: '',
        detail: String(start - reached),
      });
    reached = Math.max(reached, j.to ? months(j.to) + 1 : months(today) + 1);
    out.push(j);
  }
  const key = (e: TimelineEntry) =>
    e.kind === 'gap' ? `${e.from.slice(3)}-${e.from.slice(0, 2)}` : e.from || '0000';
  return out.sort((x, y) => key(y).localeCompare(key(x)));
}

function when(e: TimelineEntry): string {
  if (e.kind === 'gap') return `${e.from} – ${e.to}`;
  if (e.kind !== 'work') return e.from || msg('Jahr nicht angegeben', { id: 'oap.cv.noYear' });
  return `${monthYear(e.from)} – ${e.to ? monthYear(e.to) : msg('heute', { id: 'oap.cv.today' })}`;
}

function kindText(e: TimelineEntry): string {
  if (e.kind === 'school') return msg('Schule', { id: 'oap.cv.school' });
  if (e.kind === 'training') return msg('Ausbildung', { id: 'oap.cv.training' });
  return msg('Arbeit', { id: 'oap.cv.work' });
}

/** The timeline as an ordered list (newest first); gaps are said in words, not only by style. */
export function timelineView(a: Values, today: string) {
  const entries = cvTimeline(a, today);
  return html`<section part="timeline" aria-labelledby="cv-timeline">
    <h3 id="cv-timeline">${msg('Ihr Lebenslauf als Zeitleiste', { id: 'oap.cv.timeline' })}</h3>
    ${
      entries.length
        ? html`<ol class="timeline">
            ${entries.map((e) =>
              e.kind === 'gap'
                ? html`<li class="gap">
                    <span class="when">${when(e)}</span>
                    ${msg(str`Lücke von ${e.detail} Monaten`, { id: 'oap.cv.gap' })}
                  </li>`
                : html`<li>
                    <span class="when">${when(e)}</span>
                    <strong>${kindText(e)}: ${e.title}</strong>${e.detail ? html`, ${e.detail}` : nothing}
                  </li>`,
            )}
          </ol>`
        : html`<p>${msg('Noch keine Einträge.', { id: 'oap.cv.empty' })}</p>`
    }
  </section>`;
}
