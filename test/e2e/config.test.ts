/**
 * End-to-end: jobcenter configuration (issue 6) on the Musterstadt demo, under the real CSP, in three browsers.
 * The admin signs in on /verwaltung.html (password + TOTP), adds a routing rule "PLZ 00177 → Team Nord", moves it
 * to the top with the keyboard, checks in the simulation panel that a sample person with that PLZ lands there,
 * saves the rule set, and saves a new IBD Erstantrag text in force today (with {weeks}). An applicant signs up and
 * files a TdA with PLZ 00177: her receipt shows the new text, filled. A Leistung caseworker signs in on
 * /postkorb.html and finds the TdA's work item in Team Nord, and not in Leistung A–K where the surname alone
 * would have sent it. No console errors or CSP violations; axe-core finds no WCAG 2.1 A/AA violation on the admin
 * states visited (rules, simulation result, IBD section, IBD field errors).
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as applicant from './support/applicant.js';
import { axeViolations, germanContext, launchChromium, until, watchPage } from './support/browser.js';
import { admin, openSection, staffSignIn, statusLine, TOTP_SECRET } from './support/config.js';
import { type RunningServer, startServer, withServerLog } from './support/server.js';

const ADMIN = 'admin@musterstadt.example';
const CASEWORKER = 'leistung@musterstadt.example';
const PLZ = '00177';
const RULE = { id: 'e2e-plz-00177', name: `PLZ ${PLZ} → Team Nord` };
const IBD_TEXT = 'Neu ab heute: Über Erstanträge entscheiden wir in Musterstadt binnen {weeks} Wochen nach Eingang aller Unterlagen.';
const IBD_WEEKS = '2';
const IBD_FILLED = IBD_TEXT.replace('{weeks}', IBD_WEEKS);

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

/** Adds the PLZ rule through the condition editor and moves it to the top with Enter on "Nach oben". */
async function addRuleAtTop(page: Page): Promise<void> {
  const a = admin(page);
  const rules = a.locator('li.rule');
  await rules.first().waitFor();
  await a.getByRole('button', { name: 'Regel hinzufügen', exact: true }).click();
  const form = a.locator('form.rule-form');
  await form.getByLabel('Kennung', { exact: true }).fill(RULE.id);
  await form.getByLabel('Name', { exact: true }).fill(RULE.name);
  await form.getByRole('checkbox', { name: 'tda', exact: true }).check();
  await form.getByLabel('PLZ-Anfänge (mit Komma)', { exact: true }).fill(PLZ);
  await form.getByRole('combobox', { name: /^Postkorb/ }).selectOption({ label: 'Team Nord' });
  await form.getByRole('button', { name: 'Übernehmen', exact: true }).click();
  const count = await rules.count();
  expect(await rules.last().textContent()).toContain(RULE.name);
  await a.getByRole('button', { name: new RegExp(`^Nach oben\\s+${RULE.name}$`) }).focus();
  for (let position = count - 1; position >= 1; position--) {
    await page.keyboard.press('Enter');
    await statusLine(page).filter({ hasText: `Regel ${RULE.name} ist jetzt an Position ${position}.` }).waitFor();
  }
  expect(await rules.first().getAttribute('data-id')).toBe(RULE.id);
  expect(await rules.first().textContent()).toMatch(/tda · PLZ 00177 → Team Nord/);
}

/** Runs the simulation for the applicant's data with PLZ `plz`; returns the result panel. */
async function simulate(page: Page, plz: string): Promise<Locator> {
  const a = admin(page);
  const form = a.locator('form.sim');
  await form.getByRole('combobox', { name: /^Vorgangsart/ }).selectOption('tda');
  await form.getByLabel('Nachname', { exact: true }).fill(applicant.TDA_ANSWERS.lastName);
  await form.getByLabel('Geburtsdatum', { exact: true }).fill('1989-03-07');
  await form.getByLabel('PLZ', { exact: true }).fill(plz);
  await form.getByRole('button', { name: 'Simulieren', exact: true }).click();
  const result = a.locator('.sim-result');
  await result.getByText(/Diese Beispielperson würde landen in/).waitFor();
  return result;
}

