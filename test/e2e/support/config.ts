/** Staff steps of the configuration end-to-end test: sign-in with password and TOTP, the admin element's sections. */
import type { Locator, Page } from 'playwright-core';
import { base32Decode, totp } from '../../../server/staff/totp.js';

/** Base32 of 20 fixed bytes: the demo staff are pre-enrolled with it (DEMO_TOTP_SECRET). */
export const TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
/** The one demo staff password. */
export const STAFF_PASSWORD = 'Postkorb-Demo-2026!';

/** On a page with jc-staff-sign-in: e-mail, password, then the current TOTP code. */
export async function staffSignIn(page: Page, email: string): Promise<void> {
  const signIn = page.locator('jc-staff-sign-in');
  await signIn.getByRole('heading', { name: 'Anmeldung für Mitarbeitende' }).waitFor();
  await signIn.getByLabel('Dienstliche E-Mail-Adresse', { exact: true }).fill(email);
  await signIn.getByLabel('Passwort', { exact: true }).fill(STAFF_PASSWORD);
  await signIn.getByRole('button', { name: 'Weiter', exact: true }).click();
  await signIn.getByRole('heading', { name: 'Sicherheitscode eingeben' }).waitFor();
  await signIn.getByLabel('Sicherheitscode', { exact: true }).fill(totp(base32Decode(TOTP_SECRET), Date.now()));
  await signIn.getByRole('button', { name: 'Anmelden', exact: true }).click();
  await signIn.getByRole('heading', { name: 'Sie sind angemeldet' }).waitFor();
}

/** The admin element of /verwaltung.html. */
export function admin(page: Page): Locator {
  return page.locator('jc-admin');
}

/** Opens a section of jc-admin by its tab and waits for its heading. */
export async function openSection(page: Page, tab: string, heading = tab): Promise<void> {
  const a = admin(page);
  await a.getByRole('navigation', { name: 'Bereiche' }).getByRole('button', { name: tab, exact: true }).click();
  await a.getByRole('heading', { name: heading, exact: true, level: 3 }).waitFor();
}

/** The status line of jc-admin (success messages). */
export function statusLine(page: Page): Locator {
  return admin(page).locator('p.status');
}
