/**
 * Internetperson → Person (Dublettenprüfung, duplicate check) and the 1st-level support view: the contract
 * shared by the server and <jc-duplicate-check>/<jc-support-lookup>. Imports only zod.
 */
import * as z from 'zod';
import { email } from './common.js';

/** States of the link Internetperson → Person: still open, converted to a new Person, merged into a known one. */
export const LINK_STATES = ['open', 'converted', 'merged'] as const;
/** A link state. */
export type LinkState = (typeof LINK_STATES)[number];

/** Why a candidate scored: each reason is one observed agreement (or disagreement) of the data. */
export const MATCH_REASONS = [
  'name_exact',
  'name_similar',
  'name_swapped',
  'birth_date_exact',
  'birth_date_near',
  'birth_date_differs',
  'postal_code',
  'street',
  'rv_nr',
  'rv_nr_differs',
] as const;
/** A match reason. */
export type MatchReason = (typeof MATCH_REASONS)[number];

/** Kundennummer of the BA: 3 digits, a letter, 6 digits (e.g. 962D004711). */
export const kundennummer = z.string().regex(/^\d{3}[A-Z]\d{6}$/);

/** The identifying data of a person or an Internetperson, as compared by the duplicate check. */
export const personData = z.object({
  firstName: z.string(),
  lastName: z.string(),
  birthDate: z.string(),
  street: z.string(),
  postalCode: z.string(),
  city: z.string(),
  rvNr: z.string().nullable(),
});
/** Identifying data. */
export type PersonData = z.infer<typeof personData>;

/** A person of the register. */
export type PersonView = PersonData & { id: string; kundennummer: string };

/** One scored candidate of the register. */
export interface Candidate {
  person: PersonView;
  /** 0..1; at or above the threshold the pair counts as a likely duplicate. */
  score: number;
  reasons: MatchReason[];
}

/** One row of GET /api/staff/internet-persons. */
export interface InternetPersonSummary {
  /** The account id (an Internetperson is an account whose TdA arrived). */
  id: string;
  tdaNumber: string;
  receivedAt: string;
  data: PersonData;
  /** The best candidate's score, or 0 without candidates. */
  bestScore: number;
  candidates: number;
}

/** GET /api/staff/internet-persons/:id: the Internetperson, its candidates and the gate of its applications. */
export interface InternetPersonDetail extends InternetPersonSummary {
  state: LinkState;
  /** The ETag value: send it as If-Match with convert/merge. */
  version: number;
  threshold: number;
  matches: Candidate[];
  /** Submitted applications; `released` once the person is decided (data handed to the benefit system). */
  applications: { id: string; number: string | null; released: boolean }[];
}

/** Answer of convert/merge. */
export interface PersonDecision {
  id: string;
  state: Exclude<LinkState, 'open'>;
  person: PersonView;
  released: number;
}

/** POST /api/staff/internet-persons/:id/merge. */
export const mergeInput = z.strictObject({ personId: z.string().regex(/^[0-9a-z-]{1,64}$/, { message: 'invalid_value' }) });

/** GET /api/support/accounts?email=… */
export const supportQuery = z.strictObject({ email });

/** What 1st-level support may see of an account: technical state only, never social data. */
export interface SupportAccountView {
  id: string;
  confirmed: boolean;
  /** Sign-in is throttled right now (growing waits, never a permanent lock). */
  locked: boolean;
  lockedUntil: string | null;
  failedSignIns: number;
  lastSignInAt: string | null;
  level: number;
  /** A TdA arrived whose Hauptantrag has not been submitted yet. */
  openTda: boolean;
  createdAt: string;
}
