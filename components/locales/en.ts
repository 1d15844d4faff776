// Format of lit-localize's runtime output (locale `en`, ids given explicitly with msg(…, {id})).
// Written by hand until @lit/localize-tools is added: keep every id of a msg() call in one of the en*.ts files.

import { str } from './str.js';

/* eslint-disable no-irregular-whitespace */

/** Strings shared by every widget (controls, errors, API messages, common receipt parts). */
export default {
  'common.loading': `Loading …`,
  'reg.resend.heading': `Send the confirmation link again`,
  'receipt.pdf.pending': `The PDF file is being created. This usually takes only a few seconds …`,
  'receipt.number': `Application number`,
  'receipt.receivedAt': `Received on`,
  'receipt.next.heading': `What happens next?`,
  'tda.birthDate.hint': `For example 27 3 1985`,
  'common.sending': `Sending …`,
  'tda.submit': `Send application`,
  'control.required': `This field is required`,
  'control.errorPrefix': `Error:`,
  'api.network': `No connection to the server. Check your internet connection and try again.`,
  'api.tooMany': str`Too many attempts. Wait ${0} minutes and then try again.`,
  'api.generic': `Sorry, that did not work. Please try again later.`,
  'form.titlePrefix': `Error: `,
  'date.day': `Day`,
  'date.month': `Month`,
  'date.year': `Year`,
  'summary.heading': `There is a problem`,
  'err.firstName.required': `Enter your first name`,
  'err.lastName.required': `Enter your last name`,
  'err.birthDate.required': `Enter your date of birth`,
  'err.birthDate.invalid': `Date of birth must be a real date, for example 27 3 1985`,
  'err.street.required': `Enter your street`,
  'err.houseNumber.required': `Enter your house number`,
  'err.postalCode.invalid': `Enter your postcode with 5 digits`,
  'err.city.required': `Enter your town or city`,
  'err.email.required': `Enter your email address`,
  'err.password.required': `Enter your password`,
  'err.passwordConfirm.required': `Enter the password again`,
  'err.password_too_short': `Your password must be at least 12 characters long`,
  'err.password_common': `This password is too common and easy to guess. Choose a different password`,
  'err.password_mismatch': `The passwords do not match. Enter the same password twice`,
  'err.declaration_required': `Confirm that you are applying for benefits under SGB II`,
  'err.unknown': str`Check your answer to “${0}”`,
};
