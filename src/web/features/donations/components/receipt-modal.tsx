import { Button, Descriptions, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageError, PageLoading } from '../../../components/page-states';
import { useReceipt } from '../api/donations-api';

/** 捐赠收据: printable, the amount in figures and in words (大写). */
export const ReceiptModal = ({ donationId, onClose }: { donationId: string; onClose: () => void }) => {
  const { t } = useTranslation();
  const receipt = useReceipt(donationId);
  const r = receipt.data;
  return (
    <Modal
      open
      onCancel={onClose}
      title={t('donations.receipt.title')}
      footer={
        <Button type="primary" onClick={() => window.print()} data-testid="receipt-print">
          {t('donations.print')}
        </Button>
      }
    >
      {receipt.isPending && <PageLoading rows={4} />}
      {receipt.isError && <PageError error={receipt.error} onRetry={() => void receipt.refetch()} />}
      {r && (
        <div className="bbt-print-area" data-testid="receipt">
          <h2 style={{ textAlign: 'center' }}>{t('donations.receipt.heading')}</h2>
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={t('donations.field.receiptNo')}>{r.receiptNo}</Descriptions.Item>
            <Descriptions.Item label={t('donations.field.driveName')}>{r.driveName}</Descriptions.Item>
            <Descriptions.Item label={t('donations.field.donorName')}>{r.donorName}</Descriptions.Item>
            <Descriptions.Item label={t('donations.receipt.amountWords')}>
              <strong data-testid="receipt-words">人民币{r.amountInWords}</strong>
            </Descriptions.Item>
            <Descriptions.Item label={t('donations.receipt.amountFigures')}>
              ¥{r.amountYuan}
            </Descriptions.Item>
            {r.method && (
              <Descriptions.Item label={t('donations.field.method')}>{r.method}</Descriptions.Item>
            )}
            {r.items && <Descriptions.Item label={t('donations.field.items')}>{r.items}</Descriptions.Item>}
            <Descriptions.Item label={t('donations.field.receivedOn')}>{r.receivedOn}</Descriptions.Item>
            <Descriptions.Item label={t('donations.receipt.issuedBy')}>
              {r.issuedBy}（盖章）
            </Descriptions.Item>
          </Descriptions>
          <p style={{ marginTop: 12 }}>{t('donations.receipt.thanks')}</p>
        </div>
      )}
    </Modal>
  );
};
