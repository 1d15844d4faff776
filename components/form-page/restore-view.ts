/** The offer to restore unsent changes kept on this device (REL-01): jc-ade-flow and the OAP eServices. */
import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import type { CachedDraft } from '../controllers/draft-cache.js';
import { addEnglish, activeLocale, intlLocale } from '../locales/localization.js';

addEnglish(() => import('../locales/en-restore.js'));

/** Unsent changes found on this device: restore or discard (never chosen silently). */
export function restoreView(
  cached: CachedDraft,
  newer: boolean,
  onRestore: () => void,
  onDiscard: () => void,
) {
  const when = new Intl.DateTimeFormat(intlLocale(activeLocale()), {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(cached.changedAt));
  return html`<div part="restore" class="panel">
    <h2 tabindex="-1" data-autofocus>
      ${msg('Nicht gespeicherte Änderungen gefunden', { id: 'restore.heading' })}
    </h2>
    <p>
      ${msg(
        str`Auf diesem Gerät gibt es Änderungen vom ${when}, die noch nicht beim Jobcenter gespeichert sind.`,
        {
          id: 'restore.text',
        },
      )}
      ${
        newer
          ? msg(
              'Achtung: Auf dem Server gibt es inzwischen eine neuere Fassung. Wenn Sie die Änderungen übernehmen, ersetzen sie diese.',
              {
                id: 'restore.newer',
              },
            )
          : nothing
      }
    </p>
    <div class="actions">
      <button type="button" part="button" class="button" @click=${newer ? onDiscard : onRestore}>
        ${newer ? msg('Fassung vom Server nehmen', { id: 'restore.server' }) : msg('Änderungen übernehmen', { id: 'restore.apply' })}
      </button>
      <button
        type="button"
        part="button-secondary"
        class="button button--secondary"
        @click=${newer ? onRestore : onDiscard}
      >
        ${newer ? msg('Änderungen von diesem Gerät übernehmen', { id: 'restore.local' }) : msg('Verwerfen', { id: 'restore.discard' })}
      </button>
    </div>
  </div>`;
}
