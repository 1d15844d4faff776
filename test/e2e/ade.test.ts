/**
 * End-to-end: the Hauptantrag (issue 3) on the Musterstadt demo, driven as a person would, under the real CSP.
 * A divorced single parent of two children (4 and 9) files the TdA, continues to the Hauptantrag, answers
 * it page by page (one "Weiter" with a missing answer, one "reiche ich nach"), closes the browser half-way,
 * comes back in a fresh browser (no cookies, no IndexedDB) and finds every answer; then the Anlagen KI ×2,
 * KDU, EK, VM and UH1, the summaries, the declaration and the submission; the PDF holds the Anlagen and the
 * children; on the receipt she uploads a real PDF against an evidence item, and a renamed .exe is refused.
 * axe-core finds no WCAG 2.1 A/AA violation on the question pages, the error state, the household list,
 * the summaries and the receipt with the checklist, and none of them scrolls sideways on a 320 px screen.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Browser, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as ade from './support/ade.js';
import * as applicant from './support/applicant.js';
import { axeViolations, germanContext, launchChromium, until, waitForFocus, watchPage } from './support/browser.js';
import { type RunningServer, startServer, withServerLog } from './support/server.js';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Today in Germany (the TdA's day is the date of application). */
function berlinDate(): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Berlin',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

/** A birth date that makes a child `years` old today (and for the next six weeks). */
function bornYearsAgo(years: number): string {
  const [y, m, d] = berlinDate().split('-').map(Number);
  return new Date(Date.UTC(y - years, m - 1, Math.min(d, 28)) - 45 * 86_400_000).toISOString().slice(0, 10);
}

const dotted = (iso: string) => iso.split('-').reverse().join('.');

const APPLICANT = `${applicant.TDA_ANSWERS.firstName} ${applicant.TDA_ANSWERS.lastName}`;
const CHILDREN = [
  { firstName: 'Zofia', age: 4, care: 'Kita oder Tagespflege' },
  { firstName: 'Bartosz', age: 9, care: 'Schule' },
].map((c) => ({ ...c, lastName: applicant.TDA_ANSWERS.lastName, birthDate: bornYearsAgo(c.age) }));
const childName = (c: (typeof CHILDREN)[number]) => `${c.firstName} ${c.lastName}`;
const BANK = 'Sparkasse Musterstadt';
const KI = 'Anlage KI – Kind unter 15 Jahren';
const UH1 = 'Anlage UH1 – Unterhalt vom getrennt lebenden oder geschiedenen Ehegatten';
const EXPECTED_ANLAGEN = [
  ...CHILDREN.map((c) => `${KI} – ${childName(c)}`),
  'Anlage KDU – Kosten der Unterkunft und Heizung',
  `Anlage EK – Einkommen – ${APPLICANT}`,
  'Anlage VM – Vermögen',
  UH1,
];
const RELATIONSHIP_CHILD = 'mein Kind (auch Stief- oder Pflegekind)';
/** "Löschen" + a visually hidden ": <file>" (the hidden span is block-level, so the name has a space before the colon). */
const DELETE_RENT = /^Löschen\s*: Mietvertrag\.pdf$/;
const TYPE_ERROR =
  'Diese Dateiart geht nicht. Laden Sie eine PDF-, JPG- oder PNG-Datei hoch. Es zählt der Inhalt der Datei, nicht ihre Endung.';

/** Widget states worth an axe run; the strict test ignores them. */
type State =
  | 'question page'
  | 'question page with errors'
  | 'household list with two children'
  | 'summary of section A'
  | 'summary of section G (list)'
  | 'Anlagen overview'
  | 'Anlage KI page'
  | 'account list (Anlage VM)'
  | 'summary of Anlage KDU'
  | 'declaration'
  | 'receipt with the evidence checklist';
type Hook = (state: State) => Promise<void>;

/** From the TdA receipt: sign up, confirm, sign in and file the TdA, then open the Hauptantrag. */
async function fileTdaAndContinue(page: Page, who: { email: string; password: string }): Promise<void> {
  await applicant.signUpConfirmAndSignIn(page, server.url, who);
  await applicant.application(page).getByRole('heading', { name: 'Antrag auf Bürgergeld stellen' }).waitFor();
  await applicant.fillTda(page);
  await applicant.submitTda(page);
  const app = applicant.application(page);
  await app.getByRole('heading', { name: 'Eingangsbestätigung: Ihr Antrag ist eingegangen' }).waitFor();
  await app.getByRole('button', { name: 'Weiter zum vollständigen Antrag (Hauptantrag)' }).click();
}

