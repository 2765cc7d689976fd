import { useQueryClient } from '@tanstack/react-query';
import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiError, errorText, isApiError } from './api-client';

const isSessionGone = (e: ApiError) => e.code === 'UNAUTHENTICATED' || e.code === 'SESSION_EXPIRED';

/**
 * Shows a failed request to the user: field errors go onto the form, the message into a toast;
 * a version conflict refetches everything so the next edit starts from the current record, and calls
 * `onConflict` (edit dialogs close themselves: their copy of the record is stale).
 */
export const useApiErrorHandler = () => {
  const { message } = App.useApp();
  const { i18n } = useTranslation();
  const queryClient = useQueryClient();
  const isEn = i18n.language.startsWith('en');

  return useCallback(
    (error: unknown, form?: FormInstance, onConflict?: () => void) => {
      if (isApiError(error) && isSessionGone(error)) return;
      if (isApiError(error) && form) {
        const fieldErrors = error.details.filter((d) => d.field);
        const known = fieldErrors.filter((d) => form.getFieldInstance(d.field as string) !== undefined);
        if (known.length > 0) {
          form.setFields(known.map((d) => ({ name: d.field as string, errors: [d.message] })));
        }
      }
      if (isApiError(error) && error.code === 'VERSION_CONFLICT') {
        void queryClient.invalidateQueries();
        onConflict?.();
      }
      void message.error(errorText(error, isEn));
    },
    [message, isEn, queryClient],
  );
};
