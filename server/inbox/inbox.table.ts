/** Kysely row type of the open counts per Postkorb (kept by triggers on work_items, see the 2026_11_25_2010 migration). */

/** Open work items (status other than 'erledigt') of one type in one Postkorb. */
export interface PostkorbOpenCountsTable {
  postkorb_id: string;
  type: string;
  open: number;
}
