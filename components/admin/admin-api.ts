/** The admin part of the API (configuration, rules, simulation, exchange, feedback) as functions over an ApiClient. */
import type { DiffLine, JobcenterConfig, PostkorbConfig, RuleConfig, SimulationResult } from '../../domain/admin-config.js';
import type { IbdType, IbdVersionView } from '../../domain/ibd.js';
import type { ApiClient } from '../api/api-client.js';

/** A configuration with its version (the If-Match of the next change). */
export interface VersionedConfig {
  version: number;
  document: JobcenterConfig;
}

/** A pending or decided configuration change. */
export interface ConfigChange {
  id: string;
  status: string;
  createdBy: string;
  createdAt: string;
  diff: DiffLine[];
}

/** A feedback entry (RD view). */
export interface FeedbackItem {
  id: string;
  jobcenterId: string;
  staffId: string;
  text: string;
  createdAt: string;
}

/** The sample person of a simulation. */
export interface SimSubject {
  type: string;
  surname: string;
  birthDate: string;
  postalCode: string;
  language: string;
  applicationDate: string;
  anlagen?: string[];
}

const base = (jc: string) => `api/admin/jobcenters/${encodeURIComponent(jc)}`;
const ifMatch = (v: number) => ({ 'If-Match': `"${v}"` });

/** GET …/config. */
export const getConfig = (c: ApiClient, jc: string) => c.request<VersionedConfig>('GET', `${base(jc)}/config`);
/** PUT …/rules. */
export const putRules = (c: ApiClient, jc: string, v: number, postkoerbe: PostkorbConfig[], rules: RuleConfig[]) =>
  c.request<VersionedConfig>('PUT', `${base(jc)}/rules`, { postkoerbe, rules }, ifMatch(v));
/** PUT …/origins. */
export const putOrigins = (c: ApiClient, jc: string, v: number, allowedOrigins: string[]) =>
  c.request<VersionedConfig>('PUT', `${base(jc)}/origins`, { allowedOrigins }, ifMatch(v));
/** PUT …/theme. */
export const putTheme = (c: ApiClient, jc: string, v: number, theme: string) => c.request<VersionedConfig>('PUT', `${base(jc)}/theme`, { theme }, ifMatch(v));
/** POST …/simulate against the given (possibly unsaved) rule set. */
export const simulate = (c: ApiClient, jc: string, subject: SimSubject, rules: RuleConfig[], postkoerbe: PostkorbConfig[]) =>
  c.request<SimulationResult>('POST', `${base(jc)}/simulate`, { subject, rules, postkoerbe });
/** URL of the export download. */
export const exportUrl = (c: ApiClient, jc: string) => c.url(`${base(jc)}/config/export`);
/** POST …/config/import → the pending change with its diff. */
export const importConfig = (c: ApiClient, jc: string, doc: unknown) => c.request<ConfigChange>('POST', `${base(jc)}/config/import`, doc);
/** GET …/config/changes (pending). */
export const listChanges = (c: ApiClient, jc: string) => c.request<{ items: ConfigChange[] }>('GET', `${base(jc)}/config/changes`);
/** POST …/approve or …/reject. */
export const decide = (c: ApiClient, jc: string, id: string, how: 'approve' | 'reject') =>
  c.request<unknown>('POST', `${base(jc)}/config/changes/${encodeURIComponent(id)}/${how}`, {});
/** POST …/feedback. */
export const sendFeedback = (c: ApiClient, jc: string, text: string) => c.request<unknown>('POST', `${base(jc)}/feedback`, { text });
/** GET /api/admin/feedback?jobcenter= (RD admins). */
export const listFeedback = (c: ApiClient, jc: string) => c.request<{ items: FeedbackItem[] }>('GET', `api/admin/feedback?jobcenter=${encodeURIComponent(jc)}`);

/** A saved IBD version with the server's filled preview. */
export type IbdCreated = IbdVersionView & { preview: { de: string; en: string | null } };
/** GET …/ibd: every version, the one in force marked `current`. */
export const getIbd = (c: ApiClient, jc: string) => c.request<{ items: IbdVersionView[] }>('GET', `${base(jc)}/ibd`);
/** POST …/ibd: a new version. */
export const postIbd = (c: ApiClient, jc: string, body: { type: IbdType; text: string; textEn?: string; weeks?: number; effectiveFrom: string }) =>
  c.request<IbdCreated>('POST', `${base(jc)}/ibd`, body);
/** GET /api/jobcenters/:id (public): name and contact for the preview's placeholders. */
export const getJobcenter = (c: ApiClient, jc: string) =>
  c.request<{ name: string; contact?: { phone?: string } }>('GET', `api/jobcenters/${encodeURIComponent(jc)}`);

/** The five modules and four roll-out waves (listed here: domain/jobcenter.ts carries zod). */
export const MODULE_KEYS = ['tda', 'ade', 'ibd', 'mws', 'oap'] as const;
export type ModuleKey = (typeof MODULE_KEYS)[number];
export const WAVE_KEYS = ['pilot', 'wave1', 'wave2', 'not_yet'] as const;
export type WaveKey = (typeof WAVE_KEYS)[number];
/** One jobcenter of GET /api/admin/rollout (`switches` as configured, `modules` available now). */
export interface RolloutItem {
  id: string;
  name: string;
  kind: 'ge' | 'zkt';
  wave: WaveKey;
  goLive: string | null;
  live: boolean;
  switches: Record<ModuleKey, boolean>;
  modules: Record<ModuleKey, boolean>;
  version: number;
}
/** What a roll-out change stores as old and new. */
export interface RolloutState {
  wave: WaveKey;
  goLive: string | null;
  modules: Partial<Record<ModuleKey, boolean>>;
}
/** GET /api/admin/rollout/:id: the item with its change history (newest first). */
export type RolloutDetail = RolloutItem & { history: { version: number; changedBy: string; changedAt: string; old: RolloutState; new: RolloutState }[] };
/** Body of PUT /api/admin/rollout/:id (a jobcenter admin sends `modules` only). */
export type RolloutChange = { wave?: WaveKey; goLive?: string | null; modules?: Partial<Record<ModuleKey, boolean>> };

const rollout = (jc: string) => `api/admin/rollout/${encodeURIComponent(jc)}`;
/** GET /api/admin/rollout: every jobcenter (RD admin) or the own one (jobcenter admin). */
export const listRollout = (c: ApiClient) => c.request<{ items: RolloutItem[] }>('GET', 'api/admin/rollout');
/** GET /api/admin/rollout/:id with history. */
export const getRollout = (c: ApiClient, jc: string) => c.request<RolloutDetail>('GET', rollout(jc));
/** PUT /api/admin/rollout/:id read at version `v`. */
export const putRollout = (c: ApiClient, jc: string, v: number, change: RolloutChange) => c.request<RolloutItem>('PUT', rollout(jc), change, ifMatch(v));
