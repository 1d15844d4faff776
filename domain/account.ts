/** Accounts, sign-up, sign-in and security levels (Sicherheitsstufen). */
import * as z from 'zod';
import { email, isCleanText, locale } from './common.js';

/**
 * Security levels (Sicherheitsstufen) of the BA account model:
 * 0 = registered, 1 = e-mail confirmed, 2 = identity checked, 3 = eID "substanziell", 4 = eID "hoch".
 */
export const SECURITY_LEVEL = {
  registered: 0,
  emailConfirmed: 1,
  identityChecked: 2,
  eidSubstantial: 3,
  eidHigh: 4,
} as const;
/** A security level number. */
export type SecurityLevel = (typeof SECURITY_LEVEL)[keyof typeof SECURITY_LEVEL];

/** Minimum security level per service (SEC-03); the server is the only one that decides. */
export const SERVICE_MIN_LEVEL = { tda: 1, ade: 1, oap: 1 } as const;

/** Password rule (SEC-01): at least 12, at most 128 characters; the server also checks a list of common ones. */
export const password = z
  .string()
  .min(12, { message: 'password_too_short' })
  .max(128, { message: 'too_long' })
  .refine(isCleanText, { message: 'invalid_characters' });

/** Body of POST /api/accounts. */
export const signUpInput = z.strictObject({
  email,
  password,
  /** Language of the confirmation mail. */
  lang: locale.default('de'),
  /** The jobcenter of the portal the person signed up in (for the mail's wording and link). */
  jobcenterId: z.string().max(64).optional(),
});
/** Sign-up input type. */
export type SignUpInput = z.infer<typeof signUpInput>;

/** Body of POST /api/accounts/confirm. */
export const confirmInput = z.strictObject({ token: z.string().min(20).max(200) });

/** Body of POST /api/accounts/resend-confirmation. */
export const resendInput = z.strictObject({ email, lang: locale.default('de') });

/** Body of POST /api/sessions. `transport: bearer` returns the token in the body for cross-origin embedding. */
export const signInInput = z.strictObject({
  email,
  password: z.string().min(1, { message: 'required' }).max(128, { message: 'too_long' }),
  transport: z.enum(['cookie', 'bearer']).default('cookie'),
});
/** Sign-in input type. */
export type SignInInput = z.infer<typeof signInInput>;

/** What the client may know about the signed-in account. */
export const accountView = z.object({
  id: z.string(),
  email: z.string(),
  level: z.number().int().min(0).max(4),
  emailConfirmed: z.boolean(),
});
/** Account view type. */
export type AccountView = z.infer<typeof accountView>;

/** Answer of POST /api/sessions and GET /api/session. */
export const sessionView = z.object({
  account: accountView,
  expiresAt: z.string(),
  /** Only with transport=bearer. */
  token: z.string().optional(),
});
/** Session view type. */
export type SessionView = z.infer<typeof sessionView>;
