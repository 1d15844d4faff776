/** The three OAP eServices of /arbeitsmarktprofil.html as an applicant fills them: roles, labels, keyboard. */
import type { Locator, Page } from 'playwright-core';
import { until, waitForFocus } from './browser.js';

/** The three elements of the demo page. */
export const OAP_TAGS = ['jc-oap-situation', 'jc-oap-cv', 'jc-oap-conditions'] as const;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Waits until the eService `widget` shows the page titled `title` (heading: caption + title). */
export async function onPage(widget: Locator, title: string): Promise<Locator> {
  const heading = widget.getByRole('heading', { level: 2, name: new RegExp(`(^|\\s)${escape(title)}$`) });
  await heading.waitFor();
  return widget;
}

/** Like onPage, and also waits for the focus on the title (as after every navigation). */
export async function onPageFocused(widget: Locator, title: string): Promise<Locator> {
  const heading = widget.getByRole('heading', { level: 2, name: new RegExp(`(^|\\s)${escape(title)}$`) });
  await heading.waitFor();
  await waitForFocus(heading, `the page title "${title}"`);
  return widget;
}

/** "Weiter" on the current page. */
export async function next(widget: Locator): Promise<void> {
  await widget.getByRole('button', { name: 'Weiter', exact: true }).click();
}

/** The radio/checkbox group of a question (its legend). */
export function group(scope: Locator, label: string): Locator {
  return scope.getByRole('group', { name: label, exact: true });
}

/** Picks a radio option of a choice question. */
export async function choose(scope: Locator, label: string, option: string): Promise<void> {
  const radio = group(scope, label).getByRole('radio', { name: option, exact: true });
  await radio.check();
  await until(() => radio.isChecked(), `"${option}" chosen for "${label}"`, 5_000);
}

/** Answers a yes/no question. */
export const yesNo = (scope: Locator, label: string, yes: boolean) => choose(scope, label, yes ? 'Ja' : 'Nein');

/** Ticks a checkbox of a multiple-choice question with the keyboard (Space). */
export async function tick(scope: Locator, label: string, option: string): Promise<void> {
  const box = group(scope, label).getByRole('checkbox', { name: option, exact: true });
  await box.focus();
  await box.press('Space');
  await until(() => box.isChecked(), `"${option}" ticked for "${label}"`, 5_000);
}

/** Types into a text field and leaves it. */
export async function type(scope: Locator, label: string, value: string): Promise<void> {
  const field = scope.getByRole('textbox', { name: label, exact: true });
  await field.fill(value);
  await field.blur();
}

/** Fills a day/month/year date group with an ISO date. */
export async function date(scope: Locator, label: string, iso: string): Promise<void> {
  const [y, m, d] = iso.split('-');
  const g = group(scope, label);
  await g.getByLabel('Tag', { exact: true }).fill(String(Number(d)));
  await g.getByLabel('Monat', { exact: true }).fill(String(Number(m)));
  await g.getByLabel('Jahr', { exact: true }).fill(y);
}

/** Picks an option of a long choice (a select) by its visible text. */
export async function select(scope: Locator, label: string, option: string): Promise<void> {
  const box = scope.getByRole('combobox', { name: label, exact: true });
  await box.selectOption({ label: option });
  await until(
    async () => (await box.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.text.trim())) === option,
    `"${option}" selected for "${label}"`,
    5_000,
  );
}

/** On the check page: "Angaben einreichen", then the status line "Fassung 1 eingereicht am …". */
export async function submit(widget: Locator): Promise<void> {
  await widget.getByRole('heading', { level: 2, name: /Prüfen Sie Ihre Angaben$/ }).waitFor();
  await widget.getByRole('button', { name: 'Angaben einreichen', exact: true }).click();
  await widget.locator('[part="status"]').filter({ hasText: /Fassung 1 eingereicht am/ }).waitFor();
}

