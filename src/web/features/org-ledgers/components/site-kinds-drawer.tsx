import { useTranslation } from 'react-i18next';
import { CodeListDrawer } from '../../../components/code-list-drawer';
import { useSetSiteKinds, useSiteKinds } from '../api/site-kinds';

/** 阵地类型设置 (the county only): the county's list of site kinds. */
export const SiteKindsDrawer = ({ onClose }: { onClose: () => void }) => {
  const { t } = useTranslation();
  return (
    <CodeListDrawer
      title={t('sites.kinds.title')}
      hint={t('sites.kinds.hint')}
      addLabel={t('sites.kinds.add')}
      types={useSiteKinds()}
      save={useSetSiteKinds()}
      testId="site-kind"
      onClose={onClose}
    />
  );
};
