import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Image, Popconfirm, Progress } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Activity } from '../../../../contracts/activities';
import { useSession } from '../../../lib/session';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { useDeleteActivityPhoto } from '../api/delete-activity-photo';
import { activityPhotoUrl } from '../api/get-activity';
import {
  MAX_PHOTO_BYTES,
  MAX_PHOTOS,
  photoTypes,
  useUploadActivityPhoto,
} from '../api/upload-activity-photo';

/** The activity's photos (up to 9) with 添加 (upload with progress) and 删除 (confirmed). */
export const ActivityPhotos = ({ activity, canWrite }: { activity: Activity; canWrite: boolean }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { csrfToken } = useSession();
  const onError = useApiErrorHandler();
  const upload = useUploadActivityPhoto();
  const remove = useDeleteActivityPhoto();
  const input = useRef<HTMLInputElement>(null);
  const [percent, setPercent] = useState<number | null>(null);
  const isEditable = canWrite && !activity.deletedAt;
  const canAdd = isEditable && activity.photoIds.length < MAX_PHOTOS;

  const add = (file: File | undefined) => {
    if (!file) return;
    if (file.type && !photoTypes.includes(file.type))
      return void message.error(t('activities.photo.badType'));
    if (file.size > MAX_PHOTO_BYTES) return void message.error(t('activities.photo.tooLarge'));
    setPercent(0);
    upload.mutate(
      { activityId: activity.id, file, csrfToken, onProgress: setPercent },
      {
        onSuccess: () => void message.success(t('activities.photo.uploaded')),
        onError: (e) => onError(e),
        onSettled: () => setPercent(null),
      },
    );
  };

  return (
    <div data-testid="activity-photos">
      {activity.photoIds.length === 0 && !canAdd && (
        <span className="bbt-muted">{t('activities.photo.none')}</span>
      )}
      <Image.PreviewGroup>
        <div className="bbt-photo-grid">
          {activity.photoIds.map((pid) => (
            <div key={pid} className="bbt-photo-cell" data-testid="activity-photo">
              <Image
                src={activityPhotoUrl(activity.id, pid)}
                alt={activity.title}
                width="100%"
                height="100%"
              />
              {isEditable && (
                <Popconfirm
                  title={t('activities.photo.deleteConfirm')}
                  okText={t('common.delete')}
                  okButtonProps={{ danger: true }}
                  cancelText={t('common.cancel')}
                  onConfirm={() =>
                    remove.mutateAsync({ activityId: activity.id, photoId: pid }).then(
                      () => void message.success(t('common.deleted')),
                      (e: unknown) => onError(e),
                    )
                  }
                >
                  <Button
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('activities.photo.delete')}
                    data-testid="activity-photo-delete"
                  />
                </Popconfirm>
              )}
            </div>
          ))}
          {canAdd && (
            <Button
              className="bbt-photo-cell"
              style={{ height: 'auto' }}
              icon={<PlusOutlined />}
              onClick={() => input.current?.click()}
              loading={upload.isPending}
              data-testid="activity-photo-add"
            >
              {t('activities.photo.add')}
            </Button>
          )}
        </div>
      </Image.PreviewGroup>
      {percent !== null && <Progress percent={percent} size="small" data-testid="activity-photo-progress" />}
      <input
        ref={input}
        type="file"
        accept="image/jpeg,image/png,image/webp"
        style={{ display: 'none' }}
        onChange={(e) => {
          add(e.target.files?.[0]);
          e.target.value = '';
        }}
        data-testid="activity-photo-input"
      />
    </div>
  );
};
