/**
 * End-to-end: Mitwirkung (issue 4) on the Musterstadt demo, under the real CSP, in two browsers.
 * An applicant files the TdA in the portal and a Hauptantrag with a rented flat (through the API: the UI
 * path is ade.test.ts). A caseworker signs in on /postkorb.html (password + TOTP from DEMO_TOTP_SECRET),
 * claims the Hauptantrag, opens the review, comments "Grundmiete", requests the Mietvertrag and sends the
 * request. The applicant finds "Ihre Aufgaben" on /konto.html with the deadline and the comment, corrects
 * the rent, uploads a PDF and marks it done, which closes the round. The caseworker sees old → new and the
 * document, sets "Entscheidungsreif", and the inbox holds the MWS reply. No console errors or CSP
 * violations in either browser; axe-core finds no WCAG 2.1 A/AA violation on the review and the to-do list.
 */
import { randomUUID } from 'node:crypto';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPLICATION_DATE, complete, HOUSEHOLDS } from '../fixtures/households.js';
import * as ade from './support/ade.js';
import * as applicant from './support/applicant.js';
import { axeViolations, germanContext, launchChromium, watchPage } from './support/browser.js';
import { type RunningServer, startServer, withServerLog } from './support/server.js';
import { staffSignIn, TOTP_SECRET, waitForRow } from './support/staff.js';

const STAFF = { email: 'leistung@musterstadt.example' };
const COMMENT = 'Laut Mietvertrag beträgt die Grundmiete mehr als 0 €. Bitte prüfen Sie den Betrag.';
const NEW_RENT = '520';

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

/** Creates, fills and submits a Hauptantrag through the API with the page's session cookie. */
async function submitHauptantragViaApi(page: Page): Promise<string> {
  const api = page.request;
  const start = await api.post(`${server.url}/api/applications`, {
    data: { portalJobcenterId: 'musterstadt' },
  });
  expect(start.status(), await start.text()).toBeLessThan(300);
  const body = (await start.json()) as { id: string; applicationDate?: string; version?: number };
  const answers = complete(HOUSEHOLDS[0].answers, body.applicationDate ?? APPLICATION_DATE);
  const saved = await api.put(`${server.url}/api/applications/${body.id}/answers`, {
    data: { answers },
    headers: { 'if-match': `"${body.version ?? 1}"` },
  });
  expect(saved.status(), await saved.text()).toBe(200);
  const version = ((await saved.json()) as { version: number }).version;
  const sub = await api.post(`${server.url}/api/applications/${body.id}/submit`, {
    headers: { 'if-match': `"${version}"`, 'idempotency-key': randomUUID() },
  });
  expect(sub.status(), await sub.text()).toBe(200);
  return body.id;
}


/** The inbox row of an application's work item of a type ("Hauptantrag", "Antwort auf Mitwirkung"). */
function inboxRow(page: Page, applicationId: string, type: string): Locator {
  return page
    .locator('jc-mws-inbox')
    .getByRole('row')
    .filter({ has: page.locator(`a[href*="antrag=${applicationId}"]`) })
    .filter({ has: page.getByRole('cell', { name: type, exact: true }) });
}