/** Section A; the first page she meets is the first incomplete one (the TdA filled in her name). */
async function sectionA(page: Page, hook: Hook): Promise<void> {
  const a = applicant.TDA_ANSWERS;
  let form = await ade.onPage(page, 'Geburt und Geschlecht');

  // "Zurück" shows the name page, filled in from the TdA; nothing typed twice.
  await form.getByRole('button', { name: 'Zurück' }).click();
  form = await ade.onPage(page, 'Wie heißen Sie?');
  expect(await form.getByRole('textbox', { name: 'Vorname', exact: true }).inputValue()).toBe(a.firstName);
  expect(await form.getByRole('textbox', { name: 'Nachname', exact: true }).inputValue()).toBe(a.lastName);
  await ade.next(form);

  form = await ade.onPage(page, 'Geburt und Geschlecht');
  const birth = ade.question(form, 'Geburtsdatum');
  expect(await birth.getByLabel('Tag', { exact: true }).inputValue()).toBe(a.day);
  expect(await birth.getByLabel('Jahr', { exact: true }).inputValue()).toBe(a.year);
  await hook('question page');
  await ade.type(form, 'Geburtsort', 'Wrocław');
  await ade.choose(form, 'Geschlecht', 'männlich');

  // "Weiter" with the country of birth missing: the summary takes focus, its link focuses the field.
  await ade.next(form);
  const summary = form.getByRole('alert').filter({ hasText: 'Es gibt ein Problem' });
  await summary.waitFor();
  await waitForFocus(summary, 'the error summary');
  await form.getByRole('heading', { level: 2, name: /Geburt und Geschlecht$/ }).waitFor(); // still this page
  const links = summary.getByRole('link');
  expect(await links.count()).toBe(1);
  expect((await links.first().textContent())?.trim()).toMatch(/^Geburtsland: \S/);
  const country = form.getByRole('textbox', { name: 'Geburtsland', exact: true });
  expect(await country.getAttribute('aria-invalid')).toBe('true');
  await hook('question page with errors');
  await links.first().click();
  await waitForFocus(country, 'the field "Geburtsland" (from the error summary)');
  await country.fill('Polen');
  await ade.next(form);

  form = await ade.onPage(page, 'Staatsangehörigkeit');
  await ade.choose(form, 'Welche Staatsangehörigkeit haben Sie?', 'deutsch');
  await ade.next(form);

  form = await ade.onPage(page, 'Anschrift und Kontakt');
  expect(await form.getByRole('textbox', { name: 'Straße', exact: true }).inputValue()).toBe(a.street);
  expect(await form.getByRole('textbox', { name: 'Postleitzahl', exact: true }).inputValue()).toBe(
    a.postalCode,
  );
  await ade.yesNo(form, 'Haben Sie keinen festen Wohnsitz?', false);
  await ade.next(form);

  form = await ade.onPage(page, 'Bankverbindung');
  await ade.yesNo(form, 'Haben Sie ein Girokonto?', true);
  await ade.type(form, 'Kontoinhaber/in', APPLICANT);
  await ade.type(form, 'IBAN', 'de89370400440532013000');
  expect(await form.getByRole('textbox', { name: 'IBAN', exact: true }).inputValue()).toBe(
    'DE89 3704 0044 0532 0130 00',
  );
  await ade.next(form);

  // The pension number: she has one but not at hand – "Weiß ich nicht / reiche ich nach".
  form = await ade.onPage(page, 'Renten- und Steuernummer');
  await ade.choose(form, 'Haben Sie eine Rentenversicherungsnummer?', 'ja');
  const later = form
    .getByRole('group', { name: 'Rentenversicherungsnummer', exact: true })
    .getByRole('checkbox', { name: 'Weiß ich nicht / reiche ich nach' });
  await later.check();
  await until(() => later.isChecked(), '"reiche ich nach" to be ticked', 5_000);
  await ade.next(form);

  form = await ade.onPage(page, 'Vertretung');
  await ade.yesNo(form, 'Haben Sie eine rechtliche Betreuung oder eine bevollmächtigte Person?', false);
  await ade.next(form);

  const check = await ade.onCheck(page, 'Persönliche Daten');
  await expectSummaryRow(check, 'Geburtsort', 'Wrocław');
  await expectSummaryRow(check, 'Rentenversicherungsnummer', 'Reiche ich nach');
  await hook('summary of section A');
  await ade.confirmCheck(page, 'Persönliche Daten');
}

