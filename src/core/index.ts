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
import { notificationsEmail } from './migrations/0005-notifications-email.js';
import { notificationRoutes } from './notifications/routes.js';
import { notificationMessages } from './notifications/messages.js';
import { notificationJobs } from './notifications/jobs.js';
import { organizationResource } from './notifications/organization-resource.js';
import { seedNotificationsDemo } from './notifications/demo.js';
import { commentsModeration } from './migrations/0004-comments-moderation.js';
import { commentErrorStatus, commentMessages } from './comments/messages.js';
import { moderationErrorStatus, moderationMessages } from './moderation/messages.js';
import { commentRoutes } from './comments/routes.js';
import { moderationRoutes } from './moderation/routes.js';
import { commentResource } from './comments/resource.js';

import { attachments } from './migrations/0006-attachments.js';
import { attachmentText } from './migrations/0008-attachment-text.js';
import { attachmentRoutes } from './attachments/routes.js';
import { attachmentErrorStatus, attachmentMessages } from './attachments/messages.js';
import { attachmentJobs } from './attachments/jobs.js';

import { openData } from './migrations/0007-open-data.js';
import { openDataRoutes } from './opendata/routes.js';
import { openDataErrorStatus, openDataMessages } from './opendata/messages.js';
import { openDataJob } from './opendata/generate.js';

import './tables.js';
import './attachments/tables.js';
import './opendata/tables.js';

/** The core as a manifest like any module's: it always comes first. */
export const coreManifest: ModuleManifest = {
  name: 'core',
  migrations: [foundation, calendarOutbox, notifications, commentsModeration, notificationsEmail, attachments, openData, attachmentText],
  errorStatus: { ...coreErrorStatus, ...commentErrorStatus, ...moderationErrorStatus, ...attachmentErrorStatus, ...openDataErrorStatus },
  messages: {
    en: { ...coreMessages.en, ...notificationMessages.en, ...commentMessages.en, ...moderationMessages.en, ...attachmentMessages.en, ...openDataMessages.en },
    'zh-CN': { ...coreMessages['zh-CN'], ...notificationMessages['zh-CN'], ...commentMessages['zh-CN'], ...moderationMessages['zh-CN'], ...attachmentMessages['zh-CN'], ...openDataMessages['zh-CN'] },
  },
  routes(app, ctx) {
    identityRoutes(app, ctx);
    adminRoutes(app, ctx);
    areaRoutes(app, ctx);
    organizationRoutes(app, ctx);
    auditRoutes(app, ctx);
    calendarRoutes(app, ctx);
    notificationRoutes(app, ctx);
    commentRoutes(app, ctx);
    moderationRoutes(app, ctx);
    attachmentRoutes(app, ctx);
    openDataRoutes(app, ctx);
  },
  resources: { organization: organizationResource, comment: commentResource },
  jobs: [...notificationJobs, ...attachmentJobs, openDataJob],
  seedDemo: seedNotificationsDemo,
};
