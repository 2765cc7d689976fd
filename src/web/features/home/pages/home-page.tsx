import { ApartmentOutlined, FileSearchOutlined, KeyOutlined, TeamOutlined } from '@ant-design/icons';
import { Alert, Breadcrumb, Card, Col, Descriptions, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Permission } from '../../../../contracts/common/permissions';
import { roleLabels } from '../../../../contracts/common/permissions';
import { orgKindLabels } from '../../../../contracts/org';
import { greetingText } from '../../../lib/greeting';
import { useLabel } from '../../../lib/labels';
import { useSession } from '../../../lib/session';

type QuickLink = { to: string; icon: ReactNode; titleKey: string; descKey: string; permission: Permission };

const quickLinks: QuickLink[] = [
  {
    to: '/org',
    icon: <ApartmentOutlined />,
    titleKey: 'menu.org.units',
    descKey: 'home.link.org',
    permission: 'org.read',
  },
  {
    to: '/users',
    icon: <TeamOutlined />,
    titleKey: 'menu.users.list',
    descKey: 'home.link.users',
    permission: 'users.read',
  },
  {
    to: '/audit',
    icon: <FileSearchOutlined />,
    titleKey: 'menu.audit.list',
    descKey: 'home.link.audit',
    permission: 'audit.read',
  },
];

/** 工作台: her daily jobs (`tasks`, from the shell), who and where she is, and where to go next. Statistics come with the ledgers, not before. */
export const HomePage = ({ tasks }: { tasks?: ReactNode }) => {
  const { t } = useTranslation();
  const label = useLabel();
  const { user, demo, access } = useSession();
  const links = quickLinks.filter((l) => access.can(l.permission));

  return (
    <div>
      <div className="bbt-page-header">
        <h1>{greetingText(t, user.displayName)}</h1>
      </div>
      {tasks}
      {demo && <Alert type="warning" showIcon title={t('home.demoNotice')} style={{ marginBottom: 16 }} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title={t('home.myUnit')}>
            <Breadcrumb
              items={user.orgUnit.trail.map((u) => ({ key: u.id, title: u.name }))}
              style={{ marginBottom: 16 }}
              data-testid="home-trail"
            />
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: 'unit', label: t('home.unit'), children: user.orgUnit.name },
                {
                  key: 'kind',
                  label: t('org.field.kind'),
                  children: label(orgKindLabels, user.orgUnit.kind),
                },
                { key: 'name', label: t('users.field.displayName'), children: user.displayName },
                { key: 'username', label: t('users.field.username'), children: user.username },
                { key: 'role', label: t('users.field.role'), children: label(roleLabels, user.role) },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('home.quickLinks')}>
            <Row gutter={[12, 12]}>
              {links.map((l) => (
                <Col key={l.to} xs={24} sm={12} lg={24}>
                  <Link to={l.to} data-testid={`quick-${l.to.slice(1)}`}>
                    <Card size="small" hoverable>
                      <Card.Meta
                        avatar={<span style={{ fontSize: 22, color: '#c41d5f' }}>{l.icon}</span>}
                        title={t(l.titleKey)}
                        description={t(l.descKey)}
                      />
                    </Card>
                  </Link>
                </Col>
              ))}
            </Row>
          </Card>
          <Card style={{ marginTop: 16 }}>
            <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
              <KeyOutlined /> {t('home.securityTip')}
            </Typography.Paragraph>
          </Card>
        </Col>
      </Row>
      <Card style={{ marginTop: 16 }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('home.ledgersComing')}
        </Typography.Paragraph>
      </Card>
    </div>
  );
};
