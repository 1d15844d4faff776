/** Values, labels, client-side checks and messages of the staff sign-in (mirrors domain/staff.ts). */
import { msg } from '@lit/localize';
import type { StaffRole } from '../../domain/staff.js';
import type { ShownError } from '../controllers/form-state.js';
import { addEnglish } from '../locales/localization.js';

addEnglish(() => import('../locales/en-staff.js'));

/** Views of jc-staff-sign-in. */
export type StaffSignInView = 'loading' | 'password' | 'totp' | 'enrol' | 'codes' | 'signed-in';

/** What the sign-in forms hold. */
export interface StaffSignInValues extends Record<string, string | boolean> {
  email: string;
  password: string;
  code: string;
  enrolmentCode: string;
  saved: boolean;
}

/** Field order (error summary order). */
export const STAFF_FIELDS = ['email', 'password', 'enrolmentCode', 'code', 'saved'] as const;

/** Empty forms. */
export const EMPTY_VALUES: StaffSignInValues = {
  email: '',
  password: '',
  code: '',
  enrolmentCode: '',
  saved: false,
};

/** Visible labels by field. */
export function staffLabels(): Record<string, string> {
  return {
    email: msg('Dienstliche E-Mail-Adresse', { id: 'staff.email' }),
    password: msg('Passwort', { id: 'staff.password' }),
    code: msg('Sicherheitscode', { id: 'staff.code' }),
    recovery: msg('Wiederherstellungscode', { id: 'staff.recovery' }),
    enrolmentCode: msg('Freischaltcode', { id: 'staff.enrolmentCode' }),
    saved: msg('Ich habe die Codes sicher aufbewahrt', { id: 'staff.codes.saved' }),
  };
}

/** A TOTP code as typed ("123 456") → digits only. */
export const normaliseTotp = (v: string) => v.replace(/[\s-]/g, '');
/** A recovery code as typed → upper case without spaces (the server accepts it with or without hyphens). */
export const normaliseRecovery = (v: string) => v.replace(/\s/g, '').toUpperCase();

/** Messages of the forms, by code. */
export function staffMessage(code: string): string {
  switch (code) {
    case 'email_required':
      return msg('Geben Sie Ihre dienstliche E-Mail-Adresse ein', { id: 'staff.err.emailRequired' });
    case 'email_invalid':
      return msg('Geben Sie eine E-Mail-Adresse im richtigen Format ein, z. B. name@jobcenter.example', {
        id: 'staff.err.emailInvalid',
      });
    case 'password_required':
      return msg('Geben Sie Ihr Passwort ein', { id: 'staff.err.passwordRequired' });
    case 'credentials':
      return msg('E-Mail-Adresse oder Passwort ist falsch', { id: 'staff.err.credentials' });
    case 'code_required':
      return msg('Geben Sie den 6-stelligen Code aus Ihrer Authenticator-App ein', {
        id: 'staff.err.codeRequired',
      });
    case 'code_format':
      return msg('Der Code muss aus 6 Ziffern bestehen', { id: 'staff.err.codeFormat' });
    case 'code_wrong':
      return msg('Der Code stimmt nicht oder ist abgelaufen. Geben Sie den aktuellen Code aus der App ein', {
        id: 'staff.err.codeWrong',
      });
    case 'recovery_required':
      return msg('Geben Sie einen Ihrer Wiederherstellungscodes ein', { id: 'staff.err.recoveryRequired' });
    case 'recovery_format':
      return msg('Ein Wiederherstellungscode hat das Format XXXX-XXXX-XXXX', {
        id: 'staff.err.recoveryFormat',
      });
    case 'recovery_wrong':
      return msg('Der Wiederherstellungscode stimmt nicht oder wurde schon benutzt', {
        id: 'staff.err.recoveryWrong',
      });
    case 'enrolment_code_required':
      return msg('Geben Sie den Freischaltcode ein', { id: 'staff.err.enrolmentCodeRequired' });
    case 'enrolment_code_format':
      return msg('Der Freischaltcode hat das Format XXXX-XXXX-XXXX', { id: 'staff.err.enrolmentCodeFormat' });
    case 'enrolment_code_wrong':
      return msg(
        'Der Freischaltcode stimmt nicht, ist abgelaufen oder wurde schon verwendet. Prüfen Sie ihn oder bitten Sie Ihre Administratorin oder Ihren Administrator um einen neuen Code',
        { id: 'staff.err.enrolmentCodeWrong' },
      );
    case 'saved_required':
      return msg('Bestätigen Sie, dass Sie die Wiederherstellungscodes sicher aufbewahrt haben', {
        id: 'staff.err.savedRequired',
      });
    default:
      return msg('Die Anmeldung hat zu lange gedauert. Melden Sie sich bitte noch einmal an', {
        id: 'staff.err.expired',
      });
  }
}

const err = (field: string, code: string): ShownError => ({ field, message: staffMessage(code) });

/** Checks of the e-mail/password form (shape only; the server decides). */
export function checkPassword(v: StaffSignInValues): ShownError[] {
  const errors: ShownError[] = [];
  const email = v.email.trim();
  if (!email) errors.push(err('email', 'email_required'));
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254)
    errors.push(err('email', 'email_invalid'));
  if (!v.password) errors.push(err('password', 'password_required'));
  return errors;
}

/** Checks of the code form: six digits, or a recovery code when `recovery`. */
export function checkCode(v: StaffSignInValues, recovery: boolean): ShownError[] {
  if (recovery) {
    const code = normaliseRecovery(v.code);
    if (!code) return [err('code', 'recovery_required')];
    return /^[A-Z0-9]{4}-?[A-Z0-9]{4}-?[A-Z0-9]{4}$/.test(code) ? [] : [err('code', 'recovery_format')];
  }
  const code = normaliseTotp(v.code);
  if (!code) return [err('code', 'code_required')];
  return /^\d{6}$/.test(code) ? [] : [err('code', 'code_format')];
}

/** Checks of the enrolment code form: 12 letters and digits, hyphens and spaces optional. */
export function checkEnrolmentCode(v: StaffSignInValues): ShownError[] {
  const code = normaliseRecovery(v.enrolmentCode).replace(/-/g, '');
  if (!code) return [err('enrolmentCode', 'enrolment_code_required')];
  return /^[A-Z0-9]{12}$/.test(code) ? [] : [err('enrolmentCode', 'enrolment_code_format')];
}

/** Plain-language name of a staff role. */
export function roleName(role: StaffRole): string {
  switch (role) {
    case 'leistung':
      return msg('Sachbearbeitung Leistung', { id: 'staff.role.leistung' });
    case 'markt_integration':
      return msg('Sachbearbeitung Markt und Integration', { id: 'staff.role.markt' });
    case 'teamleitung':
      return msg('Teamleitung', { id: 'staff.role.teamleitung' });
    case 'jobcenter_admin':
      return msg('Administration Jobcenter', { id: 'staff.role.jcAdmin' });
    case 'rd_admin':
      return msg('Administration Regionaldirektion', { id: 'staff.role.rdAdmin' });
    default:
      return msg('Support', { id: 'staff.role.support' });
  }
}

/** The TOTP secret in groups of four for typing it in by hand ("JBSW Y3DP …"). */
export function groupSecret(secret: string): string {
  return (secret.replace(/\s/g, '').match(/.{1,4}/g) ?? []).join(' ');
}

/** Copies text to the clipboard; false when the browser does not allow it. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
