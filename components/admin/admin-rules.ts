/** Templates of jc-admin's Postkörbe and rule editor (ordered list, move by buttons, condition form), and problem texts. */
import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import type { PostkorbConfig, RuleConfig, RuleSetProblem } from '../../domain/admin-config.js';
import type { RuleCondition } from '../../domain/routing.js';

/** What the templates need from the element. */
export interface RulesHost {
  pks: PostkorbConfig[];
  rules: RuleConfig[];
  editing: number | null;
  draft: RuleConfig;
  setPks(pks: PostkorbConfig[]): void;
  move(i: number, by: -1 | 1): void;
  edit(i: number | null): void;
  removeRule(i: number): void;
  applyDraft(form: HTMLFormElement): void;
  saveRules(): void;
}

const TYPES = ['tda', 'ade', 'mws_reply', 'oap'] as const;
const list = (v?: readonly string[]) => (v ?? []).join(', ');
const split = (v: FormDataEntryValue | null) => String(v ?? '').split(/[\s,;]+/).filter(Boolean);

/** Readable text of one rule-set problem. */
export function problemText(p: RuleSetProblem): string {
  const r = p.ruleId ?? '';
  const k = p.postkorbId ?? '';
  switch (p.code) {
    case 'no-default': return msg('Es fehlt ein Standard-Postkorb.', { id: 'admin.p.noDefault' });
    case 'several-defaults': return msg('Nur ein Postkorb darf Standard sein.', { id: 'admin.p.severalDefaults' });
    case 'unknown-postkorb': return msg(str`Regel ${r} zeigt auf den unbekannten Postkorb ${k}.`, { id: 'admin.p.unknownPostkorb' });
    case 'unreachable': return msg(str`Regel ${r} wird nie erreicht: Regel ${p.shadowedBy ?? ''} davor fängt alles ab.`, { id: 'admin.p.unreachable' });
    case 'duplicate-rule-id': return msg(str`Die Regel-Kennung ${r} kommt doppelt vor.`, { id: 'admin.p.duplicateRule' });
    case 'duplicate-postkorb-id': return msg(str`Die Postkorb-Kennung ${k} kommt doppelt vor.`, { id: 'admin.p.duplicatePostkorb' });
    case 'surname-range': return msg(str`Regel ${r}: Der Anfangsbuchstabe „von“ liegt nach „bis“.`, { id: 'admin.p.surnameRange' });
    case 'age-range': return msg(str`Regel ${r}: „ab Alter“ muss kleiner als „unter Alter“ sein.`, { id: 'admin.p.ageRange' });
    case 'postkorb-in-use': return msg(str`Postkorb ${k} enthält noch Vorgänge und kann nicht entfernt werden.`, { id: 'admin.p.inUse' });
    case 'id-taken': return msg(str`Die Kennung ${r || k} gehört schon einem anderen Jobcenter.`, { id: 'admin.p.idTaken' });
    default: return msg('Die Konfiguration gehört zu einem anderen Jobcenter.', { id: 'admin.p.mismatch' });
  }
}

/** A short summary of a condition. */
export function conditionText(c: RuleCondition): string {
  const parts: string[] = [];
  if (c.types) parts.push(list(c.types));
  if (c.surnameFrom || c.surnameTo) parts.push(`${msg('Nachname', { id: 'admin.f.surname' })} ${c.surnameFrom ?? 'A'}–${c.surnameTo ?? 'Z'}`);
  if (c.ageFrom !== undefined) parts.push(`${msg('ab Alter', { id: 'admin.f.ageFrom' })} ${c.ageFrom}`);
  if (c.ageUnder !== undefined) parts.push(`${msg('unter Alter', { id: 'admin.f.ageUnder' })} ${c.ageUnder}`);
  if (c.plzPrefixes) parts.push(`PLZ ${list(c.plzPrefixes)}`);
  if (c.languages) parts.push(`${msg('Sprache', { id: 'admin.f.language' })} ${list(c.languages)}`);
  if (c.anlagen) parts.push(`${msg('Anlage', { id: 'admin.f.anlage' })} ${list(c.anlagen)}`);
  return parts.join(' · ') || msg('alle Vorgänge', { id: 'admin.f.all' });
}

