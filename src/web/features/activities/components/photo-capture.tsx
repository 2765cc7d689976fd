import { CameraOutlined, CloseOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_PHOTO_BYTES, photoTypes } from '../api/upload-activity-photo';

type Props = { file: File | null; onChange: (file: File | null) => void; disabled?: boolean };

/** One photo from the phone's camera (or gallery), previewed; it is uploaded once the activity is saved. */
export const PhotoCapture = ({ file, onChange, disabled }: Props) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const preview = useMemo(() => (file ? URL.createObjectURL(file) : null), [file]);
  useEffect(() => () => (preview ? URL.revokeObjectURL(preview) : undefined), [preview]);

  const pick = (f: File | undefined) => {
    if (!f) return;
    if (f.type && !photoTypes.includes(f.type)) {
      void message.error(t('activities.photo.badType'));
      return;
    }
    if (f.size > MAX_PHOTO_BYTES) {
      void message.error(t('activities.photo.tooLarge'));
      return;
    }
    onChange(f);
  };

  return (
    <div className="bbt-photo-capture">
      <input
        ref={input}
        type="file"
        accept="image/*"
        capture="environment"
        style={{ display: 'none' }}
        onChange={(e) => {
          pick(e.target.files?.[0]);
          e.target.value = '';
        }}
        data-testid="quick-photo-input"
      />
      {preview ? (
        <div className="bbt-photo-preview">
          <img src={preview} alt={t('activities.photo.preview')} data-testid="quick-photo-preview" />
          <Button
            shape="circle"
            icon={<CloseOutlined />}
            onClick={() => onChange(null)}
            disabled={disabled}
            aria-label={t('activities.photo.remove')}
            data-testid="quick-photo-remove"
          />
        </div>
      ) : (
        <Button
          size="large"
          block
          icon={<CameraOutlined />}
          onClick={() => input.current?.click()}
          disabled={disabled}
          data-testid="quick-photo"
        >
          {t('activities.photo.take')}
        </Button>
      )}
    </div>
  );
};
