import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useNavigate, useRouteError } from 'react-router';
import { PlainResult } from '../components/plain-states';

const isChunkLoadError = (e: unknown) =>
  e instanceof Error &&
  /dynamically imported module|Importing a module script failed|Failed to fetch/i.test(e.message);

/**
 * A page crashed while rendering or its code could not be loaded (often: a new version was deployed,
 * or the line dropped). Without antd: it must show even when antd's chunks are what failed to load.
 */
export const RouteErrorPage = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <PlainResult
        title="404"
        subTitle={t('error.notFound')}
        actionLabel={t('error.backHome')}
        onAction={() => navigate('/')}
      />
    );
  }
  return (
    <PlainResult
      title={t('error.crashed')}
      subTitle={isChunkLoadError(error) ? t('error.chunkLoad') : t('error.crashedHint')}
      actionLabel={t('error.reload')}
      onAction={() => window.location.reload()}
    />
  );
};
