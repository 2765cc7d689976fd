import CloseCircleFilled from '@ant-design/icons-svg/es/asn/CloseCircleFilled';
import ExperimentOutlined from '@ant-design/icons-svg/es/asn/ExperimentOutlined';
import EyeInvisibleOutlined from '@ant-design/icons-svg/es/asn/EyeInvisibleOutlined';
import EyeOutlined from '@ant-design/icons-svg/es/asn/EyeOutlined';
import GlobalOutlined from '@ant-design/icons-svg/es/asn/GlobalOutlined';
import InfoCircleFilled from '@ant-design/icons-svg/es/asn/InfoCircleFilled';
import LockOutlined from '@ant-design/icons-svg/es/asn/LockOutlined';
import UserOutlined from '@ant-design/icons-svg/es/asn/UserOutlined';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { SvgIcon } from '../../../components/svg-icon';
import { setLanguage } from '../../../i18n';
import { errorText } from '../../../lib/api-client';
import { useMe } from '../api/get-me';
import { useSystemInfo } from '../api/get-system-info';
import { useLogin } from '../api/login';
import './login-page.css';

const DEMO_ACCOUNTS = ['county', 'town', 'village'] as const;
const DEMO_PASSWORD = 'Banbiantian2026';

type RedirectState = { from?: string; isExpired?: boolean } | null;
type Field = 'username' | 'password';
type Values = Record<Field, string>;

/** Only same-site paths are followed after login (no open redirect through the state). */
const safeTarget = (from: string | undefined) =>
  from?.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login') ? from : '/';

/** The same rules the antd form had: a username that is not only spaces, any password. */
const fieldError = (
  field: Field,
  values: Values,
): 'login.usernameRequired' | 'login.passwordRequired' | null => {
  if (field === 'username') return values.username.trim() ? null : 'login.usernameRequired';
  return values.password ? null : 'login.passwordRequired';
};

/**
 * Most people's first page, often on a phone with a weak signal: plain React and one small CSS file,
 * no antd (its look is copied in login-page.css), so it is usable within 3 s on Fast-3G. antd and the
 * shell load after sign-in (and in the background while she types, see main.tsx).
 */