/** A row of a check-your-answers list: the term and its answer. */
async function expectSummaryRow(
  scope: ReturnType<typeof ade.adeFlow>,
  term: string,
  answer: string,
): Promise<void> {
  const row = scope
    .locator('.summary-row')
    .filter({ has: scope.page().getByRole('term').getByText(term, { exact: true }) });
  await row.first().waitFor();
  expect((await row.first().getByRole('definition').first().textContent())?.trim()).toBe(answer);
}

/** Sections C–F. */
async function sectionsCtoF(page: Page): Promise<void> {
  let form = await ade.onPage(page, /Ab wann beantragen Sie (Bürgergeld|Grundsicherungsgeld)\?$/);
  await ade.choose(form, 'Leistungen ab', 'ab sofort');
  await ade.next(form);
  await ade.confirmCheck(page, 'Antragstellung');

  form = await ade.onPage(page, 'Familienstand');
  await ade.choose(form, 'Ihr Familienstand', 'geschieden oder Partnerschaft aufgehoben');
  await ade.next(form);
  form = await ade.onPage(page, 'Arbeit, Familie, Schwangerschaft');
  await ade.yesNo(form, 'Können Sie mindestens 3 Stunden täglich arbeiten?', true);
  await ade.yesNo(form, 'Sind Sie alleinerziehend?', true);
  await ade.yesNo(form, 'Sind Sie schwanger?', false);
  await ade.next(form);
  form = await ade.onPage(page, 'Schule, Studium, Ausbildung');
  await ade.choose(form, 'Gehen Sie zur Schule, studieren Sie oder sind Sie in Ausbildung?', 'nein');
  await ade.next(form);
  form = await ade.onPage(page, 'Andere Leistungen');
  await ade.tick(form, 'Haben Sie eine dieser Leistungen beantragt oder bekommen Sie sie?', 'Kindergeld');
  await ade.next(form);
  form = await ade.onPage(page, 'Gesundheit und besonderer Bedarf');
  await ade.yesNo(form, 'Brauchen Sie aus medizinischen Gründen eine kostenaufwändige Ernährung?', false);
  await ade.yesNo(form, 'Haben Sie eine Behinderung?', false);
  await ade.yesNo(form, 'Haben Sie einen unabweisbaren, laufenden besonderen Bedarf?', false);
  await ade.yesNo(form, 'Leben Sie in einer stationären Einrichtung (z. B. Klinik, Heim)?', false);
  await ade.next(form);
  await ade.confirmCheck(page, 'Aktuelle Lebenssituation');

  form = await ade.onPage(page, 'Arbeit und Leistungen bisher');
  await ade.yesNo(form, 'Haben Sie in den letzten 3 Jahren Bürgergeld oder Sozialhilfe bekommen?', false);
  await ade.yesNo(form, 'Waren Sie in den letzten 5 Jahren angestellt?', false);
  await ade.yesNo(form, 'Sind oder waren Sie in den letzten 5 Jahren selbstständig?', false);
  await ade.yesNo(form, 'Haben Sie Lohnersatzleistungen bekommen (z. B. Kurzarbeitergeld)?', false);
  await ade.next(form);
  form = await ade.onPage(page, 'Weitere Angaben');
  await ade.yesNo(form, 'Pflegen Sie Angehörige?', false);
  await ade.yesNo(
    form,
    'Haben Sie Ansprüche gegen andere (z. B. Unterhalt, Erbschaft, Schadensersatz)?',
    false,
  );
  await ade.yesNo(form, 'Hatten Sie einen Unfall, den eine andere Person verursacht hat?', false);
  await ade.next(form);
  await ade.confirmCheck(page, 'Bisherige Lebenssituation');

  form = await ade.onPage(page, 'Wie sind Sie krankenversichert?');
  await ade.choose(form, 'Versicherung', 'gesetzlich pflichtversichert');
  await ade.type(form, 'Name der Krankenkasse oder Versicherung', 'AOK Musterland');
  await ade.next(form);
  await ade.confirmCheck(page, 'Kranken- und Pflegeversicherung');
}

