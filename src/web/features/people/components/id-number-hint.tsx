import { CheckCircleOutlined, InfoCircleOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { parseIdNumber, toHalfWidth } from '../../../../contracts/common/id-number';
import { genderLabels } from '../../../../contracts/people';
import { useLabel } from '../../../lib/labels';

/** Long enough to judge: 15 or 18 characters and more. Shorter is still being typed. */
const isComplete = (s: string) => s.length === 15 || s.length >= 18;

/**
 * What the typed ID number tells, as it is typed: the digit count until it could be complete, then
 * the birth date and gender it encodes (and the 18-digit form of an old 15-digit number). Why a number is
 * wrong is the field's error (see idNumberRules). The same GB 11643 check as the server's, the authority.
 */
export const IdNumberHint = ({ value }: { value: string | undefined }) => {
  const { t } = useTranslation();
  const label = useLabel();
  const s = toHalfWidth(value ?? '');
  if (!s) return null;
  const r = parseIdNumber(s);
  if (r.ok) {
    return (
      <div className="bbt-id-hint" data-testid="id-number-hint">
        <Typography.Text type="success">
          <CheckCircleOutlined />{' '}
          {t('people.idHint.valid', { birthDate: r.birthDate, gender: label(genderLabels, r.gender) })}
        </Typography.Text>
        {r.wasConverted && (
          <div>
            <Typography.Text>{t('people.idHint.converted', { value: r.value })}</Typography.Text>
          </div>
        )}
        <div className="bbt-muted">{t('people.idHint.authority')}</div>
      </div>
    );
  }
  if (isComplete(s)) return null; // the field's own error says what is wrong
  return (
    <div className="bbt-id-hint bbt-muted" data-testid="id-number-hint">
      <InfoCircleOutlined /> {t('people.idHint.typing', { count: s.length })}
    </div>
  );
};

/**
 * antd rules refusing what the shared check refuses (the message is the check's own zh-CN reason): a number
 * that looks complete is judged as it is typed, a short one only when the field is left or the form sent.
 */
export const idNumberRules = (invalidMessage: (reason: string) => string) => {
  const check = (whenComplete: boolean) => async (_rule: unknown, value: unknown) => {
    if (typeof value !== 'string' || value.trim() === '') return;
    const s = toHalfWidth(value);
    if (isComplete(s) !== whenComplete) return;
    const r = parseIdNumber(s);
    if (!r.ok) throw new Error(invalidMessage(r.reason));
  };
  return [
    { validateTrigger: ['onChange', 'onBlur'], validator: check(true) },
    { validateTrigger: 'onBlur', validator: check(false) },
  ];
};
