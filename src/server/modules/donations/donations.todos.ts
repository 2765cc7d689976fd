import { levelOf } from '../../../contracts/org';
import type { TodoItem } from '../../../contracts/reports';
import { type TodoContext, type TodoProvider, todoTexts } from '../../kernel/indicators/todo-registry';

/** Since the programme could have begun: a waiting approval stays a to-do until it is decided. */
const SINCE_EVER = '2000-01-01';

type Waiting = { status: string; zh: string; en: string };

/** What waits on the scope's own level: its step of the chain, counted over its subtree. */
const waitingTodo = (
  key: string,
  indicatorKey: string,
  kind: { zh: string; en: string },
  byLevel: Record<string, Waiting[]>,
): TodoProvider => ({
  key,
  indicatorKeys: [indicatorKey],
  collect: async (ctx: TodoContext) => {
    const { reader, today, scope } = ctx;
    const period = { from: SINCE_EVER, to: today };
    const out: TodoItem[] = [];
    for (const w of byLevel[levelOf(scope.kind)] ?? []) {
      const spec = { indicatorKey, filters: { status: w.status } };
      const n = (await reader.value(spec, period))?.value ?? 0;
      if (n === 0) continue;
      out.push({
        id: `${key}:${w.status}:${scope.id}`,
        provider: key,
        kind,
        level: 'due',
        ...todoTexts(scope.name, { zh: w.zh.replace('{n}', String(n)), en: w.en.replace('{n}', String(n)) }),
        count: n,
        orgUnitId: scope.id,
        orgUnitName: scope.name,
        dueOn: null,
        figure: { value: n, source: reader.sourceOf(spec, period) },
      });
    }
    return out;
  },
});

/** 发放待审批: a town reviews what its villages submitted; the owner (town or county) approves and pays. */
export const disbursementTodos = waitingTodo(
  'donations.waitingDisbursements',
  'donations.disbursements',
  { zh: '善款发放待审批', en: 'Disbursements awaiting approval' },
  {
    town: [
      { status: 'submitted', zh: '有{n}笔善款发放申报待镇审核', en: '{n} disbursements await town review' },
      { status: 'townApproved', zh: '有{n}笔善款发放待负责单位审批', en: '{n} disbursements await approval' },
      { status: 'ownerApproved', zh: '有{n}笔善款已审批待发放', en: '{n} disbursements await payment' },
    ],
    county: [
      { status: 'townApproved', zh: '有{n}笔善款发放待负责单位审批', en: '{n} disbursements await approval' },
      { status: 'ownerApproved', zh: '有{n}笔善款已审批待发放', en: '{n} disbursements await payment' },
    ],
  },
);

/** 两癌救助待审核: town first review, county review, grant and payment. */
export const cancerAidTodos = waitingTodo(
  'cancer.waitingApplications',
  'cancer.aidApplications',
  { zh: '两癌救助申请待审核', en: 'Aid applications awaiting review' },
  {
    village: [
      { status: 'draft', zh: '有{n}件两癌救助申请尚未申报', en: '{n} aid applications not yet submitted' },
    ],
    town: [
      {
        status: 'submitted',
        zh: '有{n}件两癌救助申请待镇初审',
        en: '{n} aid applications await town review',
      },
    ],
    county: [
      {
        status: 'townReviewed',
        zh: '有{n}件两癌救助申请待县复审',
        en: '{n} aid applications await county review',
      },
      {
        status: 'countyReviewed',
        zh: '有{n}件两癌救助申请待审批',
        en: '{n} aid applications await a decision',
      },
      { status: 'granted', zh: '有{n}件两癌救助已批准待拨付', en: '{n} aid grants await payment' },
    ],
  },
);

export const donationTodoProviders: TodoProvider[] = [disbursementTodos, cancerAidTodos];
