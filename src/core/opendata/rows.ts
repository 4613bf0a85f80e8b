import type { OpenDataField, OpenDataFieldType } from './types.js';

/** Helpers for modules' open-data exporters: dates as ISO strings, authors as a kind, compact data dictionaries. */

/** A timestamp as an ISO string; null stays null. */
export function iso(value: Date | string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

/**
 * Who wrote a record, as the archive may say it: an official (in a post), an organization (by a
 * representative) or a person, never which person.
 */
export function authorKind(row: { organization_id?: string | null; post_id?: string | null }): 'official' | 'organization' | 'person' {
  if (row.post_id) return 'official';
  if (row.organization_id) return 'organization';
  return 'person';
}

/**
 * A table's data dictionary written compactly, one `name: [type, description]` entry per field in
 * column order (field names are identifiers, so the object keeps that order).
 */
export function fieldsOf(spec: Record<string, readonly [OpenDataFieldType, string]>): OpenDataField[] {
  return Object.entries(spec).map(([name, [type, description]]) => ({ name, type, description }));
}

/** Who made a record that only a person or an organization (by a representative) can make; never which person. */
export function personOrOrganization(organization: string | null | undefined): 'organization' | 'person' {
  return organization ? 'organization' : 'person';
}
