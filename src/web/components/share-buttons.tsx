import { LinkOutlined, PictureOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Input, Modal, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShareLink } from '../../contracts/common/share';
import { api, errorText } from '../lib/api-client';

/**
 * 分享链接: makes a read-only link to what the page shows (the server keeps a snapshot; anyone with the
 * link sees that and nothing else, for 30 days), to copy into WeChat, with 撤销 to end it at once.
 */
export const ShareLinkButton = ({
  kind,
  query,
  disabled,
}: {
  /** The document kind the server shares, e.g. `courtyards.notice`. */
  kind: string;
  query: Record<string, unknown>;
  disabled?: boolean;
}) => {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const [link, setLink] = useState<ShareLink | null>(null);
  const create = useMutation({
    mutationFn: () => api.post<ShareLink>(`/api/v1/shares/${kind}`, query),
    onSuccess: setLink,
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api.delete<void>(`/api/v1/shares/${id}`),
    onSuccess: () => {
      setLink(null);
      void message.success(t('share.revoked'));
    },
  });
  const url = link ? `${window.location.origin}${link.path}` : '';
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      void message.success(t('share.copied'));
    } catch {
      // No clipboard (plain http, an old WebView): the link is selected for her to copy by hand.
      (document.getElementById('share-link-url') as HTMLInputElement | null)?.select();
      void message.info(t('share.copyByHand'));
    }
  };
  const isEn = i18n.language.startsWith('en');
  return (
    <>
      <Button
        icon={<LinkOutlined />}
        disabled={disabled}
        loading={create.isPending}
        onClick={() => create.mutate()}
        data-testid="share-link"
      >
        {t('share.link')}
      </Button>
      {create.isError && (
        <Modal open footer={null} onCancel={() => create.reset()} title={t('share.link')}>
          <Alert type="error" showIcon title={errorText(create.error, isEn)} />
        </Modal>
      )}
      <Modal
        open={Boolean(link)}
        title={t('share.linkTitle')}
        onCancel={() => setLink(null)}
        footer={
          <Space wrap>
            <Button
              danger
              loading={revoke.isPending}
              onClick={() =>
                link &&
                modal.confirm({
                  title: t('share.revokeConfirm'),
                  content: t('share.revokeHint'),
                  okText: t('share.revoke'),
                  okButtonProps: { danger: true },
                  onOk: () => revoke.mutateAsync(link.id),
                })
              }
              data-testid="share-revoke"
            >
              {t('share.revoke')}
            </Button>
            <Button type="primary" onClick={() => void copy()} data-testid="share-copy">
              {t('share.copy')}
            </Button>
          </Space>
        }
        data-testid="share-link-modal"
      >
        <Typography.Paragraph>{link?.title}</Typography.Paragraph>
        <Input
          id="share-link-url"
          readOnly
          value={url}
          onFocus={(e) => e.target.select()}
          data-testid="share-link-url"
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('share.linkHint', { date: link ? new Date(link.expiresAt).toLocaleDateString('zh-CN') : '' })}
        </Typography.Paragraph>
        {revoke.isError && (
          <Alert type="error" showIcon title={errorText(revoke.error, isEn)} style={{ marginTop: 8 }} />
        )}
      </Modal>
    </>
  );
};

/**
 * 分享图片: the document drawn as one PNG (names as masked as the document's), shown full width so she can
 * long-press it in WeChat to save or forward; 保存图片 downloads it, and the phone's share sheet is offered
 * where the browser has one.
 */
export const ShareImageButton = ({
  make,
  fileName,
  disabled,
}: {
  make: () => Promise<Blob>;
  fileName: string;
  disabled?: boolean;
}) => {
  const { t } = useTranslation();
  const [image, setImage] = useState<{ blob: Blob; url: string } | null>(null);
  const [isBusy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  useEffect(() => () => (image ? URL.revokeObjectURL(image.url) : undefined), [image]);
  const open = async () => {
    setBusy(true);
    setFailed(false);
    try {
      const blob = await make();
      setImage({ blob, url: URL.createObjectURL(blob) });
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  const file = image ? new File([image.blob], fileName, { type: 'image/png' }) : null;
  const canShare = Boolean(
    file && typeof navigator.canShare === 'function' && navigator.canShare({ files: [file] }),
  );
  return (
    <>
      <Button
        icon={<PictureOutlined />}
        disabled={disabled}
        loading={isBusy}
        onClick={() => void open()}
        data-testid="share-image"
      >
        {t('share.image')}
      </Button>
      <Modal
        open={Boolean(image) || failed}
        title={t('share.image')}
        onCancel={() => {
          setImage(null);
          setFailed(false);
        }}
        footer={
          image && (
            <Space wrap>
              {canShare && file && (
                <Button onClick={() => void navigator.share({ files: [file] }).catch(() => undefined)}>
                  {t('share.systemShare')}
                </Button>
              )}
              <Button type="primary" href={image.url} download={fileName} data-testid="share-image-save">
                {t('share.saveImage')}
              </Button>
            </Space>
          )
        }
        data-testid="share-image-modal"
      >
        {failed ? (
          <Alert type="error" showIcon title={t('share.imageFailed')} />
        ) : (
          image && (
            <>
              <Typography.Paragraph type="secondary">{t('share.imageHint')}</Typography.Paragraph>
              <img
                src={image.url}
                alt={fileName}
                style={{ width: '100%', border: '1px solid #f0f0f0' }}
                data-testid="share-image-img"
              />
            </>
          )
        )}
      </Modal>
    </>
  );
};
