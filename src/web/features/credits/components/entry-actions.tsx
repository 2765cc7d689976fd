import { App, Button, Input, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreditTransaction } from '../../../../contracts/credits';
import { errorText } from '../../../lib/api-client';
import { useSession } from '../../../lib/session';
import { useConfirmEntry, useRejectEntry, useReverseEntry } from '../api/credits-api';

/** 确认入账 / 不通过 for a pending entry, 冲正 (with a reason) for a counted award or deduction. */
export const EntryActions = ({ entry }: { entry: CreditTransaction }) => {
  const { t, i18n } = useTranslation();
  const { access } = useSession();
  const { message, modal } = App.useApp();
  const confirm = useConfirmEntry();
  const reject = useRejectEntry();
  const reverse = useReverseEntry();
  const [reason, setReason] = useState('');
  if (!access.can('credits.write')) return null;
  const fail = (e: unknown) => void message.error(errorText(e, i18n.language.startsWith('en')));
  const ok = () => void message.success(t('common.saved'));
  const ask = (title: string, run: (r: string) => void) =>
    modal.confirm({
      title,
      content: (
        <Input.TextArea
          rows={2}
          onChange={(e) => setReason(e.target.value)}
          data-testid="credit-entry-reason"
        />
      ),
      onOk: () => run(reason),
    });
  if (entry.status === 'pending')
    return (
      <Space size={4}>
        <Button
          size="small"
          type="primary"
          loading={confirm.isPending}
          onClick={() =>
            confirm.mutate({ id: entry.id, version: entry.version }, { onSuccess: ok, onError: fail })
          }
          data-testid="credit-entry-confirm"
        >
          {t('credits.confirm')}
        </Button>
        <Button
          size="small"
          onClick={() =>
            ask(t('credits.reject.reason'), (r) =>
              reject.mutate(
                { id: entry.id, version: entry.version, reason: r },
                { onSuccess: ok, onError: fail },
              ),
            )
          }
          data-testid="credit-entry-reject"
        >
          {t('credits.reject')}
        </Button>
      </Space>
    );
  if (entry.status === 'confirmed' && ['award', 'deduction', 'opening'].includes(entry.kind))
    return (
      <Button
        size="small"
        danger
        onClick={() =>
          ask(t('credits.reverse.reason'), (r) =>
            reverse.mutate({ id: entry.id, reason: r }, { onSuccess: ok, onError: fail }),
          )
        }
        data-testid="credit-entry-reverse"
      >
        {t('credits.reverse')}
      </Button>
    );
  return null;
};
