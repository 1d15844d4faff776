/** What the CV's form pages need (one lazy chunk): the form renderer, lists and the certificate uploads. */
import '../oap-service/oap-form.js';
import '../form-page/list-view.js';
import '../evidence-upload/evidence-upload.js';