/** Checks the summary of section G lists both children with birth date and relationship. */
async function expectChildrenInSummary(page: Page): Promise<void> {
  const check = await ade.onCheck(page, 'Wohnsituation');
  for (const [i, c] of CHILDREN.entries()) {
    const item = check.getByRole('listitem').filter({ hasText: `Person ${i + 1}: ${childName(c)}` });
    await item.waitFor();
    const text = (await item.textContent())?.replace(/\s+/g, ' ') ?? '';
    expect(text).toContain(`Geburtsdatum: ${dotted(c.birthDate)}`);
    expect(text).toContain(`Wer ist diese Person für Sie?: ${RELATIONSHIP_CHILD}`);
  }
}

/** Section G: not alone – the two children, added one by one; housing costs. */
async function sectionG(page: Page, hook: Hook): Promise<void> {
  let form = await ade.onPage(page, 'Wer wohnt mit Ihnen zusammen?');
  await ade.yesNo(form, 'Wohnen Sie allein?', false);
  const list = ade.question(form, 'Personen in Ihrem Haushalt');
  await list.getByText('Noch keine Einträge.').waitFor();
  for (const [i, c] of CHILDREN.entries()) {
    await list.getByRole('button', { name: 'Person hinzufügen' }).click();
    const card = list.getByRole('group', { name: new RegExp(`^Person ${i + 1}(:|$)`) });
    const first = card.getByRole('textbox', { name: 'Vorname', exact: true });
    await waitForFocus(first, `the first name of person ${i + 1} (just added)`);
    await form
      .getByRole('status')
      .filter({ hasText: `Person ${i + 1} hinzugefügt.` })
      .waitFor({ state: 'attached' });
    await first.fill(c.firstName);
    await card.getByRole('textbox', { name: 'Nachname', exact: true }).fill(c.lastName);
    await ade.date(card, 'Geburtsdatum', c.birthDate);
    await ade.choose(card, 'Wer ist diese Person für Sie?', RELATIONSHIP_CHILD);
    await card.getByRole('heading', { name: `Person ${i + 1}: ${childName(c)}` }).waitFor();
  }
  await hook('household list with two children');
  await ade.next(form);

  form = await ade.onPage(page, 'Wohnkosten');
  await ade.yesNo(form, 'Haben Sie Kosten für Unterkunft oder Heizung (Miete, Nebenkosten, Kredit)?', true);
  await ade.next(form);
  await expectChildrenInSummary(page);
  await hook('summary of section G (list)');
  await ade.confirmCheck(page, 'Wohnsituation');

  // Section H lists the Anlagen her answers call for.
  form = await ade.onPage(page, 'Ihre Anlagen');
  const items = await form.getByRole('listitem').allTextContents();
  expect(items.map((t) => t.trim())).toEqual(EXPECTED_ANLAGEN);
  await hook('Anlagen overview');
  await ade.next(form);
}

/** The first question of the first child's Anlage KI, saved; returns the answers as the server got them. */
async function startFirstKi(page: Page, hook: Hook): Promise<ade.SavedAnswers> {
  const form = await ade.onPage(page, `Angaben zu ${childName(CHILDREN[0])}`);
  await hook('Anlage KI page');
  return ade.changeAndWaitSaved(
    page,
    () => ade.yesNo(form, 'Bekommen Sie Kindergeld für dieses Kind?', true),
    (answers) => {
      const child = answers.members.find((m) => m.firstName === CHILDREN[0].firstName);
      return answers.anlagen[`KI:${child?.id}`]?.kindergeld === true;
    },
  );
}

