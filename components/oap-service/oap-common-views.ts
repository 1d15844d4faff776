/** Small templates shared by the OAP elements (applicant and staff): day, heading, notice panel. */
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { addEnglish, activeLocale, intlLocale } from '../locales/localization.js';

addEnglish(() => import('../locales/en-oap.js'));

/** "12. März 2026" (Berlin time) in the UI language. */
export function oapDay(iso: string): string {
  return new Intl.DateTimeFormat(intlLocale(activeLocale()), {
    dateStyle: 'long',
    timeZone: 'Europe/Berlin',
  }).format(new Date(iso));
}

/** The h2 of a state; takes focus when the state changes. */
export function oapHeading(text: string): TemplateResult {
  return html`<h2 part="heading" tabindex="-1" data-autofocus>${text}</h2>`;
}

/** A state with a heading, a text and an optional retry. */
export function noticeView(title: string, text: string, onRetry?: () => void) {
  return html`<div part="panel" class=${onRetry ? 'panel panel--error' : 'panel'}>
    ${oapHeading(title)}
    <p part="empty">${text}</p>
    ${
      onRetry
        ? html`<button
            part="button-secondary"
            class="button button--secondary"
            type="button"
            @click=${onRetry}
          >
            ${msg('Erneut versuchen', { id: 'app.retry' })}
          </button>`
        : nothing
    }
  </div>`;
}
