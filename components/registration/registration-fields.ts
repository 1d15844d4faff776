/** Values, labels and client-side checks of the registration forms (mirrors domain/account.ts). */
import { msg } from '@lit/localize';
import type { CodedError } from '../controllers/field-errors.js';
import { addEnglish } from '../locales/localization.js';

addEnglish(() => import('../locales/en-registration.js'));

/** Views of jc-registration. */
export type RegistrationView =
  'sign-up' | 'sent' | 'confirm' | 'confirm-failed' | 'sign-in' | 'resend' | 'signed-in';

/** What the registration forms hold. */
export interface RegistrationValues extends Record<string, string | boolean> {
  email: string;
  password: string;
  passwordConfirm: string;
}

/** Field order (error summary order). */
export const REGISTRATION_FIELDS = ['email', 'password', 'passwordConfirm'] as const;

/** Minimum password length (domain/account.ts `password`, SEC-01). */
export const PASSWORD_MIN = 12;
const PASSWORD_MAX = 128;

/** Visible labels by field. */
export function registrationLabels(): Record<string, string> {
  return {
    email: msg('E-Mail-Adresse', { id: 'reg.email' }),
    password: msg('Passwort', { id: 'reg.password' }),
    passwordConfirm: msg('Passwort wiederholen', { id: 'reg.passwordConfirm' }),
  };
}

/** Shape check only; the server decides (its schema is stricter). */
function emailCode(v: string): string | undefined {
  if (!v.trim()) return 'required';
  if (v.trim().length > 254) return 'too_long';
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.trim()) ? undefined : 'invalid_email';
}

/** Checks of the sign-up form. */
export function checkSignUp(v: RegistrationValues): CodedError[] {
  const errors: CodedError[] = [];
  const e = emailCode(v.email);
  if (e) errors.push({ field: 'email', code: e });
  if (!v.password) errors.push({ field: 'password', code: 'required' });
  else if (v.password.length < PASSWORD_MIN) errors.push({ field: 'password', code: 'password_too_short' });
  else if (v.password.length > PASSWORD_MAX) errors.push({ field: 'password', code: 'too_long' });
  if (!v.passwordConfirm) errors.push({ field: 'passwordConfirm', code: 'required' });
  else if (v.password && v.passwordConfirm !== v.password)
    errors.push({ field: 'passwordConfirm', code: 'password_mismatch' });
  return errors;
}

/** Checks of the sign-in form. */
export function checkSignIn(v: RegistrationValues): CodedError[] {
  const errors: CodedError[] = [];
  const e = emailCode(v.email);
  if (e) errors.push({ field: 'email', code: e });
  if (!v.password) errors.push({ field: 'password', code: 'required' });
  return errors;
}

/** Checks of the resend form. */
export function checkEmail(v: RegistrationValues): CodedError[] {
  const e = emailCode(v.email);
  return e ? [{ field: 'email', code: e }] : [];
}

/** Plain-language name of a security level (Sicherheitsstufe). */
export function levelName(level: number): string {
  switch (level) {
    case 0:
      return msg('E-Mail-Adresse noch nicht bestätigt', { id: 'level.0' });
    case 1:
      return msg('E-Mail-Adresse bestätigt', { id: 'level.1' });
    case 2:
      return msg('Identität geprüft', { id: 'level.2' });
    case 3:
      return msg('Online-Ausweis (substanziell)', { id: 'level.3' });
    default:
      return msg('Online-Ausweis (hoch)', { id: 'level.4' });
  }
}
