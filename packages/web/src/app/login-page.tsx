/** 登录: username and password; on success the CSRF token is kept and the user goes where they meant to. */
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import type { ReactNode } from 'react';
import { api, setCsrfToken } from '../api/api-client.js';
import type { SessionAnswer } from '../api/api-types.js';
import { useApp, useText } from './app-context.js';
import { navigate, useRoute } from './navigation.js';
import { useRequest } from './use-request.js';

/** The sign-in screen. */
export function LoginPage(): ReactNode {
  const { setUser } = useApp();
  const t = useText();
  const route = useRoute();
  const { busy, error, run } = useRequest();

  const submit = (values: { username: string; password: string }): Promise<void> =>
    run(async () => {
      const s = await api<SessionAnswer>('/api/session', { method: 'POST', body: values });
      setCsrfToken(s.csrfToken);
      setUser(s.user);
      if (route.name === 'login') navigate({ name: 'queue' }, true);
    });

  return (
    <div className="login-box">
      <Card title={t('signIn')}>
        <Typography.Paragraph type="secondary">{t('signInToWork')}</Typography.Paragraph>
        {error !== null && <Alert type="error" title={error} className="gap-bottom" showIcon />}
        <Form layout="vertical" onFinish={(v: { username: string; password: string }) => void submit(v)} requiredMark={false}>
          <Form.Item name="username" label={t('username')} rules={[{ required: true }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('password')} rules={[{ required: true }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} block data-testid="login-submit">
            {t('signIn')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
