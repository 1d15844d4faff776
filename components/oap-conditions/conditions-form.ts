/** What the conditions' form pages need (one lazy chunk): the OAP form part and the occupation combobox. */
export * from '../oap-service/oap-form.js';
export { occupationLabel, occupationPicker, suggestions } from './occupation-picker.js';
