/** Maps message codes (from the server or the domain schemas) onto the fields of a form. */
import type { FieldError } from '../../domain/common.js';
import { fieldErrorMessage } from '../locales/field-messages.js';
import type { ShownError } from './form-state.js';

/** A code for a field, before it becomes a message. */
export interface CodedError {
  /** Field name; undefined for a form-wide problem. */
  field?: string;
  /** Message code, e.g. `invalid_plz`. */
  code: string;
  /** The server's own message, used for codes this client does not know. */
  fallback?: string;
}

/** Field name of a problem+json path: `postalCode`, `/postalCode`, `body.postalCode` → `postalCode`. */
export function fieldOfPath(path: string): string {
  const parts = path
    .replace(/^[#/]+/, '')
    .split(/[./]/)
    .filter(Boolean);
  if (parts[0] === 'body' && parts.length > 1) parts.shift();
  return parts.join('.');
}

/** Server field errors as coded errors. */
export function fromProblem(errors: readonly FieldError[]): CodedError[] {
  return errors.map((e) => ({ field: fieldOfPath(e.path), code: e.code, fallback: e.message }));
}

/** Turns coded errors into messages; fields not in `labels` become form-wide items. */
export function toMessages(errors: readonly CodedError[], labels: Record<string, string>): ShownError[] {
  return errors.map((e) => {
    const known = e.field !== undefined && e.field in labels;
    const label = known ? labels[e.field!] : (e.field ?? '');
    return {
      field: known ? e.field : undefined,
      message: fieldErrorMessage(e.field ?? '', e.code, label, e.fallback),
    };
  });
}
