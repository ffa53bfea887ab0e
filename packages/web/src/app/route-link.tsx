/**
 * A link to a screen of the app: a real address (so it can be copied or opened in a new tab), followed in
 * place on a plain click.
 */
import { Typography } from 'antd';
import type { ReactNode } from 'react';
import type { Route } from '../model/routes.js';
import { routePath } from '../model/routes.js';
import { navigate } from './navigation.js';

/** The link. */
export function RouteLink({ route, children, testId }: { route: Route; children: ReactNode; testId?: string }): ReactNode {
  return (
    <Typography.Link
      href={routePath(route)}
      data-testid={testId}
      onClick={(e) => {
        // A click with a modifier (new tab, new window) is the browser's to follow.
        if (e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        navigate(route);
      }}
    >
      {children}
    </Typography.Link>
  );
}
