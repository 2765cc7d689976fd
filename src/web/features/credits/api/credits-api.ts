import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ListResult } from '../../../../contracts/common/paging';
import type {
  CreateCreditAwardInput,
  CreateCreditGoodInput,
  CreateCreditRuleInput,
  CreateRedemptionInput,
  CreateStocktakeInput,
  CreditAccount,
  CreditAwardResult,
  CreditGood,
  CreditHousehold,
  CreditRedemption,
  CreditRule,
  CreditStore,
  CreditTransaction,
  ListCreditAccountsQuery,
  ListCreditGoodsQuery,
  ListCreditRulesQuery,
  ListCreditTransactionsQuery,
  StockInInput,
  Stocktake,
  UpdateCreditRuleInput,
} from '../../../../contracts/credits';
import { api } from '../../../lib/api-client';

const BASE = '/api/v1/credits';

export const creditKeys = {
  all: ['credits'] as const,
  rules: (p: object) => ['credits', 'rules', p] as const,
  accounts: (p: object) => ['credits', 'accounts', p] as const,
  transactions: (p: object) => ['credits', 'transactions', p] as const,
  households: (p: object) => ['credits', 'households', p] as const,
  stores: (orgUnitId: string | undefined) => ['credits', 'stores', orgUnitId] as const,
  goods: (p: object) => ['credits', 'goods', p] as const,
  redemption: (id: string) => ['credits', 'redemption', id] as const,
};

/** Every credits write moves balances, stock and figures: refresh them all. */
const useInvalidate = () => {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: creditKeys.all });
    void qc.invalidateQueries({ queryKey: ['indicators'] });
  };
};

const listQuery = <T>(key: readonly unknown[], path: string, params: object, enabled = true) => ({
  queryKey: key,
  queryFn: ({ signal }: { signal: AbortSignal }) =>
    api.get<ListResult<T>>(path, params as Record<string, string | number | undefined>, signal),
  placeholderData: keepPreviousData,
  enabled,
});

export const useCreditRules = (p: Partial<ListCreditRulesQuery>, enabled = true) =>
  useQuery(listQuery<CreditRule>(creditKeys.rules(p), `${BASE}/rules`, p, enabled));
export const useCreditAccounts = (p: Partial<ListCreditAccountsQuery>) =>
  useQuery(listQuery<CreditAccount>(creditKeys.accounts(p), `${BASE}/accounts`, p));
export const useCreditTransactions = (p: Partial<ListCreditTransactionsQuery>, enabled = true) =>
  useQuery(listQuery<CreditTransaction>(creditKeys.transactions(p), `${BASE}/transactions`, p, enabled));
export const useCreditGoods = (p: Partial<ListCreditGoodsQuery>, enabled = true) =>
  useQuery(listQuery<CreditGood>(creditKeys.goods(p), `${BASE}/goods`, p, enabled));

export const useCreditHouseholds = (q: string, orgUnitId: string | undefined) =>
  useQuery({
    queryKey: creditKeys.households({ q, orgUnitId }),
    queryFn: ({ signal }) =>
      api.get<{ items: CreditHousehold[] }>(`${BASE}/households`, { q: q || undefined, orgUnitId }, signal),
    placeholderData: keepPreviousData,
  });

export const useCreditStores = (orgUnitId: string | undefined) =>
  useQuery({
    queryKey: creditKeys.stores(orgUnitId),
    queryFn: ({ signal }) => api.get<{ items: CreditStore[] }>(`${BASE}/stores`, { orgUnitId }, signal),
  });

export const useCreditRedemption = (id: string) =>
  useQuery({
    queryKey: creditKeys.redemption(id),
    queryFn: ({ signal }) => api.get<CreditRedemption>(`${BASE}/redemptions/${id}`, undefined, signal),
  });

const useWrite = <I, O>(fn: (input: I) => Promise<O>) => {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: fn, onSuccess: invalidate });
};

export const useCreateRule = () =>
  useWrite((input: CreateCreditRuleInput) => api.post<CreditRule>(`${BASE}/rules`, input));
export const useUpdateRule = () =>
  useWrite(({ id, ...input }: UpdateCreditRuleInput & { id: string }) =>
    api.patch<CreditRule>(`${BASE}/rules/${id}`, input),
  );
export const useAward = () =>
  useWrite((input: CreateCreditAwardInput) => api.post<CreditAwardResult>(`${BASE}/awards`, input));
export const useConfirmEntry = () =>
  useWrite(({ id, version }: { id: string; version: number }) =>
    api.post<CreditTransaction>(`${BASE}/transactions/${id}/confirm`, { version }),
  );
export const useRejectEntry = () =>
  useWrite(({ id, version, reason }: { id: string; version: number; reason: string }) =>
    api.post<CreditTransaction>(`${BASE}/transactions/${id}/reject`, { version, reason }),
  );
export const useReverseEntry = () =>
  useWrite(({ id, reason }: { id: string; reason: string }) =>
    api.post<CreditTransaction>(`${BASE}/transactions/${id}/reverse`, { reason }),
  );
export const useCreateGood = () =>
  useWrite((input: CreateCreditGoodInput) => api.post<CreditGood>(`${BASE}/goods`, input));
export const useStockIn = () =>
  useWrite((input: StockInInput) => api.post<CreditGood>(`${BASE}/stock-in`, input));
export const useStocktake = () =>
  useWrite((input: CreateStocktakeInput) => api.post<Stocktake>(`${BASE}/stocktakes`, input));
export const useRedeem = () =>
  useWrite((input: CreateRedemptionInput) => api.post<CreditRedemption>(`${BASE}/redemptions`, input));
