/** What the CV's form pages need (one lazy chunk): the OAP form part, lists and the certificate uploads. */
import '../form-page/list-view.js';
import '../evidence-upload/evidence-upload.js';

export * from '../oap-service/oap-form.js';
