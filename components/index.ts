/** All widgets in one bundle (`dist/jobcenter-widgets.js`); the provider first, so it is defined before its children. */
export { JcProvider } from './provider/provider.js';
export { JcRegistration } from './registration/registration.js';
export { JcApplication } from './application/application.js';
export { JcTextField } from './text-field/text-field.js';
export { JcCheckbox } from './checkbox/checkbox.js';
export { JcSelect } from './select/select.js';
export { JcDateInput } from './date-input/date-input.js';
export { JcErrorSummary } from './error-summary/error-summary.js';
export { JcChoiceGroup } from './choice-group/choice-group.js';
export { JcFormPage } from './form-page/form-page.js';
export { JcAdeFlow } from './ade-flow/ade-flow.js';
export { JcAdeReceipt } from './ade-receipt/ade-receipt.js';
export { JcEvidenceUpload } from './evidence-upload/evidence-upload.js';
export { ApiClient, ApiError } from './api/api-client.js';
export { JcSignedInEvent } from './events/jc-signed-in.js';
export { JcSignedOutEvent } from './events/jc-signed-out.js';
export { JcSubmittedEvent } from './events/jc-submitted.js';
export { JcAnswerEvent } from './events/jc-answer.js';
