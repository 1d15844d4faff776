/** IBD (Information zur Bearbeitungsdauer, information on processing duration): texts per jobcenter and type. */
import * as z from 'zod';
import { isoDate, isCleanText } from './common.js';

/** Application types an IBD text is about: first application, continuation (WBA), change notice. */
export const IBD_TYPES = ['erstantrag', 'weiterbewilligung', 'veraenderung'] as const;
/** An IBD application type. */
export type IbdType = (typeof IBD_TYPES)[number];

/** Placeholders a text may use; filled by the server from the version and the jobcenter. */
export const IBD_PLACEHOLDERS = ['weeks', 'jobcenter', 'phone'] as const;

/** Shortest and longest text an admin may store. */
export const IBD_TEXT_MIN = 20;
/** Longest text an admin may store. */
export const IBD_TEXT_MAX = 600;

/** The placeholder names used in a text, e.g. `weeks` for "{weeks}". */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(/\{([^{}\s]{1,40})\}/g)].map((m) => m[1]);
}

/** Replaces `{name}` with its value; unknown or empty placeholders stay as they are. */
export function fillPlaceholders(text: string, values: Partial<Record<string, string>>): string {
  return text.replace(/\{([^{}\s]{1,40})\}/g, (all, name: string) => values[name] || all);
}

/** Built-in texts when a jobcenter has none for a type, German and English. */
export const IBD_FALLBACK: Record<IbdType, { de: string; en: string }> = {
  erstantrag: {
    de: 'Wir bearbeiten Ihren Antrag so schnell wie möglich. Wie lange es dauert, hängt vor allem davon ab, ob alle Unterlagen vorliegen. Bei Fragen erreichen Sie {jobcenter} unter den Kontaktdaten.',
    en: 'We process your application as quickly as possible. How long it takes depends mainly on whether all documents are available. If you have questions, contact {jobcenter}.',
  },
  weiterbewilligung: {
    de: 'Wir bearbeiten Ihren Weiterbewilligungsantrag so schnell wie möglich, damit Ihre Leistungen ohne Unterbrechung weiterlaufen. Bei Fragen erreichen Sie {jobcenter} unter den Kontaktdaten.',
    en: 'We process your continuation application as quickly as possible so that your benefits continue without a break. If you have questions, contact {jobcenter}.',
  },
  veraenderung: {
    de: 'Wir bearbeiten Ihre Veränderungsmitteilung so schnell wie möglich. Sie erhalten einen Bescheid, wenn sich Ihre Leistungen ändern. Bei Fragen erreichen Sie {jobcenter} unter den Kontaktdaten.',
    en: 'We process your notice of change as quickly as possible. You will receive a notice if your benefits change. If you have questions, contact {jobcenter}.',
  },
};

/** Query of GET /api/jobcenters/:id/ibd. */
export const ibdQuery = z.object({ type: z.enum(IBD_TYPES), date: isoDate.optional() });

/** Answer of GET /api/jobcenters/:id/ibd: the text in force, or `available: false` when the module is off. */
export const ibdNotice = z.union([
  z.object({ available: z.literal(false) }),
  z.object({
    available: z.literal(true),
    type: z.enum(IBD_TYPES),
    /** Filled text in `lang`. */
    text: z.string(),
    lang: z.enum(['de', 'en']),
    /** True when the jobcenter has no text in force and the built-in text is shown. */
    fallback: z.boolean(),
    effectiveFrom: z.string().nullable(),
    version: z.number().int().nullable(),
  }),
]);
/** IBD notice type. */
export type IbdNotice = z.infer<typeof ibdNotice>;

const ibdText = z
  .string()
  .trim()
  .min(IBD_TEXT_MIN, { message: 'too_small' })
  .max(IBD_TEXT_MAX, { message: 'too_long' })
  .refine(isCleanText, { message: 'invalid_characters' })
  .refine((v) => placeholdersOf(v).every((p) => (IBD_PLACEHOLDERS as readonly string[]).includes(p)), { message: 'unknown_placeholder' });

/** Body of POST /api/admin/jobcenters/:id/ibd: a new version (never an edit of an old one). */
export const ibdVersionInput = z
  .strictObject({
    type: z.enum(IBD_TYPES),
    text: ibdText,
    /** English text; without it English readers get the German text. */
    textEn: z.preprocess((v) => (v === '' ? undefined : v), ibdText.optional()),
    /** Value of `{weeks}`. */
    weeks: z.number().int().min(1).max(52).optional(),
    effectiveFrom: isoDate,
  })
  .superRefine((v, ctx) => {
    const uses = placeholdersOf(`${v.text} ${v.textEn ?? ''}`).includes('weeks');
    if (uses && v.weeks === undefined) ctx.addIssue({ code: 'custom', path: ['weeks'], message: 'required' });
  });
/** Input type of a new IBD version. */
export type IbdVersionInput = z.infer<typeof ibdVersionInput>;

/** One stored version as admins see it. */
export const ibdVersionView = z.object({
  id: z.string(),
  type: z.enum(IBD_TYPES),
  version: z.number().int(),
  text: z.string(),
  textEn: z.string().nullable(),
  weeks: z.number().int().nullable(),
  effectiveFrom: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  /** True for the version in force today. */
  current: z.boolean(),
});
/** Admin view type of a version. */
export type IbdVersionView = z.infer<typeof ibdVersionView>;
