import { Alert, Result, Skeleton, Tag, Typography } from 'antd';
import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { SharedDocument } from '../../contracts/common/share';
import { addAppMessages } from '../i18n/app-messages';
import { api, errorText, isApiError } from '../lib/api-client';
import { features } from './features';
import { AntdProviders } from './providers';

const views = Object.assign({}, ...features.map((f) => f.shareViews ?? {})) as NonNullable<
  (typeof features)[number]['shareViews']
>;

type State = { doc: SharedDocument } | { error: unknown } | null;

/**
 * `/s/<token>`: a document someone shared, read-only and without signing in — exactly the snapshot the
 * link holds (a 公示 with masked names), nothing of the app around it.
 */
export const SharedPage = () => {
  const { token = '' } = useParams();
  const { t, i18n } = useTranslation();
  const [state, setState] = useState<State>(null);
  useEffect(() => {
    let isLive = true;
    // The messages must be in before either outcome renders: a refused link that answered before they
    // arrived once showed its raw keys ("share.gone").
    const messages = addAppMessages().catch(() => undefined);
    api
      .get<SharedDocument>(`/api/v1/shared/${encodeURIComponent(token)}`)
      .then(
        (doc): State => ({ doc }),
        (error: unknown): State => ({ error }),
      )
      .then((next) => messages.then(() => isLive && setState(next)));
    return () => {
      isLive = false;
    };
  }, [token]);
  const View = state && 'doc' in state ? views[state.doc.kind] : undefined;
  useEffect(() => {
    if (state && 'doc' in state) document.title = state.doc.title;
  }, [state]);
  const date = (s: string) => new Date(s).toLocaleDateString('zh-CN');
  return (
    <AntdProviders>
      <main className="bbt-shared" data-testid="shared-page">
        {!state ? (
          <Skeleton active paragraph={{ rows: 8 }} />
        ) : 'error' in state ? (
          <Result
            status={isApiError(state.error) && state.error.status === 404 ? '404' : 'error'}
            title={
              isApiError(state.error) && state.error.status === 404
                ? t('share.gone')
                : errorText(state.error, i18n.language.startsWith('en'))
            }
            subTitle={t('share.goneHint')}
            data-testid="shared-gone"
          />
        ) : (
          <>
            <div className="bbt-shared-bar">
              <Tag color="magenta">{t('share.readOnly')}</Tag>
              <Typography.Text type="secondary">
                {t('share.sharedOn', { date: date(state.doc.createdAt), until: date(state.doc.expiresAt) })}
              </Typography.Text>
            </div>
            {View ? (
              <Suspense fallback={<Skeleton active />}>
                <View payload={state.doc.payload} createdAt={state.doc.createdAt} />
              </Suspense>
            ) : (
              <Alert type="warning" showIcon title={state.doc.title} />
            )}
            <p className="bbt-shared-brand">{t('share.brand')}</p>
          </>
        )}
      </main>
    </AntdProviders>
  );
};
