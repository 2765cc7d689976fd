import { ApartmentOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Col, Row, Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageError, PageLoading } from '../../../components/page-states';
import { useOrgScope } from '../../../lib/org-scope';
import { useOrgTree } from '../../../lib/org-tree';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { OrgTreePanel } from '../components/org-tree-panel';
import { OrgUnitDetail } from '../components/org-unit-detail';
import { OrgUnitsTable } from '../components/org-units-table';

type View = 'tree' | 'list';

/** 组织架构: a tree with the selected unit's details beside it, or a searchable list (with deleted units). */
export const OrgPage = () => {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const { scopeId } = useOrgScope();
  const tree = useOrgTree();
  const [params, setParams] = useSearchParams();
  const view: View = params.get('view') === 'list' ? 'list' : 'tree';
  const selectedId = params.get('unit') ?? scopeId;

  const update = (next: { view?: View; unit?: string }) => {
    const p = new URLSearchParams(params);
    if (next.view) {
      if (next.view === 'list') p.set('view', 'list');
      else p.delete('view');
    }
    if (next.unit) p.set('unit', next.unit);
    setParams(p, { replace: !next.unit });
  };

  const onSelect = (id: string) => {
    update({ unit: id, view: 'tree' });
    if (isMobile) document.getElementById('org-detail')?.scrollIntoView({ behavior: 'smooth' });
  };

  return (
    <div>
      <div className="bbt-page-header">
        <h1>{t('menu.org.units')}</h1>
        <Segmented<View>
          value={view}
          onChange={(v) => update({ view: v })}
          options={[
            { value: 'tree', icon: <ApartmentOutlined />, label: t('org.view.tree') },
            { value: 'list', icon: <UnorderedListOutlined />, label: t('org.view.list') },
          ]}
          data-testid="org-view"
        />
      </div>
      {tree.isPending ? (
        <PageLoading />
      ) : tree.isError ? (
        <PageError error={tree.error} onRetry={() => void tree.refetch()} />
      ) : view === 'list' ? (
        <OrgUnitsTable nodes={tree.data} onOpen={onSelect} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={9} xl={8}>
            <OrgTreePanel nodes={tree.data} selectedId={selectedId} onSelect={onSelect} isMobile={isMobile} />
          </Col>
          <Col xs={24} lg={15} xl={16} id="org-detail">
            <OrgUnitDetail unitId={selectedId} nodes={tree.data} onSelect={onSelect} />
          </Col>
        </Row>
      )}
    </div>
  );
};
