import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import type { LoginInput } from '../../../../contracts/auth';
import { DemoTag } from '../../../components/demo-tag';
import { LanguageSwitch } from '../../../components/language-switch';
import { errorText } from '../../../lib/api-client';
import { useMe } from '../api/get-me';
import { useSystemInfo } from '../api/get-system-info';
import { useLogin } from '../api/login';

const DEMO_ACCOUNTS = ['county', 'town', 'village'] as const;
const DEMO_PASSWORD = 'Banbiantian2026';

type RedirectState = { from?: string; isExpired?: boolean } | null;

/** Only same-site paths are followed after login (no open redirect through the state). */
const safeTarget = (from: string | undefined) =>
  from?.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login') ? from : '/';

export const LoginPage = () => {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<LoginInput>();
  const navigate = useNavigate();
  const location = useLocation();
  const state = location.state as RedirectState;
  const me = useMe();
  const info = useSystemInfo();
  const login = useLogin();
  const isEn = i18n.language.startsWith('en');
  const isDemo = info.data?.demo === true;

  useEffect(() => {
    document.title = `${t('auth.login')} · ${t('app.name')}`;
  }, [t]);

  if (me.data) return <Navigate to={safeTarget(state?.from)} replace />;

  const onFinish = (values: LoginInput) => {
    login.mutate(
      { username: values.username.trim(), password: values.password },
      {
        onSuccess: () => navigate(safeTarget(state?.from), { replace: true }),
        onError: () => form.setFieldValue('password', ''),
      },
    );
  };

  const fillDemo = (username: string) => {
    form.setFieldsValue({ username, password: DEMO_PASSWORD });
  };

  return (
    <main className="bbt-login">
      <Card className="bbt-login-card">
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: 8 }}>
            <div>
              <h1 className="bbt-login-title">
                <span className="bbt-brand-mark" aria-hidden="true">
                  半
                </span>
                {t('app.name')}
              </h1>
              <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
            </div>
            <LanguageSwitch />
          </div>
          {isDemo && (
            <Alert
              type="warning"
              showIcon={false}
              title={
                <Space wrap>
                  <DemoTag />
                  <span>{t('login.demoHint')}</span>
                </Space>
              }
              description={
                <div data-testid="demo-accounts">
                  <div>
                    {t('login.demoAccounts')}
                    {DEMO_ACCOUNTS.map((a) => (
                      <Button key={a} type="link" size="small" onClick={() => fillDemo(a)} lang="en">
                        {a}
                      </Button>
                    ))}
                  </div>
                  <div>
                    {t('login.demoPassword')} <Typography.Text code>{DEMO_PASSWORD}</Typography.Text>
                  </div>
                </div>
              }
            />
          )}
          {state?.isExpired && !login.isError && <Alert type="info" showIcon title={t('login.expired')} />}
          {login.isError && (
            <Alert type="error" showIcon title={errorText(login.error, isEn)} data-testid="login-error" />
          )}
          <Form<LoginInput>
            form={form}
            layout="vertical"
            requiredMark={false}
            onFinish={onFinish}
            size="large"
            autoComplete="on"
          >
            <Form.Item
              label={t('login.username')}
              name="username"
              rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
            >
              <Input
                prefix={<UserOutlined />}
                autoComplete="username"
                autoCapitalize="off"
                spellCheck={false}
              />
            </Form.Item>
            <Form.Item
              label={t('login.password')}
              name="password"
              rules={[{ required: true, message: t('login.passwordRequired') }]}
            >
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
            </Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              block
              loading={login.isPending}
              data-testid="login-submit"
            >
              {t('auth.login')}
            </Button>
          </Form>
        </Space>
      </Card>
    </main>
  );
};
