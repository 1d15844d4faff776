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
  /** Optimistic-concurrency version (REL-02), 1 when routed. */
  version: number;
  /** The staff member working on it (staff_users.id), null when unassigned. */
  assignee_id: string | null;
  /** Deadline of an open evidence request (ISO text), null without one. */
  deadline: string | null;
  /** Folded name for prefix search (server/inbox/search-key.ts). */
  search_key: string;
  /** Folded application number for prefix search. */
  search_number: string;
}
