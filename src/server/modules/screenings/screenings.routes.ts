import {
  createScreeningInputSchema,
  listScreeningsQuerySchema,
  screeningListSchema,
  screeningSchema,
  updateScreeningInputSchema,
} from '../../../contracts/screenings';
import { recordRoutes } from '../../kernel/ledger/record-routes';
import {
  createScreening,
  deleteScreening,
  getScreening,
  listScreenings,
  restoreScreening,
  screeningRecord,
  updateScreening,
} from './screenings.service';

/** 两癌筛查: the standard record routes (list masked and audited, get audited). */
export const screeningsRoutes = recordRoutes({
  base: '/api/v1/screenings',
  idParam: 'screeningId',
  tags: ['screenings'],
  permissions: screeningRecord.permissions,
  schemas: {
    record: screeningSchema,
    list: screeningListSchema,
    listQuery: listScreeningsQuerySchema,
    create: createScreeningInputSchema,
    update: updateScreeningInputSchema,
  },
  summaries: {
    list: '两癌筛查台账（姓名打码，查阅留痕）',
    create: '登记两癌筛查（可带客户端编号，重试不重复）',
  },
  list: listScreenings,
  get: getScreening,
  create: createScreening,
  replays: ({ screening, isReplay }: Awaited<ReturnType<typeof createScreening>>) => ({
    record: screening,
    isReplay,
  }),
  update: updateScreening,
  remove: deleteScreening,
  restore: restoreScreening,
});
