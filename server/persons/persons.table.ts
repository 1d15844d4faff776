/** Kysely row types of the person register, the Internetperson links and the releases to the benefit system. */

/** A person of the register (known to the jobcenters, with a Kundennummer). */
export interface PersonsTable {
  id: string;
  kundennummer: string;
  first_name: string;
  last_name: string;
  birth_date: string;
  street: string;
  postal_code: string;
  city: string;
  rv_nr: string | null;
  created_at: string;
}

/** The link Internetperson (account) → Person: `open`, `converted` or `merged`; decided once. */
export interface PersonLinksTable {
  account_id: string;
  state: string;
  person_id: string | null;
  /** Optimistic-concurrency version: the ETag of the Internetperson. */
  version: number;
  decided_by: string | null;
  decided_at: string | null;
  created_at: string;
}

/** A submitted application released to the benefit system (only after its Internetperson was decided). */
export interface AdeReleasesTable {
  application_id: string;
  person_id: string;
  released_at: string;
}

/** A blocking key of a register person (see blocking-keys.ts); primary key (key, person_id). */
export interface PersonKeysTable {
  key: string;
  person_id: string;
}