/** The condition a submitted rule form describes (empty fields are left out). */
export function conditionOf(f: FormData): RuleCondition {
  const c: RuleCondition = {};
  const types = f.getAll('types').map(String) as RuleCondition['types'];
  if (types?.length) c.types = types;
  const letter = (k: string) => String(f.get(k) ?? '').trim().toUpperCase();
  const num = (k: string) => (String(f.get(k) ?? '').trim() === '' ? undefined : Number(f.get(k)));
  if (letter('surnameFrom')) c.surnameFrom = letter('surnameFrom');
  if (letter('surnameTo')) c.surnameTo = letter('surnameTo');
  if (num('ageFrom') !== undefined) c.ageFrom = num('ageFrom');
  if (num('ageUnder') !== undefined) c.ageUnder = num('ageUnder');
  for (const k of ['plzPrefixes', 'languages', 'anlagen'] as const) {
    const v = split(f.get(k)).map((x) => (k === 'anlagen' ? x.toUpperCase() : k === 'languages' ? x.toLowerCase() : x));
    if (v.length) c[k] = v;
  }
  return c;
}

/** The Postkörbe section: name, default (radio), remove; a row to add one. */
export function postkoerbeView(h: RulesHost) {
  const set = (i: number, p: Partial<PostkorbConfig>) => h.setPks(h.pks.map((x, j) => (j === i ? { ...x, ...p } : p.isDefault ? { ...x, isDefault: false } : x)));
  const add = (e: Event) => {
    e.preventDefault();
    const f = new FormData(e.target as HTMLFormElement);
    h.setPks([...h.pks, { id: String(f.get('id')).trim(), name: String(f.get('name')).trim(), isDefault: false }]);
    (e.target as HTMLFormElement).reset();
  };
  return html`<h3>${msg('Postkörbe', { id: 'admin.tab.postkoerbe' })}</h3>
    <ul class="plain">
      ${h.pks.map(
        (p, i) => html`<li class="row" data-id=${p.id}>
          <label>${msg('Name', { id: 'admin.f.name' })} (${p.id})
            <input class="input" .value=${p.name} @change=${(e: Event) => set(i, { name: (e.target as HTMLInputElement).value })} /></label>
          <label><input type="radio" name="default" .checked=${p.isDefault} @change=${() => set(i, { isDefault: true })} />
            ${msg('Standard', { id: 'admin.f.default' })}</label>
          <button type="button" class="button button--secondary button--small" @click=${() => h.setPks(h.pks.filter((_, j) => j !== i))}>
            ${msg('Entfernen', { id: 'admin.remove' })}<span class="vh"> ${p.name}</span></button>
        </li>`,
      )}
    </ul>
    <form class="row" @submit=${add}>
      <label>${msg('Kennung', { id: 'admin.f.id' })} <input class="input" name="id" required pattern="[a-z0-9][a-z0-9\\-]*" /></label>
      <label>${msg('Name', { id: 'admin.f.name' })} <input class="input" name="name" required /></label>
      <button class="button button--secondary button--small">${msg('Postkorb hinzufügen', { id: 'admin.pk.add' })}</button>
    </form>
    <button type="button" class="button" @click=${() => h.saveRules()}>${msg('Postkörbe und Regeln speichern', { id: 'admin.save.rules' })}</button>`;
}

