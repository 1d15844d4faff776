/** Building blocks shared by every schema: text, e-mail, dates, postal codes. Imports only zod. */
import * as z from 'zod';
import { isCleanText } from './text.js';

export { ageOn, isCleanText, NO_CONTROL } from './text.js';

/** A single line of human text, trimmed, 1..max characters. */
export const line = (max = 100) =>
  z
    .string()
    .trim()
    .min(1, { message: 'required' })
    .max(max, { message: 'too_long' })
    .refine(isCleanText, { message: 'invalid_characters' });

/** An optional single line: empty string becomes undefined. */
export const optionalLine = (max = 100) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), line(max).optional());

/** E-mail address, normalised to lower case. */
export const email = z
  .string()
  .trim()
  .max(254, { message: 'too_long' })
  .pipe(z.email({ message: 'invalid_email' }))
  .transform((v) => v.toLowerCase());

/** Calendar date as ISO string YYYY-MM-DD that really exists. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'invalid_date' })
  .refine(
    (v) => {
      const d = new Date(`${v}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
    },
    { message: 'invalid_date' },
  );

/** German postal code (five digits). */
export const plz = z.string().trim().regex(/^\d{5}$/, { message: 'invalid_plz' });

/** Telephone number: digits, spaces, +, /, -, (, ). */
export const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ()/-]{5,30}$/, { message: 'invalid_phone' });

/** Languages the widgets speak (source locale German). */
export const LOCALES = ['de', 'en'] as const;
/** A supported locale. */
export const locale = z.enum(LOCALES);
/** Supported locale type. */
export type Locale = z.infer<typeof locale>;

/** One field error of a problem+json body: the JSON path of the field and a message code. */
export const fieldError = z.object({ path: z.string(), code: z.string(), message: z.string() });
/** Field error type. */
export type FieldError = z.infer<typeof fieldError>;

/** RFC 9457 problem details as the server answers them. */
export const problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  errors: z.array(fieldError).optional(),
  /** Set on 403 when a higher security level would allow the request. */
  requiredLevel: z.number().int().optional(),
});
/** Problem details type. */
export type Problem = z.infer<typeof problem>;
