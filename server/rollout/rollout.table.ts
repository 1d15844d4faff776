/** Kysely row types of the roll-out history. */

/** One roll-out change of a jobcenter; `old_value`/`new_value` are JSON of wave, goLive and module switches. */
export interface RolloutHistoryTable {
  id: string;
  jobcenter_id: string;
  /** The jobcenter version this change produced. */
  version: number;
  changed_by: string;
  changed_at: string;
  old_value: string;
  new_value: string;
}
