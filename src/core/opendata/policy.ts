import { definePolicy, requireRole } from '../permissions/policy.js';

/** Who may do what with the open-data archive: anyone reads it; only administrators regenerate it on demand. */
export const canOpenData = definePolicy<{ 'openData.regenerate': null }>({
  'openData.regenerate': (actor) => requireRole(actor, 'administrator'),
});
