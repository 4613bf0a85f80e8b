/**
 * The areas of the installation (city > district > neighbourhood) and the one the visitor selected,
 * kept in localStorage (`civitas.area`) so the home page opens on it next time.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, asApiError, type ApiError } from '../api.js';
import type { Area } from '../api-types.js';

export const areaStorageKey = 'civitas.area';

/** An area with its depth in the tree, in display order (parents before their children). */
export interface AreaRow {
  area: Area;
  depth: number;
}

export interface AreasState {
  areas: Area[];
  loaded: boolean;
  error: ApiError | null;
  /** The area rows in tree order, for selects and lists. */
  rows: AreaRow[];
  byId: (id: string | null | undefined) => Area | undefined;
  bySlug: (slug: string | null | undefined) => Area | undefined;
  /** The area itself and all its parents, nearest first. */
  lineage: (id: string | null | undefined) => Area[];
  selectedSlug: string | null;
  select: (slug: string | null) => void;
  reload: () => Promise<void>;
}

const AreasContext = createContext<AreasState | null>(null);

function readSelected(): string | null {
  try {
    return window.localStorage.getItem(areaStorageKey);
  } catch {
    return null;
  }
}

/** Orders areas as a tree: each parent followed by its children, siblings by name. */
export function areaRows(areas: Area[]): AreaRow[] {
  const ids = new Set(areas.map((area) => area.id));
  const children = new Map<string | null, Area[]>();
  for (const area of areas) {
    const parent = area.parentId && ids.has(area.parentId) ? area.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(area);
    children.set(parent, list);
  }
  const rows: AreaRow[] = [];
  const visit = (parent: string | null, depth: number) => {
    const list = [...(children.get(parent) ?? [])].sort((a, b) => a.name.localeCompare(b.name));
    for (const area of list) {
      rows.push({ area, depth });
      if (depth < 10) visit(area.id, depth + 1);
    }
  };
  visit(null, 0);
  return rows;
}

export function AreasProvider({ children }: { children: ReactNode }) {
  const [areas, setAreas] = useState<Area[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [selectedSlug, setSelectedSlug] = useState<string | null>(readSelected);

  const reload = useCallback(async () => {
    try {
      const result = await api.get<{ areas: Area[] }>('/areas');
      setAreas(result.areas);
      setError(null);
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setLoaded(true);
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  const select = useCallback((slug: string | null) => {
    setSelectedSlug(slug);
    try {
      if (slug) window.localStorage.setItem(areaStorageKey, slug);
      else window.localStorage.removeItem(areaStorageKey);
    } catch {
      // Storage unavailable: the selection lasts for this page only.
    }
  }, []);

  const value = useMemo<AreasState>(() => {
    const byIdMap = new Map(areas.map((area) => [area.id, area]));
    const bySlugMap = new Map(areas.map((area) => [area.slug, area]));
    const lineage = (id: string | null | undefined) => {
      const chain: Area[] = [];
      let current = id ? byIdMap.get(id) : undefined;
      while (current && chain.length < 10) {
        chain.push(current);
        current = current.parentId ? byIdMap.get(current.parentId) : undefined;
      }
      return chain;
    };
    return {
      areas,
      loaded,
      error,
      rows: areaRows(areas),
      byId: (id) => (id ? byIdMap.get(id) : undefined),
      bySlug: (slug) => (slug ? bySlugMap.get(slug) : undefined),
      lineage,
      selectedSlug,
      select,
      reload,
    };
  }, [areas, loaded, error, selectedSlug, select, reload]);

  return <AreasContext.Provider value={value}>{children}</AreasContext.Provider>;
}

export function useAreas(): AreasState {
  const state = useContext(AreasContext);
  if (!state) throw new Error('useAreas outside AreasProvider');
  return state;
}
