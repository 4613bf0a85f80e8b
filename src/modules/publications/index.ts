import type { ModuleManifest } from '../../core/module.js';
import { publicationsTables } from './migrations/0001-publications.js';
import { publicationsErrorStatus, publicationsMessages } from './messages.js';
import { publicationRoutes } from './routes.js';
import { canPublication } from './policy.js';
import { loadPublication } from './queries/load-publication.js';
import { publicationPath } from './operations/publication-input.js';
import { publicationsOpenData } from './opendata.js';
import { seedPublicationsDemo } from './seed-demo.js';

import './tables.js';

export type { PublicationCategory, PublicationStatus } from './tables.js';
export { PUBLICATION_CATEGORIES } from './tables.js';
/** For other modules (an answered information request becomes a register entry in the same transaction). */
export { publishInRegister } from './operations/publish-in-register.js';
/** The web path of a publication. */
export { publicationPath } from './operations/publication-input.js';

/**
 * The publication register: departments publish documents proactively (budgets, plans, regulations,
 * minutes, contracts, procurement, statistics, reports) with their files and the records they
 * concern; full-text search reaches inside the files (PDF, CSV, plain text) in English and Chinese;
 * corrections after publication are public with a note, withdrawals keep the document on the record
 * with a reason; Atom feeds per department and category; metadata in the open-data archive.
 */
export const publicationsManifest: ModuleManifest = {
  name: 'publications',
  migrations: [publicationsTables],
  errorStatus: publicationsErrorStatus,
  messages: publicationsMessages,
  routes: publicationRoutes,
  openData: publicationsOpenData,
  seedDemo: seedPublicationsDemo,
  resources: {
    publication: {
      // Drafts are described only to their department (so their files and follows stay private too).
      async describe(db, id, actor) {
        const record = await loadPublication(db, id);
        if (!record || !canPublication(actor, 'publication.read', record.ref).allow) return null;
        const { row } = record;
        const inRegister = row.status !== 'draft';
        return {
          title: row.title,
          path: publicationPath(row.id),
          authorIds: [],
          public: inRegister,
          areaId: row.area_id,
          commenting: { open: row.status === 'published', stance: false, until: null },
        };
      },
    },
  },
};
