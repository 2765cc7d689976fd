import { useQuery } from '@tanstack/react-query';
import { Divider, List, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ListResult } from '../../../../contracts/common/paging';
import { honourLevelLabels, type Nomination } from '../../../../contracts/honours';
import { PageError } from '../../../components/page-states';
import { api } from '../../../lib/api-client';
import { useLabel } from '../../../lib/labels';
import { useSession } from '../../../lib/session';

/** 一户一档: the honours awarded to the household (选树典型), newest first; shown to whoever reads honours. */
export const HouseholdHonours = ({ householdId }: { householdId: string }) => {
  const { t } = useTranslation();
  const label = useLabel();
  const { access } = useSession();
  const canRead = access.can('honours.read');
  const honours = useQuery({
    queryKey: ['honours', 'nominations', { householdId, status: 'awarded' }],
    queryFn: ({ signal }) =>
      api.get<ListResult<Nomination>>(
        '/api/v1/honours/nominations',
        { householdId, status: 'awarded', pageSize: 50 },
        signal,
      ),
    enabled: canRead,
  });
  if (!canRead) return null;
  return (
    <>
      <Divider titlePlacement="start">{t('households.honours')}</Divider>
      {honours.isError ? (
        <PageError error={honours.error} onRetry={() => void honours.refetch()} />
      ) : (
        <List<Nomination>
          size="small"
          loading={honours.isPending}
          dataSource={honours.data?.items}
          locale={{ emptyText: t('households.noHonours') }}
          data-testid="household-honours"
          renderItem={(n) => (
            <List.Item extra={<Tag color="gold">{label(honourLevelLabels, n.level)}</Tag>}>
              <List.Item.Meta
                title={`${n.year}年 ${n.titleName}`}
                description={`${n.awardingBody} · ${n.awardedOn ?? ''}`}
              />
            </List.Item>
          )}
        />
      )}
    </>
  );
};
