import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { noRatingLabel, type RatingLevel, ratingLabels } from '../../../../contracts/courtyards';
import { useLabel } from '../../../lib/labels';

const colors: Record<RatingLevel, string> = { clean: 'blue', model: 'green', premium: 'gold' };

/** 清洁户 / 示范户 / 精品户 (or 未达标), coloured by level; `isPlaque` reads it as a door plaque. */
export const RatingTag = ({
  rating,
  isPlaque,
  isVeto,
}: {
  rating: RatingLevel | null | undefined;
  isPlaque?: boolean;
  isVeto?: boolean;
}) => {
  const { t } = useTranslation();
  const label = useLabel();
  if (isVeto) return <Tag color="red">{t('courtyards.veto.tag')}</Tag>;
  if (!rating)
    return isPlaque ? (
      <Tag>{t('courtyards.plaque.none')}</Tag>
    ) : (
      <Tag color="default">{label({ none: noRatingLabel }, 'none')}</Tag>
    );
  return (
    <Tag color={colors[rating]} data-testid="rating-tag">
      {isPlaque
        ? t('courtyards.plaque.of', { level: label(ratingLabels, rating) })
        : label(ratingLabels, rating)}
    </Tag>
  );
};
