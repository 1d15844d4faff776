/** Jobcenters as the public (widgets) see them. */
import * as z from 'zod';

/** Modules a jobcenter can switch on or off. */
export const MODULES = ['tda', 'ade', 'ibd', 'mws', 'oap'] as const;
/** A module key. */
export type ModuleKey = (typeof MODULES)[number];

/** Roll-out waves. */
export const WAVES = ['pilot', 'wave1', 'wave2', 'not_yet'] as const;

/** Contact data shown in receipts and fallbacks. */
export const jobcenterContact = z.object({
  phone: z.string().optional(),
  email: z.string().optional(),
  address: z.string().optional(),
  url: z.string().optional(),
  openingHours: z.string().optional(),
  /** Where to get the paper form when the online service is not available. */
  paperFormUrl: z.string().optional(),
});

/** GET /api/jobcenters/:id */
export const jobcenterView = z.object({
  id: z.string(),
  name: z.string(),
  /** gE = gemeinsame Einrichtung (on jobcenter.digital), zkT = municipal-only (forwarding only). */
  kind: z.enum(['ge', 'zkt']),
  wave: z.enum(WAVES),
  goLive: z.string().nullable(),
  /** True when the jobcenter is live today (go-live reached). */
  live: z.boolean(),
  /** Modules available right now (switched on and live). */
  modules: z.record(z.enum(MODULES), z.boolean()),
  theme: z.string(),
  contact: jobcenterContact,
});
/** Jobcenter view type. */
export type JobcenterView = z.infer<typeof jobcenterView>;
