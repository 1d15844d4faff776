/** Templates of jc-application's states before the form: loading, errors, signed out, level, fallback. */
import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import type { JobcenterView } from '../../domain/jobcenter.js';
import { formatDay } from './receipt-view.js';
import { safeUrl } from '../base/safe-url.js';

function heading(text: string) {
  return html`<h2 part="heading" tabindex="-1" data-autofocus>${text}</h2>`;
}

/** While session and jobcenter load. */
export function loadingView() {
  return html`<p>${msg('Wird geladen …', { id: 'common.loading' })}</p>`;
}

/** Loading failed (server unreachable or widget misconfigured). */
export function loadErrorView(message: string, onRetry: () => void) {
  return html`<div part="panel" class="panel panel--error">
    ${heading(msg('Der Online-Antrag kann gerade nicht geladen werden', { id: 'app.loadError.heading' }))}
    <p>${message}</p>
    <button part="button-secondary" class="button button--secondary" type="button" @click=${onRetry}>
      ${msg('Erneut versuchen', { id: 'app.retry' })}
    </button>
  </div>`;
}

/** Contact data of a jobcenter (for fallbacks). */
export function contactList(j: JobcenterView) {
  const c = j.contact;
  return html`<dl part="contact" class="details">
    ${
      c.phone
        ? html`<dt>${msg('Telefon', { id: 'contact.phone' })}</dt>
            <dd><a href="tel:${c.phone.replace(/[^\d+]/g, '')}">${c.phone}</a></dd>`
        : nothing
    }
    ${
      c.email
        ? html`<dt>${msg('E-Mail', { id: 'contact.email' })}</dt>
            <dd><a href="mailto:${c.email}">${c.email}</a></dd>`
        : nothing
    }
    ${
      c.address
        ? html`<dt>${msg('Anschrift', { id: 'contact.address' })}</dt>
            <dd>${c.address}</dd>`
        : nothing
    }
    ${
      c.openingHours
        ? html`<dt>${msg('Öffnungszeiten', { id: 'contact.hours' })}</dt>
            <dd>${c.openingHours}</dd>`
        : nothing
    }
    ${
      safeUrl(c.url)
        ? html`<dt>${msg('Internet', { id: 'contact.url' })}</dt>
            <dd><a href=${safeUrl(c.url)!} rel="noopener">${c.url}</a></dd>`
        : nothing
    }
  </dl>`;
}

/** The online TdA is not available at this jobcenter: how to apply anyway. */
export function unavailableView(j: JobcenterView) {
  const reason =
    j.kind === 'zkt'
      ? msg(
          'Dieses Jobcenter wird von der Kommune allein geführt und nimmt an diesem Online-Angebot nicht teil.',
          {
            id: 'app.unavailable.zkt',
          },
        )
      : !j.live && j.goLive
        ? msg(str`Bei diesem Jobcenter gibt es den Online-Antrag ab dem ${formatDay(j.goLive)}.`, {
            id: 'app.unavailable.goLive',
          })
        : msg('Bei diesem Jobcenter können Sie den Antrag noch nicht online stellen.', {
            id: 'app.unavailable.off',
          });
  return html`<section part="fallback">
    ${heading(msg('So stellen Sie Ihren Antrag', { id: 'app.unavailable.heading' }))}
    <p>${reason}</p>
    <p>
      ${msg(
        'Sie können Ihren Antrag trotzdem heute stellen: formlos per Telefon, E-Mail, Brief oder persönlich. Es zählt der Tag, an dem er beim Jobcenter eingeht.',
        {
          id: 'app.unavailable.formless',
        },
      )}
    </p>
    <h3>${j.name}</h3>
    ${contactList(j)}
    ${
      safeUrl(j.contact.paperFormUrl)
        ? html`<p>
            <a href=${safeUrl(j.contact.paperFormUrl)!}
              >${msg('Antrag zum Ausdrucken (PDF)', { id: 'app.unavailable.paper' })}</a
            >
          </p>`
        : nothing
    }
  </section>`;
}

/** Not signed in: explain and offer the sign-in (slot `sign-in`, else a link). */
export function signedOutView(signInUrl: string | undefined, j: JobcenterView | undefined) {
  return html`${heading(msg('Antrag auf Bürgergeld stellen', { id: 'tda.heading' }))}
    <p>
      ${msg(
        'Um den Antrag online zu stellen, melden Sie sich mit Ihrem Konto an. Wenn Sie noch kein Konto haben, erstellen Sie eins – das dauert nur wenige Minuten.',
        {
          id: 'app.signedOut.text',
        },
      )}
    </p>
    <slot name="sign-in">
      ${
        safeUrl(signInUrl)
          ? html`<p>
              <a part="button" class="button" href=${safeUrl(signInUrl)!}
                >${msg('Anmelden oder Konto erstellen', { id: 'app.signedOut.link' })}</a
              >
            </p>`
          : nothing
      }
    </slot>
    ${
      j?.contact.phone
        ? html`<p class="secondary">
            ${msg(
              str`Ohne Konto stellen Sie den Antrag formlos, zum Beispiel telefonisch unter ${j.contact.phone}.`,
              {
                id: 'app.signedOut.phone',
              },
            )}
          </p>`
        : nothing
    }`;
}

/** Signed in below level 1: the e-mail address must be confirmed first. */
export function levelView(
  email: string | undefined,
  notice: string,
  onResend: () => void,
  onCheck: () => void,
) {
  return html`${heading(msg('Bestätigen Sie zuerst Ihre E-Mail-Adresse', { id: 'app.level.heading' }))}
    <p>
      ${msg('Für den Antrag muss Ihre E-Mail-Adresse bestätigt sein (Sicherheitsstufe 1).', { id: 'app.level.why' })}
      ${
        email
          ? msg(str`Öffnen Sie den Link in der E-Mail, die wir an ${email} geschickt haben.`, {
              id: 'app.level.open',
            })
          : nothing
      }
    </p>
    <div class="actions">
      <button part="button" class="button" type="button" @click=${onCheck}>
        ${msg('Ich habe bestätigt – weiter', { id: 'app.level.check' })}
      </button>
      <button part="button-secondary" class="button button--secondary" type="button" @click=${onResend}>
        ${msg('Bestätigungslink erneut senden', { id: 'reg.resend.heading' })}
      </button>
    </div>
    <p part="notice" class="status" role="status">${notice}</p>`;
}
