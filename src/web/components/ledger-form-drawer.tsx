import { App, Button, Drawer, Form, type FormInstance, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../lib/use-api-error';
import { useIsMobile } from '../lib/use-is-mobile';
import { PageError, PageLoading } from './page-states';

type SaveHandlers<D = unknown> = { onSuccess: (data: D) => void; onError: (e: unknown) => void };

/** What the drawer needs of a TanStack mutation (the feature's `useCreateX()` / `useUpdateX()`). */
export type LedgerMutation<I, D = unknown> = {
  mutate: (input: I, handlers: SaveHandlers<D>) => void;
  isPending: boolean;
};

/** What the drawer needs of a TanStack query for the record being edited (the feature's `useX(id)`). */
export type LedgerRecordQuery<R> = {
  data?: R;
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
};

/** 新增 or 编辑 which record. */
export type LedgerFormMode = { type: 'create' } | { type: 'edit'; id: string };

/** What a page gives a ledger's form drawer. */
export type LedgerFormProps = { mode: LedgerFormMode; onClose: () => void };

export type LedgerFormOptions<V, R, C, U, CD> = {
  onClose: () => void;
  /**
   * 新增 or 编辑 with the feature's query hook (`useRecord: useSite`), which loads the record to edit;
   * or `isCreate` with the record already held (`record`) or loaded (`existing`).
   */
  mode?: LedgerFormMode;
  useRecord?: (id: string | undefined) => LedgerRecordQuery<R>;
  isCreate?: boolean;
  existing?: LedgerRecordQuery<R>;
  record?: R;
  create?: LedgerMutation<C, CD>;
  update?: LedgerMutation<U>;
  toCreate?: (values: V) => C;
  toUpdate?: (values: V, record: R) => U;
  /** What a saved create says in place of 已保存 (e.g. how many it made). */
  createdMessage?: (created: CD) => string;
  /** Sees a failed save first (a duplicate to point at), before the usual handling. */
  onApiError?: (e: unknown) => void;
  /** A version conflict or a field error: by default an edit closes itself (its copy is stale). */
  closeOnError?: 'always' | 'edit' | 'never';
  /**
   * Asks before a valid create is saved (登记换届 says whose terms it ends): call `save` on 确定; its
   * promise settles with the save, so a confirm dialog's button can wait on it.
   */
  confirm?: (values: V, save: () => Promise<void>) => void;
};

export type LedgerForm<V, R> = {
  form: FormInstance<V>;
  isCreate: boolean;
  record: R | undefined;
  existing?: LedgerRecordQuery<R>;
  submit: () => Promise<void>;
  saving: boolean;
  /** Save handlers for a feature that calls a mutation of its own. */
  handlers: SaveHandlers;
};

const noQuery = (_id: string | undefined): undefined => undefined;

/**
 * The create/edit skeleton every ledger form shares: the form, the record being edited, save with
 * 已保存 and close, API errors onto the fields and a version conflict closing the edit.
 */
export const useLedgerForm = <V, R = never, C = never, U = never, CD = unknown>(
  opts: LedgerFormOptions<V, R, C, U, CD>,
): LedgerForm<V, R> => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<V>();
  const onError = useApiErrorHandler();
  const { mode, useRecord, create, update, toCreate, toUpdate, onClose } = opts;
  const isCreate = mode ? mode.type === 'create' : Boolean(opts.isCreate);
  // The feature's own query hook, given on every render of a drawer or never.
  const useQuery = useRecord ?? noQuery;
  const loaded = useQuery(mode?.type === 'edit' ? mode.id : undefined);
  const existing = loaded ?? opts.existing;
  const record = opts.record ?? existing?.data;
  const closeOnError = opts.closeOnError ?? 'always';
  const closesOnError = closeOnError === 'always' || (closeOnError === 'edit' && !isCreate);
  const saved = (text: string) => {
    void message.success(text);
    onClose();
  };
  const handlers: SaveHandlers = {
    onSuccess: () => saved(t('common.saved')),
    onError: (e: unknown) => {
      opts.onApiError?.(e);
      onError(e, form, closesOnError ? onClose : undefined);
    },
  };
  const createdMessage = opts.createdMessage;
  const saveCreate = (v: V) =>
    new Promise<void>((settled) => {
      if (!create || !toCreate) return settled();
      create.mutate(toCreate(v), {
        onSuccess: (data: CD) => {
          saved(createdMessage ? createdMessage(data) : t('common.saved'));
          settled();
        },
        onError: (e: unknown) => {
          handlers.onError(e);
          settled();
        },
      });
    });
  const submit = async () => {
    const v = await form.validateFields();
    if (isCreate) {
      if (opts.confirm) opts.confirm(v, () => saveCreate(v));
      else void saveCreate(v);
    } else if (record !== undefined && update && toUpdate) {
      update.mutate(toUpdate(v, record), handlers);
    }
  };
  const saving = Boolean(create?.isPending || update?.isPending);
  return { form, isCreate, record, existing, submit, saving, handlers };
};

