/** The form renderer of the OAP eServices (a lazy chunk, see JcOapService.loadRenderer): jc-form-page and its controls. */
import '../form-page/form-page.js';
