// English strings of jc-ibd-notice (format of lit-localize's runtime output; ids given with msg(…, {id})).


/** English strings of the processing-duration notice; a lazy chunk its modules register with addEnglish. */
export default {
  'ibd.label': `Processing time`,
  'ibd.loadError': `The information on processing time cannot be loaded right now.`,
};