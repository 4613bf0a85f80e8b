import type { ModuleManifest } from './module.js';
import { foundation } from './migrations/0001-foundation.js';
import { calendarOutbox } from './migrations/0002-calendar-outbox.js';
import { notifications } from './migrations/0003-notifications.js';
import { coreErrorStatus } from './errors.js';
import { coreMessages } from './i18n/messages.js';
import { identityRoutes } from './identity/routes.js';
import { adminRoutes } from './identity/admin-routes.js';
import { areaRoutes } from './areas/routes.js';
import { organizationRoutes } from './organizations/routes.js';
import { auditRoutes } from './audit/routes.js';
import { calendarRoutes } from './calendar/routes.js';

import './tables.js';

/** The core as a manifest like any module's: it always comes first. */
export const coreManifest: ModuleManifest = {
  name: 'core',
  migrations: [foundation, calendarOutbox, notifications],
  errorStatus: coreErrorStatus,
  messages: coreMessages,
  routes(app, ctx) {
    identityRoutes(app, ctx);
    adminRoutes(app, ctx);
    areaRoutes(app, ctx);
    organizationRoutes(app, ctx);
    auditRoutes(app, ctx);
    calendarRoutes(app, ctx);
  },
};
