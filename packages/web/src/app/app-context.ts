/** What every screen reads: the language and the signed-in user (null for the public). */
import type { Lang } from '@jixiao/core';
import { createContext, useContext } from 'react';
import type { SessionUser } from '../api/api-types.js';
import type { UiKey } from '../i18n/ui-text.js';
import { uiText } from '../i18n/ui-text.js';

/** The app-wide state shared through context. */
export interface AppState {
  lang: Lang;
  user: SessionUser | null;
  /** Called after signing in, signing out or a 401. */
  setUser: (user: SessionUser | null) => void;
}

/** The context holding `AppState`. */
export const AppContext = createContext<AppState>({ lang: 'zh', user: null, setUser: () => undefined });

/** The app state. */
export function useApp(): AppState {
  return useContext(AppContext);
}

/** A translator bound to the current language. */
export function useText(): (key: UiKey, params?: Readonly<Record<string, string | number>>) => string {
  const { lang } = useApp();
  return (key, params) => uiText(key, lang, params);
}
