/** What the conditions' form pages need (one lazy chunk): the form renderer and the occupation combobox. */
import '../oap-service/oap-form.js';

export { occupationLabel, occupationPicker, suggestions } from './occupation-picker.js';
