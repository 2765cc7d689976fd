import { useTranslation } from 'react-i18next';
import { CodeListDrawer } from '../../../components/code-list-drawer';
import { useActivityTypes } from '../api/get-activity-types';
import { useSetActivityTypes } from '../api/set-activity-types';

/** 活动类型设置 (the county only): the county's list of activity types. */
export const ActivityTypesDrawer = ({ onClose }: { onClose: () => void }) => {
  const { t } = useTranslation();
  return (
    <CodeListDrawer
      title={t('activities.types.title')}
      hint={t('activities.types.hint')}
      addLabel={t('activities.types.add')}
      types={useActivityTypes()}
      save={useSetActivityTypes()}
      testId="activity-type"
      dated={{ label: t('activities.types.isDated'), hint: t('activities.types.isDatedHint') }}
      onClose={onClose}
    />
  );
};
