import { CameraOutlined, CloseOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_PHOTO_BYTES, photoTypes } from '../../../lib/upload-photo';
import '../../../components/photos.css';

type Props = {
  files: File[];
  onChange: (files: File[]) => void;
  max: number;
  disabled?: boolean;
  testId: string;
  label?: string;
};

/** Photos from the phone's camera (or gallery), previewed; they are uploaded once the record is saved. */
export const PhotosCapture = ({ files, onChange, max, disabled, testId, label }: Props) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const previews = useMemo(() => files.map((f) => URL.createObjectURL(f)), [files]);
  useEffect(
    () => () => {
      for (const u of previews) URL.revokeObjectURL(u);
    },
    [previews],
  );

  const pick = (list: FileList | null) => {
    const picked: File[] = [];
    for (const f of Array.from(list ?? [])) {
      if (f.type && !photoTypes.includes(f.type)) {
        void message.error(t('photos.badType'));
        continue;
      }
      if (f.size > MAX_PHOTO_BYTES) {
        void message.error(t('photos.tooLarge'));
        continue;
      }
      picked.push(f);
    }
    if (picked.length) onChange([...files, ...picked].slice(0, max));
  };

  return (
    <div className="bbt-photo-capture">
      <input
        ref={input}
        type="file"
        accept="image/*"
        capture="environment"
        multiple
        style={{ display: 'none' }}
        onChange={(e) => {
          pick(e.target.files);
          e.target.value = '';
        }}
        data-testid={`${testId}-input`}
      />
      {files.length > 0 && (
        <div className="bbt-photo-grid" style={{ marginBottom: 8 }}>
          {previews.map((src, n) => (
            <div key={src} className="bbt-photo-cell" data-testid={`${testId}-preview`}>
              <img src={src} alt={t('courtyards.photo.alt')} />
              <Button
                shape="circle"
                icon={<CloseOutlined />}
                disabled={disabled}
                onClick={() => onChange(files.filter((_, i) => i !== n))}
                aria-label={t('courtyards.photo.remove')}
              />
            </div>
          ))}
        </div>
      )}
      {files.length < max && (
        <Button
          size="large"
          block
          icon={<CameraOutlined />}
          onClick={() => input.current?.click()}
          disabled={disabled}
          data-testid={testId}
        >
          {label ?? t('courtyards.photo.take')}
          {files.length > 0 ? `（${files.length}/${max}）` : ''}
        </Button>
      )}
    </div>
  );
};
