import type { ServerBuild } from "@remix-run/node";
import { matchRoutes } from "@remix-run/react";

type RouteObject = Parameters<typeof matchRoutes>[0][number];
type RouteNode = {
  id: string;
  path?: string;
  index?: boolean;
  caseSensitive?: boolean;
  children?: RouteNode[];
};

const MAX_CACHED_PATHS = 1_000;
const trees = new WeakMap<ServerBuild["routes"], RouteNode[]>();
const cache = new WeakMap<ServerBuild["routes"], Map<string, string | undefined>>();

function treeOf(routes: ServerBuild["routes"]): RouteNode[] {
  const cached = trees.get(routes);
  if (cached) return cached;

  const nodes = new Map<string, RouteNode>();
  for (const route of Object.values(routes)) {
    nodes.set(route.id, {
      id: route.id,
      ...(route.path !== undefined && { path: route.path }),
      ...(route.index && { index: true }),
      ...(route.caseSensitive && { caseSensitive: true }),
    });
  }
  const roots: RouteNode[] = [];
  for (const route of Object.values(routes)) {
    const node = nodes.get(route.id);
    const parent = route.parentId ? nodes.get(route.parentId) : undefined;
    if (!node) continue;
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  trees.set(routes, roots);
  return roots;
}

/**
 * The id of the Remix route a path resolves to (`routes/app._index`), the same name Sentry
 * gives the request's transaction, or undefined when no route matches.
 */
export function routeIdFor(routes: ServerBuild["routes"], pathname: string): string | undefined {
  let paths = cache.get(routes);
  if (!paths) cache.set(routes, (paths = new Map()));
  if (paths.has(pathname)) return paths.get(pathname);

  // Index routes never have children here: Remix builds them that way.
  const matches = matchRoutes(treeOf(routes) as RouteObject[], pathname);
  const id = matches?.at(-1)?.route.id;
  if (paths.size >= MAX_CACHED_PATHS) paths.clear();
  paths.set(pathname, id);
  return id;
}
