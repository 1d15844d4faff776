/** Tag der Antragstellung (TdA): the instant declaration that is legally the application (§ 37 SGB II). */
import * as z from 'zod';
import { email, isoDate, line, optionalLine, phone, plz } from './common.js';

/** The declaration the applicant confirms; its wording is part of the PDF and the receipt. */
export const TDA_DECLARATION_DE = 'Ich beantrage Leistungen zur Sicherung des Lebensunterhalts nach dem SGB II.';
/** English gloss of the declaration (the German text is the legally binding one). */
export const TDA_DECLARATION_EN = 'I apply for benefits to secure my livelihood under SGB II (Social Code Book II).';

/** Languages an applicant may prefer for contact (ISO 639-1); used by routing rules. */
export const CONTACT_LANGUAGES = ['de', 'en', 'ar', 'tr', 'uk', 'ru', 'pl', 'ro', 'fa', 'fr'] as const;

/** Body of POST /api/tda: the minimal data of the TdA step (one screen). */
export const tdaInput = z.strictObject({
  /** Jobcenter of the portal the widget is embedded in. */
  portalJobcenterId: z.string().min(1).max(64),
  firstName: line(100),
  lastName: line(100),
  birthDate: isoDate,
  street: line(120),
  houseNumber: line(20),
  /** c/o or "wohnhaft bei" line. */
  addressSuffix: optionalLine(120),
  postalCode: plz,
  city: line(100),
  phone: z.preprocess((v) => (v === '' ? undefined : v), phone.optional()),
  /** Contact e-mail; defaults to the account's address. */
  email: z.preprocess((v) => (v === '' ? undefined : v), email.optional()),
  contactLanguage: z.enum(CONTACT_LANGUAGES).default('de'),
  /** Must be true: the declaration of § 37 SGB II. */
  declaration: z.literal(true, { message: 'declaration_required' }),
});
/** Input of the TdA step (what the client sends). */
export type TdaInput = z.input<typeof tdaInput>;
/** Validated TdA data. */
export type TdaData = z.output<typeof tdaInput>;

/** Lifecycle of a TdA: received → (pdf, E-AKTE, routing) done; forwarded when a zkT is responsible. */
export const TDA_STATUS = ['received', 'processed', 'forwarded'] as const;

/** Why the responsible jobcenter differs from the portal's, if it does. */
export const RESPONSIBILITY = ['portal', 'other_jobcenter', 'municipal_forwarded', 'unknown_postal_code'] as const;

/** The receipt (Eingangsbestätigung) the applicant sees and can download. */
export const tdaReceipt = z.object({
  id: z.string(),
  /** Human-readable application number. */
  number: z.string(),
  /** Server timestamp = legal date of application (ISO 8601, UTC). */
  receivedAt: z.string(),
  status: z.enum(TDA_STATUS),
  responsibility: z.enum(RESPONSIBILITY),
  portalJobcenter: z.object({ id: z.string(), name: z.string() }),
  responsibleJobcenter: z.object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(['ge', 'zkt']),
    phone: z.string().optional(),
    email: z.string().optional(),
    address: z.string().optional(),
    url: z.string().optional(),
  }),
  /** SHA-256 (hex) of the canonical JSON of the declared data. */
  dataSha256: z.string(),
  pdf: z.object({
    status: z.enum(['pending', 'ready', 'failed']),
    sha256: z.string().optional(),
    /** Relative URL of the download (attachment). */
    href: z.string().optional(),
    bytes: z.number().int().optional(),
  }),
});
/** Receipt type. */
export type TdaReceipt = z.infer<typeof tdaReceipt>;