/** The rest: both KI, KDU, EK, VM, UH1, the declaration; sends and returns the server's answer. */
async function finish(
  page: Page,
  hook: Hook,
  { onFirstKi = false } = {},
): Promise<{ id: string; number: string }> {
  for (const [i, c] of CHILDREN.entries()) {
    const title = `Angaben zu ${childName(c)}`;
    // Still on the first KI page (no navigation, so its title does not take focus again).
    const form =
      i === 0 && onFirstKi ? ade.adeFlow(page).locator('jc-form-page') : await ade.onPage(page, title);
    await form.getByRole('heading', { level: 2, name: new RegExp(`${title}$`) }).waitFor();
    if (i > 0) await ade.yesNo(form, 'Bekommen Sie Kindergeld für dieses Kind?', true);
    await ade.choose(form, 'Bekommt das Kind Unterhalt?', 'ja, Unterhaltsvorschuss');
    await ade.choose(form, 'Betreuung', c.care);
    await ade.yesNo(
      form,
      'Braucht das Kind aus medizinischen Gründen eine kostenaufwändige Ernährung?',
      false,
    );
    await ade.next(form);
    await ade.confirmCheck(page, `${KI} – ${childName(c)}`);
  }

  let form = await ade.onPage(page, 'Wie wohnen Sie?');
  await ade.choose(form, 'Wohnform', 'zur Miete oder Untermiete');
  await ade.next(form);
  form = await ade.onPage(page, 'Ihre Miete');
  await ade.type(form, 'Grundmiete (€ im Monat)', '450');
  expect(await form.getByRole('textbox', { name: 'Grundmiete (€ im Monat)' }).inputValue()).toBe('450,00');
  await ade.type(form, 'Nebenkosten ohne Heizung (€ im Monat)', '120,5');
  await ade.type(form, 'Name der Vermieterin/des Vermieters', 'Wohnbau Musterstadt GmbH');
  await ade.next(form);
  form = await ade.onPage(page, 'Heizung und Warmwasser');
  await ade.type(form, 'Heizkosten (€ im Monat)', '85');
  await ade.choose(form, 'Womit heizen Sie?', 'Gas');
  await ade.choose(form, 'Wie wird Ihr Warmwasser erzeugt?', 'zentral mit der Heizung');
  await ade.next(form);
  const kdu = await ade.onCheck(page, 'Anlage KDU – Kosten der Unterkunft und Heizung');
  await expectSummaryRow(kdu, 'Grundmiete (€ im Monat)', '450,00 €');
  await expectSummaryRow(kdu, 'Nebenkosten ohne Heizung (€ im Monat)', '120,50 €');
  await hook('summary of Anlage KDU');
  await ade.confirmCheck(page, 'Anlage KDU – Kosten der Unterkunft und Heizung');

  form = await ade.onPage(page, `Einkommen von ${APPLICANT}`);
  await ade.tick(form, 'Welches Einkommen gibt es?', 'Kindergeld', 'Unterhalt');
  await ade.type(form, 'Andere Einnahmen im Monat zusammen (€)', '250');
  await ade.next(form);
  await ade.confirmCheck(page, `Anlage EK – Einkommen – ${APPLICANT}`);

  form = await ade.onPage(page, 'Konten');
  const accounts = ade.question(form, 'Alle Konten aller Personen im Haushalt');
  await accounts.getByRole('button', { name: 'Konto hinzufügen' }).click();
  const card = accounts.getByRole('group', { name: /^Konto 1(:|$)/ });
  const bank = card.getByRole('textbox', { name: 'Bank', exact: true });
  await waitForFocus(bank, 'the bank of the new account');
  await bank.fill(BANK);
  await ade.choose(card, 'Art', 'Girokonto');
  await ade.type(card, 'Kontostand heute (€)', '234,56');
  await card.getByRole('heading', { name: `Konto 1: ${BANK}` }).waitFor();
  await hook('account list (Anlage VM)');
  await ade.next(form);
  form = await ade.onPage(page, 'Weitere Vermögenswerte');
  await ade.type(form, 'Bargeld (€)', '40');
  await ade.yesNo(form, 'Gibt es Wertpapiere, Aktien oder Fonds?', false);
  await ade.yesNo(form, 'Gibt es Autos oder Motorräder?', false);
  await ade.yesNo(form, 'Gibt es Haus- oder Grundeigentum?', false);
  await ade.yesNo(form, 'Gibt es Lebens- oder Rentenversicherungen?', false);
  await ade.next(form);
  await ade.confirmCheck(page, 'Anlage VM – Vermögen');

  form = await ade.onPage(page, 'Unterhalt vom früheren Ehegatten');
  await ade.type(form, 'Name der früheren Ehegattin/des früheren Ehegatten', 'Marek Nowak');
  await ade.yesNo(form, 'Bekommen Sie Unterhalt?', false);
  await ade.next(form);
  await ade.confirmCheck(page, UH1);

  form = await ade.onPage(page, 'Erklärung und Absenden');
  for (const name of [
    /^Ich versichere, dass meine Angaben stimmen/,
    /^Ich habe die Hinweise zum Datenschutz gelesen/,
  ]) {
    const box = form.getByRole('checkbox', { name });
    await box.check();
    await until(() => box.isChecked(), `the declaration ${name} to be ticked`, 5_000);
  }
  await hook('declaration');
  const [response] = await Promise.all([
    page.waitForResponse(
      (r: Response) =>
        r.request().method() === 'POST' &&
        /^\/api\/applications\/[0-9a-f-]{36}\/submit$/.test(new URL(r.url()).pathname),
      { timeout: 60_000 },
    ),
    form.getByRole('button', { name: 'Antrag absenden' }).click(),
  ]);
  if (!response.ok()) throw new Error(`submit answered ${response.status()}: ${await response.text()}`);
  return (await response.json()) as { id: string; number: string };
}

