/** The three applicant OAP elements in one bundle, for a portal page that shows all three (one copy of the form engine). */
export { JcOapSituation } from '../oap-situation/oap-situation.js';
export { JcOapCv } from '../oap-cv/oap-cv.js';
export { JcOapConditions } from '../oap-conditions/oap-conditions.js';
