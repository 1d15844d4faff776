/**
 * End-to-end: the real server and the Musterstadt demo in Chromium, driven as a person would.
 * An applicant signs up, confirms the address from the dev mailbox, signs in, files the TdA and
 * downloads the receipt PDF; every demo page loads under the real CSP without errors and fits 320 px;
 * axe-core finds no WCAG 2.1 A/AA violation on any page or widget state, error states included.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as applicant from './support/applicant.js';
import { axeViolations, checkReflow, germanContext, launchChromium, until, waitForFocus, watchPage } from './support/browser.js';
import { type RunningServer, startServer, withServerLog } from './support/server.js';
import { STAFF_PASSWORD, staffSignIn } from './support/staff.js';

/** The static demo pages and the heading each one must show. */
const PAGES: [path: string, h1: string][] = [
  ['/', 'Bürgergeld online beantragen'],
  ['/konto.html', 'Mein Konto'],
  ['/buergerservice.html', 'Bürgerservice'],
  ['/soziales.html', 'Soziales & Arbeit'],
  ['/kontakt.html', 'Kontakt'],
  ['/impressum.html', 'Impressum'],
  ['/datenschutz.html', 'Datenschutz'],
  ['/barrierefreiheit.html', 'Erklärung zur Barrierefreiheit'],
  ['/postkorb.html', 'Postkorb für Mitarbeitende'],
  ['/dubletten.html', 'Dublettenprüfung'],
  ['/support.html', 'Support'],
  ['/verwaltung.html', 'Verwaltung des Jobcenters'],
  ['/arbeitsmarktprofil.html', 'Arbeitsmarktprofil'],
];

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

/** Waits until the widgets on a page have rendered their first real view (not "Wird geladen …"). */
async function widgetsReady(page: Page): Promise<void> {
  const reg = applicant.registration(page);
  if ((await reg.count()) > 0) await reg.getByRole('heading').first().waitFor();
  const app = applicant.application(page);
  if ((await app.count()) > 0) await app.getByRole('heading').first().waitFor();
}

