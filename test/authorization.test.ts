/**
 * The authorization matrix: every route of the API against every kind of caller.
 *
 * The table below names, for each `METHOD path` of the OpenAPI document, the roles that may call it
 * (one or more cases, e.g. a pending and a verified organization) and the error code every other
 * role gets. A route in the document without an entry, or an entry without a route, fails the suite,
 * so a new route cannot be added without deciding who may call it.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { createTestPlatform, type TestPlatform } from './helpers/platform.js';
import { createTestResource } from './helpers/test-resource.js';
import { createAreas, createOrganization, createUser, TEST_PASSWORD, uniqueEmail, type TestUser } from './helpers/factories.js';
import { orFail } from '../src/core/errors.js';
import { systemActor } from '../src/core/permissions/actor.js';
import { loadUserActor } from '../src/core/identity/load-actor.js';
import { importCensus } from '../src/core/identity/census.js';
import { createArea } from '../src/core/areas/manage-areas.js';
import { addMember, createGovernmentOrganization, decideOrganization, registerOrganization } from '../src/core/organizations/manage-organizations.js';
import { createPost } from '../src/core/organizations/manage-posts.js';
import { blockUser } from '../src/core/identity/manage-users.js';
import { uploadAttachment } from '../src/core/attachments/upload-attachment.js';
import { createProcess } from '../src/modules/processes/operations/create-process.js';
import { publishProcess } from '../src/modules/processes/operations/publish-process.js';
import { openProcess as openProposalProcess, proposeVia } from '../src/modules/proposals/testing.js';
import { budgetingMatrixFixtures, SMALL_PB } from '../src/modules/budgeting/testing.js';
import { opinionsMatrixFixtures } from '../src/modules/opinions/testing.js';
import { createDebate } from '../src/modules/debates/operations/create-debate.js';
import { createRegulation } from '../src/modules/regulations/operations/create-regulation.js';
import { publishVersion } from '../src/modules/regulations/operations/publish-version.js';
import { saveDraft } from '../src/modules/regulations/operations/save-draft.js';
import { questionsMatrixFixtures } from '../src/modules/questions/testing.js';
import { requestsMatrixFixtures } from '../src/modules/requests/testing.js';
import { reportsMatrixFixtures } from '../src/modules/reports/testing.js';
import { hearingsMatrixFixtures } from '../src/modules/hearings/testing.js';
import { supervisionMatrixFixtures } from '../src/modules/supervision/testing.js';
import { generateOpenDataArchive, latestArchiveMeta } from '../src/core/opendata/generate.js';
import { publicationsMatrixFixtures } from '../src/modules/publications/testing.js';
import { accountabilityFixtures, qualifiedProposal } from '../src/modules/accountability/testing.js';

const ROLES = ['visitor', 'registered', 'resident', 'representative', 'member', 'official', 'moderator', 'clerk', 'administrator', 'blocked'] as const;
type Role = (typeof ROLES)[number];

/** Everyone. A blocked user has no session left, so `blocked` always mirrors `visitor` and is never listed. */
const EVERYONE: Role[] = ['visitor', 'registered', 'resident', 'representative', 'member', 'official', 'moderator', 'clerk', 'administrator'];
const SIGNED_IN: Role[] = EVERYONE.filter((r) => r !== 'visitor');

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface Req {
  url: string;
  body?: unknown;
  /** Sent as text/csv instead of JSON. */
  csv?: string;
  /** Sent as raw bytes (application/pdf). */
  file?: Buffer;
}

interface Case {
  label: string;
  /** Roles that must get through authorization (never 401/403). */
  allow: Role[];
  /** Error code for a signed-in role that is refused (default `requires_role`). */
  deny?: string;
  /** Per-role error codes, overriding `deny` (and `not_authenticated` for visitors). */
  denyAs?: Partial<Record<Role, string>>;
  /** Exact status an allowed role gets (default: any 2xx). */
  okStatus?: number;
  okStatusFor?: Partial<Record<Role, number>>;
  /** The call changes the caller itself (session, password, verification): use a new account of the role. */
  freshActor?: boolean;
  request(ctx: { role: Role; actor: TestUser | null }): Promise<Req> | Req;
}

const STATUS_OF: Record<string, number> = { not_authenticated: 401, not_found: 404 };

const seeder = systemActor('authorization-test');
const hex = () => randomBytes(4).toString('hex');

/** An in-memory `test_item` resource type, open for comments, for the comment and moderation routes. */
const testResource = createTestResource();

/** A comment on a new open test item, written by `author` (a new account when not given: the blocked one cannot write). */
async function matrixComment(author?: TestUser | null): Promise<string> {
  const item = testResource.add();
  const res = await call('POST', { url: '/api/v1/comments', body: { resourceType: 'test_item', resourceId: item.id, body: 'Matrix comment' } }, author ?? (await createUser(p)));
  assert.equal(res.statusCode, 201, res.body);
  return JSON.parse(res.body).id;
}

let p: TestPlatform;
let areas: Awaited<ReturnType<typeof createAreas>>;
let department: { id: string; slug: string };
const shared = {} as Record<Role, TestUser | null>;

before(async () => {
  p = await createTestPlatform({}, { extraModules: [testResource.module] });
  areas = await createAreas(p);
  department = orFail(await createGovernmentOrganization(p.deps, seeder, { kind: 'department', name: 'Matrix Department' }));
  shared.administrator = await makeActor('administrator');
  for (const role of ROLES) if (role !== 'administrator') shared[role] = await makeActor(role);
});

after(async () => {
  await p?.close();
});

// ---------------------------------------------------------------------------------------------
// Actors and fixtures

/** A new account in the given role, with an open session (the blocked one's session is gone). */
async function makeActor(role: Role): Promise<TestUser | null> {
  switch (role) {
    case 'visitor':
      return null;
    case 'registered':
      return createUser(p, { displayName: 'Registered' });
    case 'resident':
      return createUser(p, { displayName: 'Resident', verifiedIn: { areaSlug: areas.hoodSlug } });
    case 'representative': {
      const user = await createUser(p, { displayName: 'Representative' });
      const actor = (await loadUserActor(p.deps.db, user.id))!;
      const home = orFail(await registerOrganization(p.deps, actor, { sector: 'society', kind: 'ngo', name: `Home NGO ${hex()}`, description: '' }));
      orFail(await decideOrganization(p.deps, seeder, { id: home.id, decision: 'verified' }));
      return user;
    }
    case 'member': {
      const user = await createUser(p, { displayName: 'Member' });
      const home = await createOrganization(p);
      orFail(await addMember(p.deps, seeder, { organizationId: home.id, email: user.email, role: 'member' }));
      return user;
    }
    case 'official': {
      const user = await createUser(p, { displayName: 'Official' });
      orFail(await createPost(p.deps, seeder, { organizationId: department.id, title: 'Inspector', holderEmail: user.email }));
      return user;
    }
    case 'moderator':
      return createUser(p, { roles: ['moderator'], displayName: 'Moderator' });
    case 'clerk': {
      const user = await createUser(p, { roles: ['clerk'], displayName: 'Clerk' });
      orFail(await createPost(p.deps, seeder, { organizationId: department.id, title: 'Counter Clerk', holderEmail: user.email }));
      return user;
    }
    case 'administrator':
      return createUser(p, { roles: ['administrator'], displayName: 'Administrator' });
    case 'blocked': {
      const user = await createUser(p, { displayName: 'Blocked' });
      const res = await call('POST', { url: `/api/v1/admin/users/${user.id}/block`, body: { reason: 'Authorization matrix' } }, shared.administrator);
      assert.equal(res.statusCode, 204, res.body);
      return user;
    }
  }
}

/** A society organization registered by the shared representative, with the shared member in it. */
async function societyOrg(status: 'pending' | 'verified') {
  const rep = (await loadUserActor(p.deps.db, shared.representative!.id))!;
  const org = orFail(await registerOrganization(p.deps, rep, { sector: 'society', kind: 'ngo', name: `Matrix NGO ${hex()}`, description: 'Fixture' }));
  orFail(await addMember(p.deps, seeder, { organizationId: org.id, email: shared.member!.email, role: 'member' }));
  if (status === 'verified') orFail(await decideOrganization(p.deps, seeder, { id: org.id, decision: 'verified' }));
  return org;
}

async function newDepartment() {
  return orFail(await createGovernmentOrganization(p.deps, seeder, { kind: 'department', name: `Matrix Bureau ${hex()}` }));
}

async function newNeighbourhood() {
  const slug = `matrix-hood-${hex()}`;
  const area = orFail(await createArea(p.deps, seeder, { parentId: areas.districtId, kind: 'neighbourhood', slug, name: 'Matrix Neighbourhood' }));
  return { id: area.id, slug };
}

/** A process of the shared department, running now with a later phase to advance to. */
async function newProcess(status: 'draft' | 'published') {
  const now = p.clock.now().getTime();
  const at = (days: number) => new Date(now + days * 86_400_000);
  const created = orFail(
    await createProcess(p.deps, seeder, {
      title: `Matrix process ${hex()}`, summary: 'Fixture', departmentId: department.id, legalBasis: 'Ordinance', components: ['proposals'],
      supportThreshold: 5, answerWorkingDays: 10,
      phases: [
        { title: 'Open', startsAt: at(-1), endsAt: at(10), actions: { proposals: ['propose'] } },
        { title: 'Later', startsAt: at(10), endsAt: at(20), actions: {} },
      ],
    }),
  );
  if (status === 'published') orFail(await publishProcess(p.deps, seeder, { id: created.id }));
  const phases = await p.deps.db.selectFrom('process_phases').select(['id', 'position']).where('process_id', '=', created.id).orderBy('position').execute();
  return { ...created, laterPhaseId: phases[1]!.id };
}

function processBody() {
  const now = p.clock.now().getTime();
  return {
    title: `Matrix process ${hex()}`, summary: 'Fixture', legalBasis: 'Ordinance', components: ['proposals'], supportThreshold: 5, answerWorkingDays: 10,
    phases: [{ title: 'Open', startsAt: new Date(now).toISOString(), endsAt: new Date(now + 864e5).toISOString(), actions: { proposals: ['propose'] } }],
  };
}

const DEPARTMENT_STAFF: Role[] = ['official', 'clerk', 'administrator'];

async function newCensusEntry() {
  const documentNumber = `MX-${hex()}`;
  orFail(await importCensus(p.deps, seeder, { fileName: 'matrix.csv', csv: `document_number,birth_date,area\n${documentNumber},1991-04-04,${areas.hoodSlug}` }));
  return { documentNumber, birthDate: '1991-04-04' };
}

/** One running process of the shared department taking proposals and supports (made on first use). */
let sharedProposalProcess: Promise<{ id: string; slug: string }> | null = null;
function proposalProcess() {
  sharedProposalProcess ??= openProposalProcess(p, shared.administrator!, { departmentId: department.id, supportThreshold: 1000 });
  return sharedProposalProcess;
}

/** A new proposal by the shared resident: published, or a draft only they see. */
const MATRIX_PDF = Buffer.from('%PDF-1.4\n%%EOF\n', 'latin1');

/** An upload of the shared resident, unattached or attached to a published proposal. */
async function matrixAttachment(attached: boolean): Promise<string> {
  const actor = (await loadUserActor(p.deps.db, shared.resident!.id))!;
  const view = orFail(await uploadAttachment(p.deps, actor, { fileName: 'matrix.pdf', bytes: MATRIX_PDF, maxBytes: 1024 * 1024 }));
  if (attached) {
    const proposalId = await matrixProposal();
    await p.deps.db.updateTable('attachments').set({ owner_type: 'proposal', owner_id: proposalId, attached_at: p.clock.now() }).where('id', '=', view.id).execute();
  }
  return view.id;
}

async function matrixProposal(published = true): Promise<string> {
  return proposeVia(p, shared.resident!, (await proposalProcess()).slug, { publish: published });
}

/** Budgets of the shared department (taking projects, taking ballots, counted), made on first use. */
let budgetingFixtures: ReturnType<typeof budgetingMatrixFixtures> | null = null;
function budgets() {
  budgetingFixtures ??= budgetingMatrixFixtures(p, { departmentId: department.id, official: shared.official!, resident: shared.resident!, hoodSlug: areas.hoodSlug });
  return budgetingFixtures;
}

/** Conversations of the shared department (verified residents only, any registered person, staff-only statements), made on first use. */
let opinionsFixtures: ReturnType<typeof opinionsMatrixFixtures> | null = null;
function opinions() {
  opinionsFixtures ??= opinionsMatrixFixtures(p, { departmentId: department.id, official: shared.official!, resident: shared.resident! });
  return opinionsFixtures;
}

/** Questions to the shared department (made on demand): asked by an outside account, or by the shared resident and answered. */
let questionFixtures: ReturnType<typeof questionsMatrixFixtures> | null = null;
function questions() {
  questionFixtures ??= questionsMatrixFixtures(p, { departmentId: department.id, official: shared.official!, resident: shared.resident! });
  return questionFixtures;
}

/** Information requests to the shared department (made on demand), and reviews the shared department decides as supervisor. */
let requestFixtures: ReturnType<typeof requestsMatrixFixtures> | null = null;
function infoRequests() {
  requestFixtures ??= requestsMatrixFixtures(p, { departmentId: department.id, official: shared.official!, resident: shared.resident!, administrator: shared.administrator! });
  return requestFixtures;
}
/** A request's message of the given kind. */
async function requestMessage(requestId: string, kind: 'request' | 'response'): Promise<string> {
  const row = await p.deps.db.selectFrom('information_request_messages').select('id').where('request_id', '=', requestId).where('kind', '=', kind).executeTakeFirstOrThrow();
  return row.id;
}

/** Reports of local problems routed to the shared department (a category, reports by the shared resident, Open311 keys), made on demand. */
let reportFixtures: ReturnType<typeof reportsMatrixFixtures> | null = null;
function problemReports() {
  reportFixtures ??= reportsMatrixFixtures(p, { departmentId: department.id, official: shared.official!, resident: shared.resident! });
  return reportFixtures;
}

/**
 * Supervision: a supervisory body (its handler is outside the roles) handling every department; a
 * complaint by the shared resident about the shared department (whose official and clerk are the
 * accused side), and an anonymous report about it with its receipt.
 */
let supervisionFixtures: ReturnType<typeof supervisionMatrixFixtures> | null = null;
function supervision() {
  supervisionFixtures ??= supervisionMatrixFixtures(p, { departmentId: department.id, resident: shared.resident! });
  return supervisionFixtures;
}

/** Hearings of the shared department (open, closed for the draw, held) and a written question, made on demand. */
let hearingFixtures: ReturnType<typeof hearingsMatrixFixtures> | null = null;
function hearings() {
  hearingFixtures ??= hearingsMatrixFixtures(p, { departmentId: department.id, official: shared.official! });
  return hearingFixtures;
}

/** Publications of the shared department (a new draft or published one per call), made by the shared official. */
let publicationFixtures: ReturnType<typeof publicationsMatrixFixtures> | null = null;
function publications() {
  publicationFixtures ??= publicationsMatrixFixtures(p, { departmentId: department.id, official: shared.official! });
  return publicationFixtures;
}

/** Commitments of the shared department serving the shared neighbourhood (a new one per call, at the stage asked). */
let accountabilityFixturesMade: ReturnType<typeof accountabilityFixtures> | null = null;
function commitments() {
  accountabilityFixturesMade ??= accountabilityFixtures(p, { departmentId: department.id, official: shared.official!, areaId: areas.hoodId });
  return accountabilityFixturesMade;
}

/** Registers the matrix's resident or representative for a hearing (those who could through the API); others stay unregistered. */
async function registeredIfEligible(hearingId: string, role: Role, actor: TestUser | null) {
  if (actor && (role === 'resident' || role === 'representative')) await hearings().register(hearingId, actor);
  return hearingId;
}

