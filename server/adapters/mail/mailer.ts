/** The mail port: one small interface, with SMTP through nodemailer as the default that works on one machine. */
import nodemailer from 'nodemailer';

/** One outgoing e-mail; `text` is required so every mail reads without HTML. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/** Sends mail; `send` rejects on any SMTP error so the outbox can retry (REL-05). */
export interface Mailer {
  /** Hands the message to the mail server; resolves with the Message-ID once the server accepted it. */
  send(message: MailMessage): Promise<{ messageId: string }>;
  /** Closes open connections. */
  close?(): Promise<void>;
}

/** SMTP mailer for `smtp://user:pass@host:port` (STARTTLS when offered) or `smtps://…` (implicit TLS). */
export function createSmtpMailer(opts: { url: string; from: string }): Mailer {
  const transport = nodemailer.createTransport(
    {
      url: opts.url,
      // nodemailer waits minutes by default; a hanging server should fail fast and leave retrying to the outbox.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    },
    { from: opts.from },
  );
  return {
    async send(message) {
      const info = await transport.sendMail({
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
      });
      // nodemailer resolves when at least one recipient was accepted; with one recipient a rejection means failure.
      if (info.rejected.length > 0) throw new Error(`Mail server rejected ${info.rejected.join(', ')}`);
      return { messageId: info.messageId };
    },
    async close() {
      transport.close();
    },
  };
}
