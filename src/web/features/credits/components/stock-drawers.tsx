import { App, Drawer, Form, Input, InputNumber, Radio, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreditGood } from '../../../../contracts/credits';
import { DateField } from '../../../components/date-field';
import { SaveFooter } from '../../../components/ledger-form-drawer';
import { errorText } from '../../../lib/api-client';
import { DATE_FORMAT } from '../../../lib/format';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { uuidV7 } from '../../../lib/uuid-v7';
import { useStockIn, useStocktake } from '../api/credits-api';

type StockInValues = {
  source: 'donated' | 'bought';
  quantity?: number;
  donor?: string;
  valueYuan?: number;
  occurredOn?: Dayjs;
  note?: string;
};

/** 入库: donated (donor and value) or bought; the form's id makes a retried save a no-op. */
export const StockInDrawer = ({ good, onClose }: { good: CreditGood; onClose: () => void }) => {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const [form] = Form.useForm<StockInValues>();
  const [id] = useState(() => uuidV7());
  const stockIn = useStockIn();
  const source = Form.useWatch('source', form);
  const save = async () => {
    const v = await form.validateFields();
    stockIn.mutate(
      {
        id,
        goodId: good.id,
        source: v.source,
        quantity: v.quantity as number,
        donor: v.donor?.trim() || undefined,
        valueFen:
          v.valueYuan === undefined || v.valueYuan === null ? undefined : Math.round(v.valueYuan * 100),
        occurredOn: (v.occurredOn as Dayjs).format(DATE_FORMAT),
        note: v.note?.trim() || undefined,
      },
      {
        onSuccess: () => {
          void message.success(t('common.saved'));
          onClose();
        },
        onError: (e) => void message.error(errorText(e, i18n.language.startsWith('en'))),
      },
    );
  };
  return (
    <Drawer
      open
      onClose={onClose}
      title={`${t('credits.goods.stockIn')} · ${good.name}`}
      size={isMobile ? '100%' : 440}
      footer={
        <SaveFooter
          onCancel={onClose}
          onSave={() => void save().catch(() => undefined)}
          saving={stockIn.isPending}
          testId="credit-stockin-submit"
        />
      }
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ source: 'donated', occurredOn: dayjs() }}
        data-testid="credit-stockin-form"
      >
        <Form.Item name="source" label={t('credits.stockIn.source')}>
          <Radio.Group
            options={[
              { value: 'donated', label: '捐赠' },
              { value: 'bought', label: '采购' },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="quantity"
          label={`${t('credits.stockIn.quantity')}（${good.unit}）`}
          rules={[{ required: true }]}
        >
          <InputNumber precision={0} min={1} data-testid="credit-stockin-quantity" />
        </Form.Item>
        {source === 'donated' && (
          <Form.Item
            name="donor"
            label={t('credits.stockIn.donor')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input maxLength={60} data-testid="credit-stockin-donor" />
          </Form.Item>
        )}
        <Form.Item name="valueYuan" label={t('credits.stockIn.value')}>
          <InputNumber precision={2} min={0} />
        </Form.Item>
        <Form.Item name="occurredOn" label={t('credits.field.occurredOn')} rules={[{ required: true }]}>
          <DateField notFuture />
        </Form.Item>
        <Form.Item name="note" label={t('credits.field.note')}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Drawer>
  );
};

/** 盘点: the counted quantity of every good of the store; a difference needs its reason. */
export const StocktakeDrawer = ({
  storeId,
  goods,
  onClose,
}: {
  storeId: string;
  goods: CreditGood[];
  onClose: () => void;
}) => {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const [id] = useState(() => uuidV7());
  const [counted, setCounted] = useState(() => new Map(goods.map((g) => [g.id, g.stock])));
  const [reasons, setReasons] = useState(new Map<string, string>());
  const [on, setOn] = useState<Dayjs | null>(dayjs());
  const stocktake = useStocktake();
  const save = () =>
    stocktake.mutate(
      {
        id,
        storeId,
        countedOn: (on ?? dayjs()).format(DATE_FORMAT),
        lines: goods.map((g) => ({
          goodId: g.id,
          counted: counted.get(g.id) ?? g.stock,
          reason: reasons.get(g.id)?.trim() || undefined,
        })),
      },
      {
        onSuccess: () => {
          void message.success(t('common.saved'));
          onClose();
        },
        onError: (e) => void message.error(errorText(e, i18n.language.startsWith('en'))),
      },
    );
  return (
    <Drawer
      open
      onClose={onClose}
      title={t('credits.goods.stocktake')}
      size={isMobile ? '100%' : 640}
      footer={
        <SaveFooter
          onCancel={onClose}
          onSave={save}
          saving={stocktake.isPending}
          testId="credit-stocktake-submit"
        />
      }
    >
      <div style={{ marginBottom: 12 }}>
        {t('credits.stocktake.date')}：<DateField value={on} onChange={setOn} notFuture />
      </div>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={goods}
        columns={[
          { title: t('credits.goods.name'), dataIndex: 'name' },
          { title: t('credits.goods.stock'), dataIndex: 'stock' },
          {
            title: t('credits.stocktake.counted'),
            render: (_v, g) => (
              <InputNumber
                precision={0}
                min={0}
                value={counted.get(g.id)}
                onChange={(n) => setCounted(new Map(counted).set(g.id, n ?? 0))}
                data-testid="credit-stocktake-counted"
              />
            ),
          },
          {
            title: t('credits.stocktake.reason'),
            render: (_v, g) =>
              (counted.get(g.id) ?? g.stock) !== g.stock && (
                <Input
                  value={reasons.get(g.id)}
                  onChange={(e) => setReasons(new Map(reasons).set(g.id, e.target.value))}
                  data-testid="credit-stocktake-reason"
                />
              ),
          },
        ]}
      />
    </Drawer>
  );
};
