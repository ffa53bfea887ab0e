/**
 * The app shell: language (Chinese by default, English switchable) for antd and our own text, the
 * session, the header with navigation, and the screen of the current route. Heavy screens (the editor,
 * history, import, public pages with charts) are loaded on demand so the first screen stays small.
 */
import type { Lang } from '@jixiao/core';
import { App as AntApp, Button, ConfigProvider, Dropdown, Layout, Menu, Result, Space, Spin, Typography } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { api, ApiFailure, setApiLanguage, setCsrfToken } from '../api/api-client.js';
import type { SessionAnswer, SessionUser } from '../api/api-types.js';
import { uiText } from '../i18n/ui-text.js';
import { menuEntries, selectedMenuKey } from '../model/app-menu.js';
import type { Route } from '../model/routes.js';
import { isPublicRoute } from '../model/routes.js';
import type { AppState } from './app-context.js';
import { AppContext } from './app-context.js';
import { LoginPage } from './login-page.js';
import { navigate, useRoute } from './navigation.js';

const QueuePage = lazy(() => import('./queue-page.js').then((m) => ({ default: m.QueuePage })));
const PasswordDialog = lazy(() => import('./password-dialog.js').then((m) => ({ default: m.PasswordDialog })));
const FormPage = lazy(() => import('../editor/form-page.js').then((m) => ({ default: m.FormPage })));
const HistoryPage = lazy(() => import('../editor/history-page.js').then((m) => ({ default: m.HistoryPage })));
const PrintPage = lazy(() => import('../editor/print-page.js').then((m) => ({ default: m.PrintPage })));
const FollowUpsPage = lazy(() => import('../follow-ups/follow-ups-page.js').then((m) => ({ default: m.FollowUpsPage })));
const DashboardPage = lazy(() => import('../dashboard/dashboard-page.js').then((m) => ({ default: m.DashboardPage })));
const DepartmentPage = lazy(() => import('../department/department-page.js').then((m) => ({ default: m.DepartmentPage })));
const ImportPage = lazy(() => import('../import/import-page.js').then((m) => ({ default: m.ImportPage })));
const BulkImportPage = lazy(() => import('../bulk-import/bulk-import-page.js').then((m) => ({ default: m.BulkImportPage })));
const PublicListPage = lazy(() => import('../public/public-list-page.js').then((m) => ({ default: m.PublicListPage })));
const PublicFormPage = lazy(() => import('../public/public-form-page.js').then((m) => ({ default: m.PublicFormPage })));

const LANG_KEY = 'jixiao.lang';

function initialLang(): Lang {
  return window.localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh';
}

function screen(route: Route, lang: Lang): ReactNode {
  switch (route.name) {
    case 'login':
      return <LoginPage />;
    case 'queue':
      return <QueuePage />;
    case 'form':
      return <FormPage key={route.id} id={route.id} />;
    case 'history':
      return <HistoryPage key={route.id} id={route.id} />;
    case 'print':
      return <PrintPage key={route.id} id={route.id} published={route.published} />;
    case 'import':
      return <ImportPage />;
    case 'bulkImport':
      return <BulkImportPage />;
    case 'followUps':
      return <FollowUpsPage />;
    case 'dashboard':
      return <DashboardPage />;
    case 'department':
      return <DepartmentPage key={route.id} id={route.id} />;
    case 'publicList':
      return <PublicListPage year={route.year} />;
    case 'publicForm':
      return <PublicFormPage key={route.id} id={route.id} />;
    case 'notFound':
      return <Result status="404" title={uiText('pageNotFound', lang)} extra={<Button onClick={() => navigate({ name: 'queue' })}>{uiText('back', lang)}</Button>} />;
  }
}

/** The whole app. */
export function App(): ReactNode {
  const [lang, setLang] = useState<Lang>(initialLang);
  const [user, setUser] = useState<SessionUser | null>(null);
  const [checked, setChecked] = useState(false);
  const [passwordOpen, setPasswordOpen] = useState(false);
  const route = useRoute();

  useEffect(() => {
    setApiLanguage(lang);
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    window.localStorage.setItem(LANG_KEY, lang);
  }, [lang]);

  useEffect(() => {
    api<SessionAnswer>('/api/session')
      .then((s) => {
        setCsrfToken(s.csrfToken);
        setUser(s.user);
      })
      .catch((e: unknown) => {
        if (!(e instanceof ApiFailure)) throw e;
        setUser(null);
      })
      .finally(() => setChecked(true));
  }, []);

  const state: AppState = useMemo(() => ({ lang, user, setUser }), [lang, user]);
  const t = (key: Parameters<typeof uiText>[0]): string => uiText(key, lang);

  const signOut = async (): Promise<void> => {
    try {
      await api('/api/session', { method: 'DELETE' });
    } catch (e) {
      if (!(e instanceof ApiFailure)) throw e;
    }
    setCsrfToken(null);
    setUser(null);
    navigate({ name: 'publicList' });
  };

  const needsLogin = checked && user === null && !isPublicRoute(route);
  const menu = menuEntries(user);

  return (
    <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} button={{ autoInsertSpace: false }} theme={{ token: { colorPrimary: '#b22c2c', borderRadius: 4 } }}>
      <AntApp>
        <AppContext.Provider value={state}>
          <Layout className="app-layout">
            <Layout.Header className="app-header">
              <Typography.Link className="app-title" onClick={() => navigate({ name: user ? 'queue' : 'publicList' })}>
                绩效 · {t('appName')}
              </Typography.Link>
              <Menu
                theme="dark"
                mode="horizontal"
                selectedKeys={[selectedMenuKey(route, menu)]}
                items={menu.map((entry) => ({ key: entry.key, label: t(entry.label) }))}
                className="app-menu"
                onClick={(e) => {
                  const entry = menu.find((m) => m.key === e.key);
                  if (entry) navigate(entry.route);
                }}
              />
              <Space>
                <Button type="text" className="app-header-button" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
                  {t('language')}
                </Button>
                {user ? (
                  <Dropdown
                    trigger={['click']}
                    menu={{
                      items: [
                        { key: 'password', label: t('changePassword') },
                        { key: 'signOut', label: t('signOut') },
                      ],
                      onClick: (e) => (e.key === 'password' ? setPasswordOpen(true) : void signOut()),
                    }}
                  >
                    <Button type="text" className="app-header-button" data-testid="user-menu">
                      {user.displayName}
                    </Button>
                  </Dropdown>
                ) : (
                  route.name !== 'login' && !needsLogin && (
                    <Button type="primary" onClick={() => navigate({ name: 'login' })}>
                      {t('signIn')}
                    </Button>
                  )
                )}
              </Space>
            </Layout.Header>
            <Layout.Content className="app-content">
              {!checked ? (
                <Spin />
              ) : needsLogin ? (
                <LoginPage />
              ) : (
                <Suspense fallback={<Spin tip={t('loading')}><div className="spin-box" /></Spin>}>{screen(route, lang)}</Suspense>
              )}
            </Layout.Content>
          </Layout>
          {passwordOpen && (
            <Suspense fallback={null}>
              <PasswordDialog open onClose={() => setPasswordOpen(false)} />
            </Suspense>
          )}
        </AppContext.Provider>
      </AntApp>
    </ConfigProvider>
  );
}
