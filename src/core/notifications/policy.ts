import { definePolicy, signedIn } from '../permissions/policy.js';

/**
 * Who may do what with follows and notifications. Everything here is personal: a signed-in person
 * reads and marks only their own notifications and manages only their own follows (the queries
 * filter by the actor's id, so there is no "someone else's" resource to check). Following needs
 * the resource to be visible to the follower, which the resource's adapter decides.
 */
export const canNotifications = definePolicy<{
  'notifications.readOwn': null;
  'notifications.markOwn': null;
  'follows.readOwn': null;
  'follows.manageOwn': null;
}>({
  'notifications.readOwn': (actor) => signedIn(actor),
  'notifications.markOwn': (actor) => signedIn(actor),
  'follows.readOwn': (actor) => signedIn(actor),
  'follows.manageOwn': (actor) => signedIn(actor),
});
