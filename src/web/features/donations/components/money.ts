import { formatYuan, parseYuan } from '../../../../contracts/donations';

/** Fen as the screens show it: ¥1,234.50. */
export const yuanText = (fen: number | null | undefined) =>
  fen === null || fen === undefined ? '—' : `¥${formatYuan(fen)}`;

/** An antd form rule for an amount typed in yuan (read as text: no float rounding, at most two decimals). */
export const yuanRule = (required: boolean) => ({
  validator: (_: unknown, v: string | undefined) => {
    if (!v?.trim()) return required ? Promise.reject(new Error('请填写金额')) : Promise.resolve();
    const parsed = parseYuan(v);
    return 'error' in parsed ? Promise.reject(new Error(parsed.error)) : Promise.resolve();
  },
});

/** The fen of a validated yuan text. */
export const fenOf = (v: string | undefined): number | undefined => {
  if (!v?.trim()) return undefined;
  const parsed = parseYuan(v);
  return 'fen' in parsed ? parsed.fen : undefined;
};
