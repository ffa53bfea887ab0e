/** 修改密码: the current password and a new one; the server ends the other sessions. */
import { Alert, App, Form, Input, Modal } from 'antd';
import type { ReactNode } from 'react';
import { api } from '../api/api-client.js';
import { useText } from './app-context.js';
import { useRequest } from './use-request.js';

interface Values {
  currentPassword: string;
  newPassword: string;
}

/** The password-change dialog. */
export function PasswordDialog({ open, onClose }: { open: boolean; onClose: () => void }): ReactNode {
  const t = useText();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { busy, error, run } = useRequest();

  const submit = async (): Promise<void> => {
    const values = await form.validateFields();
    await run(async () => {
      await api('/api/session/password', { method: 'PUT', body: values });
      void message.success(t('passwordChanged'));
      form.resetFields();
      onClose();
    });
  };

  return (
    <Modal open={open} title={t('changePassword')} onCancel={onClose} onOk={() => void submit()} confirmLoading={busy} destroyOnHidden>
      {error !== null && <Alert type="error" title={error} className="gap-bottom" showIcon />}
      <Form form={form} layout="vertical">
        <Form.Item name="currentPassword" label={t('currentPassword')} rules={[{ required: true }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label={t('newPassword')} rules={[{ required: true }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
