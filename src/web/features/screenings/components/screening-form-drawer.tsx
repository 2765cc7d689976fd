import { Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Screening,
  type ScreeningCategory,
  type ScreeningResult,
  screeningCategories,
  screeningCategoryLabels,
  screeningResultLabels,
  screeningResults,
} from '../../../../contracts/screenings';
import { DateField } from '../../../components/date-field';
import { LedgerFormDrawer, useLedgerForm } from '../../../components/ledger-form-drawer';
import { PersonSelect } from '../../../components/person-select';
import { fromApiDate, toApiDate, trimmed } from '../../../lib/format';
import { useLabel } from '../../../lib/labels';
import { uuidV7 } from '../../../lib/uuid-v7';
import { useCreateScreening, useUpdateScreening } from '../api/screenings';

type Values = {
  personId?: string;
  programmeYear?: number;
  category?: ScreeningCategory;
  mobilisedOn?: Dayjs | null;
  consentSignedOn?: Dayjs | null;
  screenedOn?: Dayjs | null;
  site?: string;
  result?: ScreeningResult | null;
  followUpNote?: string;
  followUpDoneOn?: Dayjs | null;
};

type Props = {
  screening?: Screening;
  /** Whose women may be picked: the page's scope. */
  scopeId: string | undefined;
  onClose: () => void;
};

const isAbnormal = (r: ScreeningResult | null | undefined) => r === 'followUp' || r === 'diagnosed';

/** 登记 / 编辑 one woman's screening of a programme year. The result opens once consent and the screening are dated. */
export const ScreeningFormDrawer = ({ screening, scopeId, onClose }: Props) => {
  const { t } = useTranslation();
  const label = useLabel();
  // Made once per open form: a retried save carries the same id and cannot duplicate.
  const [clientId] = useState(() => uuidV7());
  const dates = (v: Values) => ({
    consentSignedOn: toApiDate(v.consentSignedOn) ?? null,
    screenedOn: toApiDate(v.screenedOn) ?? null,
  });
  const resultOf = (v: Values) => {
    const d = dates(v);
    return d.consentSignedOn && d.screenedOn ? (v.result ?? null) : null;
  };
  const followUp = (v: Values) =>
    isAbnormal(resultOf(v))
      ? { followUpNote: trimmed(v.followUpNote) ?? null, followUpDoneOn: toApiDate(v.followUpDoneOn) ?? null }
      : { followUpNote: null, followUpDoneOn: null };
  const ledger = useLedgerForm({
    onClose,
    isCreate: !screening,
    record: screening,
    create: useCreateScreening(),
    update: useUpdateScreening(),
    toCreate: (v: Values) => ({
      id: clientId,
      personId: v.personId as string,
      programmeYear: v.programmeYear as number,
      category: v.category as ScreeningCategory,
      mobilisedOn: toApiDate(v.mobilisedOn) as string,
      ...dates(v),
      site: trimmed(v.site) ?? null,
      result: resultOf(v),
      ...followUp(v),
    }),
    toUpdate: (v, s) => ({
      id: s.id,
      version: s.version,
      programmeYear: v.programmeYear,
      category: v.category,
      mobilisedOn: toApiDate(v.mobilisedOn),
      ...dates(v),
      site: trimmed(v.site) ?? null,
      result: resultOf(v),
      ...followUp(v),
    }),
    closeOnError: 'edit',
  });
  const { form } = ledger;
  const mobilisedOn = Form.useWatch('mobilisedOn', form);
  const consent = Form.useWatch('consentSignedOn', form);
  const screenedOn = Form.useWatch('screenedOn', form);
  const result = Form.useWatch('result', form);
  const canResult = Boolean(consent && screenedOn);

  return (
    <LedgerFormDrawer
      ledger={ledger}
      onClose={onClose}
      title={screening ? t('screenings.edit') : t('screenings.create')}
      testId="screening"
      width={520}
      formSize="large"
      initialValues={
        screening
          ? {
              personId: screening.personId,
              programmeYear: screening.programmeYear,
              category: screening.category,
              mobilisedOn: fromApiDate(screening.mobilisedOn),
              consentSignedOn: fromApiDate(screening.consentSignedOn),
              screenedOn: fromApiDate(screening.screenedOn),
              site: screening.site ?? undefined,
              result: screening.result,
              followUpNote: screening.followUpNote ?? undefined,
              followUpDoneOn: fromApiDate(screening.followUpDoneOn),
            }
          : { programmeYear: dayjs().year(), category: 'rural', mobilisedOn: dayjs() }
      }
    >
      <Form.Item
        name="personId"
        label={t('screenings.field.person')}
        rules={[{ required: true, message: t('screenings.rule.person') }]}
        extra={screening ? undefined : t('screenings.person.hint')}
      >
        {screening ? (
          <Input value={screening.personName} disabled data-testid="screening-form-person-name" />
        ) : (
          <PersonSelect orgUnitId={scopeId} gender="female" data-testid="screening-form-person" />
        )}
      </Form.Item>
      <Form.Item
        name="programmeYear"
        label={t('screenings.field.programmeYear')}
        rules={[{ required: true, message: t('screenings.rule.programmeYear') }]}
        extra={t('screenings.programmeYear.hint')}
      >
        <InputNumber
          min={2000}
          max={2100}
          precision={0}
          inputMode="numeric"
          data-testid="screening-form-year"
        />
      </Form.Item>
      <Form.Item
        name="category"
        label={t('screenings.field.category')}
        rules={[{ required: true, message: t('screenings.rule.category') }]}
      >
        <Select
          options={screeningCategories.map((c) => ({ value: c, label: label(screeningCategoryLabels, c) }))}
          data-testid="screening-form-category"
        />
      </Form.Item>
      <Form.Item
        name="mobilisedOn"
        label={t('screenings.field.mobilisedOn')}
        rules={[{ required: true, message: t('screenings.rule.mobilisedOn') }]}
      >
        <DateField notFuture data-testid="screening-form-mobilised" />
      </Form.Item>
      <Form.Item name="consentSignedOn" label={t('screenings.field.consentSignedOn')}>
        <DateField notFuture min={mobilisedOn ?? undefined} data-testid="screening-form-consent" />
      </Form.Item>
      <Form.Item name="screenedOn" label={t('screenings.field.screenedOn')}>
        <DateField notFuture min={mobilisedOn ?? undefined} data-testid="screening-form-screened" />
      </Form.Item>
      <Form.Item name="site" label={t('screenings.field.site')}>
        <Input
          maxLength={100}
          placeholder={t('screenings.site.placeholder')}
          data-testid="screening-form-site"
        />
      </Form.Item>
      <Form.Item
        name="result"
        label={t('screenings.field.result')}
        extra={canResult ? undefined : t('screenings.result.hint')}
      >
        <Select
          allowClear
          disabled={!canResult}
          options={screeningResults.map((r) => ({ value: r, label: label(screeningResultLabels, r) }))}
          data-testid="screening-form-result"
        />
      </Form.Item>
      {canResult && isAbnormal(result) && (
        <>
          <Form.Item name="followUpNote" label={t('screenings.field.followUpNote')}>
            <Input.TextArea
              maxLength={1000}
              autoSize={{ minRows: 2 }}
              data-testid="screening-form-followup-note"
            />
          </Form.Item>
          <Form.Item name="followUpDoneOn" label={t('screenings.field.followUpDoneOn')}>
            <DateField notFuture min={screenedOn ?? undefined} data-testid="screening-form-followup-done" />
          </Form.Item>
        </>
      )}
    </LedgerFormDrawer>
  );
};
