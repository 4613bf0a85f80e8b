/**
 * Test fixtures of the questions module (used by its tests and the authorization matrix).
 */
import assert from 'node:assert/strict';
import type { TestPlatform } from '../../../test/helpers/platform.js';
import { api, createDepartment, createUser, type TestUser } from '../../../test/helpers/factories.js';

/** Asks a question through the API as the given user; returns its id. */
export async function askVia(p: TestPlatform, as: TestUser, departmentId: string, body: Record<string, unknown> = {}): Promise<string> {
  const res = await api(p, {
    method: 'POST',
    url: '/api/v1/questions',
    as,
    body: { departmentId, title: 'When will the lake path be lit?', body: 'The lake path has no lights between the pier and the bridge; people walk home there in the dark.', ...body },
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json().id;
}

/** Answers a question through the API as an official of its department. */
export async function answerVia(p: TestPlatform, as: TestUser, id: string, answer = 'Lights will be installed along the whole path in May.'): Promise<void> {
  const res = await api(p, { method: 'POST', url: `/api/v1/questions/${id}/answer`, as, body: { answer } });
  assert.equal(res.statusCode, 200, res.body);
}

/**
 * The questions the authorization matrix calls its routes on: `question()` is asked by an account
 * outside the matrix's roles (so everyone else may co-sign it); `answeredByResident()` is asked by
 * the shared resident and answered by the shared official (so the resident may rate it and follow it up).
 */
export function questionsMatrixFixtures(p: TestPlatform, options: { departmentId: string; official: TestUser; resident: TestUser }) {
  let asker: Promise<TestUser> | null = null;
  let target: Promise<{ id: string; slug: string }> | null = null;
  return {
    question: async () => askVia(p, await (asker ??= createUser(p, { displayName: 'Matrix Asker' })), options.departmentId),
    answeredByResident: async () => {
      const id = await askVia(p, options.resident, options.departmentId);
      await answerVia(p, options.official, id);
      return id;
    },
    /** Another department to transfer questions to. */
    transferTarget: () => (target ??= createDepartment(p, 'Matrix Transfer Target')),
  };
}
