// English strings of jc-support-lookup (format of lit-localize's runtime output; ids given with msg(…, {id})).

import { str } from '@lit/localize';
import { addTemplates } from './localization.js';

/** English strings of the support lookup (jc-support-lookup); registered when the element's module loads. */
addTemplates({
  'sup.forbidden': `You have no access to the support view.`,
  'sup.notFound': `There is no account with this e-mail address.`,
  'sup.confirmedAlready': `The e-mail address is already confirmed; no confirmation mail is needed.`,
  'sup.invalidEmail': `Enter an e-mail address, e.g. name@example.com.`,
  'sup.unlocked': `The sign-in block has been lifted. The person can sign in again right away.`,
  'sup.resent': `A new confirmation mail is on its way. It contains only a link, no data.`,
  'sup.never': `never`,
  'sup.yes': `yes`,
  'sup.no': `no`,
  'sup.state': `Technical state of the account`,
  'sup.confirmed': `E-mail address confirmed`,
  'sup.locked': `Sign-in blocked`,
  'sup.lockedUntil': str`yes, until ${0}`,
  'sup.failures': str`${0} failed attempts`,
  'sup.lastSignIn': `Last sign-in`,
  'sup.level': `Security level`,
  'sup.openTda': `Open declaration of the day of application`,
  'sup.created': `Account created`,
  'sup.resend': `Send the confirmation mail again`,
  'sup.unlock': `Lift the sign-in block`,
  'sup.confirm': `Please confirm`,
  'sup.confirmUnlock': `The failed attempts of this account are deleted and sign-in is allowed again.`,
  'sup.confirmResend': `A new confirmation mail goes to the account's address.`,
  'sup.yesUnlock': `Yes, lift the block`,
  'sup.yesResend': `Yes, send`,
  'sup.cancel': `Cancel`,
  'sup.heading': `Support: look up an account`,
  'sup.intro': `You only see the technical state, no social data.`,
  'sup.email': `E-mail address of the account`,
  'sup.error': `Error:`,
  'sup.search': `Find account`,
  'sup.signedOut': `Sign in as a member of the support team.`,
  'sup.toSignIn': `Go to sign in`,
});
