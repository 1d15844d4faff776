/**
 * End-to-end: the Online-Arbeitsmarktprofil (issue 5) on the Musterstadt demo, under the real CSP, in two
 * browsers. An applicant signs up, files the TdA (PLZ 00123 → Musterstadt) and fills the three eServices on
 * /arbeitsmarktprofil.html through the UI: "Aktuelle Situation", "Lebenslauf" (German native, English B2,
 * driving licence class B) and "Rahmenbedingungen" (occupation from the combobox by keyboard). The M&I
 * caseworker signs in on /postkorb.html (password + TOTP), filters the inbox by "Arbeitsmarktprofil", opens
 * the item (/profil.html?profil=…), sees the values in the comparison, accepts all fields but the commute
 * time, takes them over into VerBIS and sees the confirmation. The applicant reloads and sees "übernommen
 * am …" for every eService. No console errors or CSP violations; axe-core finds no WCAG 2.1 A/AA violation
 * on the eService page (form, submitted, taken over) and the review (before and after the takeover); the
 * eService page does not scroll sideways at 320 px.
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as applicant from './support/applicant.js';
import { axeViolations, checkReflow, germanContext, launchChromium, until, watchPage } from './support/browser.js';
import * as oap from './support/oap.js';
import { type RunningServer, startServer, withServerLog } from './support/server.js';
import { staffSignIn, TOTP_SECRET, waitForRow } from './support/staff.js';

const STAFF = { email: 'integration@musterstadt.example' };
const COMMUTE = 'Wie lange darf der Weg zur Arbeit höchstens dauern? (Minuten, eine Richtung)';
/** "übernommen am 25. November 2026" (dateStyle long, de-DE). */
const TAKEN_OVER = /übernommen am \d{1,2}\. \p{L}+ \d{4}/u;

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer({ DEMO_TOTP_SECRET: TOTP_SECRET });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A context without CSP (axe injects inline code) with the session of `ctx`. */
async function axeContext(ctx: BrowserContext): Promise<BrowserContext> {
  return browser.newContext({
    bypassCSP: true,
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
    viewport: { width: 1280, height: 900 },
    storageState: await ctx.storageState(),
  });
}

/** Waits until every eService element shows something other than "Wird geladen …". */
async function eServicesLoaded(page: Page): Promise<void> {
  for (const tag of oap.OAP_TAGS) {
    const w = page.locator(tag);
    await w.getByRole('heading', { level: 2 }).first().waitFor();
  }
}


/** The inbox row of the applicant's Arbeitsmarktprofil (a link to the review page, type cell). */
function oapRow(page: Page): Locator {
  return page
    .locator('jc-mws-inbox')
    .getByRole('row')
    .filter({ has: page.locator('a[href*="/profil.html?profil="]') })
    .filter({ has: page.getByRole('cell', { name: 'Arbeitsmarktprofil', exact: true }) })
    .filter({ hasText: applicant.TDA_ANSWERS.lastName });
}


