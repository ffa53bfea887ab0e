/** The app's addresses (history API, no hash): one union, parsed and printed in one place. */

/** A screen of the app. */
export type Route =
  | { name: 'login' }
  | { name: 'queue' }
  | { name: 'form'; id: string }
  | { name: 'history'; id: string }
  | { name: 'print'; id: string; published: boolean }
  | { name: 'import' }
  | { name: 'bulkImport' }
  | { name: 'followUps' }
  | { name: 'dashboard' }
  | { name: 'department'; id: string }
  | { name: 'publicList'; year?: number }
  | { name: 'publicForm'; id: string }
  | { name: 'notFound' };

const segment = (s: string): string | null => {
  try {
    const d = decodeURIComponent(s);
    return d === '' || d.includes('/') ? null : d;
  } catch {
    return null;
  }
};

/** The route of a path. */
export function parseRoute(pathname: string): Route {
  const parts = pathname.replace(/\/+$/u, '').split('/').slice(1);
  const [a, b, c, d] = parts;
  if (parts.length === 0 || (parts.length === 1 && a === '')) return { name: 'queue' };
  if (a === 'login' && parts.length === 1) return { name: 'login' };
  if (a === 'import' && parts.length === 1) return { name: 'import' };
  if (a === 'bulk-import' && parts.length === 1) return { name: 'bulkImport' };
  if (a === 'follow-ups' && parts.length === 1) return { name: 'followUps' };
  if (a === 'dashboard' && parts.length === 1) return { name: 'dashboard' };
  if (a === 'departments' && b !== undefined && parts.length === 2) {
    const id = segment(b);
    return id === null ? { name: 'notFound' } : { name: 'department', id };
  }
  if (a === 'forms' && b !== undefined) {
    const id = segment(b);
    if (id === null) return { name: 'notFound' };
    if (parts.length === 2) return { name: 'form', id };
    if (parts.length === 3 && c === 'history') return { name: 'history', id };
    if (parts.length === 3 && c === 'print') return { name: 'print', id, published: false };
  }
  if (a === 'public') {
    if (parts.length === 1) return { name: 'publicList' };
    // The public index of one year: /public/2021.
    if (parts.length === 2 && b !== undefined && /^\d{4}$/u.test(b)) return { name: 'publicList', year: Number(b) };
    const id = b === 'forms' && c !== undefined ? segment(c) : null;
    if (id !== null && parts.length === 3) return { name: 'publicForm', id };
    if (id !== null && parts.length === 4 && d === 'print') return { name: 'print', id, published: true };
  }
  return { name: 'notFound' };
}

/** The path of a route. */
export function routePath(route: Route): string {
  const e = encodeURIComponent;
  switch (route.name) {
    case 'login':
      return '/login';
    case 'queue':
      return '/';
    case 'form':
      return `/forms/${e(route.id)}`;
    case 'history':
      return `/forms/${e(route.id)}/history`;
    case 'print':
      return route.published ? `/public/forms/${e(route.id)}/print` : `/forms/${e(route.id)}/print`;
    case 'import':
      return '/import';
    case 'bulkImport':
      return '/bulk-import';
    case 'followUps':
      return '/follow-ups';
    case 'dashboard':
      return '/dashboard';
    case 'department':
      return `/departments/${e(route.id)}`;
    case 'publicList':
      return route.year === undefined ? '/public' : `/public/${route.year}`;
    case 'publicForm':
      return `/public/forms/${e(route.id)}`;
    case 'notFound':
      return '/';
  }
}

/** Routes anyone may open without signing in. */
export function isPublicRoute(route: Route): boolean {
  return route.name === 'publicList' || route.name === 'publicForm' || route.name === 'login' || (route.name === 'print' && route.published);
}