/** The receipt of the Hauptantrag: heading focused, the number. */
async function receipt(page: Page, number: string) {
  const flow = ade.adeFlow(page);
  const heading = flow.getByRole('heading', { name: 'Ihr Antrag ist eingegangen' });
  await heading.waitFor({ timeout: 30_000 });
  await waitForFocus(heading, 'the receipt heading');
  await flow.getByText(number, { exact: true }).first().waitFor();
  return flow;
}

/** The evidence uploads on the receipt: a real PDF against "Mietvertrag", a renamed .exe against the account. */
async function uploadEvidence(page: Page): Promise<void> {
  const flow = ade.adeFlow(page);
  const rent = flow.getByRole('region', { name: 'Mietvertrag', exact: true });
  const statements = flow.getByRole('region', {
    name: `Kontoauszüge der letzten 3 Monate – ${BANK}`,
    exact: true,
  });
  await rent.waitFor();
  await statements.waitFor();
  await rent.getByText('Noch keine Datei hochgeladen.').waitFor();

  const uploaded = page.waitForResponse(
    (r) => r.request().method() === 'POST' && r.url().includes('/evidence/'),
  );
  await rent.getByLabel('Datei hochladen: Mietvertrag', { exact: true }).setInputFiles({
    name: 'Mietvertrag.pdf',
    mimeType: 'application/pdf',
    buffer: ade.minimalPdf(),
  });
  expect((await uploaded).status(), 'upload of a real PDF').toBe(201);
  await rent.getByRole('button', { name: DELETE_RENT }).waitFor();
  await rent.getByText(/^Mietvertrag\.pdf \(1 KB\)$/).waitFor();
  expect(await rent.getByText('Noch keine Datei hochgeladen.').count()).toBe(0);
  await rent
    .getByRole('status')
    .filter({ hasText: 'Mietvertrag.pdf ist hochgeladen.' })
    .waitFor({ state: 'attached' });

  const refused = page.waitForResponse(
    (r) => r.request().method() === 'POST' && r.url().includes('/evidence/'),
  );
  const input = statements.getByLabel(`Datei hochladen: Kontoauszüge der letzten 3 Monate – ${BANK}`, {
    exact: true,
  });
  await input.setInputFiles({ name: 'nachweis.pdf', mimeType: 'application/pdf', buffer: ade.fakeExe() });
  expect((await refused).status(), 'upload of an .exe named nachweis.pdf').toBe(415);
  await statements.getByText(TYPE_ERROR, { exact: true }).waitFor();
  expect(await input.getAttribute('aria-invalid')).toBe('true');
  const description = await input.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .map((id) => (el.getRootNode() as ShadowRoot).getElementById(id)?.textContent?.trim())
      .join(' '),
  );
  expect(description, 'the file input is described by the error').toBe(TYPE_ERROR);
  expect(await statements.getByText('Noch keine Datei hochgeladen.').count()).toBe(1);
  expect(await statements.getByRole('button', { name: /^Löschen/ }).count()).toBe(0);
}

