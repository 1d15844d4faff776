/** Texts of the account mails, German and English; mails carry links, never social data. */
import type { MailMessage } from '../adapters/mail/mailer.js';

type Lang = 'de' | 'en';

/** Confirmation mail with the link that raises the account to Sicherheitsstufe 1. */
export function confirmationMail(to: string, link: string, lang: Lang): MailMessage {
  if (lang === 'en') {
    return {
      to,
      subject: 'Please confirm your e-mail address',
      text: `Hello,\n\nplease confirm your e-mail address for your jobcenter account by opening this link:\n\n${link}\n\nThe link is valid for 48 hours. If you did not register, ignore this e-mail.\n\nYour jobcenter`,
    };
  }
  return {
    to,
    subject: 'Bitte bestätigen Sie Ihre E-Mail-Adresse',
    text: `Guten Tag,\n\nbitte bestätigen Sie Ihre E-Mail-Adresse für Ihr Konto beim Jobcenter. Öffnen Sie dazu diesen Link:\n\n${link}\n\nDer Link ist 48 Stunden gültig. Wenn Sie sich nicht registriert haben, können Sie diese E-Mail ignorieren.\n\nIhr Jobcenter`,
  };
}

/** Sent instead when someone signs up with an address that already has a confirmed account. */
export function alreadyRegisteredMail(to: string, signInLink: string, lang: Lang): MailMessage {
  if (lang === 'en') {
    return {
      to,
      subject: 'Registration with your e-mail address',
      text: `Hello,\n\nsomeone tried to register with your e-mail address. You already have an account: sign in here:\n\n${signInLink}\n\nIf it was not you, you need not do anything.\n\nYour jobcenter`,
    };
  }
  return {
    to,
    subject: 'Registrierung mit Ihrer E-Mail-Adresse',
    text: `Guten Tag,\n\njemand hat versucht, sich mit Ihrer E-Mail-Adresse zu registrieren. Sie haben bereits ein Konto. Hier melden Sie sich an:\n\n${signInLink}\n\nWenn Sie das nicht waren, müssen Sie nichts tun.\n\nIhr Jobcenter`,
  };
}
