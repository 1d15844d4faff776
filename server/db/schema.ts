/** The whole database as Kysely sees it, assembled from each resource's table types. */
import type { AccountsTable, EmailTokensTable, LoginThrottleTable, SessionsTable } from '../accounts/accounts.table.js';
import type { AuditHeadTable, AuditLogTable } from '../audit/audit.table.js';
import type { ApplicationDocumentsTable, ApplicationsTable } from '../applications/applications.table.js';
import type { DocumentsTable, EakteDocumentsTable } from '../documents/documents.table.js';
import type { PostkorbOpenCountsTable } from '../inbox/inbox.table.js';
import type { MwsHistoryTable, MwsMessagesTable, MwsRequestItemsTable, MwsRequestsTable, MwsReviewsTable } from '../mws/mws.table.js';
import type { OapDraftsTable, OapProfilesTable, OapSubmissionsTable, OapTakeoversTable } from '../oap/oap.table.js';
import type { VerbisProfilesTable, VerbisProfileVersionsTable } from '../adapters/verbis.js';
import type { JobcentersTable, PlzRangesTable, PostkoerbeTable, RoutingRulesTable } from '../jobcenters/jobcenters.table.js';
import type { DevMailsTable, IdempotencyKeysTable, OutboxTable } from '../outbox/outbox.table.js';
import type { StaffChallengesTable, StaffSessionsTable, StaffUsersTable } from '../staff/staff.table.js';
import type { TdaTable } from '../tda/tda.table.js';
import type { WorkItemsTable } from '../work-items/work-items.table.js';

/** Table name → row type. */
export interface Database {
  jobcenters: JobcentersTable;
  plz_ranges: PlzRangesTable;
  postkoerbe: PostkoerbeTable;
  routing_rules: RoutingRulesTable;
  accounts: AccountsTable;
  email_tokens: EmailTokensTable;
  sessions: SessionsTable;
  login_throttle: LoginThrottleTable;
  idempotency_keys: IdempotencyKeysTable;
  documents: DocumentsTable;
  tda: TdaTable;
  applications: ApplicationsTable;
  application_documents: ApplicationDocumentsTable;
  work_items: WorkItemsTable;
  eakte_documents: EakteDocumentsTable;
  outbox: OutboxTable;
  dev_mails: DevMailsTable;
  staff_users: StaffUsersTable;
  staff_sessions: StaffSessionsTable;
  staff_challenges: StaffChallengesTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  postkorb_open_counts: PostkorbOpenCountsTable;
  mws_reviews: MwsReviewsTable;
  mws_requests: MwsRequestsTable;
  mws_request_items: MwsRequestItemsTable;
  mws_messages: MwsMessagesTable;
  mws_history: MwsHistoryTable;
  oap_profiles: OapProfilesTable;
  oap_drafts: OapDraftsTable;
  oap_submissions: OapSubmissionsTable;
  oap_takeovers: OapTakeoversTable;
  verbis_profiles: VerbisProfilesTable;
  verbis_profile_versions: VerbisProfileVersionsTable;
}
