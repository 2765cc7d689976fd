import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { targetGroupLabels, targetGroups } from '../../../../contracts/activities';
import { useLabel } from '../../../lib/labels';
import { useActivityTypes } from '../api/get-activity-types';

/** 活动名称 and 活动类型, as 登记活动 and 按月批量登记 ask them (`activity-form` gives `activity-form-title`). */
export const TitleAndTypeItems = ({ testIdPrefix }: { testIdPrefix: string }) => {
  const { t } = useTranslation();
  const label = useLabel();
  const types = useActivityTypes();
  return (
    <>
      <Form.Item
        label={t('activities.field.title')}
        name="title"
        rules={[
          { required: true, message: t('activities.rule.title') },
          { min: 2, max: 100, message: t('activities.rule.titleLength') },
        ]}
      >
        <Input maxLength={100} data-testid={`${testIdPrefix}-title`} />
      </Form.Item>
      <Form.Item
        label={t('activities.field.type')}
        name="type"
        rules={[{ required: true, message: t('activities.rule.type') }]}
      >
        <Select
          options={(types.data ?? []).map((ty) => ({
            value: ty.code,
            label: label({ [ty.code]: ty.label }, ty.code),
          }))}
          data-testid={`${testIdPrefix}-type`}
        />
      </Form.Item>
    </>
  );
};

/** 服务对象: the activity's target groups. */
export const TargetGroupsItem = () => {
  const { t } = useTranslation();
  const label = useLabel();
  return (
    <Form.Item label={t('activities.field.targetGroups')} name="targetGroups">
      <Select
        mode="multiple"
        options={targetGroups.map((g) => ({ value: g, label: label(targetGroupLabels, g) }))}
      />
    </Form.Item>
  );
};
