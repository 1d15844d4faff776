/**
 * The Online-Arbeitsmarktprofil (OAP): three eServices as declarative pages in the form vocabulary of
 * types.ts. The Lit elements render them, the server validates them with the same engine (oap-engine.ts),
 * and staff compare them field by field with the profile in VerBIS. Short sentences: many applicants have
 * little German.
 *
 * Each eService is its own module (one element bundles only its own); this module gathers all three for the
 * server, the review and the tests.
 */
import { OAP_CONDITIONS } from './oap-conditions.js';
import { OAP_CV } from './oap-cv.js';
import { OAP_SITUATION } from './oap-situation.js';
import type { OapService, OapServiceId } from './oap-base.js';

export { OAP_SERVICE_IDS, OAP_SENSITIVE_FIELDS, isOapServiceId, type OapService, type OapServiceId } from './oap-base.js';
export { OAP_STATUS_OPTIONS } from './oap-situation.js';
export { OAP_SCHOOL_OPTIONS, OAP_DEGREE_OPTIONS, OAP_RECOGNITION_OPTIONS, OAP_LANGUAGE_LEVELS, OAP_DRIVING_LICENCES } from './oap-cv.js';
export { OAP_WORKING_TIME_OPTIONS } from './oap-conditions.js';

/** The three OAP eServices by id. */
export const OAP_SERVICES: Readonly<Record<OapServiceId, OapService>> = { situation: OAP_SITUATION, cv: OAP_CV, conditions: OAP_CONDITIONS };
