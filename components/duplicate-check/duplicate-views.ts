/** Templates of jc-duplicate-check: the list of Internetpersonen and the side-by-side comparison of a candidate. */
import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import type { Candidate, InternetPersonDetail, InternetPersonSummary, MatchReason, PersonData } from '../../domain/person.js';

/** German-style date (12.04.1988) of an ISO date or timestamp. */
export function day(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

/** A score as a whole percentage. */
export const percent = (score: number) => `${Math.round(score * 100)} %`;

/** The labels of the compared fields, in display order. */
export function fieldLabels(): [keyof PersonData, string][] {
  return [
    ['firstName', msg('Vorname', { id: 'dup.firstName' })],
    ['lastName', msg('Nachname', { id: 'dup.lastName' })],
    ['birthDate', msg('Geburtsdatum', { id: 'dup.birthDate' })],
    ['street', msg('Straße', { id: 'dup.street' })],
    ['postalCode', msg('Postleitzahl', { id: 'dup.postalCode' })],
    ['city', msg('Ort', { id: 'dup.city' })],
    ['rvNr', msg('Rentenversicherungsnummer', { id: 'dup.rvNr' })],
  ];
}

/** The words of a match reason. */
export function reasonText(r: MatchReason): string {
  const texts: Record<MatchReason, string> = {
    name_exact: msg('Name gleich (Schreibweise von Umlauten egal)', { id: 'dup.r.nameExact' }),
    name_similar: msg('Name ähnlich', { id: 'dup.r.nameSimilar' }),
    name_swapped: msg('Vor- und Nachname vertauscht', { id: 'dup.r.nameSwapped' }),
    birth_date_exact: msg('Geburtsdatum gleich', { id: 'dup.r.birthExact' }),
    birth_date_near: msg('Geburtsdatum fast gleich (Zahlendreher?)', { id: 'dup.r.birthNear' }),
    birth_date_differs: msg('Geburtsdatum abweichend', { id: 'dup.r.birthDiffers' }),
    postal_code: msg('Postleitzahl gleich', { id: 'dup.r.plz' }),
    street: msg('Straße gleich', { id: 'dup.r.street' }),
    rv_nr: msg('Rentenversicherungsnummer gleich', { id: 'dup.r.rv' }),
    rv_nr_differs: msg('Rentenversicherungsnummer abweichend', { id: 'dup.r.rvDiffers' }),
  };
  return texts[r];
}

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').replace(/ß/g, 'ss').replace(/\s+/g, '').toLowerCase();

function shown(key: keyof PersonData, value: string | null): string {
  if (!value) return '–';
  return key === 'birthDate' ? day(value) : value;
}

/** The Internetpersonen as a table; `open` shows one. */
export function listView(items: InternetPersonSummary[], open: (id: string) => void) {
  if (!items.length) return html`<p class="empty">${msg('Keine offenen Internetpersonen.', { id: 'dup.empty' })}</p>`;
  return html`<div class="table-wrap">
    <table part="list">
      <caption>${msg(str`${items.length} Internetpersonen warten auf die Prüfung`, { id: 'dup.caption' })}</caption>
      <thead>
        <tr>
          <th scope="col">${msg('Name', { id: 'dup.name' })}</th>
          <th scope="col">${msg('Geburtsdatum', { id: 'dup.birthDate' })}</th>
          <th scope="col">${msg('Eingang', { id: 'dup.received' })}</th>
          <th scope="col">${msg('Bester Treffer', { id: 'dup.best' })}</th>
        </tr>
      </thead>
      <tbody>
        ${items.map(
          (i) => html`<tr data-id=${i.id}>
            <th scope="row">
              <button class="link open" type="button" @click=${() => open(i.id)}>${i.data.lastName}, ${i.data.firstName}</button>
              <span class="secondary">${i.tdaNumber}</span>
            </th>
            <td>${day(i.data.birthDate)}</td>
            <td>${day(i.receivedAt)}</td>
            <td>${i.candidates ? html`${percent(i.bestScore)} <span class="secondary">(${msg(str`${i.candidates} Kandidaten`, { id: 'dup.candidates' })})</span>` : msg('keiner', { id: 'dup.none' })}</td>
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

/** One candidate next to the Internetperson: each differing field is marked in words and with a sign, not by colour only. */
export function candidateView(d: InternetPersonDetail, c: Candidate, n: number, merge: (c: Candidate) => void, busy: boolean) {
  const likely = c.score >= d.threshold;
  return html`<section part="candidate" class="candidate" aria-labelledby="cand-${n}">
    <h4 id="cand-${n}">
      ${msg(str`Kandidat ${n}: ${c.person.lastName}, ${c.person.firstName}`, { id: 'dup.candidate' })}
      <span class="score ${likely ? 'score--likely' : ''}">${msg(str`Übereinstimmung ${percent(c.score)}`, { id: 'dup.score' })}${likely ? html` – ${msg('wahrscheinlich dieselbe Person', { id: 'dup.likely' })}` : nothing}</span>
    </h4>
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">${msg('Angabe', { id: 'dup.field' })}</th>
            <th scope="col">${msg('Internetperson', { id: 'dup.internet' })}</th>
            <th scope="col">${msg(str`Person ${c.person.kundennummer}`, { id: 'dup.person' })}</th>
          </tr>
        </thead>
        <tbody>
          ${fieldLabels().map(([key, label]) => {
            const same = fold(d.data[key] ?? '') === fold(c.person[key] ?? '');
            return html`<tr class=${same ? 'same' : 'differs'}>
              <th scope="row">${label}</th>
              <td>${shown(key, d.data[key])}</td>
              <td>
                ${same ? shown(key, c.person[key]) : html`<strong class="diff">${shown(key, c.person[key])}</strong>`}
                <span class="mark">${same ? msg('= gleich', { id: 'dup.same' }) : msg('≠ abweichend', { id: 'dup.differs' })}</span>
              </td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>
    <p>${msg('Gründe:', { id: 'dup.reasons' })} ${c.reasons.map(reasonText).join('; ')}</p>
    ${d.state === 'open'
      ? html`<button part="merge" class="button button--secondary" type="button" aria-disabled=${busy ? 'true' : 'false'} @click=${() => merge(c)}>
          ${msg('Mit dieser Person zusammenführen', { id: 'dup.merge' })}
        </button>`
      : nothing}
  </section>`;
}
