/**
 * The filter state of a paged list kept in the URL: the form starts from the search parameters
 * (and follows them on back/forward), `apply` writes the fields that differ from their defaults
 * (text trimmed, booleans as `true`) and drops the page, `goTo` sets or clears `page`.
 *
 *   const filters = useUrlFilters({ q: '', departmentId: '', mine: false }, { keys: { departmentId: 'department' } });
 *   api.get('/things', filters.query);
 */
import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';

type FilterValues = Record<string, string | boolean>;

export interface UrlFilterOptions<F extends FilterValues> {
  /** The URL parameter of a field when it is not the field's name (`departmentId` -> `department`). */
  keys?: Partial<Record<keyof F, string>>;
  /** Accepts a URL value of a text field; a refused value reads as the field's default. */
  valid?: Partial<Record<keyof F, (value: string) => boolean>>;
  /** Items per page (20 unless told). */
  pageSize?: number;
}

export interface UrlFilters<F extends FilterValues> {
  /** The filters in the URL. */
  applied: F;
  /** The filters in the URL with the page's `limit` and `offset`, as the list's API takes them (a false flag left out). */
  query: Record<string, string | number | undefined>;
  /** The filters being edited. */
  form: F;
  setForm(next: F): void;
  /** A change handler for one field: `onChange={set('q')}`. */
  set<K extends keyof F>(key: K): (value: F[K]) => void;
  /** The form's submit handler. */
  apply(event?: FormEvent): void;
  goTo(page: number): void;
  /** The page shown, 1-based. */
  page: number;
  pageSize: number;
  offset: number;
  /** How many pages `total` items fill (at least one). */
  pages(total: number | undefined): number;
  /** The whole query string, for load dependencies ('' when nothing is filtered). */
  paramsKey: string;
}

function read<F extends FilterValues>(params: URLSearchParams, defaults: F, options: UrlFilterOptions<F>): F {
  const values: FilterValues = {};
  for (const field of Object.keys(defaults) as (keyof F & string)[]) {
    const fallback = defaults[field] as string | boolean;
    const raw = params.get(options.keys?.[field] ?? field);
    if (typeof fallback === 'boolean') values[field] = raw === 'true';
    else values[field] = raw && (options.valid?.[field]?.(raw) ?? true) ? raw : fallback;
  }
  return values as F;
}

export function useUrlFilters<F extends FilterValues>(defaults: F, options: UrlFilterOptions<F> = {}): UrlFilters<F> {
  const [params, setParams] = useSearchParams();
  const paramsKey = params.toString();
  // The defaults and options are literals written in the page; their shape never changes.
  const applied = useMemo(() => read(new URLSearchParams(paramsKey), defaults, options), [paramsKey]);
  const [form, setForm] = useState<F>(applied);
  useEffect(() => setForm(applied), [applied]);
  const pageSize = options.pageSize ?? 20;
  const page = Math.max(1, Number(params.get('page')) || 1);

  const set = useCallback(<K extends keyof F>(key: K) => (value: F[K]) => setForm((current) => ({ ...current, [key]: value })), []);

  function apply(event?: FormEvent) {
    event?.preventDefault();
    const next = new URLSearchParams();
    for (const field of Object.keys(defaults) as (keyof F & string)[]) {
      const value = form[field] as string | boolean;
      const text = typeof value === 'boolean' ? (value ? 'true' : '') : value.trim();
      if (text && value !== defaults[field]) next.set(options.keys?.[field] ?? field, text);
    }
    setParams(next);
  }
  function goTo(target: number) {
    const next = new URLSearchParams(params);
    if (target > 1) next.set('page', String(target));
    else next.delete('page');
    setParams(next);
  }

  const offset = (page - 1) * pageSize;
  const query: Record<string, string | number | undefined> = { limit: pageSize, offset };
  for (const [field, value] of Object.entries(applied)) query[field] = typeof value === 'boolean' ? (value ? 'true' : undefined) : value;

  return {
    applied,
    query,
    form,
    setForm,
    set,
    apply,
    goTo,
    page,
    pageSize,
    offset,
    pages: (total) => (total === undefined ? 1 : Math.max(1, Math.ceil(total / pageSize))),
    paramsKey,
  };
}
