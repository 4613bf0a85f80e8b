/**
 * Test fixtures of the publication register (used by its tests and the authorization matrix).
 */
import assert from 'node:assert/strict';
import type { TestPlatform } from '../../../test/helpers/platform.js';
import { api, type TestUser } from '../../../test/helpers/factories.js';

/** A valid body for POST /api/v1/publications. */
export function publicationBody(departmentId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    departmentId,
    title: 'Parks maintenance contract 2026',
    summary: 'The contract for mowing, pruning and litter picking in the city parks for 2026.',
    category: 'contracts',
    documentDate: '2026-02-10',
    ...extra,
  };
}

/** Creates a publication through the API as an official of the department (a draft unless `publish`); returns its id. */
export async function publishVia(p: TestPlatform, as: TestUser, departmentId: string, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await api(p, { method: 'POST', url: '/api/v1/publications', as, body: publicationBody(departmentId, extra) });
  assert.equal(res.statusCode, 201, res.body);
  return res.json().id;
}

/** Uploads a file as raw bytes (as the web form does); returns the attachment's id. */
export async function uploadVia(p: TestPlatform, as: TestUser, fileName: string, bytes: Buffer, contentType = 'application/octet-stream'): Promise<string> {
  const res = await api(p, { method: 'POST', url: `/api/v1/attachments?fileName=${encodeURIComponent(fileName)}`, as, body: bytes, headers: { 'content-type': contentType } });
  assert.equal(res.statusCode, 201, res.body);
  return res.json().id;
}

/**
 * The publications the authorization matrix calls its routes on, all of the shared department:
 * `draft()` and `published()` are new each time (so one allowed change cannot block the next role).
 */
export function publicationsMatrixFixtures(p: TestPlatform, options: { departmentId: string; official: TestUser }) {
  return {
    draft: () => publishVia(p, options.official, options.departmentId),
    published: () => publishVia(p, options.official, options.departmentId, { publish: true }),
    body: (extra: Record<string, unknown> = {}) => publicationBody(options.departmentId, extra),
  };
}