describe('Hauptantrag (ADE) on the Musterstadt demo', () => {
  it('a single parent of two children fills it in over two browser sessions, sends it, gets the PDF and hands in evidence', async () => {
    const who = applicant.newApplicant();
    const problems: string[] = [];
    const noHook: Hook = async () => {};

    // Session 1: sign-up, TdA, the Hauptantrag up to the first Anlage KI.
    const first = await germanContext(browser, { acceptDownloads: true });
    const page1 = await first.newPage();
    await watchPage(page1, problems);
    await fileTdaAndContinue(page1, who);
    await sectionA(page1, noHook);
    await sectionsCtoF(page1);
    await sectionG(page1, noHook);
    const savedAnswers = await startFirstKi(page1, noHook);
    expect((await ade.saveStatus(page1).textContent())?.trim()).toMatch(/^Gespeichert um \d{1,2}:\d{2}$/);
    await first.close();

    // Session 2: a fresh browser (no cookies, no IndexedDB). Sign in and continue where she left off.
    const second = await germanContext(browser, { acceptDownloads: true });
    const page = await second.newPage();
    await watchPage(page, problems);
    await page.goto(`${server.url}/`);
    // A Hauptantrag already begun opens by itself after sign-in (no detour over the TdA receipt).
    const opening = page.waitForResponse(
      (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/applications',
    );
    await applicant.signIn(page, who);
    const app = applicant.application(page);
    const opened = await opening;
    expect(opened.status(), 'the open draft is resumed, not a new one started').toBe(200);
    expect(((await opened.json()) as { answers: unknown }).answers).toEqual(savedAnswers);

    // It opens at the first incomplete page: the first child's Anlage KI, with the answer given there.
    const ki = await ade.onPage(page, `Angaben zu ${childName(CHILDREN[0])}`);
    expect(
      await ade
        .question(ki, 'Bekommen Sie Kindergeld für dieses Kind?')
        .getByRole('radio', { name: 'Ja', exact: true })
        .isChecked(),
    ).toBe(true);

    // The progress overview knows both children's Anlage KI and the UH1 (she is divorced).
    const nav = await ade.openProgress(page);
    const steps = (await nav.getByRole('listitem').allTextContents()).map((t) =>
      t.replace(/\s+/g, ' ').trim(),
    );
    expect(steps.filter((s) => s.startsWith(KI))).toHaveLength(2);
    for (const c of CHILDREN) expect(steps.some((s) => s.startsWith(`${KI} – ${childName(c)}`))).toBe(true);
    expect(steps.filter((s) => s.startsWith(UH1))).toHaveLength(1);
    expect(steps.find((s) => s.startsWith('Wohnsituation'))).toMatch(/erledigt$/);

    // Section A and section G still hold every answer: the summaries via the progress links.
    await nav.getByRole('button', { name: /^Persönliche Daten/ }).click();
    const summaryA = await ade.onCheck(page, 'Persönliche Daten');
    await expectSummaryRow(summaryA, 'Geburtsort', 'Wrocław');
    await expectSummaryRow(summaryA, 'Geburtsland', 'Polen');
    await expectSummaryRow(summaryA, 'IBAN', 'DE89 3704 0044 0532 0130 00');
    await expectSummaryRow(summaryA, 'Rentenversicherungsnummer', 'Reiche ich nach');
    await (await ade.openProgress(page)).getByRole('button', { name: /^Wohnsituation/ }).click();
    await expectChildrenInSummary(page);
    await ade.confirmCheck(page, 'Wohnsituation');
    const overview = await ade.onPage(page, 'Ihre Anlagen');
    await ade.next(overview);

    // The rest, and send.
    const sent = await finish(page, noHook);
    expect(sent.number).toMatch(/\S/);
    const flow = await receipt(page, sent.number);

    // The PDF: download it, it is a PDF, its SHA-256 is the server's, and it holds the Anlagen and children.
    const pdfLink = flow.getByRole('link', { name: 'Ihren Antrag herunterladen (PDF)' });
    await pdfLink.waitFor({ timeout: 90_000 });
    const view = (await (await page.request.get(`${server.url}/api/applications/${sent.id}`)).json()) as {
      pdf?: { sha256?: string };
      todos: { label: string }[];
    };
    const [download] = await Promise.all([page.waitForEvent('download'), pdfLink.click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const file = await download.path();
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const sha = createHash('sha256').update(bytes).digest('hex');
    // The Hauptantrag's receipt shows no checksum (the TdA's does); if it ever shows one, it must match.
    const shown = (await flow.locator('code').allTextContents())
      .map((s) => s.trim())
      .filter((s) => /^[0-9a-f]{64}$/.test(s));
    if (shown.length) expect(shown).toContain(sha);
    expect(view.pdf?.sha256, 'the SHA-256 the server keeps for the PDF').toBe(sha);
    const text = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    expect(text.error, 'pdftotext (apt-get install poppler-utils)').toBeUndefined();
    const pdfText = text.stdout.replace(/\s+/g, ' ');
    expect(pdfText).toContain('Anlage KI');
    expect(pdfText).toContain('Anlage UH1');
    for (const c of CHILDREN) expect(pdfText).toContain(c.firstName);
    expect(pdfText).toContain(applicant.TDA_ANSWERS.lastName);
    expect(pdfText).toContain(sent.number);

    // The to-do from "reiche ich nach" and the evidence checklist.
    await flow.getByRole('heading', { name: 'Das reichen Sie nach' }).waitFor();
    const todos = flow
      .getByRole('list')
      .filter({ has: page.getByText('Rentenversicherungsnummer', { exact: true }) });
    await todos.waitFor();
    expect(view.todos.map((t) => t.label)).toContain('Rentenversicherungsnummer');
    await uploadEvidence(page);

    // After a reload the uploaded file is still listed on the receipt.
    await page.reload();
    const again = await receipt(page, sent.number);
    await again
      .getByRole('region', { name: 'Mietvertrag', exact: true })
      .getByRole('button', { name: DELETE_RENT })
      .waitFor();

    // The refused upload answers 415, which Chromium logs as a failed resource load: expected, once.
    const refusedLoad = (p: string) =>
      /Failed to load resource: the server responded with a status of 415/.test(p) &&
      p.includes('/evidence/');
    expect(problems.filter(refusedLoad), 'the refused .exe upload').toHaveLength(1);
    const rest = problems.filter((p) => !refusedLoad(p));
    expect(rest, withServerLog(server, rest)).toEqual([]);
    await second.close();
  }, 300_000);

  it('axe-core finds no WCAG 2.1 A/AA violation on question pages, errors, the household list, summaries and the receipt; nothing scrolls sideways at 320 px', async () => {
    // axe injects inline styles while it runs, so this context (and only this one) bypasses the CSP.
    const context = await browser.newContext({
      bypassCSP: true,
      locale: 'de-DE',
      timezoneId: 'Europe/Berlin',
      viewport: { width: 320, height: 720 },
    });
    const page = await context.newPage();
    const violations: string[] = [];
    const checked: string[] = [];
    const check: Hook = async (state) => {
      checked.push(state);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      if (overflow > 0)
        violations.push(`${state}: scrolls sideways by ${overflow} px at 320 px (WCAG 1.4.10)`);
      violations.push(...(await axeViolations(page, state)));
    };
    await fileTdaAndContinue(page, applicant.newApplicant());
    await sectionA(page, check);
    await sectionsCtoF(page);
    await sectionG(page, check);
    await startFirstKi(page, check);
    const sent = await finish(page, check, { onFirstKi: true });
    await receipt(page, sent.number);
    await ade
      .adeFlow(page)
      .getByRole('link', { name: 'Ihren Antrag herunterladen (PDF)' })
      .waitFor({ timeout: 90_000 });
    await uploadEvidence(page);
    await check('receipt with the evidence checklist');

    expect(checked).toHaveLength(11);
    expect(violations, violations.join('\n\n')).toEqual([]);
    await context.close();
  }, 300_000);
});
