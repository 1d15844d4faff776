/** Kysely row types of jobcenters, PLZ ranges, Postkörbe and routing rules. */

/** A jobcenter row; `modules`, `contact`, `allowed_origins` are JSON text. */
export interface JobcentersTable {
  id: string;
  name: string;
  kind: string;
  wave: string;
  go_live: string | null;
  modules: string;
  contact: string;
  allowed_origins: string;
  theme: string;
  created_at: string;
  /** Raised by every roll-out change (If-Match). */
  version: number;
}

/** Inclusive postal-code range a jobcenter is responsible for. */
export interface PlzRangesTable {
  id: string;
  jobcenter_id: string;
  plz_from: string;
  plz_to: string;
}

/** A Postkorb (inbox) of a jobcenter. */
export interface PostkoerbeTable {
  id: string;
  jobcenter_id: string;
  name: string;
  is_default: number;
}

/** One rule of the dezentrales Regelwerk; `condition` is JSON text (domain/routing.ts). */
export interface RoutingRulesTable {
  id: string;
  jobcenter_id: string;
  position: number;
  name: string;
  condition: string;
  postkorb_id: string;
}
