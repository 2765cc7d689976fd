import { App as AntdApp, ConfigProvider, type ThemeConfig } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsMobile } from '../lib/use-is-mobile';

/*
 * The theme's colours and sizes are repeated, without antd, in features/auth/pages/login-page.css
 * (the login page loads before antd does): change both together.
 */
const baseTheme: ThemeConfig = {
  token: { colorPrimary: '#c41d5f', colorLink: '#c41d5f', borderRadius: 6 },
};

/** Phones: big type and ≥ 44px touch targets for older users in the WeChat browser. */
const mobileTheme: ThemeConfig = {
  token: { ...baseTheme.token, fontSize: 16, controlHeight: 44, controlHeightSM: 44, controlHeightLG: 48 },
  components: {
    Menu: { itemHeight: 48 },
    Table: { cellPaddingBlock: 12 },
    Pagination: { itemSize: 44, itemSizeSM: 44 },
  },
};

/** antd's theme, locale and App context: around the signed-in shell only (the login page has no antd). */
export const AntdProviders = ({ children }: { children: ReactNode }) => {
  const { i18n } = useTranslation();
  const isMobile = useIsMobile();
  const isEn = i18n.language.startsWith('en');
  const theme = useMemo(() => (isMobile ? mobileTheme : baseTheme), [isMobile]);
  return (
    <ConfigProvider locale={isEn ? enUS : zhCN} theme={theme} button={{ autoInsertSpace: false }}>
      <AntdApp>{children}</AntdApp>
    </ConfigProvider>
  );
};