/**
 * Processes of the shared department with debates and draft regulations (made on first use):
 * `open` takes debates and consultation now; `finished` ended its consultation yesterday, so the
 * department may publish its response report.
 */
const participationProcesses: Partial<Record<'open' | 'finished', Promise<{ id: string; slug: string }>>> = {};
function participationProcess(kind: 'open' | 'finished') {
  participationProcesses[kind] ??= (async () => {
    const now = p.clock.now().getTime();
    const at = (days: number) => new Date(now + days * 86_400_000);
    const consult = { debates: ['create', 'comment'], regulations: ['comment', 'support', 'amend'] };
    const created = orFail(
      await createProcess(p.deps, seeder, {
        title: `Matrix participation ${kind} ${hex()}`, summary: 'Fixture', departmentId: department.id, legalBasis: 'Ordinance',
        components: ['debates', 'regulations'], supportThreshold: 5, answerWorkingDays: 10,
        phases: kind === 'open'
          ? [{ title: 'Open', startsAt: at(-1), endsAt: at(30), actions: consult }]
          : [{ title: 'Consultation', startsAt: at(-10), endsAt: at(-1), actions: consult }, { title: 'Response', startsAt: at(-1), endsAt: at(30), actions: {} }],
      }),
    );
    orFail(await publishProcess(p.deps, seeder, { id: created.id }));
    return created;
  })();
  return participationProcesses[kind]!;
}

/** A new open debate by the shared resident. */
async function matrixDebate(): Promise<string> {
  const author = (await loadUserActor(p.deps.db, shared.resident!.id))!;
  return orFail(await createDebate(p.deps, author, { processId: (await participationProcess('open')).id, title: 'Matrix debate title', description: 'A debate started by the matrix.' })).id;
}

const matrixDraft = {
  title: 'Matrix regulation (draft)',
  clauses: [
    { label: 'Article 1', text: 'The first rule.' },
    { label: 'Article 2', text: 'The second rule.' },
  ],
};

/** A new regulation of the shared department by its official: published (version 1) or an unpublished draft. */
async function matrixRegulation(options: { process?: 'open' | 'finished'; published?: boolean; nextDraft?: boolean } = {}) {
  const official = (await loadUserActor(p.deps.db, shared.official!.id))!;
  const { id } = orFail(await createRegulation(p.deps, official, { processId: (await participationProcess(options.process ?? 'open')).id, ...matrixDraft }));
  if (options.published !== false) orFail(await publishVersion(p.deps, official, { regulationId: id }));
  if (options.nextDraft) orFail(await saveDraft(p.deps, official, { regulationId: id, ...matrixDraft }));
  const clause = await p.deps.db.selectFrom('regulation_clauses').select('id').where('regulation_id', '=', id).orderBy('created_at').executeTakeFirstOrThrow();
  return { id, clauseId: clause.id };
}

/** The post the shared official holds in the shared department. */
async function officialPostId(): Promise<string> {
  const post = await p.deps.db.selectFrom('posts').select('id').where('organization_id', '=', department.id).where('holder_user_id', '=', shared.official!.id).executeTakeFirstOrThrow();
  return post.id;
}

/** The open-data archive, made once when the first download route needs it. */
async function matrixArchive(): Promise<void> {
  if (!(await latestArchiveMeta(p.deps.db))) await generateOpenDataArchive(p.deps, { trigger: 'schedule', actor: seeder });
}

// ---------------------------------------------------------------------------------------------
// Calling the API