/** The inbox row of the TdA with `number`. */
function tdaRow(page: Page, number: string): Locator {
  return page.locator('jc-mws-inbox').getByRole('row').filter({ hasText: number });
}

/** Chooses a Postkorb in the inbox navigation and waits until it is the current one. */
async function choosePostkorb(page: Page, name: string): Promise<void> {
  const nav = page.locator('jc-mws-inbox').getByRole('navigation', { name: 'Postkörbe' });
  const link = nav.getByRole('link', { name: new RegExp(`^${name} \\(`) });
  await link.click();
  await until(async () => (await link.getAttribute('aria-current')) === 'page', `Postkorb ${name} to be shown`, 10_000);
}

describe('Jobcenter configuration: routing rule and IBD text take effect', () => {
  it('admin adds a rule and a new IBD text → the TdA lands in Team Nord and the applicant reads the new text', async () => {
    const problems: string[] = [];

    // 1. Admin: sign in, rule at the top, simulation, save; new IBD text in force today.
    const adminCtx = await germanContext(browser);
    const adminPage = await adminCtx.newPage();
    await watchPage(adminPage, problems);
    await adminPage.goto(`${server.url}/verwaltung.html`);
    await staffSignIn(adminPage, ADMIN);
    const a = admin(adminPage);
    await a.getByRole('heading', { name: 'Regeln', exact: true, level: 3 }).waitFor();
    await addRuleAtTop(adminPage);

    await openSection(adminPage, 'Simulation');
    const before = await simulate(adminPage, '00123');
    expect(await before.textContent()).toContain('Diese Beispielperson würde landen in: Leistung A–K');
    const sim = await simulate(adminPage, PLZ);
    await sim.getByText('Diese Beispielperson würde landen in: Team Nord').waitFor();
    expect(await sim.textContent()).toContain(`Regel: ${RULE.name}`);

    await openSection(adminPage, 'Regeln');
    expect(await a.locator('li.rule').first().getAttribute('data-id')).toBe(RULE.id);
    await a.getByRole('button', { name: 'Regelwerk speichern', exact: true }).click();
    await statusLine(adminPage).filter({ hasText: 'Das Regelwerk ist gespeichert.' }).waitFor();
    expect(await a.locator('.errors').count()).toBe(0);

    await openSection(adminPage, 'Bearbeitungsdauer (IBD)');
    await a.locator('li.ibd-type[data-type=erstantrag]').waitFor();
    await a.getByLabel('Antragsart', { exact: true }).selectOption({ label: 'Erstantrag' });
    await a.getByLabel('Text (Deutsch)', { exact: true }).fill(IBD_TEXT);
    await a.getByLabel('Wochen (für {weeks})', { exact: true }).fill(IBD_WEEKS);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
    expect(await a.getByLabel('Gültig ab', { exact: true }).inputValue()).toBe(today);
    await a.locator('.ibd-preview .preview-de').getByText(IBD_FILLED, { exact: true }).waitFor();
    await a.getByRole('button', { name: 'Version speichern', exact: true }).click();
    await statusLine(adminPage).filter({ hasText: `Der Text für Erstantrag ist gespeichert und gilt ab ${today}.` }).waitFor();
    await a.locator('.ibd-saved').getByText(IBD_FILLED, { exact: true }).waitFor();
    await a.locator('li.ibd-type[data-type=erstantrag] .ibd-current').getByText(IBD_TEXT, { exact: true }).waitFor();

    // 2. Applicant: account, TdA with PLZ 00177; the receipt shows the new IBD text.
    const who = applicant.newApplicant();
    const aCtx = await germanContext(browser);
    const aPage = await aCtx.newPage();
    await watchPage(aPage, problems);
    await applicant.signUpConfirmAndSignIn(aPage, server.url, who);
    const app = applicant.application(aPage);
    await app.getByRole('heading', { name: 'Antrag auf Bürgergeld stellen' }).waitFor();
    await applicant.fillTda(aPage);
    await app.getByLabel('Postleitzahl', { exact: true }).fill(PLZ);
    const receipt = await applicant.submitTda(aPage);
    expect(receipt.responsibleJobcenter.id).toBe('musterstadt');
    await app.getByRole('heading', { name: 'Eingangsbestätigung: Ihr Antrag ist eingegangen' }).waitFor();
    await app.locator('jc-ibd-notice').getByText(IBD_FILLED, { exact: true }).waitFor();

    // 3. Caseworker: the TdA's work item is in Team Nord, not in Leistung A–K.
    const sCtx = await germanContext(browser);
    const sPage = await sCtx.newPage();
    await watchPage(sPage, problems);
    await sPage.goto(`${server.url}/postkorb.html`);
    await staffSignIn(sPage, CASEWORKER);
    await choosePostkorb(sPage, 'Team Nord');
    const row = tdaRow(sPage, receipt.number);
    await until(
      async () => {
        if ((await row.count()) > 0) return true;
        await sPage.reload();
        await sPage.locator('jc-mws-inbox').getByRole('navigation', { name: 'Postkörbe' }).waitFor({ timeout: 5_000 }).catch(() => {});
        return (await row.count()) > 0;
      },
      'the TdA in Postkorb Team Nord',
      30_000,
    );
    expect(await row.count()).toBe(1);
    expect(await row.textContent()).toContain('Team Nord');
    expect(await row.textContent()).toContain('Tag der Antragstellung');
    await choosePostkorb(sPage, 'Leistung A–K');
    await sPage.locator('jc-mws-inbox').getByRole('table').or(sPage.locator('jc-mws-inbox').getByText('In diesem Postkorb liegen keine Vorgänge.')).first().waitFor();
    expect(await tdaRow(sPage, receipt.number).count()).toBe(0);

    // 4. axe on the admin states (CSP bypassed for axe's inline styles; the admin's session copied).
    const axeCtx = await germanContext(browser, { bypassCSP: true, storageState: await adminCtx.storageState() });
    const axePage = await axeCtx.newPage();
    await axePage.goto(`${server.url}/verwaltung.html`);
    await admin(axePage).locator('li.rule').first().waitFor();
    expect(await admin(axePage).locator('li.rule').first().getAttribute('data-id')).toBe(RULE.id);
    const violations = [...(await axeViolations(axePage, 'admin: rules'))];
    await openSection(axePage, 'Simulation');
    await (await simulate(axePage, PLZ)).getByText('Diese Beispielperson würde landen in: Team Nord').waitFor();
    violations.push(...(await axeViolations(axePage, 'admin: simulation result')));
    await openSection(axePage, 'Bearbeitungsdauer (IBD)');
    await admin(axePage).locator('li.ibd-type[data-type=erstantrag] .ibd-current').getByText(IBD_TEXT, { exact: true }).waitFor();
    violations.push(...(await axeViolations(axePage, 'admin: IBD section')));
    await admin(axePage).getByLabel('Text (Deutsch)', { exact: true }).fill('Zu kurz');
    await admin(axePage).getByRole('button', { name: 'Version speichern', exact: true }).click();
    await admin(axePage).locator('.ibd-errors').getByText('Der Text muss mindestens 20 Zeichen haben.').waitFor();
    violations.push(...(await axeViolations(axePage, 'admin: IBD field errors')));
    expect(violations, violations.join('\n\n')).toEqual([]);

    expect(problems, withServerLog(server, problems)).toEqual([]);
    await Promise.all([adminCtx.close(), aCtx.close(), sCtx.close(), axeCtx.close()]);
  }, 300_000);
});
