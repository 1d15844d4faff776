/** SMTP mailer against a real in-process SMTP server: delivery with UTF-8 and rejection that reaches the caller. */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmtpMailer } from '../../server/adapters/mail/mailer.js';

const received: { from: string; to: string[]; raw: string }[] = [];
let server: SMTPServer;
let port: number;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('unbekannt@')) {
        return callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** Decodes quoted-printable (body) or RFC 2047 Q/B words (headers); nodemailer picks these for UTF-8 text. */
function qp(text: string): string {
  const latin1 = text
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(latin1, 'latin1').toString('utf8');
}
function header(raw: string, name: string): string {
  const folded = new RegExp(`^${name}: (.*(?:\\r?\\n[ \\t].*)*)`, 'im').exec(raw)![1];
  return folded
    .replace(/\?=\r?\n[ \t]=\?/g, '?==?')
    .replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=/gi, (_, enc: string, word: string) =>
      enc.toUpperCase() === 'B' ? Buffer.from(word, 'base64').toString('utf8') : qp(word.replace(/_/g, ' ')),
    );
}

describe('createSmtpMailer', () => {
  it('delivers subject, recipient and UTF-8 text', async () => {
    const mailer = createSmtpMailer({
      url: `smtp://127.0.0.1:${port}`,
      from: 'Jobcenter <noreply@jobcenter.example>',
    });
    try {
      const subject = 'Bestätigung Ihres Antrags TDA-2026-7K3M9Q';
      const { messageId } = await mailer.send({
        to: 'lukasz@example.org',
        subject,
        text: 'Bestätigung: Ihr Antrag ist eingegangen. Łukasz Dvořák-Ünal, Олена, محمد',
      });
      expect(messageId).toMatch(/^<.+@.+>$/);
      const mail = received.at(-1)!;
      expect(mail.from).toBe('noreply@jobcenter.example');
      expect(mail.to).toEqual(['lukasz@example.org']);
      expect(header(mail.raw, 'To')).toBe('lukasz@example.org');
      expect(mail.raw).toContain(`Message-ID: ${messageId}`);
      expect(mail.raw).toMatch(/^Content-Type: text\/plain; charset=utf-8$/im);
      // Non-ASCII subjects travel MIME-encoded (RFC 2047) and the body quoted-printable; decode before comparing.
      expect(header(mail.raw, 'Subject')).toBe(subject);
      expect(mail.raw).toMatch(/^Content-Transfer-Encoding: quoted-printable$/im);
      expect(
        qp(
          mail.raw
            .split(/\r?\n\r?\n/)
            .slice(1)
            .join('\n'),
        ),
      ).toContain('Bestätigung: Ihr Antrag ist eingegangen. Łukasz Dvořák-Ünal, Олена, محمد');
    } finally {
      await mailer.close?.();
    }
  });

  it('rejects when the server refuses the recipient, so the outbox can retry', async () => {
    const mailer = createSmtpMailer({ url: `smtp://127.0.0.1:${port}`, from: 'noreply@jobcenter.example' });
    try {
      await expect(
        mailer.send({ to: 'unbekannt@example.org', subject: 'Test', text: 'Bestätigung' }),
      ).rejects.toThrow(/550|Mailbox unavailable/);
    } finally {
      await mailer.close?.();
    }
  });

  it('rejects when no server listens', async () => {
    const probe = new SMTPServer({ authOptional: true, logger: false });
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const closedPort = (probe.server.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const mailer = createSmtpMailer({
      url: `smtp://127.0.0.1:${closedPort}`,
      from: 'noreply@jobcenter.example',
    });
    await expect(mailer.send({ to: 'a@example.org', subject: 'Test', text: 'x' })).rejects.toThrow();
  });
});
