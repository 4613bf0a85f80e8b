/**
 * What a module's web part (`src/modules/<name>/web/index.tsx`) gives the shell: its pages as
 * routes under the layout, its entries in the top navigation, and its strings in both languages
 * (JSON with one top-level key, the module's name, so modules never collide).
 */
import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import type { NavEntry } from './nav.js';

export interface ModuleWeb {
  name: string;
  routes: RouteObject[];
  nav: NavEntry[];
  /** Sections a process page shows for the components this module provides (e.g. where proposals stand), by component name. */
  processSections?: Record<string, ComponentType<{ processSlug: string }>>;
}
