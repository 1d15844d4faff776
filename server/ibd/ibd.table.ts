/** Kysely row types of IBD texts. */

/** One version of an IBD text; rows are only ever inserted. */
export interface IbdTextsTable {
  id: string;
  jobcenter_id: string;
  type: string;
  /** 1, 2, … per jobcenter and type. */
  version: number;
  text: string;
  text_en: string | null;
  weeks: number | null;
  /** Berlin calendar date YYYY-MM-DD from which the version is in force. */
  effective_from: string;
  created_by: string;
  created_at: string;
}
