import { ExperimentOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

/** Marks an installation running on fictional demo data, so nobody mistakes it for real records. */
export const DemoTag = ({ isShort }: { isShort?: boolean }) => {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('demo.tooltip')}>
      <Tag color="orange" icon={<ExperimentOutlined />} data-testid="demo-badge">
        {isShort ? t('demo.short') : t('demo.badge')}
      </Tag>
    </Tooltip>
  );
};
