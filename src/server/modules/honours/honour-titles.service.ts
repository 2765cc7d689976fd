import {
  defaultHonourTitles,
  type HonourTitle,
  type HonourTitlesInput,
  honourTitleOf,
} from '../../../contracts/honours';
import type { Actor } from '../../kernel/access/actor';
import { countyCodeList } from '../../kernel/code-lists/code-lists';
import type { DbOrTx } from '../../kernel/db/connection';
import { AppError } from '../../kernel/http/errors';
import type { ServiceContext } from '../../kernel/service-context';
import { nominations } from './honours.table';

/**
 * The county's honour titles (最美家庭, 巾帼文明岗 …): a county-configured code list whose values carry
 * the level the title is awarded at, the awarding body and whether its 公示 masks names. A title
 * used by a nomination may be renamed, never removed.
 */
export const honourTitleList = countyCodeList({
  list: 'honourTitles',
  what: '荣誉称号',
  defaults: defaultHonourTitles,
  readPermission: 'honours.read',
  audit: { module: 'honours', entityType: 'honourTitles', field: 'titles' },
  usage: { table: nominations, column: nominations.titleCode, orgPath: nominations.orgPath, unit: '条推荐' },
});

/** The county's titles by code (of the county `at` belongs to). */
export const honourTitlesOf = async (db: DbOrTx, at: Pick<Actor, 'orgPath'>) => {
  const { items, isDefault } = await honourTitleList.of(db, at);
  return { titles: items.map(honourTitleOf), isDefault };
};

export const titleMapOf = async (db: DbOrTx, at: Pick<Actor, 'orgPath'>) =>
  new Map((await honourTitlesOf(db, at)).titles.map((t) => [t.code, t]));

/** The title a nomination names, refused in zh-CN when the county's catalogue does not hold it. */
export const requireTitle = async (db: DbOrTx, actor: Pick<Actor, 'orgPath'>, code: string) => {
  const titles = await titleMapOf(db, actor);
  const found = titles.get(code);
  if (!found) {
    const message = `称号“${code}”不在本县的荣誉称号目录中（可选：${[...titles.values()].map((t) => t.label.zh).join('、')}）`;
    throw new AppError('VALIDATION_FAILED', message, [{ field: 'titleCode', message }]);
  }
  return found;
};

export const getHonourTitles = async (ctx: ServiceContext) => {
  await honourTitleList.get(ctx);
  return honourTitlesOf(ctx.db, ctx.actor);
};

export const setHonourTitles = async (ctx: ServiceContext, input: HonourTitlesInput) => {
  const { items, isDefault } = await honourTitleList.set(
    ctx,
    input.titles.map((t) => ({
      ...(t.code ? { code: t.code } : {}),
      label: { zh: t.label.zh, en: t.label.en ?? '' },
      attrs: { level: t.level, awardingBody: t.awardingBody, maskedNotice: t.maskedNotice },
    })),
  );
  return { titles: items.map(honourTitleOf) as HonourTitle[], isDefault };
};
