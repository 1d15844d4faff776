// English strings of jc-ibd-notice (format of lit-localize's runtime output; ids given with msg(…, {id})).

import { addTemplates } from './localization.js';

/** English strings of the processing-duration notice; registered when the element's module loads. */
addTemplates({
  'ibd.label': `Processing time`,
  'ibd.loadError': `The information on processing time cannot be loaded right now.`,
});
