/** Staff steps shared by the end-to-end tests: sign-in with password and TOTP, waiting for a routed inbox row. */
import type { Locator, Page } from 'playwright-core';
import { base32Decode, totp } from '../../../server/staff/totp.js';
import { until } from './browser.js';

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

/** Reloads the inbox page until the row is there (routing runs in the outbox). */
export async function waitForRow(page: Page, row: Locator, what: string): Promise<void> {
  await until(
    async () => {
      if ((await row.count()) > 0) return true;
      await page.reload();
      await page
        .locator('jc-mws-inbox')
        .getByRole('table')
        .waitFor({ timeout: 5_000 })
        .catch(() => {});
      return (await row.count()) > 0;
    },
    what,
    30_000,
  );
}
