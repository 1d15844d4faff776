/** Work items (Arbeitsaufträge) in a jobcenter's Postkörbe (inboxes). */
import * as z from 'zod';

/** Kinds of work items. */
export const WORK_ITEM_TYPES = ['tda', 'ade', 'mws_reply', 'oap'] as const;
/** A work item type. */
export type WorkItemType = (typeof WORK_ITEM_TYPES)[number];

/** Work item statuses. */
export const WORK_ITEM_STATUS = ['neu', 'in_bearbeitung', 'erledigt'] as const;

/** A work item as staff see it. */
export const workItemView = z.object({
  id: z.string(),
  jobcenterId: z.string(),
  postkorbId: z.string(),
  type: z.enum(WORK_ITEM_TYPES),
  status: z.enum(WORK_ITEM_STATUS),
  refId: z.string(),
  title: z.string(),
  /** Id of the routing rule that decided the Postkorb, null for the default Postkorb. */
  ruleId: z.string().nullable(),
  createdAt: z.string(),
});
/** Work item type. */
export type WorkItemView = z.infer<typeof workItemView>;
