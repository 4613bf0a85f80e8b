import type { ModuleManifest } from '../../core/module.js';
import { requestsTables } from './migrations/0001-requests.js';
import { requestsErrorStatus, requestsMessages } from './messages.js';
import { requestRoutes } from './routes.js';
import { canRequest } from './policy.js';
import { loadRequest, requestPath } from './queries/load-request.js';
import { overdueRequestsJob } from './operations/flag-overdue-requests.js';
import { requestsOpenData } from './opendata.js';
import { requestsDepartmentMetrics } from './scorecard.js';
import { seedRequestsDemo } from './seed-demo.js';
import type { ResourceInfo } from '../../core/resources.js';
import type { Executor } from '../../core/db/database.js';
import type { Actor } from '../../core/permissions/actor.js';

import './tables.js';

export type { RequestState, RequestDecision, RefusalGround } from './tables.js';
export { flagOverdueRequests } from './operations/flag-overdue-requests.js';
/** For other modules' demo content and test fixtures. */
export { fileRequest } from './operations/file-request.js';
/** The web path of a request. */
export { requestPath } from './queries/load-request.js';

/** How comments, follows, moderation and attachments see a request (null when the actor may not read it). */
async function describeRequest(db: Executor, id: string, actor: Actor): Promise<ResourceInfo | null> {
  const record = await loadRequest(db, id);
  if (!record || !canRequest(actor, 'request.read', record.ref).allow) return null;
  const { row } = record;
  const visible = row.hidden_at === null;
  return {
    title: row.title,
    path: requestPath(row.id),
    // A pseudonymous requester is not named to comment threads or moderation as the author.
    authorIds: row.pseudonym ? [] : [row.author_id],
    public: visible,
    areaId: null,
    commenting: { open: visible, stance: false, until: null },
  };
}

/**
 * Information requests (as Alaveteli): a registered person or organization asks a department for
 * information in public, optionally under a pseudonym; the correspondence is public, with personal
 * data redacted by staff; the department decides within its working days (paused while awaiting a
 * clarification, extendable once), refusing only on published legal grounds; the requester
 * classifies the outcome and may appeal to the supervising department; overdue responses are
 * flagged by a sweep; answers with documents go to the publication register in one step; each
 * department's record is public and ranked.
 */
export const requestsManifest: ModuleManifest = {
  name: 'requests',
  migrations: [requestsTables],
  errorStatus: requestsErrorStatus,
  messages: requestsMessages,
  routes: requestRoutes,
  jobs: [overdueRequestsJob],
  openData: requestsOpenData,
  departmentMetrics: requestsDepartmentMetrics,
  seedDemo: seedRequestsDemo,
  resources: {
    information_request: {
      describe: (db, id, actor) => describeRequest(db, id, actor),
      async setHidden(trx, id, hiddenAt) {
        await trx.updateTable('information_requests').set({ hidden_at: hiddenAt }).where('id', '=', id).execute();
      },
    },
    // A message's files are served to whoever may read its request.
    information_request_message: {
      async describe(db, id, actor) {
        const message = /^[0-9a-f-]{36}$/i.test(id) ? await db.selectFrom('information_request_messages').select(['request_id', 'seq']).where('id', '=', id).executeTakeFirst() : undefined;
        if (!message) return null;
        const request = await describeRequest(db, message.request_id, actor);
        return request ? { ...request, path: `${request.path}#message-${message.seq}`, commenting: { open: false, stance: false, until: null } } : null;
      },
    },
  },
};
