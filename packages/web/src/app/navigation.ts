/** Moving between screens with the history API: the current route as an external store React reads. */
import { useSyncExternalStore } from 'react';
import type { Route } from '../model/routes.js';
import { parseRoute, routePath } from '../model/routes.js';

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

/** Goes to a route (a new history entry, or replacing the current one). */
export function navigate(route: Route, replace = false): void {
  const path = routePath(route);
  if (path !== window.location.pathname) {
    if (replace) window.history.replaceState(null, '', path);
    else window.history.pushState(null, '', path);
  }
  window.scrollTo(0, 0);
  for (const l of listeners) l();
}

/** The current route, re-rendering on navigation. */
export function useRoute(): Route {
  const path = useSyncExternalStore(subscribe, () => window.location.pathname);
  return parseRoute(path);
}
