import { Drawer, Layout } from 'antd';
import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { PageLoading } from '../components/page-states';
import { AppTasksProvider } from '../lib/app-tasks';
import { DrillLinksProvider } from '../lib/drill-links';
import { useIsMobile } from '../lib/use-is-mobile';
import { features } from './features';
import { HeaderBar } from './header-bar';
import { AntdProviders } from './providers';
import { routeOf } from './routes';
import { SideMenu } from './side-menu';

const Brand = ({ isCollapsed }: { isCollapsed?: boolean }) => {
  const { t } = useTranslation();
  return (
    <div className="bbt-brand">
      <span className="bbt-brand-mark" aria-hidden="true">
        半
      </span>
      {!isCollapsed && <span>{t('app.name')}</span>}
    </div>
  );
};

/**
 * The signed-in shell, loaded lazily with antd: antd's providers around the layout — side menu (a
 * drawer on phones), header with scope switcher, page outlet; the features' drill-down links for reports
 * and their daily jobs for the home page.
 */
export const AppLayout = () => (
  <AntdProviders>
    <DrillLinksProvider value={drillLinks}>
      <AppTasksProvider value={appTasks}>
        <ShellLayout />
      </AppTasksProvider>
    </DrillLinksProvider>
  </AntdProviders>
);

const drillLinks = features.flatMap((f) => f.drillLinks ?? []);
const appTasks = features.flatMap((f) => f.tasks ?? []).sort((a, b) => a.order - b.order);

const ShellLayout = () => {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const location = useLocation();
  const [isCollapsed, setCollapsed] = useState(false);
  const [isDrawerOpen, setDrawerOpen] = useState(false);

  const route = routeOf(location.pathname);
  useEffect(() => {
    const page = route ? t(route.nameKey) : '';
    document.title = page ? `${page} · ${t('app.name')}` : t('app.title');
  }, [route, t]);

  return (
    <Layout className="bbt-layout">
      {!isMobile && (
        <Layout.Sider collapsible collapsed={isCollapsed} trigger={null} width={220} theme="dark">
          <Brand isCollapsed={isCollapsed} />
          <SideMenu theme="dark" />
        </Layout.Sider>
      )}
      {isMobile && (
        <Drawer
          placement="left"
          open={isDrawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={260}
          title={t('app.name')}
          styles={{ body: { padding: 0 } }}
          data-testid="menu-drawer"
        >
          <SideMenu theme="light" onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      )}
      <Layout>
        <HeaderBar
          isMobile={isMobile}
          isCollapsed={isCollapsed}
          onToggleMenu={() => (isMobile ? setDrawerOpen(true) : setCollapsed((c) => !c))}
        />
        <Layout.Content className="bbt-content">
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
};
