/** What an applicant does on the demo portal, step by step, through roles and labels. */
import { randomUUID } from 'node:crypto';
import type { Locator, Page, Response } from 'playwright-core';
import type { TdaReceipt } from '../../../domain/tda.js';
import { until, waitForFocus } from './browser.js';

/** A fresh applicant: a unique address and a password that is long and not a common one. */
export function newApplicant() {
  return { email: `e2e-${randomUUID().slice(0, 8)}@example.org`, password: 'Kartoffelsalat-mit-Gurke-42' };
}

/** The answers of the TdA form used by the tests (a name with characters beyond Latin-1). */
export const TDA_ANSWERS = {
  firstName: 'Łukasz',
  lastName: 'Dvořák-Ünal',
  day: '7',
  month: '3',
  year: '1989',
  street: 'Lindenstraße',
  houseNumber: '12a',
  postalCode: '00123',
  city: 'Musterstadt',
};

/** The registration widget of the page. */
export function registration(page: Page): Locator {
  return page.locator('jc-registration');
}

/** The application widget of the page. */
export function application(page: Page): Locator {
  return page.locator('jc-application');
}

/** Fills the sign-up form with the applicant's data (the form must be shown). */
export async function fillSignUp(page: Page, who: { email: string; password: string }): Promise<void> {
  const reg = registration(page);
  await reg.getByRole('heading', { name: 'Konto erstellen' }).waitFor();
  await reg.getByLabel('E-Mail-Adresse', { exact: true }).fill(who.email);
  await reg.getByLabel('Passwort', { exact: true }).fill(who.password);
  await reg.getByLabel('Passwort wiederholen', { exact: true }).fill(who.password);
}

/** Submits the sign-up form and waits for "Prüfen Sie Ihr Postfach". */
export async function submitSignUp(page: Page): Promise<void> {
  const reg = registration(page);
  await reg.getByRole('button', { name: 'Konto erstellen' }).click();
  await reg.getByRole('heading', { name: 'Prüfen Sie Ihr Postfach' }).waitFor();
}

/**
 * On /dev/mailbox: reloads until the confirmation mail to `email` is there (the outbox sends it a
 * moment after the sign-up) and returns the link in it.
 */
export async function confirmationLink(page: Page, email: string): Promise<Locator> {
  const mail = page.getByRole('listitem').filter({
    has: page.getByRole('heading', { name: 'Bitte bestätigen Sie Ihre E-Mail-Adresse' }),
    hasText: email,
  });
  await until(
    async () => {
      if ((await mail.count()) > 0) return true;
      await page.reload();
      return false;
    },
    `the confirmation mail to ${email} in the dev mailbox`,
    20_000,
  );
  return mail.getByRole('link');
}

/** On /konto.html after the confirmation: signs in with the keyboard (Enter in the password field). */
export async function signInAfterConfirmation(
  page: Page,
  who: { email: string; password: string },
): Promise<void> {
  const reg = registration(page);
  const email = reg.getByLabel('E-Mail-Adresse', { exact: true });
  if ((await email.inputValue()) !== who.email) await email.fill(who.email);
  await reg.getByLabel('Passwort', { exact: true }).fill(who.password);
  await reg.getByLabel('Passwort', { exact: true }).press('Enter');
  await reg.getByRole('heading', { name: 'Sie sind angemeldet' }).waitFor();
}

/** Fills the TdA form of the application widget with `TDA_ANSWERS` and ticks the declaration. */
export async function fillTda(page: Page): Promise<void> {
  const app = application(page);
  const a = TDA_ANSWERS;
  await app.getByLabel('Vorname', { exact: true }).fill(a.firstName);
  await app.getByLabel('Nachname', { exact: true }).fill(a.lastName);
  const birth = app.getByRole('group', { name: 'Geburtsdatum' });
  await birth.getByLabel('Tag', { exact: true }).fill(a.day);
  await birth.getByLabel('Monat', { exact: true }).fill(a.month);
  await birth.getByLabel('Jahr', { exact: true }).fill(a.year);
  await app.getByLabel('Straße', { exact: true }).fill(a.street);
  await app.getByLabel('Hausnummer', { exact: true }).fill(a.houseNumber);
  await app.getByLabel('Postleitzahl', { exact: true }).fill(a.postalCode);
  await app.getByLabel('Wohnort', { exact: true }).fill(a.city);
  const declaration = app.getByRole('checkbox', { name: /Ich beantrage Leistungen/ });
  await declaration.focus();
  await declaration.press('Space');
  await until(() => declaration.isChecked(), 'the declaration to be ticked', 5_000);
}

/** Clicks "Antrag absenden" and returns the server's answer to POST /api/tda. */
export async function submitTda(page: Page): Promise<TdaReceipt> {
  const [response] = await Promise.all([
    page.waitForResponse(
      (r: Response) => new URL(r.url()).pathname === '/api/tda' && r.request().method() === 'POST',
    ),
    application(page).getByRole('button', { name: 'Antrag absenden' }).click(),
  ]);
  if (!response.ok())
    throw new Error(`POST /api/tda answered ${response.status()}: ${await response.text()}`);
  return (await response.json()) as TdaReceipt;
}

/** Submits the empty TdA form and waits for the error summary to take focus. */
export async function submitEmptyTda(page: Page): Promise<Locator> {
  const app = application(page);
  await app.getByRole('heading', { name: 'Antrag auf Bürgergeld stellen' }).waitFor();
  await app.getByRole('button', { name: 'Antrag absenden' }).click();
  const summary = app.getByRole('alert').filter({ hasText: 'Es gibt ein Problem' });
  await summary.waitFor();
  await waitForFocus(summary, 'the error summary');
  return summary;
}

/** Waits until the receipt offers the PDF (rendered by the outbox in a worker thread). */
export async function waitForPdfLink(page: Page): Promise<Locator> {
  const link = application(page).getByRole('link', { name: /Eingangsbestätigung herunterladen/ });
  await link.waitFor({ timeout: 90_000 });
  return link;
}

/**
 * The whole way in for a new applicant, starting on the start page `baseUrl/`: sign up, open the
 * confirmation link from the dev mailbox, sign in on /konto.html, back to the start page.
 */
export async function signUpConfirmAndSignIn(
  page: Page,
  baseUrl: string,
  who: { email: string; password: string },
): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await fillSignUp(page, who);
  await submitSignUp(page);
  await page.goto(`${baseUrl}/dev/mailbox`);
  const link = await confirmationLink(page, who.email);
  await link.click();
  await page.waitForURL(/\/konto\.html/);
  await registration(page)
    .getByRole('heading', { name: /Ihre E-Mail-Adresse ist bestätigt/ })
    .waitFor();
  await signInAfterConfirmation(page, who);
  await page.goto(`${baseUrl}/`);
}

/** On a page with the registration widget, signed out: "Anmelden", e-mail and password, signed in. */
export async function signIn(page: Page, who: { email: string; password: string }): Promise<void> {
  const reg = registration(page);
  const heading = reg.getByRole('heading', { level: 2 }).first();
  await heading.waitFor();
  if ((await heading.textContent())?.trim() !== 'Anmelden')
    await reg.getByRole('button', { name: 'Anmelden', exact: true }).click();
  await reg.getByRole('heading', { name: 'Anmelden', exact: true }).waitFor();
  await reg.getByLabel('E-Mail-Adresse', { exact: true }).fill(who.email);
  await reg.getByLabel('Passwort', { exact: true }).fill(who.password);
  await reg.getByRole('button', { name: 'Anmelden', exact: true }).click();
  await reg.getByRole('heading', { name: 'Sie sind angemeldet' }).waitFor();
}
