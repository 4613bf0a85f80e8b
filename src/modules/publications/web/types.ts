/** The register's API as the pages use it: types inferred from the server's zod schemas (type-only import). */
export type {
  LinkTarget,
  LinkView,
  PublicationCategory,
  PublicationDetail,
  PublicationEvent,
  PublicationList,
  PublicationOptions,
  PublicationStatus,
  PublicationSummary,
  Validity,
} from '../schemas.js';

/** The web path of a publication. */
export function publicationUrl(id: string): string {
  return `/publications/${id}`;
}

/** The address of the register's Atom feed, optionally for one department (slug) and one category. */
export function feedUrl(filter: { department?: string | null; category?: string | null } = {}): string {
  const params = new URLSearchParams();
  if (filter.department) params.set('department', filter.department);
  if (filter.category) params.set('category', filter.category);
  const query = params.toString();
  return `/api/v1/publications.atom${query ? `?${query}` : ''}`;
}