export const LoginPage = () => {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const state = location.state as RedirectState;
  const me = useMe();
  const info = useSystemInfo();
  const login = useLogin();
  const isEn = i18n.language.startsWith('en');
  const isDemo = info.data?.demo === true;

  const [values, setValues] = useState<Values>({ username: '', password: '' });
  // Like antd's form: a field's message appears once it has been edited or a submit was tried.
  const [checked, setChecked] = useState<Record<Field, boolean>>({ username: false, password: false });
  const [isPasswordShown, setPasswordShown] = useState(false);
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    document.title = `${t('auth.login')} · ${t('app.name')}`;
  }, [t]);

  if (me.data) return <Navigate to={safeTarget(state?.from)} replace />;

  const errors: Record<Field, string | null> = {
    username: checked.username ? fieldError('username', values) : null,
    password: checked.password ? fieldError('password', values) : null,
  };

  const change = (field: Field, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setChecked((c) => ({ ...c, [field]: true }));
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setChecked({ username: true, password: true });
    if (fieldError('username', values)) {
      usernameRef.current?.focus();
      return;
    }
    if (fieldError('password', values)) {
      passwordRef.current?.focus();
      return;
    }
    if (login.isPending) return;
    login.mutate(
      { username: values.username.trim(), password: values.password },
      {
        onSuccess: () => navigate(safeTarget(state?.from), { replace: true }),
        onError: () => {
          // A fresh try, without a "required" message for the field we just emptied.
          setValues((v) => ({ ...v, password: '' }));
          setChecked((c) => ({ ...c, password: false }));
        },
      },
    );
  };

  const fillDemo = (username: string) => {
    setValues({ username, password: DEMO_PASSWORD });
    setChecked({ username: true, password: true });
  };

  return (
    <main className="bbt-login">
      <div className="bbt-login-card">
        <div className="bbt-login-head">
          <div>
            <h1 className="bbt-login-title">
              <span className="bbt-brand-mark" aria-hidden="true">
                半
              </span>
              {t('app.name')}
            </h1>
            <div className="bbt-login-tagline">{t('app.tagline')}</div>
          </div>
          <button
            type="button"
            className="bbt-button bbt-button-text"
            lang={isEn ? 'zh-CN' : 'en'}
            onClick={() => setLanguage(isEn ? 'zh-CN' : 'en')}
            data-testid="language-switch"
          >
            <SvgIcon icon={GlobalOutlined} />
            <span>{isEn ? '中文' : 'English'}</span>
          </button>
        </div>

        {isDemo && (
          <div className="bbt-alert bbt-alert-warning bbt-alert-demo">
            <div className="bbt-alert-title">
              <span className="bbt-tag" title={t('demo.tooltip')} data-testid="demo-badge">
                <SvgIcon icon={ExperimentOutlined} />
                {t('demo.badge')}
              </span>
              <span>{t('login.demoHint')}</span>
            </div>
            <div data-testid="demo-accounts">
              <div className="bbt-demo-accounts">
                <span>{t('login.demoAccounts')}</span>
                {DEMO_ACCOUNTS.map((a) => (
                  <button
                    key={a}
                    type="button"
                    className="bbt-button bbt-button-link"
                    onClick={() => fillDemo(a)}
                    lang="en"
                  >
                    {a}
                  </button>
                ))}
              </div>
              <div>
                {t('login.demoPassword')} <code className="bbt-code">{DEMO_PASSWORD}</code>
              </div>
            </div>
          </div>
        )}
        {state?.isExpired && !login.isError && (
          <div className="bbt-alert bbt-alert-info" role="alert">
            <SvgIcon icon={InfoCircleFilled} className="bbt-alert-icon" />
            <span>{t('login.expired')}</span>
          </div>
        )}
        {login.isError && (
          <div className="bbt-alert bbt-alert-error" role="alert" data-testid="login-error">
            <SvgIcon icon={CloseCircleFilled} className="bbt-alert-icon" />
            <span>{errorText(login.error, isEn)}</span>
          </div>
        )}

        <form className="bbt-login-form" onSubmit={onSubmit} noValidate autoComplete="on">
          <div className="bbt-field">
            <label htmlFor="username">{t('login.username')}</label>
            <div className={`bbt-input${errors.username ? ' bbt-input-error' : ''}`}>
              <SvgIcon icon={UserOutlined} className="bbt-input-prefix" />
              <input
                ref={usernameRef}
                id="username"
                name="username"
                value={values.username}
                onChange={(e) => change('username', e.target.value)}
                autoComplete="username"
                autoCapitalize="off"
                spellCheck={false}
                enterKeyHint="next"
                aria-required="true"
                aria-invalid={errors.username ? true : undefined}
                aria-describedby={errors.username ? 'username-error' : undefined}
              />
            </div>
            {errors.username && (
              <div id="username-error" className="bbt-field-error" role="alert">
                {t(errors.username)}
              </div>
            )}
          </div>
          <div className="bbt-field">
            <label htmlFor="password">{t('login.password')}</label>
            <div className={`bbt-input${errors.password ? ' bbt-input-error' : ''}`}>
              <SvgIcon icon={LockOutlined} className="bbt-input-prefix" />
              <input
                ref={passwordRef}
                id="password"
                name="password"
                type={isPasswordShown ? 'text' : 'password'}
                value={values.password}
                onChange={(e) => change('password', e.target.value)}
                autoComplete="current-password"
                autoCapitalize="off"
                spellCheck={false}
                enterKeyHint="go"
                aria-required="true"
                aria-invalid={errors.password ? true : undefined}
                aria-describedby={errors.password ? 'password-error' : undefined}
              />
              <button
                type="button"
                className="bbt-input-suffix"
                aria-label={isPasswordShown ? t('login.hidePassword') : t('login.showPassword')}
                aria-pressed={isPasswordShown}
                onClick={() => setPasswordShown((s) => !s)}
              >
                <SvgIcon icon={isPasswordShown ? EyeOutlined : EyeInvisibleOutlined} />
              </button>
            </div>
            {errors.password && (
              <div id="password-error" className="bbt-field-error" role="alert">
                {t(errors.password)}
              </div>
            )}
          </div>
          <button
            type="submit"
            className="bbt-button bbt-button-primary bbt-button-block"
            aria-busy={login.isPending || undefined}
            data-testid="login-submit"
          >
            {login.isPending && <span className="bbt-spinner bbt-spinner-small" aria-hidden="true" />}
            {t('auth.login')}
          </button>
        </form>
      </div>
    </main>
  );
};
