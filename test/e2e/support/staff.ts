/** Staff steps shared by the end-to-end tests: sign-in with password and TOTP (or enrolment), waiting for a routed inbox row. */
import type { Locator, Page } from 'playwright-core';
import { DEMO_ENROLMENT_CODE } from '../../../server/staff/demo-staff.js';
import { base32Decode, totp } from '../../../server/staff/totp.js';
import { until } from './browser.js';

/** Base32 of 20 fixed bytes: the demo staff are pre-enrolled with it (DEMO_TOTP_SECRET). */
export const TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
/** The one demo staff password. */
export const STAFF_PASSWORD = 'Postkorb-Demo-2026!';
/** The enrolment code (Freischaltcode) of every demo member not enrolled yet. */
export const ENROLMENT_CODE = DEMO_ENROLMENT_CODE;

/**
 * On a page with jc-staff-sign-in: e-mail, password, then the current TOTP code. A member without a second factor
 * (a server without DEMO_TOTP_SECRET) enrols on the way: the enrolment code, the secret read from the page, the
 * first code, the recovery codes confirmed. Returns the secret the member's codes come from.
 */
export async function staffSignIn(
  page: Page,
  email: string,
  enrolmentCode = ENROLMENT_CODE,
): Promise<string> {
  const signIn = page.locator('jc-staff-sign-in');
  await signIn.getByRole('heading', { name: 'Anmeldung für Mitarbeitende' }).waitFor();
  await signIn.getByLabel('Dienstliche E-Mail-Adresse', { exact: true }).fill(email);
  await signIn.getByLabel('Passwort', { exact: true }).fill(STAFF_PASSWORD);
  await signIn.getByRole('button', { name: 'Weiter', exact: true }).click();
  const totpHeading = signIn.getByRole('heading', { name: 'Sicherheitscode eingeben' });
  const enrolHeading = signIn.getByRole('heading', { name: 'Zweiten Faktor einrichten' });
  await totpHeading.or(enrolHeading).waitFor();
  let secret = TOTP_SECRET;
  if (await enrolHeading.isVisible()) {
    await signIn.getByLabel('Freischaltcode', { exact: true }).fill(enrolmentCode);
    await signIn.getByRole('button', { name: 'Weiter', exact: true }).click();
    secret = (await signIn.locator('[part=secret]').textContent())!.replace(/\s/g, '');
    await signIn.getByLabel('Sicherheitscode', { exact: true }).fill(totp(base32Decode(secret), Date.now()));
    await signIn.getByRole('button', { name: 'Einrichtung abschließen', exact: true }).click();
    await signIn.getByRole('heading', { name: 'Ihre Wiederherstellungscodes' }).waitFor();
    await signIn.getByLabel('Ich habe die Codes sicher aufbewahrt', { exact: true }).check();
    await signIn.getByRole('button', { name: 'Weiter', exact: true }).click();
  } else {
    await signIn.getByLabel('Sicherheitscode', { exact: true }).fill(totp(base32Decode(secret), Date.now()));
    await signIn.getByRole('button', { name: 'Anmelden', exact: true }).click();
  }
  await signIn.getByRole('heading', { name: 'Sie sind angemeldet' }).waitFor();
  return secret;
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