/** "Aktuelle Situation": unemployed since 1 June 2025, can start 1 December 2026, no care duties. */
export async function fillSituation(page: Page): Promise<void> {
  const w = page.locator('jc-oap-situation');
  await onPage(w, 'Was machen Sie jetzt?');
  await select(w, 'Was trifft jetzt auf Sie zu?', 'Ich bin arbeitslos');
  await date(w, 'Seit wann sind Sie arbeitslos?', '2025-06-01');
  await next(w);
  await onPageFocused(w, 'Wann können Sie anfangen?');
  await date(w, 'Ab wann können Sie eine Arbeit anfangen?', '2026-12-01');
  await yesNo(w, 'Sind Sie bei der Agentur für Arbeit schon arbeitsuchend gemeldet?', false);
  await next(w);
  await onPageFocused(w, 'Gesundheit (freiwillig)');
  await next(w); // voluntary: left empty
  await onPageFocused(w, 'Betreuung und Pflege');
  await yesNo(w, 'Betreuen Sie Kinder oder pflegen Sie einen Menschen?', false);
  await w.getByRole('button', { name: 'Weiter', exact: true }).press('Enter');
  await submit(w);
}

/** "Lebenslauf": Realschule, no training, German native and English B2, driving licence class B. */
export async function fillCv(page: Page): Promise<void> {
  const w = page.locator('jc-oap-cv');
  await onPage(w, 'Schule');
  await choose(w, 'Welchen Schulabschluss haben Sie?', 'Mittlerer Schulabschluss (Realschule)');
  await next(w);
  await onPageFocused(w, 'Ausbildung und Studium');
  await yesNo(w, 'Haben Sie eine Ausbildung oder ein Studium gemacht?', false);
  await next(w);
  await onPageFocused(w, 'Berufserfahrung');
  await next(w);
  await onPageFocused(w, 'Sprachen');
  for (const [i, [language, level]] of [
    ['Deutsch', 'Muttersprache'],
    ['Englisch', 'B2 – gut'],
  ].entries()) {
    await w.getByRole('button', { name: 'Sprache hinzufügen', exact: true }).click();
    const item = w.getByRole('group', { name: new RegExp(`^Sprache ${i + 1}`) });
    const field = item.getByRole('textbox', { name: 'Sprache', exact: true });
    await waitForFocus(field, `the language field of item ${i + 1}`);
    await field.fill(language);
    await field.blur();
    await select(item, 'Wie gut?', level);
  }
  await next(w);
  await onPageFocused(w, 'Führerschein und Kenntnisse');
  await tick(w, 'Welche Führerscheine haben Sie?', 'Klasse B');
  await next(w);
  await submit(w);
}

/** "Rahmenbedingungen": Verkäufer/in (combobox by keyboard), part time 30 h, 45 minutes commute. */
export async function fillConditions(page: Page): Promise<void> {
  const w = page.locator('jc-oap-conditions');
  await onPage(w, 'Welche Arbeit suchen Sie?');
  const search = w.getByRole('combobox', { name: 'Gewünschte Berufe' });
  await search.click();
  await search.pressSequentially('Verkäufer');
  await w.getByRole('option', { name: 'Verkäufer/in', exact: true }).waitFor();
  await until(
    async () => {
      await search.press('ArrowDown');
      const active = await search.getAttribute('aria-activedescendant');
      return !!active && (await w.locator(`[id="${active}"]`).textContent())?.trim() === 'Verkäufer/in';
    },
    'the option "Verkäufer/in" to be active',
    5_000,
  );
  await search.press('Enter');
  await w.getByRole('heading', { name: 'Gewählte Berufe (1)' }).waitFor();
  await next(w);
  await onPageFocused(w, 'Arbeitszeit');
  await choose(w, 'Wie viel möchten Sie arbeiten?', 'Teilzeit');
  await type(w, 'Wie viele Stunden pro Woche?', '30');
  await yesNo(w, 'Können Sie im Schichtdienst arbeiten?', true);
  await yesNo(w, 'Können Sie nachts arbeiten?', false);
  await yesNo(w, 'Können Sie am Wochenende arbeiten?', true);
  await next(w);
  await onPageFocused(w, 'Arbeitsweg und Umzug');
  await type(w, 'Wie lange darf der Weg zur Arbeit höchstens dauern? (Minuten, eine Richtung)', '45');
  await yesNo(w, 'Haben Sie ein eigenes Auto?', false);
  await yesNo(w, 'Können Sie Bus und Bahn nutzen?', true);
  await yesNo(w, 'Würden Sie für eine Arbeit umziehen?', false);
  await next(w);
  await onPageFocused(w, 'Betreuung und Gehalt');
  await yesNo(w, 'Müssen Sie wegen Kinderbetreuung oder Pflege auf Zeiten achten?', false);
  await next(w);
  await submit(w);
}
