/** The structural zod schema of stored answers (server edge and drafts); kept apart so the engine needs no zod. */
import * as z from 'zod';

/** Structural shape of stored answers (drafts may be incomplete; sizes are bounded). */
export const answersShape = z.strictObject({
  main: z.record(z.string().max(64), z.unknown()),
  members: z.array(z.looseObject({ id: z.string().min(1).max(64) })).max(20),
  anlagen: z.record(z.string().max(100), z.record(z.string().max(64), z.unknown())).refine((r) => Object.keys(r).length <= 200),
});

