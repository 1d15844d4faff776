// English strings of the restore offer (components/form-page/restore-view.ts).

import { str } from './str.js';

/** English strings of the offer to restore unsent changes kept on this device. */
export default {
  'restore.heading': `Unsaved changes found`,
  'restore.text': str`This device has changes from ${0} that have not been saved at the jobcenter yet.`,
  'restore.newer': `Note: there is a newer version on the server now. If you use the changes from this device, they replace it.`,
  'restore.server': `Use the version from the server`,
  'restore.apply': `Use the changes`,
  'restore.local': `Use the changes from this device`,
  'restore.discard': `Discard`,
};
