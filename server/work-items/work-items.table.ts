/** Kysely row type of work items. */

/** A work item in a Postkorb. */
export interface WorkItemsTable {
  id: string;
  jobcenter_id: string;
  postkorb_id: string;
  type: string;
  status: string;
  ref_id: string;
  title: string;
  rule_id: string | null;
  created_at: string;
}
