import { z } from 'zod';
import type { App, AppContext } from '../core/http/context.js';
import { notFound } from '../core/http/context.js';
import { errorResponses } from '../core/http/schemas.js';

/** The demo's own sign-in help: its accounts and passwords, served only by a demo installation. */
export function demoRoutes(app: App, { deps }: AppContext): void {
  app.get('/api/v1/demo/accounts', {
    schema: {
      tags: ['platform'],
      summary: 'Demo accounts and their passwords (404 unless this installation is the demo)',
      response: {
        200: z.object({
          accounts: z.array(z.object({ email: z.string(), password: z.string(), label: z.string(), labelZh: z.string() })),
          census: z.array(z.object({ documentNumber: z.string(), birthDate: z.string(), area: z.string() })),
        }),
        ...errorResponses(404),
      },
    },
  }, async () => {
    const rows = await deps.db.selectFrom('settings').select(['key', 'value']).where('key', 'in', ['demo', 'demo_accounts']).execute();
    const byKey = new Map(rows.map((r) => [r.key, r.value]));
    if (byKey.get('demo') !== true) notFound();
    return byKey.get('demo_accounts') as { accounts: never[]; census: never[] };
  });
}
