/**
 * What a module's web part (`src/modules/<name>/web/index.tsx`) gives the shell: its pages as
 * routes under the layout, its entries in the top navigation, and its strings in both languages
 * (JSON with one top-level key, the module's name, so modules never collide).
 */
import { lazy, type ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import type { NavEntry } from './nav.js';

export interface ModuleWeb {
  name: string;
  routes: RouteObject[];
  nav: NavEntry[];
  /** Sections a process page shows for the components this module provides (e.g. where proposals stand), by component name. */
  processSections?: Record<string, ComponentType<{ processSlug: string }>>;
}

/**
 * A route whose page is loaded when it is first visited, so the first page a resident opens on a
 * phone does not download every module: `{ path: 'x', ...page(() => import('./x-page.js'), 'XPage') }`.
 */
export function page<M>(load: () => Promise<M>, name: keyof M & string): Pick<RouteObject, 'Component'> {
  // The layout's <Suspense> shows "Loading" in the main area (header and navigation stay) the first time.
  return { Component: lazy(async () => ({ default: (await load())[name] as ComponentType })) };
}
