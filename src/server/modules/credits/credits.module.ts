import { auditModuleLabels } from '../../../contracts/audit';
import { defineModule } from '../../kernel/module';
import { creditIndicators } from './credits.indicators';
import { creditGoodsIo, creditTransactionsIo } from './credits.io';
import { creditsRoutes } from './credits.routes';
import { creditAccountRecord, creditRuleRecord, creditTransactionRecord } from './credits.service';
import {
  creditAccounts,
  creditGoods,
  creditRedemptions,
  creditRules,
  creditStockMoves,
  creditStocktakes,
  creditTransactions,
} from './credits.table';
import { creditTodoProviders } from './credits.todos';
import { creditGoodRecord, creditRedemptionRecord, creditStocktakeRecord } from './store.service';

export const creditsModule = defineModule({
  name: 'credits',
  label: auditModuleLabels.credits,
  routes: [creditsRoutes],
  io: [creditTransactionsIo, creditGoodsIo],
  indicators: creditIndicators,
  todos: creditTodoProviders,
  records: [
    creditRuleRecord,
    creditAccountRecord,
    creditTransactionRecord,
    creditGoodRecord,
    creditRedemptionRecord,
    creditStocktakeRecord,
  ],
  scopedTables: [
    creditRules,
    creditAccounts,
    creditTransactions,
    creditGoods,
    creditStockMoves,
    creditRedemptions,
    creditStocktakes,
  ],
  figures: {
    dashboard: {
      credits: [
        { indicatorKey: 'credits.stores', isStock: true },
        { indicatorKey: 'credits.earned' },
        { indicatorKey: 'credits.redemptions' },
        { indicatorKey: 'credits.households' },
      ],
    },
  },
  keyTables: [creditAccounts, creditTransactions, creditGoods],
});
