// Format of lit-localize's runtime output (locale `en`, ids given explicitly with msg(…, {id})).
// Written by hand until @lit/localize-tools is added: keep every id of a msg() call in one of the en*.ts files.

import { str } from '@lit/localize';
import { addTemplates } from './localization.js';

/* eslint-disable no-irregular-whitespace */

/** English strings of jc-registration; registered when the element's module loads. */
addTemplates({
  'reg.email': `Email address`,
  'reg.password': `Password`,
  'reg.passwordConfirm': `Repeat password`,
  'level.0': `email address not confirmed yet`,
  'level.1': `email address confirmed`,
  'level.2': `identity checked`,
  'level.3': `online ID card (substantial)`,
  'level.4': `online ID card (high)`,
  'reg.confirmed': `Your email address is confirmed – security level 1`,
  'reg.confirmed.next': `You can now apply online.`,
  'reg.signUp.heading': `Create an account`,
  'reg.signUp.intro': `With an account you apply online and can see later what has happened to your application.`,
  'reg.email.hint': `We will send you a link to confirm the address.`,
  'reg.password.hint': str`at least ${0} characters`,
  'reg.showPasswords': `Show passwords`,
  'reg.signUp.submit': `Create account`,
  'reg.haveAccount': `Already have an account?`,
  'reg.toSignIn': `Sign in`,
  'reg.sent.heading': `Check your inbox`,
  'reg.sent.to': str`We have sent an email to ${0}.`,
  'reg.sent.open': `Open the link in the email to confirm your address.`,
  'reg.sent.exists': `If there already is an account with this address, you will get a notice by email instead.`,
  'reg.sent.none': `No email?`,
  'reg.sent.spam': `Also look in your spam folder. The email can take a few minutes.`,
  'reg.sent.again': `Send the email again`,
  'reg.toSignInPage': `Go to sign in`,
  'reg.confirm.heading': `Confirming your email address`,
  'reg.confirm.wait': `Please wait a moment …`,
  'reg.confirmFailed.heading': `The confirmation link does not work`,
  'reg.confirmFailed.text': `The link has expired, has already been used or is incomplete. Ask for a new link.`,
  'reg.resend.submit': `Send a new confirmation link`,
  'reg.resend.intro': `Enter the email address of your account.`,
  'reg.signIn.heading': `Sign in`,
  'reg.showPassword': `Show password`,
  'reg.signIn.submit': `Sign in`,
  'reg.noAccount': `No account yet?`,
  'reg.toSignUp': `Create an account`,
  'reg.toResend': `Did not get the confirmation link?`,
  'reg.signedIn.heading': `You are signed in`,
  'reg.level': `Security level`,
  'reg.signedIn.confirmFirst': `Confirm your email address with the link in our email. Only then can you apply.`,
  'reg.signOut': `Sign out`,
  'reg.signIn.wrong': `Email address or password is wrong`,
  'reg.resent': str`We have sent the email to ${0} again.`,
  'reg.signedOut': `You are signed out.`,
});
