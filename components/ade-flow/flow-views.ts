/** Templates of jc-ade-flow around the page: progress overview, save status, conflict, Anlagen list. */
import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import type { AnlageInstance } from '../../domain/forms/engine.js';
import type { SaveStatus } from '../controllers/autosave.js';
import { addEnglish, activeLocale, intlLocale } from '../locales/localization.js';
import type { Group, GroupState } from '../controllers/flow-steps.js';

addEnglish(() => import('../locales/en-ade.js'));

/** "14:03" in the UI language. */
export const clock = (d: Date): string =>
  new Intl.DateTimeFormat(intlLocale(activeLocale()), { hour: '2-digit', minute: '2-digit' }).format(d);

function stateText(s: GroupState): string {
  if (s === 'done') return msg('erledigt', { id: 'progress.done' });
  if (s === 'error') return msg('Angaben fehlen oder sind fehlerhaft', { id: 'progress.error' });
  return msg('offen', { id: 'progress.open' });
}

/** What the progress overview needs. */
export interface ProgressModel {
  groups: { group: Group; state: GroupState }[];
  current: string;
  onJump(groupId: string): void;
}

/** The progress overview: a nav landmark with every section and Anlage; done or faulty ones are links. */
export function progressView(m: ProgressModel) {
  const done = m.groups.filter((g) => g.state === 'done').length;
  return html`<nav part="progress" class="progress" aria-labelledby="progress-heading">
    <details>
      <summary id="progress-heading">
        ${msg(str`Ihr Fortschritt: ${done} von ${m.groups.length} Teilen erledigt`, { id: 'progress.summary' })}
      </summary>
      <ol class="steps">
        ${m.groups.map(({ group, state }) => {
          const current = group.id === m.current;
          const label = html`<span class="step-title">${group.title}</span>
            <span class="step-state step-state--${state}">${stateText(state)}</span>`;
          return html`<li aria-current=${current ? 'step' : nothing} class=${current ? 'current' : ''}>
            ${
              state !== 'open' && !current
                ? html`<button type="button" class="link" @click=${() => m.onJump(group.id)}>
                    ${label}
                  </button>`
                : label
            }
          </li>`;
        })}
      </ol>
    </details>
  </nav>`;
}

/** The quiet save status (visible) and a polite live region that speaks only when it matters. */
export function saveStatusView(status: SaveStatus, savedAt: Date | undefined, spoken: string) {
  const text =
    status === 'saving'
      ? msg('Wird gespeichert …', { id: 'save.saving' })
      : status === 'saved' && savedAt
        ? msg(str`Gespeichert um ${clock(savedAt)}`, { id: 'save.saved' })
        : status === 'offline'
          ? msg('Nicht gespeichert – keine Verbindung. Wir versuchen es weiter.', { id: 'save.offline' })
          : status === 'error'
            ? msg('Nicht gespeichert – wir versuchen es gleich noch einmal.', { id: 'save.error' })
            : status === 'conflict'
              ? msg('Nicht gespeichert – es gibt eine neuere Fassung.', { id: 'save.conflict' })
              : '';
  return html`<p part="save-status" class="save-status save-status--${status}">${text}</p>
    <p class="visually-hidden" role="status">${spoken}</p>`;
}

/** The 412 choice: load the newer version or keep mine. */
export function conflictView(updatedAt: string | undefined, onTheirs: () => void, onMine: () => void) {
  const when = updatedAt ? clock(new Date(updatedAt)) : '';
  return html`<div part="conflict" class="panel panel--error" role="alert">
    <h2 class="h3">
      ${msg('Der Antrag wurde in einem anderen Fenster geändert', { id: 'conflict.heading' })}
    </h2>
    <p>
      ${when ? msg(str`Dort wurde er um ${when} gespeichert.`, { id: 'conflict.when' }) : nothing}
      ${msg(
        'Ihre letzten Änderungen hier sind noch nicht gespeichert. Wählen Sie, welche Fassung gelten soll.',
        {
          id: 'conflict.text',
        },
      )}
    </p>
    <div class="actions">
      <button type="button" part="button" class="button" @click=${onTheirs}>
        ${msg('Neuere Fassung laden', { id: 'conflict.theirs' })}
      </button>
      <button type="button" part="button-secondary" class="button button--secondary" @click=${onMine}>
        ${msg('Meine Fassung behalten', { id: 'conflict.mine' })}
      </button>
    </div>
  </div>`;
}

/** Section H: the Anlagen the answers call for. */
export function anlagenList(anlagen: readonly AnlageInstance[]) {
  return html`<ul class="anlagen">
    ${anlagen.map((a) => html`<li>${a.title}</li>`)}
  </ul>`;
}