describe('Musterstadt demo portal', () => {
  it('an applicant on a small phone signs up, confirms the address, signs in, files the TdA and downloads the PDF', async () => {
    const context = await germanContext(browser, { acceptDownloads: true, viewport: { width: 320, height: 720 } });
    const page = await context.newPage();
    const problems = await watchPage(page);
    const who = applicant.newApplicant();

    // Sign up on the start page.
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { level: 1, name: 'Bürgergeld online beantragen' }).waitFor();
    await widgetsReady(page);
    await checkReflow(page, 'start page', problems);
    await applicant.fillSignUp(page, who);
    await applicant.submitSignUp(page);
    await checkReflow(page, 'sign-up sent', problems);
    await waitForFocus(
      applicant.registration(page).getByRole('heading', { name: 'Prüfen Sie Ihr Postfach' }),
      'the "sent" heading',
    );

    // The footer leads to the dev mailbox; the mail holds the confirmation link.
    await page
      .getByRole('contentinfo')
      .getByRole('link', { name: 'Entwicklungs-Postfach (nur Demo)' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Entwicklungs-Postfach' }).waitFor();
    const link = await applicant.confirmationLink(page, who.email);
    expect(await link.getAttribute('href')).toMatch(new RegExp(`^${server.url}/konto\\.html\\?token=`));
    await checkReflow(page, 'dev mailbox', problems);
    await link.click();

    // /konto.html confirms the address, says so, and removes the token from the address bar.
    await page.waitForURL(/\/konto\.html/);
    const confirmed = applicant.registration(page).getByRole('heading', {
      name: 'Ihre E-Mail-Adresse ist bestätigt – Sicherheitsstufe 1',
    });
    await confirmed.waitFor();
    await waitForFocus(confirmed, 'the confirmation heading');
    await until(async () => !page.url().includes('token='), 'the token to leave the address bar', 5_000);
    await checkReflow(page, 'confirmed', problems);

    // Sign in with the keyboard; the account is at Sicherheitsstufe 1.
    await applicant.signInAfterConfirmation(page, who);
    await applicant.registration(page).getByText(who.email, { exact: true }).waitFor();
    await applicant.registration(page).getByText(/^1 – /).waitFor();
    await checkReflow(page, 'signed in', problems);

    // Back to the application: the TdA form. An empty submission shows the error summary first.
    await page.getByRole('link', { name: 'Zum Antrag auf Bürgergeld' }).click();
    await page.waitForURL(`${server.url}/#antrag`);
    const summary = await applicant.submitEmptyTda(page);
    expect(await summary.getByRole('link').count()).toBeGreaterThan(3);
    await checkReflow(page, 'TdA form with errors', problems);
    await applicant.fillTda(page);
    const receipt = await applicant.submitTda(page);

    // The receipt: heading focused, the server's number and date, the responsible jobcenter.
    const app = applicant.application(page);
    const heading = app.getByRole('heading', { name: 'Eingangsbestätigung: Ihr Antrag ist eingegangen' });
    await heading.waitFor();
    await waitForFocus(heading, 'the receipt heading');
    expect(receipt.number).toMatch(/^TDA-\d{4}-[A-Z0-9]+$/);
    await app.getByText(receipt.number, { exact: true }).waitFor();
    const day = new Intl.DateTimeFormat('de-DE', { dateStyle: 'long', timeZone: 'Europe/Berlin' }).format(
      new Date(receipt.receivedAt),
    );
    const time = app.locator(`time[datetime="${receipt.receivedAt}"]`);
    expect(await time.textContent()).toContain(day);
    expect(receipt.responsibleJobcenter.id).toBe('musterstadt');
    await app.getByText('Jobcenter Musterstadt', { exact: true }).first().waitFor();

    // The PDF: download it; the bytes are a PDF, their SHA-256 is the one on the page.
    const pdfLink = await applicant.waitForPdfLink(page);
    await checkReflow(page, 'receipt', problems);
    const shown = (
      await app.locator('p', { hasText: 'Prüfsumme (SHA-256) der PDF-Datei' }).locator('code').textContent()
    )?.trim();
    expect(shown).toMatch(/^[0-9a-f]{64}$/);
    const [download] = await Promise.all([page.waitForEvent('download'), pdfLink.click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const bytes = readFileSync(await download.path());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(shown);

    // The name survives into the PDF's text (embedded Unicode font).
    const text = spawnSync('pdftotext', ['-enc', 'UTF-8', await download.path(), '-'], { encoding: 'utf8' });
    expect(text.error, 'pdftotext (apt-get install poppler-utils)').toBeUndefined();
    expect(text.stdout).toContain(applicant.TDA_ANSWERS.lastName);
    expect(text.stdout).toContain(applicant.TDA_ANSWERS.firstName);
    expect(text.stdout).toContain(receipt.number);

    expect(problems, withServerLog(server, problems)).toEqual([]);
    await context.close();
  });

  it('every demo page loads under the CSP without errors and fits a 320 px wide screen', async () => {
    const problems: string[] = [];
    for (const width of [1280, 320]) {
      const context = await germanContext(browser, { acceptDownloads: true, viewport: { width, height: 800 } });
      const page = await context.newPage();
      await watchPage(page, problems);
      for (const [path, h1] of PAGES) {
        await page.goto(`${server.url}${path}`);
        await page.getByRole('heading', { level: 1, name: h1, exact: true }).waitFor();
        await widgetsReady(page);
        expect(await page.locator('html').getAttribute('lang'), path).toBe('de');
        expect(await page.getByRole('heading', { level: 1 }).count(), `${path}: one h1`).toBe(1);
        expect(await page.getByRole('main').count(), `${path}: one main`).toBe(1);
        await checkReflow(page, path, problems);
      }
      // The skip link is the first stop of the keyboard and leads to the main content.
      await page.goto(`${server.url}/`);
      await page.keyboard.press('Tab');
      const skip = page.getByRole('link', { name: 'Zum Inhalt springen' });
      await waitForFocus(skip, 'the skip link');
      await page.keyboard.press('Enter');
      await waitForFocus(page.getByRole('main'), 'the main content');
      await page.goto(`${server.url}/dev/mailbox`);
      await page.getByRole('heading', { level: 1, name: 'Entwicklungs-Postfach' }).waitFor();
      await checkReflow(page, '/dev/mailbox', problems);
      await context.close();
    }
    expect(problems, withServerLog(server, problems)).toEqual([]);
  });

  it('a caseworker without a second factor enrols on /postkorb.html only with the enrolment code from her admin', async () => {
    const context = await germanContext(browser);
    const page = await context.newPage();
    const problems = await watchPage(page);
    await page.goto(`${server.url}/postkorb.html`);
    const signIn = page.locator('jc-staff-sign-in');
    await signIn.getByRole('heading', { name: 'Anmeldung für Mitarbeitende' }).waitFor();
    await signIn.getByLabel('Dienstliche E-Mail-Adresse', { exact: true }).fill('teamleitung@hafenstadt.example');
    await signIn.getByLabel('Passwort', { exact: true }).fill(STAFF_PASSWORD);
    await signIn.getByRole('button', { name: 'Weiter', exact: true }).click();
    await signIn.getByRole('heading', { name: 'Zweiten Faktor einrichten' }).waitFor();
    // The password alone shows no secret; a wrong code is refused with a hint to ask the admin, the input kept.
    expect(await signIn.locator('[part=secret]').count()).toBe(0);
    const code = signIn.getByLabel('Freischaltcode', { exact: true });
    await code.fill('ABCD-EFGH-JKMN');
    await signIn.getByRole('button', { name: 'Weiter', exact: true }).click();
    await signIn.getByRole('link', { name: /Freischaltcode stimmt nicht/ }).waitFor();
    expect(await code.inputValue()).toBe('ABCD-EFGH-JKMN');
    expect(await signIn.locator('[part=secret]').count()).toBe(0);
    await page.reload();
    await staffSignIn(page, 'teamleitung@hafenstadt.example');
    await page.reload();
    await signIn.getByRole('heading', { name: 'Sie sind angemeldet' }).waitFor();
    // The browser logs the refused code's 401 itself; that one is expected.
    const unexpected = problems.filter((p) => !/status of 401 .*\/api\/staff\/enrolment\]$/.test(p));
    expect(problems).toHaveLength(unexpected.length + 1);
    expect(unexpected, withServerLog(server, unexpected)).toEqual([]);
    await context.close();
  });

  it('a German page downloads no English and a signed-out visitor no form renderer; switched to English, the widgets fetch their tables and speak English', async () => {
    const context = await germanContext(browser);
    const page = await context.newPage();
    const problems = await watchPage(page);
    const tables: string[] = [];
    const formChunks: string[] = [];
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (path.startsWith('/widgets/locales/')) tables.push(path);
      if (/^\/widgets\/chunks\/[a-z]+-form-/.test(path)) formChunks.push(path);
    });
    // Signed out, the OAP eServices show their sign-in view: their form renderer is never fetched.
    await page.goto(`${server.url}/arbeitsmarktprofil.html`);
    await page.locator('jc-oap-cv').getByText('Melden Sie sich an, um Ihr Arbeitsmarktprofil auszufüllen.').waitFor();
    expect(formChunks, 'no form renderer for a signed-out visitor').toEqual([]);
    await page.goto(`${server.url}/`);
    await widgetsReady(page);
    await applicant.registration(page).getByRole('heading', { name: 'Konto erstellen' }).waitFor();
    expect(tables, 'German needs no text table').toEqual([]);
    await page.locator('jc-provider').evaluate((p) => p.setAttribute('lang', 'en'));
    await applicant.registration(page).getByRole('heading', { name: 'Create an account' }).waitFor();
    await applicant.application(page).locator('.root[lang="en"]').waitFor();
    expect(tables).toContain('/widgets/locales/en.js');
    expect(tables).toContain('/widgets/locales/en-registration.js');
    expect(problems, withServerLog(server, problems)).toEqual([]);
    await context.close();
  });

  it('axe-core finds no WCAG 2.1 A/AA violation on any page or widget state', async () => {
    // axe injects inline styles while it runs, so this context (and only this one) bypasses the CSP.
    const context = await browser.newContext({
      bypassCSP: true,
      locale: 'de-DE',
      timezoneId: 'Europe/Berlin',
    });
    const page = await context.newPage();
    const violations: string[] = [];
    const check = async (state: string) => violations.push(...(await axeViolations(page, state)));
    const who = applicant.newApplicant();

    for (const [path, h1] of PAGES) {
      await page.goto(`${server.url}${path}`);
      await page.getByRole('heading', { level: 1, name: h1, exact: true }).waitFor();
      await widgetsReady(page);
      await check(path);
    }

    // Sign-up: the error state (submitted empty), then "check your inbox".
    await page.goto(`${server.url}/`);
    await widgetsReady(page);
    await applicant.registration(page).getByRole('button', { name: 'Konto erstellen' }).click();
    await applicant
      .registration(page)
      .getByRole('alert')
      .filter({ hasText: 'Es gibt ein Problem' })
      .waitFor();
    await check('sign-up form with errors');
    await applicant.fillSignUp(page, who);
    await applicant.submitSignUp(page);
    await check('sign-up sent');

    // The dev mailbox with a mail in it, and the confirmed account page.
    await page.goto(`${server.url}/dev/mailbox`);
    const link = await applicant.confirmationLink(page, who.email);
    await check('/dev/mailbox with mails');
    await link.click();
    await applicant
      .registration(page)
      .getByRole('heading', { name: /Ihre E-Mail-Adresse ist bestätigt/ })
      .waitFor();
    await check('/konto.html confirmed');
    await applicant.signInAfterConfirmation(page, who);
    await check('/konto.html signed in');

    // The TdA form, its error state, and the receipt with the PDF link.
    await page.goto(`${server.url}/`);
    await applicant
      .application(page)
      .getByRole('heading', { name: 'Antrag auf Bürgergeld stellen' })
      .waitFor();
    await check('TdA form');
    await applicant.submitEmptyTda(page);
    await check('TdA form with errors');
    await applicant.fillTda(page);
    await applicant.submitTda(page);
    await applicant.waitForPdfLink(page);
    await check('TdA receipt');

    expect(violations, violations.join('\n\n')).toEqual([]);
    await context.close();
  });
});
