/** Staff steps of the configuration end-to-end test: sign-in with password and TOTP, the admin element's sections. */
import type { Locator, Page } from 'playwright-core';

export { STAFF_PASSWORD, staffSignIn, TOTP_SECRET } from './staff.js';

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