describe('Mitwirkung: request, answer and review', () => {
  it('caseworker requests, applicant corrects and uploads, caseworker sees it and sets "Entscheidungsreif"', async () => {
    const who = applicant.newApplicant();

    // 1. Applicant: account, TdA in the portal, Hauptantrag with rent through the API.
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
    const applicationId = await submitHauptantragViaApi(aPage);

    // 2. Caseworker: sign in with password and TOTP, claim and open the Hauptantrag.
    const sCtx = await germanContext(browser);
    const sPage = await sCtx.newPage();
    await watchPage(sPage, problems);
    await sPage.goto(`${server.url}/postkorb.html`);
    await staffSignIn(sPage, STAFF.email);
    const inbox = sPage.locator('jc-mws-inbox');
    await inbox.getByLabel('Art', { exact: true }).selectOption({ label: 'Hauptantrag' });
    await inbox.getByRole('button', { name: 'Filter anwenden' }).click();
    const adeRow = inboxRow(sPage, applicationId, 'Hauptantrag');
    await waitForRow(sPage, adeRow, 'the Hauptantrag in the inbox');
    await adeRow.getByRole('button', { name: /^Übernehmen/ }).click();
    await adeRow.getByRole('cell', { name: /\(Sie\)/ }).waitFor();
    await adeRow.getByRole('link').click();
    await sPage.waitForURL(new RegExp(`/vorgang\\.html\\?antrag=${applicationId}`));

    const review = sPage.locator('jc-mws-review');
    await review.getByRole('heading', { name: /^Status: / }).waitFor();
    await review.locator('summary').filter({ hasText: 'KDU' }).click();
    await review.getByRole('button', { name: /^Kommentieren\s*: Grundmiete/ }).click();
    await review.getByLabel(/^Kommentar zu „Grundmiete/).fill(COMMENT);
    await review.getByRole('button', { name: 'Zur Anforderung hinzufügen' }).click();
    await review.getByRole('button', { name: /^Nachweis anfordern\s*: Mietvertrag$/ }).click();
    const draft = review.getByRole('list', { name: 'Punkte der Anforderung' });
    await draft.getByText(COMMENT).waitFor();
    await draft.getByRole('button', { name: /^Entfernen\s*: Mietvertrag$/ }).waitFor();
    await review.getByRole('button', { name: 'Anforderung senden' }).click();
    await review.getByRole('heading', { name: 'Status: Unterlagen angefordert' }).waitFor();

    // 3. Applicant: the to-do with deadline and comment; correct, upload, mark done, send.
    await aPage.goto(`${server.url}/konto.html`);
    const todo = aPage.locator('jc-mws-todo');
    await todo.getByRole('heading', { name: 'Ihre Aufgaben' }).waitFor();
    // The default deadline is 14 days (13–15 allowed around midnight in Berlin).
    const deadline = todo.locator('[part="deadline"]');
    await deadline.waitFor();
    expect((await deadline.textContent())?.replace(/\s+/g, ' ').trim()).toMatch(
      /^Frist: bis .+ – noch 1[3-5] Tage$/,
    );
    await todo.getByText(COMMENT).waitFor();
    await todo.getByRole('heading', { name: /^Angabe prüfen: Grundmiete/ }).waitFor();
    await todo.getByLabel('Richtige Angabe', { exact: true }).fill(NEW_RENT);
    await todo.getByRole('button', { name: /^Angabe korrigieren\s*: Grundmiete/ }).click();
    await todo.getByRole('button', { name: /^Angabe korrigieren/ }).waitFor({ state: 'detached' });

    const uploaded = aPage.waitForResponse(
      (r) => r.request().method() === 'POST' && /\/evidence\/.+\/documents$/.test(new URL(r.url()).pathname),
    );
    await todo.getByLabel('Datei hochladen: Mietvertrag', { exact: true }).setInputFiles({
      name: 'Mietvertrag.pdf',
      mimeType: 'application/pdf',
      buffer: ade.minimalPdf(),
    });
    expect((await uploaded).status(), 'upload of the Mietvertrag').toBe(201);
    await todo
      .getByText(/Mietvertrag\.pdf/)
      .first()
      .waitFor();
    await todo.getByRole('button', { name: /^Als erledigt melden\s*: Mietvertrag$/ }).click();
    await todo.getByRole('button', { name: /^Als erledigt melden/ }).waitFor({ state: 'detached' });
    // Answering the last open item closes the round by itself (server/mws/mws.applicant.ts, finishRound):
    // "Alles erledigt – an das Jobcenter senden" is only offered while items are still open.
    await todo.getByRole('heading', { name: 'Erledigte Anforderungen' }).waitFor();
    expect(await todo.getByRole('button', { name: 'Alles erledigt – an das Jobcenter senden' }).count()).toBe(
      0,
    );

    // 4. Caseworker: old → new, the document, "Entscheidungsreif"; the inbox has the reply.
    await sPage.reload();
    await review.getByRole('heading', { name: /^Status: / }).waitFor();
    const history = review.getByRole('region', { name: 'Verlauf' });
    const change = history.getByRole('listitem').filter({ hasText: /Grundmiete/ });
    await change.waitFor();
    expect(await change.locator('ins').textContent()).toContain(NEW_RENT);
    expect((await change.locator('del').textContent())?.trim()).not.toBe('');
    await review.getByRole('link', { name: 'Mietvertrag.pdf' }).first().waitFor();
    await review.getByRole('button', { name: 'Status setzen: Entscheidungsreif' }).click();
    await review.getByRole('heading', { name: 'Status: Entscheidungsreif' }).waitFor();

    await sPage.goto(`${server.url}/postkorb.html`);
    const replyRow = inboxRow(sPage, applicationId, 'Antwort auf Mitwirkung');
    await waitForRow(sPage, replyRow, 'the MWS reply in the inbox');

    // 5. axe on the review and the to-do list (CSP bypassed, sessions copied: a TOTP step is usable once).
    const violations: string[] = [];
    const sAxe = await browser.newContext({
      bypassCSP: true,
      locale: 'de-DE',
      timezoneId: 'Europe/Berlin',
      storageState: await sCtx.storageState(),
    });
    const sAxePage = await sAxe.newPage();
    await sAxePage.goto(`${server.url}/vorgang.html?antrag=${applicationId}`);
    await sAxePage
      .locator('jc-mws-review')
      .getByRole('heading', { name: 'Status: Entscheidungsreif' })
      .waitFor();
    violations.push(...(await axeViolations(sAxePage, 'review')));
    const aAxe = await browser.newContext({
      bypassCSP: true,
      locale: 'de-DE',
      timezoneId: 'Europe/Berlin',
      storageState: await aCtx.storageState(),
    });
    const aAxePage = await aAxe.newPage();
    await aAxePage.goto(`${server.url}/konto.html`);
    await aAxePage.locator('jc-mws-todo').getByRole('heading', { name: 'Erledigte Anforderungen' }).waitFor();
    violations.push(...(await axeViolations(aAxePage, 'to-do list')));
    expect(violations, violations.join('\n\n')).toEqual([]);

    expect(problems, withServerLog(server, problems)).toEqual([]);
    await Promise.all([aCtx.close(), sCtx.close(), sAxe.close(), aAxe.close()]);
  }, 300_000);
});
