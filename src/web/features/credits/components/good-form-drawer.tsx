import { Form, Input, InputNumber } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LedgerFormDrawer, useLedgerForm } from '../../../components/ledger-form-drawer';
import { uuidV7 } from '../../../lib/uuid-v7';
import { useCreateGood } from '../api/credits-api';

type Values = { name?: string; unit?: string; pointsPrice?: number; unitValueYuan?: number | null };

/** 新增物品 of a store: name, unit, points price and its value (for the stock's worth). */
export const GoodFormDrawer = ({ storeId, onClose }: { storeId: string; onClose: () => void }) => {
  const { t } = useTranslation();
  const [id] = useState(() => uuidV7());
  const ledger = useLedgerForm({
    onClose,
    isCreate: true,
    create: useCreateGood(),
    toCreate: (v: Values) => ({
      id,
      storeId,
      name: (v.name ?? '').trim(),
      unit: (v.unit ?? '').trim(),
      pointsPrice: v.pointsPrice as number,
      unitValueFen:
        v.unitValueYuan === undefined || v.unitValueYuan === null
          ? undefined
          : Math.round(v.unitValueYuan * 100),
    }),
  });
  return (
    <LedgerFormDrawer
      ledger={ledger}
      onClose={onClose}
      title={t('credits.goods.create')}
      testId="credit-good"
    >
      <Form.Item name="name" label={t('credits.goods.name')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={60} data-testid="credit-good-name" />
      </Form.Item>
      <Form.Item name="unit" label={t('credits.goods.unit')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={10} data-testid="credit-good-unit" />
      </Form.Item>
      <Form.Item name="pointsPrice" label={t('credits.goods.price')} rules={[{ required: true }]}>
        <InputNumber precision={0} min={1} data-testid="credit-good-price" />
      </Form.Item>
      <Form.Item name="unitValueYuan" label={t('credits.goods.unitValue')}>
        <InputNumber precision={2} min={0} />
      </Form.Item>
    </LedgerFormDrawer>
  );
};
