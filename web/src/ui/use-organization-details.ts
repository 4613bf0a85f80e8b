import { useEffect, useState } from 'react';
import { api } from '../api.js';
import type { OrganizationDetail } from '../api-types.js';

/**
 * Loads the detail (posts and holders) of several organizations in parallel, e.g. the departments
 * of the home page. Failures leave that organization out; the list still shows.
 */
export function useOrganizationDetails(slugs: string[]): Map<string, OrganizationDetail> {
  const [details, setDetails] = useState<Map<string, OrganizationDetail>>(new Map());
  const key = slugs.join('|');
  useEffect(() => {
    let cancelled = false;
    const wanted = key ? key.split('|') : [];
    void Promise.all(
      wanted.map((slug) =>
        api
          .get<OrganizationDetail>(`/organizations/${encodeURIComponent(slug)}`)
          .then((detail) => [slug, detail] as const)
          .catch(() => null),
      ),
    ).then((results) => {
      if (cancelled) return;
      const next = new Map<string, OrganizationDetail>();
      for (const result of results) if (result) next.set(result[0], result[1]);
      setDetails(next);
    });
    return () => {
      cancelled = true;
    };
  }, [key]);
  return details;
}
