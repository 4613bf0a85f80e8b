import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor, UserActor } from '../../core/permissions/actor.js';
import { canSupervision, type ComplaintRef, type ReportRef } from './policy.js';

const BODY = 'body';
const ACCUSED = 'accused';
const CONFLICT = 'conflict';
const OTHER = 'other';

const FEATURES = ['complainant', 'postInBody', 'postInAccused', 'memberOfAccused', 'postInConflict', 'memberOfConflict', 'holdsAccusedPost', 'postElsewhere', 'administrator', 'moderator', 'blocked', 'assisted'] as const;
type Feature = (typeof FEATURES)[number];

function actorWith(has: Set<Feature>): UserActor {
  const post = (organizationId: string) => ({ id: `post-${organizationId}`, title: 'Post', titleZh: null, organizationId, organizationSlug: organizationId, organizationName: organizationId, organizationNameZh: null });
  const member = (organizationId: string) => ({ organizationId, slug: organizationId, name: organizationId, nameZh: null, sector: 'government' as const, status: 'verified', role: 'member' as const });
  return {
    kind: 'user',
    id: has.has('complainant') ? 'complainant' : has.has('holdsAccusedPost') ? 'post-holder' : 'someone',
    displayName: 'X',
    roles: [...(has.has('administrator') ? (['administrator'] as const) : []), ...(has.has('moderator') ? (['moderator'] as const) : [])],
    verified: true,
    areaId: null,
    blocked: has.has('blocked'),
    memberships: [...(has.has('memberOfAccused') ? [member(ACCUSED)] : []), ...(has.has('memberOfConflict') ? [member(CONFLICT)] : [])],
    posts: [
      ...(has.has('postInBody') ? [post(BODY)] : []),
      ...(has.has('postInAccused') ? [post(ACCUSED)] : []),
      ...(has.has('postInConflict') ? [post(CONFLICT)] : []),
      ...(has.has('postElsewhere') ? [post(OTHER)] : []),
    ],
    ...(has.has('assisted') ? { assistedBy: { id: 'clerk', displayName: 'Clerk' } } : {}),
  };
}

const complaint: ComplaintRef = { complainantId: 'complainant', departmentId: ACCUSED, conflictingDepartmentIds: [CONFLICT], postHolderId: 'post-holder', bodyId: BODY };
const report: ReportRef = { departmentId: ACCUSED, conflictingDepartmentIds: [CONFLICT], postHolderId: null, bodyId: BODY };

test('the conflict rule, exhaustively: every combination of roles and ties gives exactly the expected decisions', () => {
  let checked = 0;
  for (let mask = 0; mask < 2 ** FEATURES.length; mask++) {
    const has = new Set(FEATURES.filter((_, i) => mask & (1 << i)));
    // The complainant and the accused post's holder are different people.
    if (has.has('complainant') && has.has('holdsAccusedPost')) continue;
    const actor = actorWith(has);
    const onAccusedSide = has.has('postInAccused') || has.has('memberOfAccused') || has.has('postInConflict') || has.has('memberOfConflict') || has.has('holdsAccusedPost');
    const handler = !has.has('blocked') && !has.has('assisted') && has.has('postInBody') && !onAccusedSide && !has.has('complainant');
    // A report names no accused post, and has no complainant among the accounts.
    const reportOnAccusedSide = has.has('postInAccused') || has.has('memberOfAccused') || has.has('postInConflict') || has.has('memberOfConflict');
    const reportHandler = !has.has('blocked') && !has.has('assisted') && has.has('postInBody') && !reportOnAccusedSide;
    const complainant = has.has('complainant') && !has.has('blocked');
    const label = [...has].join('+') || 'nothing';
    assert.equal(canSupervision(actor, 'complaint.read', complaint).allow, handler || complainant, `read: ${label}`);
    assert.equal(canSupervision(actor, 'complaint.handle', complaint).allow, handler, `handle: ${label}`);
    assert.equal(canSupervision(actor, 'complaint.respond', complaint).allow, complainant, `respond: ${label}`);
    assert.equal(canSupervision(actor, 'report.handle', report).allow, reportHandler, `report: ${label}`);
    assert.equal(canSupervision(actor, 'supervision.configure', null).allow, has.has('administrator') && !has.has('blocked') && !has.has('assisted'), `configure: ${label}`);
    checked++;
  }
  assert.ok(checked > 3000);
});

test('visitors and the platform read and handle nothing', () => {
  for (const actor of [{ kind: 'visitor' }, { kind: 'system', label: 'job' }] as Actor[]) {
    for (const action of ['complaint.read', 'complaint.handle', 'complaint.respond'] as const) assert.equal(canSupervision(actor, action, complaint).allow, false);
    assert.equal(canSupervision(actor, 'report.handle', report).allow, false);
    assert.equal(canSupervision(actor, 'complaint.file', null).allow, false);
  }
});

test('a report that names no department is handled by every handler of its body', () => {
  const anyReport: ReportRef = { departmentId: null, conflictingDepartmentIds: [], bodyId: BODY };
  assert.equal(canSupervision(actorWith(new Set(['postInBody', 'postInAccused'])), 'report.handle', anyReport).allow, true);
  assert.equal(canSupervision(actorWith(new Set(['postInAccused'])), 'report.handle', anyReport).allow, false);
});
