import { useCallback } from 'react';
import { defaultActivityTypes } from '../../../../contracts/activities';
import { useLabel } from '../../../lib/labels';
import { useActivityTypes } from '../api/get-activity-types';

/** An activity type code as its label, from the county's list (the defaults while it loads). */
export const useTypeLabel = () => {
  const label = useLabel();
  const types = useActivityTypes();
  const list = types.data ?? defaultActivityTypes;
  return useCallback(
    (code: string | null | undefined) => label(Object.fromEntries(list.map((t) => [t.code, t.label])), code),
    [label, list],
  );
};
