/**
 * Test fixtures of the requests module (used by its tests and the authorization matrix).
 */
import assert from 'node:assert/strict';
import type { TestPlatform } from '../../../test/helpers/platform.js';
import { api, createDepartment, createUser, type TestUser } from '../../../test/helpers/factories.js';

/** Files a request through the API as the given user; returns its id. */
export async function fileVia(p: TestPlatform, as: TestUser, departmentId: string, body: Record<string, unknown> = {}): Promise<string> {
  const res = await api(p, {
    method: 'POST',
    url: '/api/v1/requests',
    as,
    body: { departmentId, title: 'Contracts for the lake path lighting', body: 'Please send the contracts and invoices for the lighting works on the lake path in 2025.', ...body },
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json().id;
}

/** Posts to a request's action route and expects success. */
export async function actVia(p: TestPlatform, as: TestUser, id: string, path: string, body: Record<string, unknown>, status = 200) {
  const res = await api(p, { method: 'POST', url: `/api/v1/requests/${id}/${path}`, as, body });
  assert.equal(res.statusCode, status, res.body);
  return res.json();
}

/** A PDF upload of the given user; returns its id. */
export async function uploadPdfVia(p: TestPlatform, as: TestUser, name = 'contracts.pdf'): Promise<string> {
  const res = await p.app.inject({
    method: 'POST',
    url: `/api/v1/attachments?fileName=${encodeURIComponent(name)}`,
    headers: { cookie: as.cookie, 'x-csrf-token': as.csrf, 'content-type': 'application/pdf' },
    payload: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n', 'latin1'),
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json().id;
}

/**
 * The requests the authorization matrix calls its routes on. `awaiting()` is filed by an account
 * outside the matrix's roles to the shared department; `byResident(...)` is filed by the shared
 * resident and brought to a state (asked to clarify, refused, answered with a document); review
 * requests go to another department whose supervising department is the shared one.
 */
export function requestsMatrixFixtures(p: TestPlatform, options: { departmentId: string; official: TestUser; resident: TestUser; administrator: TestUser }) {
  let outsider: Promise<TestUser> | null = null;
  let reviewed: Promise<Awaited<ReturnType<typeof createDepartment>>> | null = null;
  const reviewedDepartment = () =>
    (reviewed ??= (async () => {
      const dept = await createDepartment(p, 'Matrix Requests Bureau');
      const res = await api(p, {
        method: 'PUT',
        url: `/api/v1/requests/departments/${dept.slug}/settings`,
        as: options.administrator,
        body: {
          responseWorkingDays: 20, extensionWorkingDays: 20, reviewWorkingDays: 20, supervisorDepartmentId: options.departmentId, legalBasis: 'Matrix Open Information Rules, art. 1.',
          refusalGrounds: [{ code: 'personal_privacy', label: 'Personal data of others', legalReference: 'Matrix Rules, art. 2' }],
        },
      });
      assert.equal(res.statusCode, 200, res.body);
      return dept;
    })());
  return {
    awaiting: async () => fileVia(p, await (outsider ??= createUser(p, { displayName: 'Matrix Requester' })), options.departmentId),
    byResident: async (state: 'awaiting' | 'clarification' | 'refused' | 'answered' = 'awaiting') => {
      const id = await fileVia(p, options.resident, options.departmentId);
      if (state === 'clarification') await actVia(p, options.official, id, 'clarification-request', { body: 'Which year do you mean exactly?' });
      if (state === 'refused') await actVia(p, options.official, id, 'response', { decision: 'refused', ground: 'personal_privacy', body: 'The contracts name private persons.' });
      if (state === 'answered') {
        const file = await uploadPdfVia(p, options.official);
        await actVia(p, options.official, id, 'response', { decision: 'successful', body: 'The contracts are attached.', attachmentIds: [file] });
      }
      return id;
    },
    /** A request to another department, refused and appealed by the shared resident: the shared department reviews it. */
    inReview: async () => {
      const dept = await reviewedDepartment();
      const id = await fileVia(p, options.resident, dept.id);
      await actVia(p, dept.official, id, 'response', { decision: 'refused', ground: 'personal_privacy', body: 'The contracts name private persons.' });
      await actVia(p, options.resident, id, 'internal-review', { body: 'The names can be redacted; the rest must be released.' });
      return id;
    },
  };
}
