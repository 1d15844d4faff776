/**
 * The Hauptantrag (jc-ade-flow inside jc-application) as an applicant meets it: one topic per page, a
 * check-your-answers step per section and Anlage, a quiet save status. Everything through roles and labels.
 */
import type { Locator, Page, Request } from 'playwright-core';
import { until, waitForFocus } from './browser.js';

/** The Hauptantrag widget of the page. */
export function adeFlow(page: Page): Locator {
  return page.locator('jc-ade-flow');
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A page title as a heading name: the section caption comes first, so match the end. */
function titled(title: string | RegExp): RegExp {
  return typeof title === 'string' ? new RegExp(`(^|\\s)${escape(title)}$`) : title;
}

/**
 * Waits until the form page titled `title` is shown and its heading has focus (as after every
 * navigation); returns the page (jc-form-page) to answer on.
 */
export async function onPage(page: Page, title: string | RegExp, timeoutMs = 15_000): Promise<Locator> {
  const form = adeFlow(page).locator('jc-form-page');
  const heading = form.getByRole('heading', { level: 2, name: titled(title) });
  await heading.waitFor({ timeout: timeoutMs });
  await waitForFocus(heading, `the page title "${String(title)}"`, timeoutMs);
  return form;
}

/** The heading of the check-your-answers step of a section or Anlage (caption: its title). */
export function checkHeading(page: Page, groupTitle: string | RegExp): Locator {
  const name =
    typeof groupTitle === 'string'
      ? new RegExp(`^${escape(groupTitle)}\\s+Prüfen Sie Ihre Angaben$`)
      : new RegExp(`${groupTitle.source}.*Prüfen Sie Ihre Angaben$`);
  return adeFlow(page).getByRole('heading', { level: 2, name });
}

/** Waits for the check-your-answers step of a group (heading focused); returns the flow. */
export async function onCheck(page: Page, groupTitle: string | RegExp): Promise<Locator> {
  const heading = checkHeading(page, groupTitle);
  await heading.waitFor();
  await waitForFocus(heading, `the summary of "${String(groupTitle)}"`);
  return adeFlow(page);
}

/** "Angaben bestätigen und weiter" on a check-your-answers step. */
export async function confirmCheck(page: Page, groupTitle: string | RegExp): Promise<void> {
  const flow = await onCheck(page, groupTitle);
  await flow.getByRole('button', { name: 'Angaben bestätigen und weiter' }).click();
}

/** "Weiter" on the current page. */
export async function next(form: Locator): Promise<void> {
  await form.getByRole('button', { name: 'Weiter', exact: true }).click();
}

/** The radio/checkbox group of a question (its legend). */
export function question(scope: Locator, label: string): Locator {
  return scope.getByRole('group', { name: label, exact: true });
}

/** Picks the option `option` of the choice question `label`. */
export async function choose(scope: Locator, label: string, option: string): Promise<void> {
  const radio = question(scope, label).getByRole('radio', { name: option, exact: true });
  await radio.check();
  await until(() => radio.isChecked(), `"${option}" to be chosen for "${label}"`, 5_000);
}

/** Answers a yes/no question. */
export function yesNo(scope: Locator, label: string, yes: boolean): Promise<void> {
  return choose(scope, label, yes ? 'Ja' : 'Nein');
}

/** Ticks options of a multiple-choice question. */
export async function tick(scope: Locator, label: string, ...options: string[]): Promise<void> {
  for (const option of options) {
    const box = question(scope, label).getByRole('checkbox', { name: option, exact: true });
    await box.check();
    await until(() => box.isChecked(), `"${option}" to be ticked for "${label}"`, 5_000);
  }
}

/** Types into the text field labelled `label` and leaves it (formatted fields show the value as read). */
export async function type(scope: Locator, label: string, value: string): Promise<void> {
  // A role query: a "reiche ich nach" question's wrapper group carries the same aria-label.
  const field = scope.getByRole('textbox', { name: label, exact: true });
  await field.fill(value);
  await field.blur();
}

/** Fills a day/month/year date group with an ISO date. */
export async function date(scope: Locator, label: string, iso: string): Promise<void> {
  const [y, m, d] = iso.split('-');
  const group = question(scope, label);
  await group.getByLabel('Tag', { exact: true }).fill(String(Number(d)));
  await group.getByLabel('Monat', { exact: true }).fill(String(Number(m)));
  await group.getByLabel('Jahr', { exact: true }).fill(y);
}

/** The visible save status line ("Gespeichert um 14:03"). */
export function saveStatus(page: Page): Locator {
  return adeFlow(page).locator('[part="save-status"]');
}

/** The answers of a draft as the autosave sends them. */
export interface SavedAnswers {
  main: Record<string, unknown>;
  members: Array<{ id: string } & Record<string, unknown>>;
  anlagen: Record<string, Record<string, unknown>>;
}

/** True for the autosave request of the draft. */
export function isAnswersPut(r: Request): boolean {
  return (
    r.method() === 'PUT' && /^\/api\/applications\/[0-9a-f-]{36}\/answers$/.test(new URL(r.url()).pathname)
  );
}

/**
 * Runs `change` and waits until it is on the server: an autosave PUT whose answers satisfy `carries`
 * answered 2xx, then the status line says "Gespeichert um hh:mm". Returns the answers that PUT carried.
 */
export async function changeAndWaitSaved(
  page: Page,
  change: () => Promise<void>,
  carries: (answers: SavedAnswers) => boolean,
): Promise<SavedAnswers> {
  // Only a PUT carrying the change counts (an earlier save may still be on its way).
  const saved = page.waitForResponse(
    (r) =>
      isAnswersPut(r.request()) &&
      r.ok() &&
      carries((r.request().postDataJSON() as { answers: SavedAnswers }).answers),
    { timeout: 30_000 },
  );
  await change();
  const response = await saved;
  // Another change may still be pending: wait until the status settles on "saved".
  await until(
    async () =>
      /^Gespeichert um \d{1,2}:\d{2}$/.test(((await saveStatus(page).textContent()) ?? '').trim()) &&
      (await saveStatus(page).getAttribute('class'))!.includes('save-status--saved'),
    'the save status "Gespeichert um …"',
    30_000,
  );
  return (response.request().postDataJSON() as { answers: SavedAnswers }).answers;
}

/** Opens the progress overview (a disclosure) and returns its navigation landmark. */
export async function openProgress(page: Page): Promise<Locator> {
  const nav = adeFlow(page).getByRole('navigation', { name: /^Ihr Fortschritt/ });
  const summary = nav.locator('summary');
  if ((await nav.locator('details').getAttribute('open')) === null) await summary.click();
  await nav.getByRole('listitem').first().waitFor();
  return nav;
}

/**
 * A minimal, well-formed one-page PDF (catalog, pages, page, correct xref offsets): real bytes, not a
 * header pasted on something else.
 */
export function minimalPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << >> /Contents 4 0 R >>',
    '<< /Length 0 >>\nstream\n\nendstream',
  ];
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** A Windows executable's first bytes ("MZ" DOS header) padded to a plausible size. */
export function fakeExe(): Buffer {
  const bytes = Buffer.alloc(2048, 0);
  bytes.write('MZ', 0, 'latin1');
  bytes.write('This program cannot be run in DOS mode.', 0x4e, 'latin1');
  return bytes;
}