/** The rule editor form for `h.draft`. */
function ruleForm(h: RulesHost) {
  const d = h.draft;
  const c = d.condition;
  return html`<form class="rule-form" @submit=${(e: Event) => (e.preventDefault(), h.applyDraft(e.target as HTMLFormElement))}>
    <fieldset>
      <legend>${h.editing === -1 ? msg('Neue Regel', { id: 'admin.rule.new' }) : msg(str`Regel ${d.name} bearbeiten`, { id: 'admin.rule.edit' })}</legend>
      <label>${msg('Kennung', { id: 'admin.f.id' })} <input class="input" name="id" required .value=${d.id} ?readonly=${h.editing !== -1} /></label>
      <label>${msg('Name', { id: 'admin.f.name' })} <input class="input" name="name" required .value=${d.name} /></label>
      <fieldset class="inline"><legend>${msg('Vorgangsarten', { id: 'admin.f.types' })}</legend>
        ${TYPES.map((t) => html`<label><input type="checkbox" name="types" value=${t} .checked=${!!c.types?.includes(t)} /> ${t}</label>`)}
      </fieldset>
      <label>${msg('Nachname von (Buchstabe)', { id: 'admin.f.surnameFrom' })} <input class="input short" name="surnameFrom" maxlength="1" .value=${c.surnameFrom ?? ''} /></label>
      <label>${msg('Nachname bis (Buchstabe)', { id: 'admin.f.surnameTo' })} <input class="input short" name="surnameTo" maxlength="1" .value=${c.surnameTo ?? ''} /></label>
      <label>${msg('ab Alter', { id: 'admin.f.ageFrom' })} <input class="input short" name="ageFrom" type="number" min="0" max="130" .value=${String(c.ageFrom ?? '')} /></label>
      <label>${msg('unter Alter', { id: 'admin.f.ageUnder' })} <input class="input short" name="ageUnder" type="number" min="1" max="130" .value=${String(c.ageUnder ?? '')} /></label>
      <label>${msg('PLZ-Anfänge (mit Komma)', { id: 'admin.f.plz' })} <input class="input" name="plzPrefixes" .value=${list(c.plzPrefixes)} /></label>
      <label>${msg('Sprachen, z. B. ar, uk', { id: 'admin.f.languages' })} <input class="input" name="languages" .value=${list(c.languages)} /></label>
      <label>${msg('Anlagen, z. B. KDU, EKS', { id: 'admin.f.anlagen' })} <input class="input" name="anlagen" .value=${list(c.anlagen)} /></label>
      <label>${msg('Postkorb', { id: 'admin.f.postkorb' })}
        <select class="input" name="postkorbId">${h.pks.map((p) => html`<option value=${p.id} ?selected=${p.id === d.postkorbId}>${p.name}</option>`)}</select></label>
      <div class="actions">
        <button class="button button--small">${msg('Übernehmen', { id: 'admin.rule.apply' })}</button>
        <button type="button" class="button button--secondary button--small" @click=${() => h.edit(null)}>${msg('Abbrechen', { id: 'admin.cancel' })}</button>
      </div>
    </fieldset>
  </form>`;
}

/** The ordered rule list: first matching rule wins; move up/down, edit, remove by buttons. */
export function rulesView(h: RulesHost) {
  const pkName = (id: string) => h.pks.find((p) => p.id === id)?.name ?? id;
  return html`<h3>${msg('Regeln', { id: 'admin.tab.rules' })}</h3>
    <p class="secondary">${msg('Die erste passende Regel entscheidet; passt keine, kommt der Vorgang in den Standard-Postkorb.', { id: 'admin.rules.hint' })}</p>
    <ol class="rules">
      ${h.rules.map(
        (r, i) => html`<li class="rule" data-id=${r.id}>
          <span class="rule-name">${r.name}</span>
          <span class="secondary">${conditionText(r.condition)} → ${pkName(r.postkorbId)}</span>
          <span class="actions">
            <button type="button" class="button button--secondary button--small" data-move="up" aria-disabled=${i === 0 ? 'true' : 'false'} @click=${() => h.move(i, -1)}>
              ${msg('Nach oben', { id: 'admin.up' })}<span class="vh"> ${r.name}</span></button>
            <button type="button" class="button button--secondary button--small" data-move="down" aria-disabled=${i === h.rules.length - 1 ? 'true' : 'false'} @click=${() => h.move(i, 1)}>
              ${msg('Nach unten', { id: 'admin.down' })}<span class="vh"> ${r.name}</span></button>
            <button type="button" class="button button--secondary button--small" @click=${() => h.edit(i)}>${msg('Bearbeiten', { id: 'admin.edit' })}<span class="vh"> ${r.name}</span></button>
            <button type="button" class="button button--secondary button--small" @click=${() => h.removeRule(i)}>${msg('Entfernen', { id: 'admin.remove' })}<span class="vh"> ${r.name}</span></button>
          </span>
          ${h.editing === i ? ruleForm(h) : nothing}
        </li>`,
      )}
    </ol>
    ${h.editing === -1 ? ruleForm(h) : html`<button type="button" class="button button--secondary" @click=${() => h.edit(-1)}>${msg('Regel hinzufügen', { id: 'admin.rule.add' })}</button>`}
    <button type="button" class="button" @click=${() => h.saveRules()}>${msg('Regelwerk speichern', { id: 'admin.save.ruleset' })}</button>`;
}