type DrawerProps<V, R> = {
  ledger: LedgerForm<V, R>;
  onClose: () => void;
  title: ReactNode;
  /** `site` gives the form `site-form` and its save button `site-form-submit`. */
  testId: string;
  /** 480 unless the form needs more room. */
  width?: number;
  initialValues?: Partial<V>;
  /** Before the form (hints, alerts). */
  extra?: ReactNode;
  /** 保存's own label where it says more (提交, 登记). */
  saveLabel?: ReactNode;
  /** 保存's test id where it predates `<testId>-form-submit` (`group-save`). */
  submitTestId?: string;
  /** `large` for a form filled in outdoors on a phone (巡查). */
  formSize?: 'large';
  /** The skeleton's rows while the record loads. */
  loadingRows?: number;
  onValuesChange?: (changed: Partial<V>, all: V) => void;
  children: ReactNode;
};

/** A drawer's footer: 取消 and the primary 保存 (or what `label` says). */
export const SaveFooter = ({
  onCancel,
  onSave,
  saving,
  disabled,
  testId,
  label,
}: {
  onCancel: () => void;
  onSave: () => void;
  saving: boolean;
  disabled?: boolean;
  testId: string;
  label?: ReactNode;
}) => {
  const { t } = useTranslation();
  return (
    <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
      <Button onClick={onCancel}>{t('common.cancel')}</Button>
      <Button type="primary" onClick={onSave} loading={saving} disabled={disabled} data-testid={testId}>
        {label ?? t('common.save')}
      </Button>
    </Space>
  );
};

/** 新增 / 编辑 drawer: loading and error of the record, the form, 取消 and 保存. */
export const LedgerFormDrawer = <V, R>({
  ledger,
  onClose,
  title,
  testId,
  width = 480,
  initialValues,
  extra,
  saveLabel,
  submitTestId,
  formSize,
  loadingRows = 4,
  onValuesChange,
  children,
}: DrawerProps<V, R>) => {
  const isMobile = useIsMobile();
  const { isCreate, existing, record } = ledger;
  const isLoadingEdit = !isCreate && existing !== undefined && existing.isPending;
  const loadFailed = !isCreate && existing !== undefined && existing.isError;
  return (
    <Drawer
      open
      onClose={onClose}
      title={title}
      size={isMobile ? '100%' : width}
      footer={
        <SaveFooter
          onCancel={onClose}
          onSave={() => void ledger.submit().catch(() => undefined)}
          saving={ledger.saving}
          disabled={isLoadingEdit || loadFailed}
          testId={submitTestId ?? `${testId}-form-submit`}
          label={saveLabel}
        />
      }
    >
      {isLoadingEdit && <PageLoading rows={loadingRows} />}
      {loadFailed && <PageError error={existing.error} onRetry={() => void existing.refetch()} />}
      {extra}
      {(isCreate || record !== undefined) && (
        <Form
          form={ledger.form}
          layout="vertical"
          size={formSize}
          initialValues={initialValues}
          onValuesChange={onValuesChange}
          data-testid={`${testId}-form`}
        >
          {children}
        </Form>
      )}
    </Drawer>
  );
};