describe('Arbeitsmarktprofil: fill, compare, take over', () => {
  it('applicant fills the three eServices, M&I caseworker takes over all but one field, applicant sees "übernommen"', async () => {
    const who = applicant.newApplicant();
    const violations: string[] = [];

    // 1. Applicant: account and TdA in Musterstadt (the OAP needs a TdA).
    const aCtx = await germanContext(browser);
    const aPage = await aCtx.newPage();
    const problems = await watchPage(aPage);
    await applicant.signUpConfirmAndSignIn(aPage, server.url, who);
    await applicant
      .application(aPage)
      .getByRole('heading', { name: 'Antrag auf Bürgergeld stellen' })
      .waitFor();
    await applicant.fillTda(aPage);
    await applicant.submitTda(aPage);
    await applicant
      .application(aPage)
      .getByRole('heading', { name: 'Eingangsbestätigung: Ihr Antrag ist eingegangen' })
      .waitFor();

    // 2. The eService page: reflow at 320 px, axe on the empty forms, then fill all three in the UI.
    await aPage.setViewportSize({ width: 320, height: 720 });
    await aPage.goto(`${server.url}/arbeitsmarktprofil.html`);
    await eServicesLoaded(aPage);
    await oap.onPage(aPage.locator('jc-oap-situation'), 'Was machen Sie jetzt?');
    await checkReflow(aPage, 'the eService page (forms)', problems);
    await aPage.setViewportSize({ width: 1280, height: 900 });
    const aAxe = await axeContext(aCtx);
    const aAxePage = await aAxe.newPage();
    await aAxePage.goto(`${server.url}/arbeitsmarktprofil.html`);
    await eServicesLoaded(aAxePage);
    await oap.onPage(aAxePage.locator('jc-oap-situation'), 'Was machen Sie jetzt?');
    violations.push(...(await axeViolations(aAxePage, 'eService page (empty forms)')));

    await oap.fillSituation(aPage);
    await oap.fillCv(aPage);
    await oap.fillConditions(aPage);
    for (const tag of oap.OAP_TAGS)
      await aPage.locator(tag).getByText('Das Jobcenter prüft Ihre Angaben.').waitFor();
    await checkReflow(aPage, 'the eService page (submitted)', problems);
    await aPage.setViewportSize({ width: 320, height: 720 });
    await checkReflow(aPage, 'the eService page (submitted)', problems);
    await aPage.setViewportSize({ width: 1280, height: 900 });
    await aAxePage.reload();
    await eServicesLoaded(aAxePage);
    for (const tag of oap.OAP_TAGS) await aAxePage.locator(tag).locator('[part="status"]').waitFor();
    violations.push(...(await axeViolations(aAxePage, 'eService page (submitted)')));

    // 3. Caseworker (M&I): sign in, find the OAP item in the inbox, open the review.
    const sCtx = await germanContext(browser);
    const sPage = await sCtx.newPage();
    await watchPage(sPage, problems);
    await sPage.goto(`${server.url}/postkorb.html`);
    await staffSignIn(sPage, STAFF.email);
    const inbox = sPage.locator('jc-mws-inbox');
    await inbox.getByLabel('Art', { exact: true }).selectOption({ label: 'Arbeitsmarktprofil' });
    await inbox.getByRole('button', { name: 'Filter anwenden' }).click();
    const row = oapRow(sPage);
    await waitForRow(sPage, row, 'the Arbeitsmarktprofil in the M&I inbox');
    await row.getByRole('link').click();
    await sPage.waitForURL(/\/profil\.html\?profil=[0-9a-f-]{36}$/);
    const profileUrl = sPage.url();

    const review = sPage.locator('jc-oap-review');
    const { firstName, lastName } = applicant.TDA_ANSWERS;
    await review.getByRole('heading', { name: `Arbeitsmarktprofil: ${lastName}, ${firstName}` }).waitFor();
    await review.getByRole('heading', { name: 'Eingereichte eServices' }).waitFor();
    const services = review.locator('section').filter({
      has: sPage.getByRole('heading', { name: 'Eingereichte eServices' }),
    });
    for (const title of ['Aktuelle Situation', 'Lebenslauf', 'Rahmenbedingungen'])
      await services
        .getByRole('listitem')
        .filter({ hasText: title })
        .filter({ hasText: 'Fassung 1, eingereicht am' })
        .filter({ hasText: 'wartet auf Übernahme' })
        .waitFor();
    const languages = oap.group(review, 'Welche Sprachen sprechen Sie?');
    await expect.poll(() => languages.textContent()).toMatch(/Deutsch \(Muttersprache\); Englisch \(B2 – gut\)/);
    expect(await languages.textContent()).toContain('Neu: in VerBIS noch leer');
    const licences = oap.group(review, 'Welche Führerscheine haben Sie?');
    expect(await licences.textContent()).toContain('Klasse B');
    expect(await oap.group(review, COMMUTE).textContent()).toContain('45');
    expect(await oap.group(review, 'Gewünschte Berufe').textContent()).toContain('Verkäufer/in');

    const sAxe = await axeContext(sCtx);
    const sAxePage = await sAxe.newPage();
    await sAxePage.goto(profileUrl);
    await oap.group(sAxePage.locator('jc-oap-review'), COMMUTE).waitFor();
    violations.push(...(await axeViolations(sAxePage, 'review (before the takeover)')));

    // 4. Accept all, keep the VerBIS value of the commute time, take over.
    const decisions = await review.getByRole('radio', { name: 'Übernehmen', exact: true }).count();
    expect(decisions).toBeGreaterThan(5);
    await review.getByRole('button', { name: 'Alle übernehmen', exact: true }).click();
    await until(
      async () =>
        (await review.getByRole('radio', { name: 'Übernehmen', exact: true }).evaluateAll(
          (rs) => rs.filter((r) => (r as HTMLInputElement).checked).length,
        )) === decisions,
      'every field marked "Übernehmen"',
      5_000,
    );
    const keep = oap.group(review, COMMUTE).getByRole('radio', { name: 'VerBIS-Wert behalten', exact: true });
    await keep.focus();
    await keep.press('Space');
    await until(() => keep.isChecked(), 'the commute time marked "VerBIS-Wert behalten"', 5_000);
    await review.getByRole('button', { name: 'In VerBIS übernehmen', exact: true }).click();
    const result = review.locator('[part="result"]');
    await result.waitFor();
    const resultText = ((await result.textContent()) ?? '').replace(/\s+/g, ' ');
    expect(resultText).toMatch(/In VerBIS übernommen am \d{1,2}\. \p{L}+ \d{4}\./u);
    expect(resultText).toContain(`${decisions - 1} Felder übernommen, 1 abgelehnt.`);
    await review.getByText(/^Übernommen am /).first().waitFor();
    for (const title of ['Aktuelle Situation', 'Lebenslauf', 'Rahmenbedingungen'])
      await services.getByRole('listitem').filter({ hasText: title }).filter({ hasText: TAKEN_OVER }).waitFor();

    await sAxePage.reload();
    await sAxePage.locator('jc-oap-review').getByText(/^Übernommen am /).first().waitFor();
    violations.push(...(await axeViolations(sAxePage, 'review (taken over)')));

    // 5. Applicant: "übernommen am …" for every eService.
    await aPage.reload();
    await eServicesLoaded(aPage);
    for (const tag of oap.OAP_TAGS) {
      const status = aPage.locator(tag).locator('[part="status"]');
      await status.filter({ hasText: /Vom Jobcenter übernommen am/ }).waitFor();
      expect(((await status.textContent()) ?? '').replace(/\s+/g, ' '), tag).toMatch(
        /Vom Jobcenter übernommen am \d{1,2}\. \p{L}+ \d{4}\./u,
      );
    }
    await aAxePage.reload();
    await eServicesLoaded(aAxePage);
    for (const tag of oap.OAP_TAGS)
      await aAxePage.locator(tag).locator('[part="status"]').filter({ hasText: TAKEN_OVER }).waitFor();
    violations.push(...(await axeViolations(aAxePage, 'eService page (taken over)')));

    expect(violations, violations.join('\n\n')).toEqual([]);
    expect(problems, withServerLog(server, problems)).toEqual([]);
    await Promise.all([aCtx.close(), sCtx.close(), aAxe.close(), sAxe.close()]);
  }, 300_000);
});
