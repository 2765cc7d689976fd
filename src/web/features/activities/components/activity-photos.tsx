import type { Activity } from '../../../../contracts/activities';
import { RecordPhotos } from '../../../components/record-photos';
import { activityKeys } from '../api/keys';
import { activityPhotosUrl } from '../api/upload-activity-photo';

/** The activity's photos (up to 9). */
export const ActivityPhotos = ({ activity, canWrite }: { activity: Activity; canWrite: boolean }) => (
  <RecordPhotos
    url={activityPhotosUrl(activity.id)}
    photoIds={activity.photoIds}
    alt={activity.title}
    isEditable={canWrite && !activity.deletedAt}
    invalidate={activityKeys.all}
    testId="activity"
  />
);
