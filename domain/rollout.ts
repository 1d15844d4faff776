/** Roll-out (RD admins): waves, go-live dates and module switches per jobcenter. */
import * as z from 'zod';
import { isoDate } from './common.js';
import { jobcenterView, MODULES, WAVES } from './jobcenter.js';

/** Module switches as stored (independent of go-live). */
export const moduleSwitches = z.strictObject(Object.fromEntries(MODULES.map((m) => [m, z.boolean().optional()])) as Record<(typeof MODULES)[number], z.ZodOptional<z.ZodBoolean>>);

/** Body of PUT /api/admin/rollout/:id; a jobcenter admin may send `modules` only. */
export const rolloutInput = z.strictObject({
  wave: z.enum(WAVES).optional(),
  goLive: isoDate.nullable().optional(),
  modules: moduleSwitches.optional(),
});
/** Roll-out change type. */
export type RolloutInput = z.infer<typeof rolloutInput>;

/** One jobcenter in GET /api/admin/rollout: the public view's roll-out fields, the raw switches and the version. */
export const rolloutView = jobcenterView.pick({ id: true, name: true, kind: true, wave: true, goLive: true, live: true, modules: true }).extend({
  /** Switches as configured (on/off), before go-live is applied. */
  switches: z.record(z.enum(MODULES), z.boolean()),
  version: z.number().int(),
});
/** Roll-out view type. */
export type RolloutView = z.infer<typeof rolloutView>;
