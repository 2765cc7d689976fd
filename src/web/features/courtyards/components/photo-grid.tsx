import { Image } from 'antd';
import { useTranslation } from 'react-i18next';

type Props = { urls: { id: string; url: string; caption?: string }[]; testId?: string };

/** Thumbnails that open full size (swipe through them on a phone). */
export const PhotoGrid = ({ urls, testId = 'courtyard-photo' }: Props) => {
  const { t } = useTranslation();
  if (urls.length === 0) return <span className="bbt-muted">{t('courtyards.photo.none')}</span>;
  return (
    <Image.PreviewGroup>
      <div className="bbt-cy-photos">
        {urls.map((p) => (
          <div key={p.id} className="bbt-cy-photo" data-testid={testId} title={p.caption}>
            <Image src={p.url} alt={p.caption ?? t('courtyards.photo.alt')} width="100%" height="100%" />
          </div>
        ))}
      </div>
    </Image.PreviewGroup>
  );
};