let ipCounter = 0;
/** Every call comes from its own address, so per-route rate limits never interfere with the matrix. */
function nextIp(): string {
  ipCounter++;
  return `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;
}

async function call(method: Method, req: Req, actor: TestUser | null | undefined, extraHeaders: Record<string, string> = {}) {
  const headers: Record<string, string> = { 'accept-language': 'en', ...extraHeaders };
  if (actor) {
    headers.cookie = actor.cookie;
    if (method !== 'GET') headers['x-csrf-token'] = actor.csrf;
  }
  let payload: string | Buffer | undefined;
  if (req.file !== undefined) {
    headers['content-type'] = 'application/pdf';
    payload = req.file;
  } else if (req.csv !== undefined) {
    headers['content-type'] = 'text/csv';
    payload = req.csv;
  } else if (req.body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(req.body);
  }
  return p.app.inject({ method, url: req.url, headers, payload, remoteAddress: nextIp() });
}

function parseBody(raw: string): any {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/** A refusal's body is exactly `{ error: { code, message } }` with a non-empty message. */
function errorShapeProblem(body: any, expectedCode: string): string | null {
  if (!body || typeof body !== 'object') return 'body is not JSON';
  if (JSON.stringify(Object.keys(body)) !== '["error"]') return `top-level keys ${JSON.stringify(Object.keys(body))}`;
  const { error } = body;
  if (!error || typeof error !== 'object') return 'error is not an object';
  const keys = Object.keys(error).sort();
  if (JSON.stringify(keys) !== '["code","message"]') return `error keys ${JSON.stringify(keys)}`;
  if (error.code !== expectedCode) return `code ${error.code}, expected ${expectedCode}`;
  if (typeof error.message !== 'string' || error.message.length === 0 || error.message.startsWith('error.')) return `message ${JSON.stringify(error.message)}`;
  return null;
}

// ---------------------------------------------------------------------------------------------
// The table: every route, who may call it, and a valid request for it

const ADMIN_ONLY: Pick<Case, 'allow' | 'deny'> = { allow: ['administrator'], deny: 'requires_role' };
const MODERATORS: Role[] = ['moderator', 'administrator'];

const table: Record<string, Case[]> = {
  'GET /health': [{ label: 'public', allow: EVERYONE, okStatus: 200, request: () => ({ url: '/health' }) }],
  'GET /api/v1/openapi.json': [{ label: 'public (hidden from the document itself)', allow: EVERYONE, okStatus: 200, request: () => ({ url: '/api/v1/openapi.json' }) }],
  'GET /api/v1/session': [{ label: 'public', allow: EVERYONE, okStatus: 200, request: () => ({ url: '/api/v1/session' }) }],
  'GET /api/v1/demo/accounts': [
    { label: 'public, but 404 outside the demo', allow: EVERYONE, okStatus: 404, request: () => ({ url: '/api/v1/demo/accounts' }) },
  ],

  'POST /api/v1/auth/signup': [
    {
      label: 'anyone may create an account',
      allow: EVERYONE,
      okStatus: 201,
      request: () => ({ url: '/api/v1/auth/signup', body: { email: uniqueEmail('signup'), password: TEST_PASSWORD, displayName: 'Matrix Signup' } }),
    },
  ],
  'POST /api/v1/auth/login': [
    {
      label: 'anyone may sign in',
      allow: EVERYONE,
      okStatus: 200,
      freshActor: true,
      request: async () => {
        const target = await createUser(p);
        return { url: '/api/v1/auth/login', body: { email: target.email, password: target.password } };
      },
    },
  ],
  'POST /api/v1/auth/logout': [{ label: 'anyone may sign out', allow: EVERYONE, okStatus: 204, freshActor: true, request: () => ({ url: '/api/v1/auth/logout' }) }],
  'POST /api/v1/auth/logout-everywhere': [
    { label: 'signed-in users', allow: SIGNED_IN, okStatus: 204, freshActor: true, request: () => ({ url: '/api/v1/auth/logout-everywhere' }) },
  ],
  'POST /api/v1/auth/password': [
    {
      label: 'signed-in users',
      allow: SIGNED_IN,
      okStatus: 204,
      freshActor: true,
      request: () => ({ url: '/api/v1/auth/password', body: { currentPassword: TEST_PASSWORD, newPassword: 'a completely new passphrase' } }),
    },
  ],
  'PATCH /api/v1/me': [
    { label: 'signed-in users', allow: SIGNED_IN, okStatus: 200, freshActor: true, request: () => ({ url: '/api/v1/me', body: { displayName: 'Renamed In Matrix' } }) },
  ],
  'POST /api/v1/me/verification': [
    {
      label: 'signed-in users (a verified resident gets a business 409)',
      allow: SIGNED_IN,
      okStatus: 200,
      okStatusFor: { resident: 409 },
      freshActor: true,
      request: async () => ({ url: '/api/v1/me/verification', body: await newCensusEntry() }),
    },
  ],
  'POST /api/v1/assist': [
    {
      label: 'clerks holding a post',
      allow: ['clerk'],
      deny: 'requires_role',
      okStatus: 200,
      freshActor: true,
      request: () => ({ url: '/api/v1/assist', body: { email: shared.resident!.email } }),
    },
  ],
  'DELETE /api/v1/assist': [
    { label: 'clerks holding a post', allow: ['clerk'], deny: 'requires_role', okStatus: 204, freshActor: true, request: () => ({ url: '/api/v1/assist' }) },
  ],

  'GET /api/v1/admin/users': [{ label: 'administrators', ...ADMIN_ONLY, okStatus: 200, request: () => ({ url: '/api/v1/admin/users?q=example' }) }],
  'PUT /api/v1/admin/users/{id}/roles': [
    {
      label: 'administrators',
      ...ADMIN_ONLY,
      okStatus: 200,
      request: async () => ({ url: `/api/v1/admin/users/${(await createUser(p)).id}/roles`, body: { roles: ['moderator'] } }),
    },
  ],
  'POST /api/v1/admin/users/{id}/block': [
    {
      label: 'administrators',
      ...ADMIN_ONLY,
      okStatus: 204,
      request: async () => ({ url: `/api/v1/admin/users/${(await createUser(p)).id}/block`, body: { reason: 'Matrix check' } }),
    },
  ],
  'POST /api/v1/admin/users/{id}/unblock': [
    {
      label: 'administrators',
      ...ADMIN_ONLY,
      okStatus: 204,
      request: async () => {
        const target = await createUser(p);
        orFail(await blockUser(p.deps, seeder, { userId: target.id, reason: 'Matrix check' }));
        return { url: `/api/v1/admin/users/${target.id}/unblock` };
      },
    },
  ],
  'GET /api/v1/admin/census': [{ label: 'administrators', ...ADMIN_ONLY, okStatus: 200, request: () => ({ url: '/api/v1/admin/census' }) }],
  'POST /api/v1/admin/census': [
    {
      label: 'administrators',
      ...ADMIN_ONLY,
      okStatus: 200,
      request: () => ({ url: '/api/v1/admin/census?fileName=matrix.csv', csv: `document_number,birth_date,area\nMC-${hex()},1970-01-01,${areas.hoodSlug}\n` }),
    },
  ],

  'GET /api/v1/areas': [{ label: 'public', allow: EVERYONE, okStatus: 200, request: () => ({ url: '/api/v1/areas' }) }],
  'GET /api/v1/areas/{slug}': [{ label: 'public', allow: EVERYONE, okStatus: 200, request: () => ({ url: `/api/v1/areas/${areas.citySlug}` }) }],
  'POST /api/v1/areas': [
    {
      label: 'administrators',
      ...ADMIN_ONLY,
      okStatus: 201,
      request: () => ({ url: '/api/v1/areas', body: { kind: 'city', slug: `matrix-city-${hex()}`, name: 'Matrix City' } }),
    },
  ],
  'PATCH /api/v1/areas/{id}': [
    { label: 'administrators', ...ADMIN_ONLY, okStatus: 200, request: async () => ({ url: `/api/v1/areas/${(await newNeighbourhood()).id}`, body: { name: 'Renamed' } }) },
  ],
  'DELETE /api/v1/areas/{id}': [
    { label: 'administrators (an unused area)', ...ADMIN_ONLY, okStatus: 204, request: async () => ({ url: `/api/v1/areas/${(await newNeighbourhood()).id}` }) },
  ],

  'GET /api/v1/organizations': [
    { label: 'public', allow: EVERYONE, okStatus: 200, request: () => ({ url: '/api/v1/organizations' }) },
    { label: 'public, asking for pending ones', allow: EVERYONE, okStatus: 200, request: () => ({ url: '/api/v1/organizations?status=pending' }) },
  ],
  'POST /api/v1/organizations': [
    {
      label: 'a society organization: any signed-in user',
      allow: SIGNED_IN,
      okStatus: 201,
      request: () => ({ url: '/api/v1/organizations', body: { sector: 'society', kind: 'ngo', name: `Registered NGO ${hex()}` } }),
    },
    {
      label: 'a government body: administrators',
      ...ADMIN_ONLY,
      okStatus: 201,
      request: () => ({ url: '/api/v1/organizations', body: { sector: 'government', kind: 'department', name: `Registered Bureau ${hex()}`, parentId: department.id } }),
    },
    {
      label: 'a supervisory society organization: nobody',
      allow: [],
      deny: 'forbidden',
      request: () => ({ url: '/api/v1/organizations', body: { sector: 'society', kind: 'ngo', name: `Supervisory NGO ${hex()}`, isSupervisory: true } }),
    },
  ],
  'GET /api/v1/organizations/{slug}': [
    { label: 'a verified organization: public', allow: EVERYONE, okStatus: 200, request: async () => ({ url: `/api/v1/organizations/${(await societyOrg('verified')).slug}` }) },
    { label: 'a department: public', allow: EVERYONE, okStatus: 200, request: () => ({ url: `/api/v1/organizations/${department.slug}` }) },
    {
      label: 'a pending organization: its members and administrators; hidden (404) from everyone else',
      allow: ['representative', 'member', 'administrator'],
      deny: 'not_found',
      denyAs: { visitor: 'not_found' },
      okStatus: 200,
      request: async () => ({ url: `/api/v1/organizations/${(await societyOrg('pending')).slug}` }),
    },
  ],
  'PATCH /api/v1/organizations/{slug}': [
    {
      label: 'a verified organization: its representatives and administrators',
      allow: ['representative', 'administrator'],
      deny: 'not_a_representative',
      okStatus: 200,
      request: async () => ({ url: `/api/v1/organizations/${(await societyOrg('verified')).slug}`, body: { description: 'Edited in the matrix' } }),
    },
    {
      label: 'a pending organization: its representatives and administrators; hidden from outsiders',
      allow: ['representative', 'administrator'],
      deny: 'not_found',
      denyAs: { member: 'not_a_representative' },
      okStatus: 200,
      request: async () => ({ url: `/api/v1/organizations/${(await societyOrg('pending')).slug}`, body: { description: 'Edited in the matrix' } }),
    },
    {
      label: 'a department: administrators (not even its officials)',
      ...ADMIN_ONLY,
      okStatus: 200,
      request: async () => ({ url: `/api/v1/organizations/${department.slug}`, body: { description: 'Edited in the matrix' } }),
    },
  ],
  'POST /api/v1/organizations/{slug}/verify': [
    {
      label: 'a pending organization: administrators; hidden from outsiders',
      allow: ['administrator'],
      deny: 'not_found',
      denyAs: { representative: 'requires_role', member: 'requires_role' },
      okStatus: 200,
      request: async () => ({ url: `/api/v1/organizations/${(await societyOrg('pending')).slug}/verify`, body: {} }),
    },
    {
      label: 'an already verified organization: nobody',
      allow: [],
      deny: 'requires_role',
      denyAs: { administrator: 'forbidden' },
      request: async () => ({ url: `/api/v1/organizations/${(await societyOrg('verified')).slug}/verify`, body: {} }),
    },
  ],
  'POST /api/v1/organizations/{slug}/reject': [
    {
      label: 'a pending organization: administrators; hidden from outsiders',
      allow: ['administrator'],
      deny: 'not_found',
      denyAs: { representative: 'requires_role', member: 'requires_role' },
      okStatus: 200,
      request: async () => ({ url: `/api/v1/organizations/${(await societyOrg('pending')).slug}/reject`, body: { reason: 'Not a real organization' } }),
    },
    {
      label: 'an already verified organization: nobody',
      allow: [],
      deny: 'requires_role',
      denyAs: { administrator: 'forbidden' },
      request: async () => ({ url: `/api/v1/organizations/${(await societyOrg('verified')).slug}/reject`, body: { reason: 'Not a real organization' } }),
    },
  ],
  'POST /api/v1/organizations/{slug}/members': [
    {
      label: 'a verified organization: its representatives and administrators',
      allow: ['representative', 'administrator'],
      deny: 'not_a_representative',
      okStatus: 201,
      request: async () => ({ url: `/api/v1/organizations/${(await societyOrg('verified')).slug}/members`, body: { email: (await createUser(p)).email, role: 'member' } }),
    },
    {
      label: 'a department: administrators',
      ...ADMIN_ONLY,
      okStatus: 201,
      request: async () => ({ url: `/api/v1/organizations/${(await newDepartment()).slug}/members`, body: { email: (await createUser(p)).email, role: 'member' } }),
    },
  ],
  'DELETE /api/v1/organizations/{slug}/members/{userId}': [
    {
      label: 'removing someone else: representatives and administrators',
      allow: ['representative', 'administrator'],
      deny: 'not_a_representative',
      okStatus: 204,
      request: async () => {
        const org = await societyOrg('verified');
        const target = await createUser(p);
        orFail(await addMember(p.deps, seeder, { organizationId: org.id, email: target.email, role: 'member' }));
        return { url: `/api/v1/organizations/${org.slug}/members/${target.id}` };
      },
    },
    {
      label: 'removing oneself: any signed-in user (a member leaves; the sole representative gets 409; non-members 404)',
      allow: SIGNED_IN,
      okStatus: 404,
      okStatusFor: { member: 204, representative: 409 },
      request: async ({ actor }) => ({ url: `/api/v1/organizations/${(await societyOrg('verified')).slug}/members/${actor?.id ?? randomUUID()}` }),
    },
  ],
  'POST /api/v1/organizations/{slug}/posts': [
    {
      label: 'a department: administrators',
      ...ADMIN_ONLY,
      okStatus: 201,
      request: async () => ({ url: `/api/v1/organizations/${(await newDepartment()).slug}/posts`, body: { title: 'Deputy Director' } }),
    },
    {
      label: 'a society organization: nobody',
      allow: [],
      deny: 'requires_role',
      denyAs: { administrator: 'forbidden' },
      request: async () => ({ url: `/api/v1/organizations/${(await societyOrg('verified')).slug}/posts`, body: { title: 'Deputy Director' } }),
    },
  ],
  'PATCH /api/v1/posts/{id}': [
    {
      label: 'administrators',
      ...ADMIN_ONLY,
      okStatus: 200,
      request: async () => {
        const post = orFail(await createPost(p.deps, seeder, { organizationId: department.id, title: 'Matrix Post' }));
        return { url: `/api/v1/posts/${post.id}`, body: { title: 'Renamed Post' } };
      },
    },
  ],

  'GET /api/v1/audit': [
    { label: 'public', allow: EVERYONE, okStatus: 200, request: () => ({ url: '/api/v1/audit' }) },
    { label: 'public, asking for every row', allow: EVERYONE, okStatus: 200, request: () => ({ url: '/api/v1/audit?all=true&limit=5' }) },
  ],
  'GET /api/v1/audit/verify': [{ label: 'public', allow: EVERYONE, okStatus: 200, request: () => ({ url: '/api/v1/audit/verify' }) }],
  'GET /api/v1/open-data': [{ label: 'public', allow: EVERYONE, okStatus: 200, request: () => ({ url: '/api/v1/open-data' }) }],
  'POST /api/v1/open-data/archive': [{ label: 'administrators', ...ADMIN_ONLY, okStatus: 201, request: () => ({ url: '/api/v1/open-data/archive' }) }],
  'GET /api/v1/open-data/archive.zip': [
    { label: 'public', allow: EVERYONE, okStatus: 200, request: async () => { await matrixArchive(); return { url: '/api/v1/open-data/archive.zip' }; } },
  ],
  'GET /api/v1/open-data/{file}': [
    { label: 'public', allow: EVERYONE, okStatus: 200, request: async () => { await matrixArchive(); return { url: '/api/v1/open-data/proposals.csv' }; } },
  ],
  'GET /api/v1/popolo': [{ label: 'public', allow: EVERYONE, okStatus: 200, request: () => ({ url: '/api/v1/popolo' }) }],
  'GET /api/v1/processes': [{ label: 'public', allow: EVERYONE, okStatus: 200, request: () => ({ url: '/api/v1/processes' }) }],
  'POST /api/v1/processes': [
    { label: 'officials of the department', allow: DEPARTMENT_STAFF, deny: 'not_an_official', okStatus: 201, request: () => ({ url: '/api/v1/processes', body: { ...processBody(), departmentId: department.id } }) },
  ],
  'GET /api/v1/processes/{slug}': [
    { label: 'published', allow: EVERYONE, okStatus: 200, request: async () => ({ url: `/api/v1/processes/${(await newProcess('published')).slug}` }) },
    {
      label: 'draft',
      allow: DEPARTMENT_STAFF,
      denyAs: { registered: 'not_found', resident: 'not_found', representative: 'not_found', member: 'not_found', moderator: 'not_found', visitor: 'not_found' },
      okStatus: 200,
      request: async () => ({ url: `/api/v1/processes/${(await newProcess('draft')).slug}` }),
    },
  ],
  'PUT /api/v1/processes/{slug}': [
    { label: 'published', allow: DEPARTMENT_STAFF, deny: 'not_an_official', okStatus: 200, request: async () => ({ url: `/api/v1/processes/${(await newProcess('published')).slug}`, body: processBody() }) },
  ],
  'POST /api/v1/processes/{slug}/publish': [
    {
      label: 'draft',
      allow: DEPARTMENT_STAFF,
      denyAs: { registered: 'not_found', resident: 'not_found', representative: 'not_found', member: 'not_found', moderator: 'not_found' },
      okStatus: 200,
      request: async () => ({ url: `/api/v1/processes/${(await newProcess('draft')).slug}/publish`, body: {} }),
    },
  ],
  'POST /api/v1/processes/{slug}/advance': [
    {
      label: 'published',
      allow: DEPARTMENT_STAFF,
      deny: 'not_an_official',
      okStatus: 200,
      request: async () => {
        const process = await newProcess('published');
        return { url: `/api/v1/processes/${process.slug}/advance`, body: { phaseId: process.laterPhaseId } };
      },
    },
  ],
  'GET /api/v1/calendar': [{ label: 'public', allow: EVERYONE, okStatus: 200, request: () => ({ url: '/api/v1/calendar' }) }],
  'PUT /api/v1/calendar': [
    {
      label: 'administrators',
      ...ADMIN_ONLY,
      okStatus: 200,
      request: () => ({ url: '/api/v1/calendar', body: { timeZone: 'Asia/Shanghai', days: [{ date: '2026-10-01', kind: 'holiday', name: 'National Day' }] } }),
    },
  ],

  'GET /api/v1/notifications': [
    { label: 'signed-in users (their own only)', allow: SIGNED_IN, okStatus: 200, request: () => ({ url: '/api/v1/notifications?unread=true&limit=5' }) },
  ],
  'GET /api/v1/notifications/unread-count': [
    { label: 'signed-in users (their own only)', allow: SIGNED_IN, okStatus: 200, request: () => ({ url: '/api/v1/notifications/unread-count' }) },
  ],
  'POST /api/v1/notifications/read': [
    { label: 'signed-in users (their own only)', allow: SIGNED_IN, okStatus: 200, request: () => ({ url: '/api/v1/notifications/read', body: { all: true } }) },
  ],
  'GET /api/v1/follows': [{ label: 'signed-in users (their own only)', allow: SIGNED_IN, okStatus: 200, request: () => ({ url: '/api/v1/follows' }) }],
  'GET /api/v1/follows/{resourceType}/{resourceId}': [
    { label: 'a verified organization: public', allow: EVERYONE, okStatus: 200, request: async () => ({ url: `/api/v1/follows/organization/${(await societyOrg('verified')).id}` }) },
    {
      label: 'a pending organization: hidden (404) from everyone, its own members too',
      allow: [],
      deny: 'not_found',
      denyAs: { visitor: 'not_found' },
      request: async () => ({ url: `/api/v1/follows/organization/${(await societyOrg('pending')).id}` }),
    },
  ],
  'PUT /api/v1/follows/{resourceType}/{resourceId}': [
    { label: 'a verified organization: signed-in users', allow: SIGNED_IN, okStatus: 200, request: async () => ({ url: `/api/v1/follows/organization/${(await societyOrg('verified')).id}` }) },
    {
      label: 'a pending organization: hidden (404) from every signed-in user',
      allow: [],
      deny: 'not_found',
      request: async () => ({ url: `/api/v1/follows/organization/${(await societyOrg('pending')).id}` }),
    },
  ],
  'DELETE /api/v1/follows/{resourceType}/{resourceId}': [
    { label: 'signed-in users (their own follow)', allow: SIGNED_IN, okStatus: 200, request: async () => ({ url: `/api/v1/follows/organization/${(await societyOrg('verified')).id}` }) },
  ],

  'GET /api/v1/comments': [
    { label: 'public', allow: EVERYONE, okStatus: 200, request: () => ({ url: `/api/v1/comments?resourceType=test_item&resourceId=${testResource.add().id}&order=most_voted` }) },
  ],
  'GET /api/v1/comments/summary': [
    { label: 'public', allow: EVERYONE, okStatus: 200, request: () => ({ url: `/api/v1/comments/summary?resourceType=test_item&resourceId=${testResource.add().id}` }) },
  ],
  'POST /api/v1/attachments': [
    { label: 'signed-in users', allow: SIGNED_IN, okStatus: 201, request: () => ({ url: '/api/v1/attachments?fileName=matrix.pdf', file: MATRIX_PDF }) },
  ],
  'GET /api/v1/attachments/{id}/content': [
    { label: 'attached to a published proposal: public', allow: EVERYONE, okStatus: 200, request: async () => ({ url: `/api/v1/attachments/${await matrixAttachment(true)}/content` }) },
    { label: 'not attached yet: its uploader only (404 for everyone else)', allow: ['resident'], deny: 'not_found', denyAs: { visitor: 'not_found' }, okStatus: 200, request: async () => ({ url: `/api/v1/attachments/${await matrixAttachment(false)}/content` }) },
  ],
  'DELETE /api/v1/attachments/{id}': [
    { label: 'its uploader, before it is attached', allow: ['resident'], deny: 'not_found', okStatus: 204, request: async () => ({ url: `/api/v1/attachments/${await matrixAttachment(false)}` }) },
  ],
  'POST /api/v1/comments': [
    {
      label: 'signed-in users (verification not needed)',
      allow: SIGNED_IN,
      okStatus: 201,
      request: () => ({ url: '/api/v1/comments', body: { resourceType: 'test_item', resourceId: testResource.add().id, body: 'Matrix comment' } }),
    },
    {
      label: 'for an organization: its representatives',
      allow: ['representative'],
      deny: 'not_a_representative',
      okStatus: 201,
      request: async () => {
        const organizationId = (await loadUserActor(p.deps.db, shared.representative!.id))!.memberships[0]!.organizationId;
        return { url: '/api/v1/comments', body: { resourceType: 'test_item', resourceId: testResource.add().id, body: 'For our organization', organizationId } };
      },
    },
    {
      label: 'as an official: the holder of the post',
      allow: ['official'],
      deny: 'not_an_official',
      okStatus: 201,
      request: async () => {
        const postId = (await loadUserActor(p.deps.db, shared.official!.id))!.posts[0]!.id;
        return { url: '/api/v1/comments', body: { resourceType: 'test_item', resourceId: testResource.add().id, body: 'For the department', postId } };
      },
    },
  ],
  'PATCH /api/v1/comments/{id}': [
    { label: 'the author, on their own comment', allow: SIGNED_IN, okStatus: 200, request: async ({ role, actor }) => ({ url: `/api/v1/comments/${await matrixComment(role === 'blocked' ? null : actor)}`, body: { body: 'Edited in the matrix' } }) },
    { label: "nobody, on someone else's comment", allow: [], deny: 'forbidden', request: async () => ({ url: `/api/v1/comments/${await matrixComment()}`, body: { body: 'Not mine' } }) },
  ],
  'DELETE /api/v1/comments/{id}': [
    { label: 'the author, on their own comment', allow: SIGNED_IN, okStatus: 204, request: async ({ role, actor }) => ({ url: `/api/v1/comments/${await matrixComment(role === 'blocked' ? null : actor)}` }) },
    { label: "nobody, on someone else's comment", allow: [], deny: 'forbidden', request: async () => ({ url: `/api/v1/comments/${await matrixComment()}` }) },
  ],
  'PUT /api/v1/comments/{id}/vote': [
    { label: 'signed-in users', allow: SIGNED_IN, okStatus: 200, request: async () => ({ url: `/api/v1/comments/${await matrixComment()}/vote`, body: { value: 1 } }) },
  ],
  'POST /api/v1/reports': [
    { label: 'signed-in users', allow: SIGNED_IN, okStatus: 201, request: async () => ({ url: '/api/v1/reports', body: { resourceType: 'comment', resourceId: await matrixComment(), reason: 'spam' } }) },
  ],
  'GET /api/v1/moderation': [
    { label: 'moderators and administrators', allow: MODERATORS, okStatus: 200, request: () => ({ url: '/api/v1/moderation?status=all' }) },
  ],
  'POST /api/v1/moderation/{resourceType}/{resourceId}/decision': [
    {
      label: 'moderators and administrators',
      allow: MODERATORS,
      okStatus: 200,
      request: async () => ({ url: `/api/v1/moderation/comment/${await matrixComment()}/decision`, body: { decision: 'hide', reason: 'Matrix decision' } }),
    },
  ],
  'POST /api/v1/moderation/{resourceType}/{resourceId}/block-author': [
    {
      label: 'moderators and administrators (authors without staff roles)',
      allow: MODERATORS,
      okStatus: 200,
      request: async () => ({ url: `/api/v1/moderation/comment/${await matrixComment()}/block-author`, body: { reason: 'Matrix block' } }),
    },
  ],
  'GET /api/v1/moderation/settings': [{ label: 'moderators and administrators', allow: MODERATORS, okStatus: 200, request: () => ({ url: '/api/v1/moderation/settings' }) }],
  'PUT /api/v1/moderation/settings': [
    { label: 'administrators', ...ADMIN_ONLY, okStatus: 200, request: () => ({ url: '/api/v1/moderation/settings', body: { threshold: 3, commentEditMinutes: 15 } }) },
  ],

  // Proposals: the shared resident writes them; the shared department (official, clerk) answers them.
  'GET /api/v1/processes/{slug}/proposals': [
    { label: 'public', allow: EVERYONE, okStatus: 200, request: async () => ({ url: `/api/v1/processes/${(await proposalProcess()).slug}/proposals?sort=random&seed=matrix&q=bench` }) },
  ],
  'POST /api/v1/processes/{slug}/proposals': [
    {
      label: 'in their own name: verified residents',
      allow: ['resident'],
      deny: 'requires_verification',
      okStatus: 201,
      request: async () => ({ url: `/api/v1/processes/${(await proposalProcess()).slug}/proposals`, body: { title: 'Matrix proposal title', body: 'A proposal written by the authorization matrix.' } }),
    },
    {
      label: 'for an organization: its representatives',
      allow: ['representative'],
      deny: 'not_a_representative',
      okStatus: 201,
      request: async () => {
        const organizationId = (await loadUserActor(p.deps.db, shared.representative!.id))!.memberships[0]!.organizationId;
        return { url: `/api/v1/processes/${(await proposalProcess()).slug}/proposals`, body: { title: 'Matrix proposal title', body: 'A proposal for the organization.', organizationId } };
      },
    },
  ],
  'GET /api/v1/proposals/mine': [{ label: 'signed-in users (their own only)', allow: SIGNED_IN, okStatus: 200, request: () => ({ url: '/api/v1/proposals/mine' }) }],
  'GET /api/v1/proposals/overdue': [{ label: 'public', allow: EVERYONE, okStatus: 200, request: () => ({ url: `/api/v1/proposals/overdue?departmentId=${department.id}` }) }],
  'GET /api/v1/proposals/{id}': [
    { label: 'published: public', allow: EVERYONE, okStatus: 200, request: async () => ({ url: `/api/v1/proposals/${await matrixProposal()}` }) },
    { label: 'a draft: its author only (404 for everyone else)', allow: ['resident'], deny: 'not_found', denyAs: { visitor: 'not_found' }, okStatus: 200, request: async () => ({ url: `/api/v1/proposals/${await matrixProposal(false)}` }) },
  ],
  'PATCH /api/v1/proposals/{id}': [
    { label: 'its authors', allow: ['resident'], deny: 'forbidden', okStatus: 200, request: async () => ({ url: `/api/v1/proposals/${await matrixProposal()}`, body: { category: 'Matrix' } }) },
  ],
  'POST /api/v1/proposals/{id}/publish': [
    { label: 'a draft: its authors (404 for others)', allow: ['resident'], deny: 'not_found', okStatus: 200, request: async () => ({ url: `/api/v1/proposals/${await matrixProposal(false)}/publish`, body: {} }) },
  ],
  'POST /api/v1/proposals/{id}/withdraw': [
    { label: 'its authors', allow: ['resident'], deny: 'forbidden', okStatus: 200, request: async () => ({ url: `/api/v1/proposals/${await matrixProposal()}/withdraw`, body: {} }) },
  ],
  'POST /api/v1/proposals/{id}/support': [
    { label: 'verified residents', allow: ['resident'], deny: 'requires_verification', okStatus: 200, request: async () => ({ url: `/api/v1/proposals/${await matrixProposal()}/support`, body: {} }) },
  ],
  'DELETE /api/v1/proposals/{id}/support': [
    { label: 'verified residents', allow: ['resident'], deny: 'requires_verification', okStatus: 200, request: async () => ({ url: `/api/v1/proposals/${await matrixProposal()}/support` }) },
  ],
  'POST /api/v1/proposals/{id}/answer': [
    {
      label: "officials of the process's department",
      allow: ['official', 'clerk'],
      deny: 'not_an_official',
      okStatus: 200,
      request: async () => ({ url: `/api/v1/proposals/${await matrixProposal()}/answer`, body: { state: 'rejected', answer: 'Matrix reasons' } }),
    },
  ],
  'POST /api/v1/proposals/{id}/evaluators': [
    {
      label: "officials of the process's department",
      allow: ['official', 'clerk'],
      deny: 'not_an_official',
      okStatus: 201,
      request: async () => ({ url: `/api/v1/proposals/${await matrixProposal()}/evaluators`, body: { userId: shared.official!.id } }),
    },
  ],
  'DELETE /api/v1/proposals/{id}/evaluators/{userId}': [
    {
      label: "officials of the process's department",
      allow: ['official', 'clerk'],
      deny: 'not_an_official',
      okStatus: 204,
      request: async () => ({ url: `/api/v1/proposals/${await matrixProposal()}/evaluators/${shared.official!.id}` }),
    },
  ],
  'GET /api/v1/proposals/{id}/notes': [
    {
      label: "officials of the process's department, administrators",
      allow: ['official', 'clerk', 'administrator'],
      deny: 'not_an_official',
      okStatus: 200,
      request: async () => ({ url: `/api/v1/proposals/${await matrixProposal()}/notes` }),
    },
  ],
  'POST /api/v1/proposals/{id}/notes': [
    {
      label: "officials of the process's department",
      allow: ['official', 'clerk'],
      deny: 'not_an_official',
      okStatus: 201,
      request: async () => ({ url: `/api/v1/proposals/${await matrixProposal()}/notes`, body: { body: 'Matrix note' } }),
    },
  ],

  // Participatory budgets: the shared resident proposes and votes; the shared department (official, clerk) reviews, enters paper ballots, counts.
  'GET /api/v1/processes/{slug}/budgets': [{ label: 'public', allow: EVERYONE, okStatus: 200, request: async () => ({ url: `/api/v1/processes/${(await budgets().process()).slug}/budgets` }) }],
  'POST /api/v1/processes/{slug}/budgets': [
    {
      label: "officials of the process's department, administrators",
      allow: ['official', 'clerk', 'administrator'],
      deny: 'not_an_official',
      okStatus: 201,
      request: async () => ({ url: `/api/v1/processes/${(await budgets().process()).slug}/budgets`, body: { title: 'Matrix budget', amount: 1000, currency: 'EUR', ballotType: 'approval' } }),
    },
  ],
  'POST /api/v1/processes/{slug}/budgets/import': [
    {
      label: "officials of the process's department, administrators",
      allow: ['official', 'clerk', 'administrator'],
      deny: 'not_an_official',
      okStatus: 201,
      request: async () => ({ url: `/api/v1/processes/${(await budgets().process()).slug}/budgets/import?title=Matrix%20replay`, csv: SMALL_PB }),
    },
  ],
  'GET /api/v1/budgets/{id}': [{ label: 'public', allow: EVERYONE, okStatus: 200, request: async () => ({ url: `/api/v1/budgets/${(await budgets().openBudget()).budgetId}` }) }],
  'PATCH /api/v1/budgets/{id}': [
    {
      label: "officials of the process's department, administrators",
      allow: ['official', 'clerk', 'administrator'],
      deny: 'not_an_official',
      okStatus: 200,
      request: async () => ({ url: `/api/v1/budgets/${(await budgets().openBudget()).budgetId}`, body: { description: 'Changed by the matrix.' } }),
    },
  ],
  'GET /api/v1/budgets/{id}/projects': [{ label: 'public', allow: EVERYONE, okStatus: 200, request: async () => ({ url: `/api/v1/budgets/${(await budgets().openBudget()).budgetId}/projects?q=project&category=Parks` }) }],
  'POST /api/v1/budgets/{id}/projects': [
    {
      label: 'in their own name: verified residents of the area',
      allow: ['resident'],
      deny: 'requires_verification',
      okStatus: 201,
      request: async () => ({ url: `/api/v1/budgets/${(await budgets().openBudget()).budgetId}/projects`, body: { title: 'Matrix project title', description: 'A project written by the matrix.', cost: 500 } }),
    },
    {
      label: 'for an organization: its representatives',
      allow: ['representative'],
      deny: 'not_a_representative',
      okStatus: 201,
      request: async () => {
        const organizationId = (await loadUserActor(p.deps.db, shared.representative!.id))!.memberships[0]!.organizationId;
        return { url: `/api/v1/budgets/${(await budgets().openBudget()).budgetId}/projects`, body: { title: 'Matrix project title', description: 'A project for the organization.', cost: 500, organizationId } };
      },
    },
  ],
  'POST /api/v1/budgets/{id}/promotions': [
    {
      label: "officials of the process's department",
      allow: ['official', 'clerk'],
      deny: 'not_an_official',
      okStatus: 201,
      request: async () => {
        const { budgetId, proposalId } = await budgets().promotable();
        return { url: `/api/v1/budgets/${budgetId}/promotions`, body: { proposalId, cost: 2500 } };
      },
    },
  ],
  'GET /api/v1/budgets/{id}/projects/{projectId}': [
    {
      label: 'public',
      allow: EVERYONE,
      okStatus: 200,
      request: async () => {
        const b = await budgets().openBudget();
        return { url: `/api/v1/budgets/${b.budgetId}/projects/${b.projects[0]!.id}` };
      },
    },
  ],
  'POST /api/v1/budgets/{id}/projects/{projectId}/review': [
    {
      label: "officials of the process's department",
      allow: ['official', 'clerk'],
      deny: 'not_an_official',
      okStatus: 200,
      request: async () => {
        const { budgetId, projectId } = await budgets().newProject();
        return { url: `/api/v1/budgets/${budgetId}/projects/${projectId}/review`, body: { decision: 'feasible', reason: 'Matrix review.', cost: 1200 } };
      },
    },
  ],
  'POST /api/v1/budgets/{id}/projects/{projectId}/withdraw': [
    {
      label: 'its proposer',
      allow: ['resident'],
      deny: 'forbidden',
      okStatus: 200,
      request: async () => {
        const { budgetId, projectId } = await budgets().newProject();
        return { url: `/api/v1/budgets/${budgetId}/projects/${projectId}/withdraw`, body: {} };
      },
    },
  ],
  'PUT /api/v1/budgets/{id}/projects/{projectId}/implementation': [
    {
      label: "a selected project: officials of the process's department",
      allow: ['official', 'clerk'],
      deny: 'not_an_official',
      okStatus: 200,
      request: async () => {
        const { budgetId, selectedProjectId } = await budgets().countedBudget();
        return { url: `/api/v1/budgets/${budgetId}/projects/${selectedProjectId}/implementation`, body: { status: 'in_progress' } };
      },
    },
  ],
  'GET /api/v1/budgets/{id}/ballot': [
    { label: 'signed-in users (their own ballot only)', allow: SIGNED_IN, okStatus: 200, request: async () => ({ url: `/api/v1/budgets/${(await budgets().votingBudget()).budgetId}/ballot` }) },
  ],
  'PUT /api/v1/budgets/{id}/ballot': [
    {
      label: 'verified residents of the area, while voting is open',
      allow: ['resident'],
      deny: 'requires_verification',
      okStatus: 200,
      request: async () => {
        const b = await budgets().votingBudget();
        return { url: `/api/v1/budgets/${b.budgetId}/ballot`, body: { selections: [{ projectId: b.projects[0]!.id }] } };
      },
    },
  ],
  'POST /api/v1/budgets/{id}/paper-ballots': [
    {
      label: "officials of the process's department, clerks with a post",
      allow: ['official', 'clerk'],
      deny: 'not_an_official',
      okStatus: 201,
      request: async () => {
        const b = await budgets().votingBudget();
        return { url: `/api/v1/budgets/${b.budgetId}/paper-ballots`, body: { email: (await budgets().paperVoter()).email, selections: [{ projectId: b.projects[1]!.id }] } };
      },
    },
  ],
  'POST /api/v1/budgets/{id}/count': [
    {
      label: "after voting closed: officials of the process's department, administrators",
      allow: ['official', 'clerk', 'administrator'],
      deny: 'not_an_official',
      okStatus: 200,
      request: async () => ({ url: `/api/v1/budgets/${(await budgets().closedBudget()).budgetId}/count`, body: {} }),
    },
  ],
  'GET /api/v1/budgets/{id}/results': [{ label: 'public', allow: EVERYONE, okStatus: 200, request: async () => ({ url: `/api/v1/budgets/${(await budgets().countedBudget()).budgetId}/results` }) }],
  'GET /api/v1/budgets/{id}/results.csv': [{ label: 'public, once counted', allow: EVERYONE, okStatus: 200, request: async () => ({ url: `/api/v1/budgets/${(await budgets().countedBudget()).budgetId}/results.csv` }) }],
  'GET /api/v1/budgets/{id}/export.pb': [{ label: 'public, once counted', allow: EVERYONE, okStatus: 200, request: async () => ({ url: `/api/v1/budgets/${(await budgets().countedBudget()).budgetId}/export.pb` }) }],
  'GET /api/v1/budgets/{id}/receipts': [{ label: 'public', allow: EVERYONE, okStatus: 200, request: async () => ({ url: `/api/v1/budgets/${(await budgets().countedBudget()).budgetId}/receipts?limit=10` }) }],

  // Opinion maps: the shared department (official, clerk) runs conversations; moderators moderate and seed; votes and statements per the conversation's settings.
  'GET /api/v1/processes/{slug}/conversations': [{ label: 'public', allow: EVERYONE, okStatus: 200, request: async () => ({ url: `/api/v1/processes/${(await opinions().process()).slug}/conversations` }) }],
  'POST /api/v1/processes/{slug}/conversations': [
    {
      label: "officials of the process's department, administrators",
      allow: DEPARTMENT_STAFF,
      deny: 'not_an_official',
      okStatus: 201,
      request: async () => ({ url: `/api/v1/processes/${(await opinions().process()).slug}/conversations`, body: { topic: 'Matrix conversation', seeds: [{ body: 'A matrix seed statement' }] } }),
    },
  ],
  'POST /api/v1/processes/{slug}/conversations/import': [
    {
      label: "officials of the process's department, administrators",
      allow: DEPARTMENT_STAFF,
      deny: 'not_an_official',
      okStatus: 201,
      request: async () => ({ url: `/api/v1/processes/${(await opinions().process()).slug}/conversations/import`, body: opinions().importBody() }),
    },
  ],
  'GET /api/v1/conversations/{id}': [{ label: 'public', allow: EVERYONE, okStatus: 200, request: async () => ({ url: `/api/v1/conversations/${(await opinions().conversation('verified')).conversationId}` }) }],
  'PATCH /api/v1/conversations/{id}': [
    {
      label: "officials of the process's department, administrators",
      allow: DEPARTMENT_STAFF,
      deny: 'not_an_official',
      okStatus: 200,
      request: async () => ({ url: `/api/v1/conversations/${(await opinions().conversation('verified')).conversationId}`, body: { description: 'Changed by the matrix.' } }),
    },
  ],
  'GET /api/v1/conversations/{id}/next': [{ label: 'public', allow: EVERYONE, okStatus: 200, request: async () => ({ url: `/api/v1/conversations/${(await opinions().conversation('verified')).conversationId}/next` }) }],
  'POST /api/v1/conversations/{id}/votes': [
    {
      label: 'verified residents, where the conversation asks for them',
      allow: ['resident'],
      deny: 'requires_verification',
      okStatus: 200,
      request: async () => {
        const c = await opinions().conversation('verified');
        return { url: `/api/v1/conversations/${c.conversationId}/votes`, body: { statementId: c.statements[0]!.id, vote: 'agree' } };
      },
    },
    {
      label: 'any registered person, where the conversation lets them',
      allow: SIGNED_IN,
      okStatus: 200,
      request: async () => {
        const c = await opinions().conversation('registered');
        return { url: `/api/v1/conversations/${c.conversationId}/votes`, body: { statementId: c.statements[0]!.id, vote: 'disagree' } };
      },
    },
  ],
  'POST /api/v1/conversations/{id}/statements': [
    {
      label: 'verified residents, where the conversation asks for them',
      allow: ['resident'],
      deny: 'requires_verification',
      okStatus: 201,
      request: async () => ({ url: `/api/v1/conversations/${(await opinions().conversation('verified')).conversationId}/statements`, body: { body: `Matrix statement ${hex()}` } }),
    },
    {
      label: 'any registered person, where the conversation lets them',
      allow: SIGNED_IN,
      okStatus: 201,
      request: async () => ({ url: `/api/v1/conversations/${(await opinions().conversation('registered')).conversationId}/statements`, body: { body: `Matrix statement ${hex()}` } }),
    },
    {
      label: 'nobody, where only the organizers add statements',
      allow: [],
      deny: 'statement_writing_off',
      request: async () => ({ url: `/api/v1/conversations/${(await opinions().conversation('staffOnly')).conversationId}/statements`, body: { body: `Matrix statement ${hex()}` } }),
    },
  ],
  'POST /api/v1/conversations/{id}/seeds': [
    {
      label: "officials of the process's department, moderators, administrators",
      allow: ['official', 'clerk', 'moderator', 'administrator'],
      deny: 'not_an_official',
      okStatus: 201,
      request: async () => ({ url: `/api/v1/conversations/${(await opinions().conversation('staffOnly')).conversationId}/seeds`, body: { statements: [{ body: `Matrix seed ${hex()}`, bodyZh: '矩阵观点' }] } }),
    },
  ],
  'GET /api/v1/conversations/{id}/moderation': [
    {
      label: "officials of the process's department, moderators, administrators",
      allow: ['official', 'clerk', 'moderator', 'administrator'],
      deny: 'not_an_official',
      okStatus: 200,
      request: async () => ({ url: `/api/v1/conversations/${(await opinions().conversation('verified')).conversationId}/moderation?status=pending` }),
    },
  ],
  'POST /api/v1/conversations/{id}/statements/{statementId}/moderation': [
    {
      label: "officials of the process's department, moderators, administrators",
      allow: ['official', 'clerk', 'moderator', 'administrator'],
      deny: 'not_an_official',
      okStatus: 200,
      request: async () => {
        const { conversationId, statementId } = await opinions().waitingStatement();
        return { url: `/api/v1/conversations/${conversationId}/statements/${statementId}/moderation`, body: { decision: 'accept' } };
      },
    },
  ],
  'GET /api/v1/conversations/{id}/results': [{ label: 'public', allow: EVERYONE, okStatus: 200, request: async () => ({ url: `/api/v1/conversations/${(await opinions().conversation('verified')).conversationId}/results` }) }],
  // The stream never ends; `once=true` sends the same first event through the same route and closes.
  'GET /api/v1/conversations/{id}/events': [{ label: 'public', allow: EVERYONE, okStatus: 200, request: async () => ({ url: `/api/v1/conversations/${(await opinions().conversation('verified')).conversationId}/events?once=true` }) }],
  'GET /api/v1/conversations/{id}/export/{file}': [
    { label: 'public', allow: EVERYONE, okStatus: 200, request: async () => ({ url: `/api/v1/conversations/${(await opinions().conversation('verified')).conversationId}/export/participants-votes.csv` }) },
  ],

  // Debates: the shared resident starts them; the shared department (official, clerk) closes them.
  'GET /api/v1/processes/{slug}/debates': [
    { label: 'public', allow: EVERYONE, okStatus: 200, request: async () => ({ url: `/api/v1/processes/${(await participationProcess('open')).slug}/debates?q=matrix&status=open&sort=most_commented` }) },
  ],
  'POST /api/v1/processes/{slug}/debates': [
    {
      label: 'in their own name: verified residents',
      allow: ['resident'],
      deny: 'requires_verification',
      okStatus: 201,
      request: async () => ({ url: `/api/v1/processes/${(await participationProcess('open')).slug}/debates`, body: { title: 'Matrix debate title', description: 'A debate started by the matrix.' } }),
    },
    {
      label: 'for an organization: its representatives',
      allow: ['representative'],
      deny: 'not_a_representative',
      okStatus: 201,
      request: async () => {
        const organizationId = (await loadUserActor(p.deps.db, shared.representative!.id))!.memberships[0]!.organizationId;
        return { url: `/api/v1/processes/${(await participationProcess('open')).slug}/debates`, body: { title: 'Matrix debate title', description: 'For the organization.', organizationId } };
      },
    },
    {
      label: "in a post's name: its holder",
      allow: ['official'],
      deny: 'not_an_official',
      okStatus: 201,
      request: async () => ({ url: `/api/v1/processes/${(await participationProcess('open')).slug}/debates`, body: { title: 'Matrix debate title', description: 'For the department.', postId: await officialPostId() } }),
    },
  ],
  'GET /api/v1/debates/{id}': [{ label: 'public', allow: EVERYONE, okStatus: 200, request: async () => ({ url: `/api/v1/debates/${await matrixDebate()}` }) }],
  'POST /api/v1/debates/{id}/close': [
    {
      label: "officials of the process's department",
      allow: ['official', 'clerk'],
      deny: 'not_an_official',
      okStatus: 200,
      request: async () => ({ url: `/api/v1/debates/${await matrixDebate()}/close`, body: { conclusion: 'The matrix concludes this debate.' } }),
    },
  ],

  // Draft regulations: the shared department drafts and answers; verified residents and representatives respond.
  'GET /api/v1/processes/{slug}/regulations': [
    { label: 'public', allow: EVERYONE, okStatus: 200, request: async () => ({ url: `/api/v1/processes/${(await participationProcess('open')).slug}/regulations` }) },
  ],
  'POST /api/v1/processes/{slug}/regulations': [
    {
      label: "officials of the process's department",
      allow: ['official', 'clerk'],
      deny: 'not_an_official',
      okStatus: 201,
      request: async () => ({ url: `/api/v1/processes/${(await participationProcess('open')).slug}/regulations`, body: matrixDraft }),
    },
  ],
  'GET /api/v1/regulations/{id}': [
    { label: 'published: public', allow: EVERYONE, okStatus: 200, request: async () => ({ url: `/api/v1/regulations/${(await matrixRegulation()).id}?version=1` }) },
    {
      label: 'unpublished: its department and administrators (404 for everyone else)',
      allow: ['official', 'clerk', 'administrator'],
      deny: 'not_found',
      denyAs: { visitor: 'not_found' },
      okStatus: 200,
      request: async () => ({ url: `/api/v1/regulations/${(await matrixRegulation({ published: false })).id}` }),
    },
  ],
  'GET /api/v1/regulations/{id}/draft': [
    { label: 'its department', allow: ['official', 'clerk'], deny: 'not_an_official', okStatus: 200, request: async () => ({ url: `/api/v1/regulations/${(await matrixRegulation()).id}/draft` }) },
  ],
  'PUT /api/v1/regulations/{id}/draft': [
    { label: 'its department', allow: ['official', 'clerk'], deny: 'not_an_official', okStatus: 200, request: async () => ({ url: `/api/v1/regulations/${(await matrixRegulation()).id}/draft`, body: matrixDraft }) },
  ],
  'POST /api/v1/regulations/{id}/publish': [
    { label: 'its department', allow: ['official', 'clerk'], deny: 'not_an_official', okStatus: 200, request: async () => ({ url: `/api/v1/regulations/${(await matrixRegulation({ nextDraft: true })).id}/publish`, body: {} }) },
  ],
  'GET /api/v1/regulations/{id}/compare': [
    { label: 'public', allow: EVERYONE, okStatus: 200, request: async () => ({ url: `/api/v1/regulations/${(await matrixRegulation()).id}/compare?from=1&to=1` }) },
  ],
  'PUT /api/v1/regulations/{id}/clauses/{clauseId}/opinion': [
    {
      label: 'verified residents',
      allow: ['resident'],
      deny: 'requires_verification',
      okStatus: 200,
      request: async () => {
        const { id, clauseId } = await matrixRegulation();
        return { url: `/api/v1/regulations/${id}/clauses/${clauseId}/opinion`, body: { value: 'oppose' } };
      },
    },
  ],
  'DELETE /api/v1/regulations/{id}/clauses/{clauseId}/opinion': [
    {
      label: 'verified residents',
      allow: ['resident'],
      deny: 'requires_verification',
      okStatus: 200,
      request: async () => {
        const { id, clauseId } = await matrixRegulation();
        return { url: `/api/v1/regulations/${id}/clauses/${clauseId}/opinion` };
      },
    },
  ],
  'GET /api/v1/regulations/{id}/clauses/{clauseId}/alternatives': [
    {
      label: 'public',
      allow: EVERYONE,
      okStatus: 200,
      request: async () => {
        const { id, clauseId } = await matrixRegulation();
        return { url: `/api/v1/regulations/${id}/clauses/${clauseId}/alternatives` };
      },
    },
  ],
  'POST /api/v1/regulations/{id}/clauses/{clauseId}/alternatives': [
    {
      label: 'in their own name: verified residents',
      allow: ['resident'],
      deny: 'requires_verification',
      okStatus: 201,
      request: async () => {
        const { id, clauseId } = await matrixRegulation();
        return { url: `/api/v1/regulations/${id}/clauses/${clauseId}/alternatives`, body: { text: 'Better matrix wording.', reason: 'Clearer for everyone.' } };
      },
    },
    {
      label: 'for an organization: its representatives',
      allow: ['representative'],
      deny: 'not_a_representative',
      okStatus: 201,
      request: async () => {
        const { id, clauseId } = await matrixRegulation();
        const organizationId = (await loadUserActor(p.deps.db, shared.representative!.id))!.memberships[0]!.organizationId;
        return { url: `/api/v1/regulations/${id}/clauses/${clauseId}/alternatives`, body: { text: 'Better matrix wording.', reason: 'Our members asked.', organizationId } };
      },
    },
  ],
  'POST /api/v1/regulations/{id}/reports': [
    {
      label: 'its department, after the consultation',
      allow: ['official', 'clerk'],
      deny: 'not_an_official',
      okStatus: 201,
      request: async () => ({ url: `/api/v1/regulations/${(await matrixRegulation({ process: 'finished' })).id}/reports`, body: { versionNumber: 1, summary: 'The matrix heard nothing to change.', items: [] } }),
    },
  ],

  // Questions to the government: anyone registered asks and co-signs; the shared department (official, clerk) answers, transfers, declines; the asker rates and follows up.
  // Supervision. Cases are read by their complainant and their handlers only: everyone else (the accused
  // department's official and clerk above all) gets the 404 of a case that does not exist. The handlers'
  // tools need a post in a supervisory body, which no role of the matrix holds (see the module's tests).
  'GET /api/v1/supervision/overview': [{ label: 'public', allow: EVERYONE, okStatus: 200, request: () => ({ url: '/api/v1/supervision/overview' }) }],
  'GET /api/v1/supervision/options': [{ label: 'public', allow: EVERYONE, okStatus: 200, request: () => ({ url: '/api/v1/supervision/options' }) }],
  'GET /api/v1/supervision/statistics': [{ label: 'public, aggregate', allow: EVERYONE, okStatus: 200, request: () => ({ url: '/api/v1/supervision/statistics' }) }],
  'GET /api/v1/supervision/public-cases': [{ label: 'public summaries', allow: EVERYONE, okStatus: 200, request: () => ({ url: '/api/v1/supervision/public-cases' }) }],
  'GET /api/v1/supervision/settings': [{ label: 'administrators', ...ADMIN_ONLY, okStatus: 200, request: () => ({ url: '/api/v1/supervision/settings' }) }],
  'PUT /api/v1/supervision/settings': [
    {
      label: 'administrators',
      ...ADMIN_ONLY,
      okStatus: 200,
      request: async () => {
        const body = await supervision().body();
        return { url: '/api/v1/supervision/settings', body: { defaultBodyId: body.id, defaultHigherBodyId: null, deadlines: { intake: 5, review: 10, start: 5, investigation: 60, reportReview: 10, reportConclusion: 60 }, retentionDays: 180, minCellCount: 3, routes: [] } };
      },
    },
  ],
  'POST /api/v1/supervision/conflicts': [
    {
      label: 'administrators',
      ...ADMIN_ONLY,
      okStatus: 201,
      request: async () => ({ url: '/api/v1/supervision/conflicts', body: { departmentA: department.id, departmentB: (await newDepartment()).id, reason: 'A conflict recorded by the matrix.' } }),
    },
  ],
  'DELETE /api/v1/supervision/conflicts/{departmentA}/{departmentB}': [
    {
      label: 'administrators',
      ...ADMIN_ONLY,
      okStatus: 200,
      request: async () => {
        const other = await newDepartment();
        const admin = (await loadUserActor(p.deps.db, shared.administrator!.id))!;
        const { addConflict } = await import('../src/modules/supervision/operations/configure.js');
        orFail(await addConflict(p.deps, admin, { departmentA: department.id, departmentB: other.id, reason: 'To be removed by the matrix.' }));
        return { url: `/api/v1/supervision/conflicts/${department.id}/${other.id}` };
      },
    },
  ],
  'POST /api/v1/supervision/complaints': [
    {
      label: 'any registered person',
      allow: SIGNED_IN,
      okStatus: 201,
      request: async () => {
        await supervision().body();
        return { url: '/api/v1/supervision/complaints', body: { departmentId: department.id, category: 'negligence', description: 'A complaint filed by the authorization matrix about the department.', confidentiality: 'confidential' } };
      },
    },
  ],
  'GET /api/v1/supervision/complaints/mine': [{ label: 'registered people (their own)', allow: SIGNED_IN, okStatus: 200, request: () => ({ url: '/api/v1/supervision/complaints/mine' }) }],
  'GET /api/v1/supervision/complaints/{id}': [
    { label: 'the complainant; hidden (404) from everyone else', allow: ['resident'], deny: 'not_found', okStatus: 200, request: async () => ({ url: `/api/v1/supervision/complaints/${await supervision().complaintByResident()}` }) },
  ],
  'POST /api/v1/supervision/complaints/{id}/information': [
    {
      label: 'the complainant; hidden (404) from everyone else',
      allow: ['resident'],
      deny: 'not_found',
      okStatus: 201,
      request: async () => ({ url: `/api/v1/supervision/complaints/${await supervision().complaintByResident()}/information`, body: { text: 'More information from the complainant.' } }),
    },
  ],
  'POST /api/v1/supervision/complaints/{id}/entries': [
    {
      label: "the case's handlers only (none among the roles); the complainant may read but not handle",
      allow: [],
      deny: 'not_found',
      denyAs: { resident: 'forbidden' },
      request: async () => ({ url: `/api/v1/supervision/complaints/${await supervision().complaintByResident()}/entries`, body: { kind: 'note', text: 'A note by the matrix.' } }),
    },
  ],
  'POST /api/v1/supervision/complaints/{id}/stage': [
    {
      label: "the case's handlers only (none among the roles); the complainant may read but not handle",
      allow: [],
      deny: 'not_found',
      denyAs: { resident: 'forbidden' },
      request: async () => ({ url: `/api/v1/supervision/complaints/${await supervision().complaintByResident()}/stage`, body: { action: 'open_review' } }),
    },
  ],
  'POST /api/v1/supervision/anonymous/reports': [
    {
      label: 'anyone, no account needed (the session is ignored)',
      allow: EVERYONE,
      okStatus: 201,
      request: async () => {
        await supervision().body();
        return { url: '/api/v1/supervision/anonymous/reports', body: { departmentId: department.id, category: 'bribery', description: 'An anonymous report sent by the authorization matrix.' } };
      },
    },
  ],
  'POST /api/v1/supervision/anonymous/access': [
    { label: 'whoever holds the receipt', allow: EVERYONE, okStatus: 200, request: async () => ({ url: '/api/v1/supervision/anonymous/access', body: { receipt: (await supervision().report()).receipt } }) },
  ],
  'POST /api/v1/supervision/anonymous/reply': [
    { label: 'whoever holds the receipt', allow: EVERYONE, okStatus: 200, request: async () => ({ url: '/api/v1/supervision/anonymous/reply', body: { receipt: (await supervision().report()).receipt, text: 'More from the reporter.' } }) },
  ],
  'GET /api/v1/supervision/key': [{ label: 'post holders of a supervisory body (none among the roles)', allow: [], deny: 'not_an_official', request: () => ({ url: '/api/v1/supervision/key' }) }],
  'POST /api/v1/supervision/key': [
    { label: 'post holders of a supervisory body (none among the roles)', allow: [], deny: 'not_an_official', request: () => ({ url: '/api/v1/supervision/key', body: { passphrase: 'a matrix passphrase' } }) },
  ],
  'POST /api/v1/supervision/key/unlock': [
    { label: 'post holders of a supervisory body (none among the roles)', allow: [], deny: 'not_an_official', request: () => ({ url: '/api/v1/supervision/key/unlock', body: { passphrase: 'a matrix passphrase' } }) },
  ],
  'DELETE /api/v1/supervision/key/unlock': [{ label: 'post holders of a supervisory body (none among the roles)', allow: [], deny: 'not_an_official', request: () => ({ url: '/api/v1/supervision/key/unlock' }) }],
  'GET /api/v1/supervision/queue': [{ label: 'post holders of a supervisory body (none among the roles)', allow: [], deny: 'not_an_official', request: () => ({ url: '/api/v1/supervision/queue' }) }],
  'POST /api/v1/supervision/reports/share-access': [{ label: 'post holders of a supervisory body (none among the roles)', allow: [], deny: 'not_an_official', request: () => ({ url: '/api/v1/supervision/reports/share-access', body: {} }) }],
  'GET /api/v1/supervision/reports/{id}': [
    { label: "the report's handlers (none among the roles)", allow: [], deny: 'not_an_official', request: async () => ({ url: `/api/v1/supervision/reports/${(await supervision().report()).id}` }) },
  ],
  'GET /api/v1/supervision/reports/{id}/files/{fileId}': [
    { label: "the report's handlers (none among the roles)", allow: [], deny: 'not_an_official', request: async () => ({ url: `/api/v1/supervision/reports/${(await supervision().report()).id}/files/${randomUUID()}` }) },
  ],
  'POST /api/v1/supervision/reports/{id}/review': [
    { label: "the report's handlers (none among the roles)", allow: [], deny: 'not_an_official', request: async () => ({ url: `/api/v1/supervision/reports/${(await supervision().report()).id}/review`, body: {} }) },
  ],
  'POST /api/v1/supervision/reports/{id}/messages': [
    { label: "the report's handlers (none among the roles)", allow: [], deny: 'not_an_official', request: async () => ({ url: `/api/v1/supervision/reports/${(await supervision().report()).id}/messages`, body: { text: 'A message by the matrix.', question: false } }) },
  ],
  'POST /api/v1/supervision/reports/{id}/conclude': [
    { label: "the report's handlers (none among the roles)", allow: [], deny: 'not_an_official', request: async () => ({ url: `/api/v1/supervision/reports/${(await supervision().report()).id}/conclude`, body: { outcome: 'dismissed', text: 'Concluded by the authorization matrix.' } }) },
  ],

  'GET /api/v1/questions': [
    { label: 'public', allow: EVERYONE, okStatus: 200, request: () => ({ url: `/api/v1/questions?departmentId=${department.id}&state=overdue&q=lake&sort=due` }) },
  ],
  'GET /api/v1/questions/ask-options': [{ label: 'public', allow: EVERYONE, okStatus: 200, request: () => ({ url: '/api/v1/questions/ask-options' }) }],
  'POST /api/v1/questions': [
    {
      label: 'in their own name: any registered person',
      allow: SIGNED_IN,
      okStatus: 201,
      request: () => ({ url: '/api/v1/questions', body: { departmentId: department.id, title: 'Matrix question title', body: 'A question asked by the authorization matrix.' } }),
    },
    {
      label: 'for an organization: its representatives',
      allow: ['representative'],
      deny: 'not_a_representative',
      okStatus: 201,
      request: async () => {
        const organizationId = (await loadUserActor(p.deps.db, shared.representative!.id))!.memberships[0]!.organizationId;
        return { url: '/api/v1/questions', body: { departmentId: department.id, organizationId, title: 'Matrix question title', body: 'A question asked for the organization.' } };
      },
    },
  ],
  'GET /api/v1/questions/overdue': [{ label: 'public', allow: EVERYONE, okStatus: 200, request: () => ({ url: `/api/v1/questions/overdue?departmentId=${department.id}` }) }],
  'GET /api/v1/questions/departments': [{ label: 'public', allow: EVERYONE, okStatus: 200, request: () => ({ url: '/api/v1/questions/departments' }) }],
  'GET /api/v1/questions/departments/{slug}': [{ label: 'public', allow: EVERYONE, okStatus: 200, request: () => ({ url: `/api/v1/questions/departments/${department.slug}` }) }],
  'GET /api/v1/questions/departments/{slug}/settings': [
    { label: 'public', allow: EVERYONE, okStatus: 200, request: () => ({ url: `/api/v1/questions/departments/${department.slug}/settings` }) },
  ],
  'PUT /api/v1/questions/departments/{slug}/settings': [
    {
      label: "the department's officials, administrators",
      allow: ['official', 'clerk', 'administrator'],
      deny: 'not_an_official',
      okStatus: 200,
      request: () => ({
        url: `/api/v1/questions/departments/${department.slug}/settings`,
        body: { answerWorkingDays: 15, legalBasis: 'Matrix Ordinance, art. 1.', transferRestartsClock: true, declineGrounds: [{ code: 'outside_competence', label: 'Not a duty of this government', legalReference: 'Matrix Ordinance, art. 2' }] },
      }),
    },
  ],
  'GET /api/v1/questions/departments/{slug}/answers.atom': [
    { label: 'public', allow: EVERYONE, okStatus: 200, request: () => ({ url: `/api/v1/questions/departments/${department.slug}/answers.atom` }) },
  ],
  'GET /api/v1/questions/{id}': [{ label: 'public', allow: EVERYONE, okStatus: 200, request: async () => ({ url: `/api/v1/questions/${await questions().question()}` }) }],
  'POST /api/v1/questions/{id}/cosign': [
    { label: 'registered people but the asker', allow: SIGNED_IN, okStatus: 200, request: async () => ({ url: `/api/v1/questions/${await questions().question()}/cosign`, body: {} }) },
  ],
  'DELETE /api/v1/questions/{id}/cosign': [
    { label: 'registered people but the asker', allow: SIGNED_IN, okStatus: 200, request: async () => ({ url: `/api/v1/questions/${await questions().question()}/cosign` }) },
  ],
  'POST /api/v1/questions/{id}/answer': [
    {
      label: 'officials of the department it is with',
      allow: ['official', 'clerk'],
      deny: 'not_an_official',
      okStatus: 200,
      request: async () => ({ url: `/api/v1/questions/${await questions().question()}/answer`, body: { answer: 'The matrix answers this question.' } }),
    },
  ],
  'POST /api/v1/questions/{id}/transfer': [
    {
      label: 'officials of the department it is with',
      allow: ['official', 'clerk'],
      deny: 'not_an_official',
      okStatus: 200,
      request: async () => ({ url: `/api/v1/questions/${await questions().question()}/transfer`, body: { departmentId: (await questions().transferTarget()).id, reason: 'Another department is competent.' } }),
    },
  ],
  'POST /api/v1/questions/{id}/decline': [
    {
      label: 'officials of the department it is with',
      allow: ['official', 'clerk'],
      deny: 'not_an_official',
      okStatus: 200,
      request: async () => ({ url: `/api/v1/questions/${await questions().question()}/decline`, body: { ground: 'outside_competence', explanation: 'Declined by the matrix on a published ground (default or configured).' } }),
    },
  ],
  'POST /api/v1/questions/{id}/rating': [
    { label: 'the asker', allow: ['resident'], deny: 'forbidden', okStatus: 200, request: async () => ({ url: `/api/v1/questions/${await questions().answeredByResident()}/rating`, body: { resolved: true } }) },
  ],
  'POST /api/v1/questions/{id}/follow-up': [
    {
      label: 'the asker',
      allow: ['resident'],
      deny: 'forbidden',
      okStatus: 201,
      request: async () => ({ url: `/api/v1/questions/${await questions().answeredByResident()}/follow-up`, body: { title: 'Matrix follow-up', body: 'A follow-up asked by the authorization matrix.' } }),
    },
  ],

  // Information requests: anyone registered asks (representatives for their organization); the shared department (official, clerk) replies,
  // asks for clarification, extends, publishes; it also decides reviews as the supervising department of another one; the shared resident
  // (the requester) clarifies, withdraws, classifies and appeals; the department, moderators and administrators redact.
  'GET /api/v1/requests': [
    { label: 'public', allow: EVERYONE, okStatus: 200, request: () => ({ url: `/api/v1/requests?departmentId=${department.id}&state=very_overdue&q=lake&sort=due` }) },
  ],
  'GET /api/v1/requests/options': [{ label: 'public', allow: EVERYONE, okStatus: 200, request: () => ({ url: '/api/v1/requests/options' }) }],
  'POST /api/v1/requests': [
    {
      label: 'in their own name: any registered person',
      allow: SIGNED_IN,
      okStatus: 201,
      request: () => ({ url: '/api/v1/requests', body: { departmentId: department.id, title: 'Matrix request title', body: 'A request for information made by the authorization matrix.' } }),
    },
    {
      label: 'for an organization: its representatives',
      allow: ['representative'],
      deny: 'not_a_representative',
      okStatus: 201,
      request: async () => {
        const organizationId = (await loadUserActor(p.deps.db, shared.representative!.id))!.memberships[0]!.organizationId;
        return { url: '/api/v1/requests', body: { departmentId: department.id, organizationId, title: 'Matrix request title', body: 'A request for information made for the organization.' } };
      },
    },
  ],
  'GET /api/v1/requests/departments': [{ label: 'public', allow: EVERYONE, okStatus: 200, request: () => ({ url: '/api/v1/requests/departments' }) }],
  'GET /api/v1/requests/departments/{slug}': [{ label: 'public', allow: EVERYONE, okStatus: 200, request: () => ({ url: `/api/v1/requests/departments/${department.slug}` }) }],
  'GET /api/v1/requests/departments/{slug}/settings': [
    { label: 'public', allow: EVERYONE, okStatus: 200, request: () => ({ url: `/api/v1/requests/departments/${department.slug}/settings` }) },
  ],
  'PUT /api/v1/requests/departments/{slug}/settings': [
    {
      label: "the department's officials, administrators",
      allow: ['official', 'clerk', 'administrator'],
      deny: 'not_an_official',
      okStatus: 200,
      request: () => ({
        url: `/api/v1/requests/departments/${department.slug}/settings`,
        body: { responseWorkingDays: 20, extensionWorkingDays: 20, reviewWorkingDays: 20, legalBasis: 'Matrix Open Information Rules, art. 1.', refusalGrounds: [{ code: 'personal_privacy', label: 'Personal data of others', legalReference: 'Matrix Rules, art. 2' }] },
      }),
    },
  ],
  'GET /api/v1/requests/departments/{slug}/responses.atom': [
    { label: 'public', allow: EVERYONE, okStatus: 200, request: () => ({ url: `/api/v1/requests/departments/${department.slug}/responses.atom` }) },
  ],
  'GET /api/v1/requests/{id}': [{ label: 'public', allow: EVERYONE, okStatus: 200, request: async () => ({ url: `/api/v1/requests/${await infoRequests().awaiting()}` }) }],
  'POST /api/v1/requests/{id}/clarification-request': [
    {
      label: 'officials of the department asked', allow: ['official', 'clerk'], deny: 'not_an_official', okStatus: 200,
      request: async () => ({ url: `/api/v1/requests/${await infoRequests().awaiting()}/clarification-request`, body: { body: 'Which period do you mean exactly?' } }),
    },
  ],
  'POST /api/v1/requests/{id}/clarification': [
    {
      label: 'the requester', allow: ['resident'], deny: 'forbidden', okStatus: 200,
      request: async () => ({ url: `/api/v1/requests/${await infoRequests().byResident('clarification')}/clarification`, body: { body: 'The year 2025, please.' } }),
    },
  ],
  'POST /api/v1/requests/{id}/extension': [
    {
      label: 'officials of the department asked', allow: ['official', 'clerk'], deny: 'not_an_official', okStatus: 200,
      request: async () => ({ url: `/api/v1/requests/${await infoRequests().awaiting()}/extension`, body: { reason: 'The files are archived off site.' } }),
    },
  ],
  'POST /api/v1/requests/{id}/response': [
    {
      label: 'officials of the department asked', allow: ['official', 'clerk'], deny: 'not_an_official', okStatus: 200,
      request: async () => ({ url: `/api/v1/requests/${await infoRequests().awaiting()}/response`, body: { decision: 'not_held', body: 'The matrix holds no such information.' } }),
    },
  ],
  'POST /api/v1/requests/{id}/withdrawal': [
    { label: 'the requester', allow: ['resident'], deny: 'forbidden', okStatus: 200, request: async () => ({ url: `/api/v1/requests/${await infoRequests().byResident()}/withdrawal`, body: {} }) },
  ],
  'POST /api/v1/requests/{id}/classification': [
    {
      label: 'the requester', allow: ['resident'], deny: 'forbidden', okStatus: 200,
      request: async () => ({ url: `/api/v1/requests/${await infoRequests().byResident('refused')}/classification`, body: { classification: 'refused' } }),
    },
  ],
  'POST /api/v1/requests/{id}/internal-review': [
    {
      label: 'the requester', allow: ['resident'], deny: 'forbidden', okStatus: 200,
      request: async () => ({ url: `/api/v1/requests/${await infoRequests().byResident('refused')}/internal-review`, body: { body: 'The names can be redacted instead.' } }),
    },
  ],
  'POST /api/v1/requests/{id}/internal-review/decision': [
    {
      label: 'officials of the supervising department', allow: ['official', 'clerk'], deny: 'not_an_official', okStatus: 200,
      request: async () => ({ url: `/api/v1/requests/${await infoRequests().inReview()}/internal-review/decision`, body: { outcome: 'upheld', body: 'The refusal stands on its ground.' } }),
    },
  ],
  'POST /api/v1/requests/{id}/messages/{messageId}/redactions': [
    {
      label: "the department's officials, moderators, administrators", allow: ['official', 'clerk', 'moderator', 'administrator'], deny: 'not_an_official', okStatus: 200,
      request: async () => {
        const id = await infoRequests().awaiting();
        return { url: `/api/v1/requests/${id}/messages/${await requestMessage(id, 'request')}/redactions`, body: { phrases: ['lake path'] } };
      },
    },
  ],
  'POST /api/v1/requests/{id}/messages/{messageId}/publication': [
    {
      label: 'officials of the department asked', allow: ['official', 'clerk'], deny: 'not_an_official', okStatus: 201,
      request: async () => {
        const id = await infoRequests().byResident('answered');
        return { url: `/api/v1/requests/${id}/messages/${await requestMessage(id, 'response')}/publication`, body: { category: 'contracts', summary: 'The lighting contracts, released on request.' } };
      },
    },
  ],

  // Reports of local problems: anyone signed in reports; the shared department (official, clerk) updates and transfers; the shared resident confirms or reopens.
  'GET /api/v1/problem-reports': [
    { label: 'public', allow: EVERYONE, okStatus: 200, request: () => ({ url: `/api/v1/problem-reports?departmentId=${department.id}&state=open&q=light&overdue=false` }) },
  ],
  'POST /api/v1/problem-reports': [
    {
      label: 'anyone signed in',
      allow: SIGNED_IN,
      okStatus: 201,
      request: async () => ({ url: '/api/v1/problem-reports', body: { categoryId: (await problemReports().category()).id, description: 'A problem reported by the matrix.', address: 'Matrix Street 1', areaId: areas.hoodId } }),
    },
  ],
  'GET /api/v1/problem-reports/mine': [{ label: 'signed-in users (their own only)', allow: SIGNED_IN, okStatus: 200, request: () => ({ url: '/api/v1/problem-reports/mine' }) }],
  'GET /api/v1/problem-reports/categories': [{ label: 'public', allow: EVERYONE, okStatus: 200, request: () => ({ url: '/api/v1/problem-reports/categories?all=true' }) }],
  'POST /api/v1/problem-reports/categories': [
    { label: 'administrators', ...ADMIN_ONLY, okStatus: 201, request: () => ({ url: '/api/v1/problem-reports/categories', body: { code: `MX-${hex()}`, name: 'Matrix problem', departmentId: department.id, workingDays: 5 } }) },
  ],
  'PATCH /api/v1/problem-reports/categories/{id}': [
    { label: 'administrators', ...ADMIN_ONLY, okStatus: 200, request: async () => ({ url: `/api/v1/problem-reports/categories/${(await problemReports().newCategory()).id}`, body: { workingDays: 7 } }) },
  ],
  'PUT /api/v1/problem-reports/categories/{id}/routes': [
    {
      label: 'administrators',
      ...ADMIN_ONLY,
      okStatus: 200,
      request: async () => ({ url: `/api/v1/problem-reports/categories/${(await problemReports().newCategory()).id}/routes`, body: { routes: [{ areaId: areas.districtId, departmentId: department.id }] } }),
    },
  ],
  'GET /api/v1/problem-reports/records': [{ label: 'public', allow: EVERYONE, okStatus: 200, request: () => ({ url: '/api/v1/problem-reports/records' }) }],
  'GET /api/v1/problem-reports/records/{slug}': [{ label: 'public', allow: EVERYONE, okStatus: 200, request: () => ({ url: `/api/v1/problem-reports/records/${department.slug}` }) }],
  'GET /api/v1/problem-reports/api-keys': [{ label: 'administrators', ...ADMIN_ONLY, okStatus: 200, request: () => ({ url: '/api/v1/problem-reports/api-keys' }) }],
  'POST /api/v1/problem-reports/api-keys': [
    { label: 'administrators', ...ADMIN_ONLY, okStatus: 201, request: () => ({ url: '/api/v1/problem-reports/api-keys', body: { label: 'Matrix client', organizationId: null } }) },
  ],
  'DELETE /api/v1/problem-reports/api-keys/{id}': [
    { label: 'administrators', ...ADMIN_ONLY, okStatus: 204, request: async () => ({ url: `/api/v1/problem-reports/api-keys/${(await problemReports().apiKey()).id}` }) },
  ],
  'PUT /api/v1/problem-reports/open311-settings': [
    { label: 'administrators', ...ADMIN_ONLY, okStatus: 200, request: () => ({ url: '/api/v1/problem-reports/open311-settings', body: { jurisdictionId: 'matrix-city', contact: 'Matrix desk' } }) },
  ],
  'GET /api/v1/problem-reports/{id}': [{ label: 'public', allow: EVERYONE, okStatus: 200, request: async () => ({ url: `/api/v1/problem-reports/${await problemReports().report()}` }) }],
  'POST /api/v1/problem-reports/{id}/status': [
    {
      label: 'officials of the responsible department',
      allow: ['official', 'clerk'],
      deny: 'not_an_official',
      okStatus: 200,
      request: async () => ({ url: `/api/v1/problem-reports/${await problemReports().report()}/status`, body: { state: 'in_progress', note: 'The matrix is on it.' } }),
    },
  ],
  'POST /api/v1/problem-reports/{id}/transfer': [
    {
      label: 'officials of the responsible department',
      allow: ['official', 'clerk'],
      deny: 'not_an_official',
      okStatus: 200,
      request: async () => ({ url: `/api/v1/problem-reports/${await problemReports().report()}/transfer`, body: { departmentId: (await problemReports().otherDepartment()).id, reason: 'Not the matrix department.' } }),
    },
  ],
  'POST /api/v1/problem-reports/{id}/confirm': [
    { label: 'its reporter, once fixed', allow: ['resident'], deny: 'forbidden', okStatus: 200, request: async () => ({ url: `/api/v1/problem-reports/${await problemReports().report('fixed')}/confirm`, body: {} }) },
  ],
  'POST /api/v1/problem-reports/{id}/reopen': [
    {
      label: 'its reporter, once fixed',
      allow: ['resident'],
      deny: 'forbidden',
      okStatus: 200,
      request: async () => ({ url: `/api/v1/problem-reports/${await problemReports().report('fixed')}/reopen`, body: { reason: 'Still broken, says the matrix.' } }),
    },
  ],
  // Open311 GeoReport v2 (outside /api/v1; no session: posts carry an API key, whoever sends them).
  'GET /open311/v2/discovery.{format}': [{ label: 'public', allow: EVERYONE, okStatus: 200, request: () => ({ url: '/open311/v2/discovery.xml' }) }],
  'GET /open311/v2/services.{format}': [{ label: 'public', allow: EVERYONE, okStatus: 200, request: () => ({ url: '/open311/v2/services.json' }) }],
  'GET /open311/v2/services/{service_code}.{format}': [
    { label: 'public', allow: EVERYONE, okStatus: 200, request: async () => ({ url: `/open311/v2/services/${(await problemReports().category()).code}.xml` }) },
  ],
  'GET /open311/v2/requests.{format}': [{ label: 'public', allow: EVERYONE, okStatus: 200, request: () => ({ url: '/open311/v2/requests.json?status=open' }) }],
  'POST /open311/v2/requests.{format}': [
    {
      label: 'any client with an API key (no session needed)',
      allow: EVERYONE,
      okStatus: 200,
      request: async () => ({
        url: '/open311/v2/requests.json',
        body: { api_key: (await problemReports().apiKey()).secret, service_code: (await problemReports().category()).code, address_string: 'Matrix Street 2', description: 'Posted by the matrix.' },
      }),
    },
  ],
  'GET /open311/v2/requests/{service_request_id}.{format}': [
    { label: 'public', allow: EVERYONE, okStatus: 200, request: async () => ({ url: `/open311/v2/requests/${await problemReports().report()}.xml` }) },
  ],

  // Hearings: the shared department (official, clerk) runs them, administrators too except for signed acts (minutes,
  // report); verified residents and representatives apply; written questions and co-signatures need a registration.
  'GET /api/v1/hearings': [{ label: 'public', allow: EVERYONE, okStatus: 200, request: () => ({ url: '/api/v1/hearings?when=all' }) }],
  'GET /api/v1/hearings.ics': [{ label: 'public', allow: EVERYONE, okStatus: 200, request: () => ({ url: '/api/v1/hearings.ics' }) }],
  'POST /api/v1/hearings': [
    {
      label: 'officials of the department, administrators',
      allow: DEPARTMENT_STAFF,
      deny: 'not_an_official',
      okStatus: 201,
      request: () => {
        const now = p.clock.now().getTime();
        const iso = (days: number) => new Date(now + days * 86_400_000).toISOString();
        return {
          url: '/api/v1/hearings',
          body: { departmentId: department.id, title: 'Matrix hearing', legalBasis: 'Hearing Rules art. 7', startsAt: iso(10), endsAt: iso(10.1), location: 'City Hall', seats: 5, speakingSlots: 2, registrationOpensAt: iso(0), registrationClosesAt: iso(8) },
        };
      },
    },
  ],
  'GET /api/v1/hearings/{id}': [{ label: 'public', allow: EVERYONE, okStatus: 200, request: async () => ({ url: `/api/v1/hearings/${await hearings().open()}` }) }],
  'PATCH /api/v1/hearings/{id}': [
    {
      label: 'officials of the department, administrators',
      allow: DEPARTMENT_STAFF,
      deny: 'not_an_official',
      okStatus: 200,
      request: async () => ({ url: `/api/v1/hearings/${await hearings().fresh()}`, body: { description: 'Changed by the matrix.' } }),
    },
  ],
  'POST /api/v1/hearings/{id}/cancel': [
    {
      label: 'officials of the department, administrators',
      allow: DEPARTMENT_STAFF,
      deny: 'not_an_official',
      okStatus: 200,
      request: async () => ({ url: `/api/v1/hearings/${await hearings().fresh()}/cancel`, body: { reason: 'Cancelled by the matrix.' } }),
    },
  ],
  'PUT /api/v1/hearings/{id}/registration': [
    {
      label: 'in their own name: verified residents',
      allow: ['resident'],
      deny: 'requires_verification',
      okStatus: 200,
      request: async () => ({ url: `/api/v1/hearings/${await hearings().open()}/registration`, body: { kind: 'speak', position: 'for', statement: 'The matrix wants to speak.' } }),
    },
    {
      label: 'for an organization: its representatives',
      allow: ['representative'],
      deny: 'not_a_representative',
      okStatus: 200,
      request: async () => {
        const organizationId = (await loadUserActor(p.deps.db, shared.representative!.id))!.memberships[0]!.organizationId;
        return { url: `/api/v1/hearings/${await hearings().open()}/registration`, body: { kind: 'attend', position: 'neutral', statement: 'The organization listens.', organizationId } };
      },
    },
  ],
  'DELETE /api/v1/hearings/{id}/registration': [
    {
      label: 'signed-in users, their own registration',
      allow: SIGNED_IN,
      okStatus: 200,
      request: async ({ actor }) => {
        const id = await hearings().open();
        if (actor) await hearings().register(id, actor);
        return { url: `/api/v1/hearings/${id}/registration` };
      },
    },
  ],
  'GET /api/v1/hearings/{id}/registrations': [
    { label: 'officials of the department, administrators', allow: DEPARTMENT_STAFF, deny: 'not_an_official', okStatus: 200, request: async () => ({ url: `/api/v1/hearings/${await hearings().open()}/registrations` }) },
  ],
  'GET /api/v1/hearings/{id}/draw': [{ label: 'public', allow: EVERYONE, okStatus: 200, request: async () => ({ url: `/api/v1/hearings/${await hearings().open()}/draw` }) }],
  'POST /api/v1/hearings/{id}/draw': [
    {
      label: 'officials of the department, administrators, once registration closed',
      allow: DEPARTMENT_STAFF,
      deny: 'not_an_official',
      okStatus: 200,
      request: async () => ({ url: `/api/v1/hearings/${await hearings().closed()}/draw`, body: { publicValue: '01 02 03 04 05 06 + 07' } }),
    },
  ],
  'GET /api/v1/hearings/{id}/submissions': [{ label: 'public', allow: EVERYONE, okStatus: 200, request: async () => ({ url: `/api/v1/hearings/${await hearings().open()}/submissions` }) }],
  'POST /api/v1/hearings/{id}/submissions': [
    {
      label: 'people registered for the hearing',
      allow: ['resident', 'representative'],
      deny: 'registration_required',
      okStatus: 201,
      request: async ({ role, actor }) => ({ url: `/api/v1/hearings/${await registeredIfEligible(await hearings().open(), role, actor)}/submissions`, body: { kind: 'question', body: 'What will the matrix ask?' } }),
    },
  ],
  'POST /api/v1/hearings/{id}/submissions/{submissionId}/cosign': [
    {
      label: 'people registered for the hearing, not its author',
      allow: ['resident', 'representative'],
      deny: 'registration_required',
      okStatus: 200,
      request: async ({ role, actor }) => {
        const { hearingId, submissionId } = await hearings().submission();
        return { url: `/api/v1/hearings/${await registeredIfEligible(hearingId, role, actor)}/submissions/${submissionId}/cosign`, body: {} };
      },
    },
  ],
  'DELETE /api/v1/hearings/{id}/submissions/{submissionId}/cosign': [
    {
      label: 'people registered for the hearing, not its author',
      allow: ['resident', 'representative'],
      deny: 'registration_required',
      okStatus: 200,
      request: async ({ role, actor }) => {
        const { hearingId, submissionId } = await hearings().submission();
        return { url: `/api/v1/hearings/${await registeredIfEligible(hearingId, role, actor)}/submissions/${submissionId}/cosign` };
      },
    },
  ],
  'PUT /api/v1/hearings/{id}/minutes': [
    {
      label: 'officials of the department, once the hearing took place',
      allow: ['official', 'clerk'],
      deny: 'not_an_official',
      okStatus: 200,
      request: async () => ({ url: `/api/v1/hearings/${await hearings().held()}/minutes`, body: { minutes: 'The matrix took the minutes.', answers: [{ question: 'Did it work?', answer: 'It did.' }] } }),
    },
  ],
  'POST /api/v1/hearings/{id}/report': [
    {
      label: 'officials of the department, once, after the hearing',
      allow: ['official', 'clerk'],
      deny: 'not_an_official',
      okStatus: 201,
      request: async () => ({
        url: `/api/v1/hearings/${await hearings().freshHeld()}/report`,
        body: { summary: 'The matrix responds to the hearing.', items: [{ opinion: 'Test everything', decision: 'adopted', response: 'Everything is tested.' }] },
      }),
    },
  ],

  // The publication register: public reading; the shared department's officials (official, clerk) and administrators prepare,
  // correct, publish and withdraw. Drafts are invisible (404) to everyone else.
  'GET /api/v1/publications': [
    { label: 'public', allow: EVERYONE, okStatus: 200, request: () => ({ url: `/api/v1/publications?departmentId=${department.id}&category=contracts&q=parks&from=2026-01-01` }) },
    { label: 'drafts filter (empty for those who see none)', allow: EVERYONE, okStatus: 200, request: () => ({ url: '/api/v1/publications?status=draft' }) },
  ],
  'GET /api/v1/publications/options': [{ label: 'public', allow: EVERYONE, okStatus: 200, request: () => ({ url: '/api/v1/publications/options' }) }],
  'GET /api/v1/publications.atom': [
    { label: 'public', allow: EVERYONE, okStatus: 200, request: () => ({ url: `/api/v1/publications.atom?department=${department.slug}&category=contracts` }) },
  ],
  'POST /api/v1/publications': [
    { label: 'officials of the department, administrators', allow: DEPARTMENT_STAFF, deny: 'not_an_official', okStatus: 201, request: () => ({ url: '/api/v1/publications', body: publications().body() }) },
  ],
  'GET /api/v1/publications/{id}': [
    { label: 'published: public', allow: EVERYONE, okStatus: 200, request: async () => ({ url: `/api/v1/publications/${await publications().published()}` }) },
    {
      label: 'draft: its department and administrators',
      allow: DEPARTMENT_STAFF,
      deny: 'not_found',
      denyAs: { visitor: 'not_found' },
      okStatus: 200,
      request: async () => ({ url: `/api/v1/publications/${await publications().draft()}` }),
    },
  ],
  'PUT /api/v1/publications/{id}': [
    {
      label: 'published: a correction by its department or an administrator',
      allow: DEPARTMENT_STAFF,
      deny: 'not_an_official',
      okStatus: 200,
      request: async () => {
        const { departmentId: _department, ...fields } = publications().body({ changeNote: 'Corrected by the matrix.' });
        void _department;
        return { url: `/api/v1/publications/${await publications().published()}`, body: fields };
      },
    },
  ],
  'POST /api/v1/publications/{id}/publish': [
    { label: 'draft: its department and administrators', allow: DEPARTMENT_STAFF, deny: 'not_found', okStatus: 200, request: async () => ({ url: `/api/v1/publications/${await publications().draft()}/publish`, body: {} }) },
  ],
  'POST /api/v1/publications/{id}/withdraw': [
    {
      label: 'published: its department and administrators',
      allow: DEPARTMENT_STAFF,
      deny: 'not_an_official',
      okStatus: 200,
      request: async () => ({ url: `/api/v1/publications/${await publications().published()}/withdraw`, body: { reason: 'Withdrawn by the authorization matrix.' } }),
    },
  ],
  'DELETE /api/v1/publications/{id}': [
    { label: 'draft: its department and administrators', allow: DEPARTMENT_STAFF, deny: 'not_found', okStatus: 204, request: async () => ({ url: `/api/v1/publications/${await publications().draft()}` }) },
  ],
  // Commitments and programs: public to read; the shared department (official, clerk) and administrators register and manage
  // them; verified residents of the area approve programs in consultation and rate commitments; administrators set the image formula.
  'GET /api/v1/commitments': [{ label: 'public', allow: EVERYONE, okStatus: 200, request: () => ({ url: `/api/v1/commitments?departmentId=${department.id}&status=in_progress&q=park&flagged=false&sort=budget` }) }],
  'GET /api/v1/commitments/options': [
    { label: 'officials and administrators', allow: DEPARTMENT_STAFF, deny: 'not_an_official', okStatus: 200, request: () => ({ url: '/api/v1/commitments/options' }) },
  ],
  'POST /api/v1/commitments': [
    {
      label: 'officials of the department and administrators',
      allow: DEPARTMENT_STAFF,
      deny: 'not_an_official',
      okStatus: 201,
      request: async () => {
        const { id } = await qualifiedProposal(p, shared.administrator!, { departmentId: department.id, areaSlug: areas.hoodSlug });
        return { url: '/api/v1/commitments', body: { ...commitments().input(), origin: { type: 'proposal', id } } };
      },
    },
  ],
  'GET /api/v1/commitments/image-formula': [{ label: 'public', allow: EVERYONE, okStatus: 200, request: () => ({ url: '/api/v1/commitments/image-formula' }) }],
  'PUT /api/v1/commitments/image-formula': [
    { label: 'administrators', ...ADMIN_ONLY, okStatus: 200, request: () => ({ url: '/api/v1/commitments/image-formula', body: { basis: 'spent', spendQuantile: 0.75, minPeers: 3, benefitThreshold: 2.5, minRatings: 5 } }) },
  ],
  'GET /api/v1/commitments/{id}': [{ label: 'public', allow: EVERYONE, okStatus: 200, request: async () => ({ url: `/api/v1/commitments/${await commitments().consulting()}` }) }],
  'PUT /api/v1/commitments/{id}': [
    { label: 'its department and administrators', allow: DEPARTMENT_STAFF, deny: 'not_an_official', okStatus: 200, request: async () => ({ url: `/api/v1/commitments/${await commitments().proposed()}`, body: commitments().input({ title: 'Pocket parks, revised plan' }) }) },
  ],
  'POST /api/v1/commitments/{id}/consultation': [
    {
      label: 'its department and administrators',
      allow: DEPARTMENT_STAFF,
      deny: 'not_an_official',
      okStatus: 200,
      request: async () => ({ url: `/api/v1/commitments/${await commitments().proposed()}/consultation`, body: { endsAt: new Date(p.clock.now().getTime() + 14 * 86_400_000).toISOString() } }),
    },
  ],
  'PUT /api/v1/commitments/{id}/approval': [
    { label: 'verified residents of the area', allow: ['resident'], deny: 'requires_verification', okStatus: 200, request: async () => ({ url: `/api/v1/commitments/${await commitments().consulting()}/approval`, body: { approval: 4 } }) },
  ],
  'POST /api/v1/commitments/{id}/decision': [
    {
      label: 'its department and administrators',
      allow: DEPARTMENT_STAFF,
      deny: 'not_an_official',
      okStatus: 200,
      request: async () => ({
        url: `/api/v1/commitments/${await commitments().consulted()}/decision`,
        body: { decision: 'adopt', text: 'Adopted as consulted, starting with two lots.', consultationResponse: 'Residents asked for shade first; we plant trees in the first phase.' },
      }),
    },
  ],
  'POST /api/v1/commitments/{id}/progress': [
    { label: 'its department and administrators', allow: DEPARTMENT_STAFF, deny: 'not_an_official', okStatus: 200, request: async () => ({ url: `/api/v1/commitments/${await commitments().adopted()}/progress`, body: { progress: 10, spent: 5000, note: 'Site survey done.' } }) },
  ],
  'POST /api/v1/commitments/{id}/cancel': [
    { label: 'its department and administrators', allow: DEPARTMENT_STAFF, deny: 'not_an_official', okStatus: 200, request: async () => ({ url: `/api/v1/commitments/${await commitments().adopted()}/cancel`, body: { reason: 'The lots were sold before work could start.' } }) },
  ],
  'POST /api/v1/commitments/{id}/milestones': [
    { label: 'its department and administrators', allow: DEPARTMENT_STAFF, deny: 'not_an_official', okStatus: 201, request: async () => ({ url: `/api/v1/commitments/${await commitments().adopted()}/milestones`, body: { title: 'Designs published', dueOn: '2026-05-01' } }) },
  ],
  'PATCH /api/v1/commitments/{id}/milestones/{milestoneId}': [
    {
      label: 'its department and administrators',
      allow: DEPARTMENT_STAFF,
      deny: 'not_an_official',
      okStatus: 200,
      request: async () => {
        const { id, milestoneId } = await commitments().withMilestone();
        return { url: `/api/v1/commitments/${id}/milestones/${milestoneId}`, body: { status: 'completed' } };
      },
    },
  ],
  'PUT /api/v1/commitments/{id}/rating': [
    {
      label: 'verified residents of the area',
      allow: ['resident'],
      deny: 'requires_verification',
      okStatus: 200,
      request: async () => ({ url: `/api/v1/commitments/${await commitments().inProgress()}/rating`, body: { benefit: 4, valueForMoney: 3, openness: 5, delivered: 4, comment: 'Good so far.' } }),
    },
  ],
  'GET /api/v1/scorecards': [{ label: 'public', allow: EVERYONE, okStatus: 200, request: () => ({ url: `/api/v1/scorecards?period=this_year&areaId=${areas.hoodId}` }) }],
  'GET /api/v1/scorecards/trend': [{ label: 'public', allow: EVERYONE, okStatus: 200, request: () => ({ url: '/api/v1/scorecards/trend?metric=accountability.on_time_share&quarters=4' }) }],
  'GET /api/v1/scorecards.csv': [{ label: 'public', allow: EVERYONE, okStatus: 200, request: () => ({ url: '/api/v1/scorecards.csv?period=last_year' }) }],
};

/** Routes registered under /api/v1 but deliberately left out of the OpenAPI document. */
const HIDDEN_ROUTES = new Set(['GET /api/v1/openapi.json']);

// ---------------------------------------------------------------------------------------------
// Running the table

function isAllowed(c: Case, role: Role): boolean {
  return c.allow.includes(role === 'blocked' ? 'visitor' : role);
}

function expectedDenial(c: Case, role: Role): string {
  const as = role === 'blocked' ? 'visitor' : role;
  return c.denyAs?.[as] ?? (as === 'visitor' ? 'not_authenticated' : (c.deny ?? 'requires_role'));
}

/** Runs one case for one role; returns what is wrong, or null. */
async function check(method: Method, c: Case, role: Role): Promise<string | null> {
  const actor = c.freshActor ? await makeActor(role) : shared[role];
  const req = await c.request({ role, actor });
  const res = await call(method, req, actor);
  const body = parseBody(res.body);
  const where = `${role} → ${res.statusCode} ${res.body.slice(0, 160)}`;
  if (res.statusCode >= 500) return `${where}: server error`;
  if (isAllowed(c, role)) {
    if (res.statusCode === 401 || res.statusCode === 403) return `${where}: must be allowed`;
    const expected = c.okStatusFor?.[role === 'blocked' ? 'visitor' : role] ?? c.okStatus;
    if (expected !== undefined ? res.statusCode !== expected : res.statusCode < 200 || res.statusCode >= 300) {
      return `${where}: expected ${expected ?? '2xx'}`;
    }
    if (res.statusCode >= 400 && (!body?.error || typeof body.error.code !== 'string')) return `${where}: error without a code`;
    return null;
  }
  const code = expectedDenial(c, role);
  const status = STATUS_OF[code] ?? 403;
  if (res.statusCode !== status) return `${where}: expected ${status} ${code}`;
  const shape = errorShapeProblem(body, code);
  return shape ? `${where}: ${shape}` : null;
}

test('the blocked user has no session left: it reads as a visitor and cannot sign in again', async () => {
  const blocked = shared.blocked!;
  const session = await call('GET', { url: '/api/v1/session' }, blocked);
  assert.equal(session.statusCode, 200);
  assert.equal(session.json().user, null);
  assert.equal(session.json().csrfToken, null);
  const login = await call('POST', { url: '/api/v1/auth/login', body: { email: blocked.email, password: blocked.password } }, null);
  assert.equal(login.statusCode, 403);
  assert.equal(errorShapeProblem(login.json(), 'account_blocked'), null);
});

test('every route of the OpenAPI document has an entry in the table, and every entry a route', async () => {
  const res = await call('GET', { url: '/api/v1/openapi.json' }, null);
  assert.equal(res.statusCode, 200);
  const paths = res.json().paths as Record<string, Record<string, unknown>>;
  const documented = new Set<string>();
  for (const [path, operations] of Object.entries(paths)) {
    for (const method of Object.keys(operations)) {
      if (['get', 'post', 'put', 'patch', 'delete'].includes(method)) documented.add(`${method.toUpperCase()} ${path}`);
    }
  }
  assert.ok(documented.size >= 30, `only ${documented.size} documented routes`);
  // `missing`: routes without an entry in the table; `stale`: entries without a route in the document.
  const missing = [...documented].filter((key) => !(key in table)).sort();
  const stale = Object.keys(table).filter((key) => !documented.has(key) && !HIDDEN_ROUTES.has(key)).sort();
  assert.deepEqual({ missing, stale }, { missing: [], stale: [] }, 'the authorization table and the OpenAPI document disagree');
  for (const key of HIDDEN_ROUTES) {
    assert.ok(!documented.has(key), `${key} is documented: move it out of HIDDEN_ROUTES`);
    const [method, url] = key.split(' ') as [Method, string];
    assert.ok(p.app.hasRoute({ method, url }), `${key} is not registered`);
  }
  for (const key of documented) {
    const [method, path] = key.split(' ') as [Method, string];
    assert.ok(p.app.hasRoute({ method, url: path.replace(/\{(\w+)\}/g, ':$1') }), `${key} is documented but not registered`);
  }
});

for (const [key, cases] of Object.entries(table)) {
  const [method] = key.split(' ') as [Method, string];
  for (const c of cases) {
    test(`${key}: ${c.label}`, async () => {
      const problems: string[] = [];
      for (const role of ROLES) {
        const problem = await check(method, c, role);
        if (problem) problems.push(problem);
      }
      assert.deepEqual(problems, []);
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Abilities: what GET /organizations/:slug promises matches what the write routes do

type Ability = 'update' | 'manageMembers' | 'verify' | 'managePosts';
type OrgKind = 'verified' | 'pending' | 'department';

const WRITE_ROUTE: Record<Ability, (slug: string) => Promise<{ method: Method; req: Req }>> = {
  update: async (slug) => ({ method: 'PATCH', req: { url: `/api/v1/organizations/${slug}`, body: { description: 'Ability check' } } }),
  manageMembers: async (slug) => ({ method: 'POST', req: { url: `/api/v1/organizations/${slug}/members`, body: { email: (await createUser(p)).email, role: 'member' } } }),
  verify: async (slug) => ({ method: 'POST', req: { url: `/api/v1/organizations/${slug}/verify`, body: {} } }),
  managePosts: async (slug) => ({ method: 'POST', req: { url: `/api/v1/organizations/${slug}/posts`, body: { title: 'Ability Post' } } }),
};

const F = false;
const T = true;
/** Expected abilities; null where the organization is hidden (404) from the caller. */
const EXPECTED_ABILITIES: Record<OrgKind, Partial<Record<Role, [boolean, boolean, boolean, boolean] | null>>> = {
  verified: { representative: [T, T, F, F], member: [F, F, F, F], administrator: [T, T, F, F], visitor: [F, F, F, F], registered: [F, F, F, F] },
  pending: { representative: [T, T, F, F], member: [F, F, F, F], administrator: [T, T, T, F], visitor: null, registered: null },
  department: { representative: [F, F, F, F], member: [F, F, F, F], administrator: [T, T, F, T], visitor: [F, F, F, F], registered: [F, F, F, F], official: [F, F, F, F] },
};

async function orgOfKind(kind: OrgKind) {
  if (kind === 'department') {
    const dept = await newDepartment();
    // The shared official holds a post in it, so "official of the department concerned" is covered.
    orFail(await createPost(p.deps, seeder, { organizationId: dept.id, title: 'Head', holderEmail: shared.official!.email }));
    return dept;
  }
  return societyOrg(kind);
}

for (const kind of Object.keys(EXPECTED_ABILITIES) as OrgKind[]) {
  test(`abilities of a ${kind} organization match what its write routes allow`, async () => {
    const problems: string[] = [];
    for (const [role, expected] of Object.entries(EXPECTED_ABILITIES[kind]) as [Role, [boolean, boolean, boolean, boolean] | null][]) {
      const org = await orgOfKind(kind);
      const detail = await call('GET', { url: `/api/v1/organizations/${org.slug}` }, shared[role]);
      let abilities: Record<Ability, boolean>;
      if (expected === null) {
        if (detail.statusCode !== 404) problems.push(`${role}: detail should be hidden, got ${detail.statusCode}`);
        abilities = { update: false, manageMembers: false, verify: false, managePosts: false };
      } else {
        if (detail.statusCode !== 200) {
          problems.push(`${role}: detail ${detail.statusCode}`);
          continue;
        }
        abilities = detail.json().abilities;
        const [update, manageMembers, verify, managePosts] = expected;
        try {
          assert.deepEqual(abilities, { update, manageMembers, verify, managePosts });
        } catch {
          problems.push(`${role}: abilities ${JSON.stringify(abilities)}, expected ${JSON.stringify({ update, manageMembers, verify, managePosts })}`);
        }
      }
      for (const ability of Object.keys(WRITE_ROUTE) as Ability[]) {
        // A fresh organization of the same kind for every write, so one allowed write cannot change the next.
        const target = await orgOfKind(kind);
        const { method, req } = await WRITE_ROUTE[ability](target.slug);
        const res = await call(method, req, shared[role]);
        const refused = res.statusCode === 401 || res.statusCode === 403 || res.statusCode === 404;
        if (res.statusCode >= 500) problems.push(`${role} ${ability}: server error ${res.body}`);
        else if (refused === abilities[ability]) {
          problems.push(`${role} ${ability}: ability says ${abilities[ability]} but ${method} ${req.url} gave ${res.statusCode} ${res.body.slice(0, 120)}`);
        }
      }
    }
    assert.deepEqual(problems, []);
  });
}

// ---------------------------------------------------------------------------------------------
// Edges of the roles that the table does not show

test('a clerk without a post may not assist residents (not_an_official)', async () => {
  const clerk = await createUser(p, { roles: ['clerk'] });
  const res = await call('POST', { url: '/api/v1/assist', body: { email: shared.resident!.email } }, clerk);
  assert.equal(res.statusCode, 403);
  assert.equal(errorShapeProblem(res.json(), 'not_an_official'), null);
});

test('an administrator who is also a clerk loses administrator powers while assisting a resident', async () => {
  const staff = await createUser(p, { roles: ['administrator', 'clerk'] });
  orFail(await createPost(p.deps, seeder, { organizationId: department.id, title: 'Service Desk', holderEmail: staff.email }));
  assert.equal((await call('GET', { url: '/api/v1/admin/users' }, staff)).statusCode, 200);

  const start = await call('POST', { url: '/api/v1/assist', body: { email: shared.resident!.email } }, staff);
  assert.equal(start.statusCode, 200, start.body);
  assert.equal(start.json().actingFor.id, shared.resident!.id);

  const refused = await call('GET', { url: '/api/v1/admin/users' }, staff);
  assert.equal(refused.statusCode, 403);
  assert.equal(errorShapeProblem(refused.json(), 'requires_role'), null);
  const area = await call('POST', { url: '/api/v1/areas', body: { kind: 'city', slug: `assist-city-${hex()}`, name: 'Nope' } }, staff);
  assert.equal(area.statusCode, 403);

  assert.equal((await call('DELETE', { url: '/api/v1/assist' }, staff)).statusCode, 204);
  assert.equal((await call('GET', { url: '/api/v1/admin/users' }, staff)).statusCode, 200);
});

test('a clerk cannot assist themself', async () => {
  const clerk = await createUser(p, { roles: ['clerk'] });
  orFail(await createPost(p.deps, seeder, { organizationId: department.id, title: 'Desk', holderEmail: clerk.email }));
  const res = await call('POST', { url: '/api/v1/assist', body: { email: clerk.email } }, clerk);
  assert.equal(res.statusCode, 400);
  assert.equal(res.json().error.code, 'cannot_act_for_self');
});
