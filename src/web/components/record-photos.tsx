import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Progress } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../lib/api-client';
import { useSession } from '../lib/session';
import {
  MAX_PHOTO_BYTES,
  MAX_PHOTOS,
  photoTypes,
  type UploadedPhoto,
  uploadPhoto,
} from '../lib/upload-photo';
import { useApiErrorHandler } from '../lib/use-api-error';
import { PhotoGrid } from './photo-grid';

type Props = {
  /** The record's photo collection, e.g. /api/v1/activities/patrols/:id/photos. */
  url: string;
  photoIds: string[];
  /** For a record whose photos have phases (a rectification's before / after): the one added here. */
  phase?: string;
  alt: string;
  isEditable: boolean;
  /** Queries to refresh after a change (the record's list and detail). */
  invalidate: QueryKey;
  /** Prefix of the test ids: `<prefix>-photo`, `<prefix>-photo-add` … */
  testId: string;
};

/** A record's photos (up to 9) with 添加 (upload with progress) and 删除 (confirmed). */
export const RecordPhotos = ({ url, photoIds, phase, alt, isEditable, invalidate, testId }: Props) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { csrfToken } = useSession();
  const onError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: invalidate });
  const upload = useMutation({ mutationFn: uploadPhoto<UploadedPhoto>, onSuccess: refresh });
  const remove = useMutation({
    mutationFn: (photoId: string) => api.delete<unknown>(`${url}/${encodeURIComponent(photoId)}`),
    onSuccess: refresh,
  });
  const input = useRef<HTMLInputElement>(null);
  const [percent, setPercent] = useState<number | null>(null);
  const canAdd = isEditable && photoIds.length < MAX_PHOTOS;

  const add = (file: File | undefined) => {
    if (!file) return;
    if (file.type && !photoTypes.includes(file.type)) return void message.error(t('photos.badType'));
    if (file.size > MAX_PHOTO_BYTES) return void message.error(t('photos.tooLarge'));
    setPercent(0);
    upload.mutate(
      {
        url: phase ? `${url}?phase=${encodeURIComponent(phase)}` : url,
        file,
        csrfToken,
        onProgress: setPercent,
      },
      {
        onSuccess: () => void message.success(t('photos.uploaded')),
        onError: (e) => onError(e),
        onSettled: () => setPercent(null),
      },
    );
  };

  return (
    <div data-testid={`${testId}-photos`}>
      {photoIds.length === 0 && !canAdd && <span className="bbt-muted">{t('photos.none')}</span>}
      <PhotoGrid
        photos={photoIds.map((id) => ({ id, url: `${url}/${encodeURIComponent(id)}` }))}
        alt={alt}
        testId={`${testId}-photo`}
        action={
          isEditable
            ? (p) => (
                <Popconfirm
                  title={t('photos.deleteConfirm')}
                  okText={t('common.delete')}
                  okButtonProps={{ danger: true }}
                  cancelText={t('common.cancel')}
                  onConfirm={() =>
                    remove.mutateAsync(p.id).then(
                      () => void message.success(t('common.deleted')),
                      (e: unknown) => onError(e),
                    )
                  }
                >
                  <Button
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('photos.delete')}
                    data-testid={`${testId}-photo-delete`}
                  />
                </Popconfirm>
              )
            : undefined
        }
      >
        {canAdd && (
          <Button
            className="bbt-photo-cell"
            style={{ height: 'auto' }}
            icon={<PlusOutlined />}
            onClick={() => input.current?.click()}
            loading={upload.isPending}
            data-testid={`${testId}-photo-add`}
          >
            {t('photos.add')}
          </Button>
        )}
      </PhotoGrid>
      {percent !== null && (
        <Progress percent={percent} size="small" data-testid={`${testId}-photo-progress`} />
      )}
      <input
        ref={input}
        type="file"
        accept="image/jpeg,image/png,image/webp"
        style={{ display: 'none' }}
        onChange={(e) => {
          add(e.target.files?.[0]);
          e.target.value = '';
        }}
        data-testid={`${testId}-photo-input`}
      />
    </div>
  );
};
