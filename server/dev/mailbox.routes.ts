/** The development mailbox (only when not in production): a page and JSON of all mails sent. */
import { Hono } from 'hono';
import { listDevMails } from '../adapters/mail/dev-mailbox.js';
import type { AppDeps, AppEnv } from '../context.js';
import { PAGE_CSP } from '../http/security.js';

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** Makes URLs in an already escaped text clickable. */
function linkify(escaped: string): string {
  return escaped.replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);
}

/** Builds the /dev sub-app. */
export function mailboxRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .get('/mailbox.json', async (c) => {
      const mails = await listDevMails(deps.db.db);
      return c.json({
        items: mails.map((m) => ({
          id: m.id,
          to: m.to,
          subject: m.subject,
          text: m.text,
          createdAt: m.created_at,
          links: m.text.match(/https?:\/\/[^\s]+/g) ?? [],
        })),
      });
    })
    .get('/mailbox', async (c) => {
      // A page, not an API answer: the portal's page CSP, so its stylesheet loads.
      c.header('content-security-policy', PAGE_CSP);
      const mails = await listDevMails(deps.db.db);
      const items = mails
        .map(
          (m) => `<li><article aria-labelledby="m-${m.id}">
  <h2 id="m-${m.id}">${escapeHtml(m.subject)}</h2>
  <p class="meta">An: ${escapeHtml(m.to)} · <time datetime="${m.created_at}">${new Date(m.created_at).toLocaleString('de-DE', { timeZone: 'Europe/Berlin' })}</time></p>
  <pre>${linkify(escapeHtml(m.text))}</pre>
</article></li>`,
        )
        .join('\n');
      return c.html(`<!doctype html>
<html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Entwicklungs-Postfach</title><link rel="icon" href="/favicon.ico"><link rel="stylesheet" href="/demo.css"></head>
<body class="mailbox"><main id="inhalt">
<p><a href="/">Zurück zum Portal</a></p>
<h1>Entwicklungs-Postfach</h1>
<p>Diese Seite gibt es nur außerhalb des Produktivbetriebs. Sie zeigt jede E-Mail, die der Server verschickt hätte (neueste zuerst).</p>
${mails.length ? `<ol class="mails">${items}</ol>` : '<p>Noch keine E-Mails.</p>'}
</main></body></html>`);
    });
}
