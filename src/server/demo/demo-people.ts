import { checkCharOf, maskIdNumber, maskPhone } from '../../contracts/common/id-number';
import { defaultPersonTags } from '../../contracts/people';
import type { Tx } from '../kernel/db/connection';
import { uuidv7 } from '../kernel/db/ids';
import type { FieldCrypto } from '../kernel/privacy/field-crypto';
import { households, persons } from '../modules/people/people.table';
import { pinyinKey } from '../modules/people/pinyin';

/** A small deterministic PRNG (mulberry32), so the demo town is the same on every machine. */
export const seededRandom = (seed: number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢'.split(
    '',
  );
const FEMALE_GIVEN = [
  '秀英',
  '桂英',
  '秀兰',
  '玉兰',
  '桂兰',
  '秀珍',
  '凤英',
  '玉梅',
  '丽娟',
  '春梅',
  '海燕',
  '雪梅',
  '晓红',
  '丽萍',
  '美玲',
  '慧敏',
  '婷婷',
  '欣怡',
  '雨涵',
  '梓涵',
  '佳怡',
  '诗琪',
  '思彤',
  '小燕',
  '红霞',
  '金凤',
  '彩霞',
  '月娥',
  '爱华',
  '淑芬',
];
const MALE_GIVEN = [
  '建国',
  '建华',
  '志强',
  '国平',
  '海涛',
  '伟',
  '磊',
  '军',
  '勇',
  '杰',
  '明',
  '浩然',
  '子轩',
  '宇航',
  '俊杰',
  '文斌',
  '永康',
  '德胜',
  '春生',
  '立新',
];
const ROADS = ['村东路', '村西路', '中心街', '溪边路', '茶山路', '后山路', '新村路', '池塘路'];

type DemoUnit = { id: string; path: string; name: string };
type Rand = () => number;

const pick = <T>(r: Rand, xs: readonly T[]) => xs[Math.floor(r() * xs.length)];

const fictionalId = (r: Rand, birth: Date, isFemale: boolean) => {
  const y = birth.getUTCFullYear();
  const m = String(birth.getUTCMonth() + 1).padStart(2, '0');
  const d = String(birth.getUTCDate()).padStart(2, '0');
  const seq = Math.floor(r() * 50) * 2 + (isFemale ? 2 : 1);
  const first17 = `339901${y}${m}${d}${String(seq).padStart(3, '0')}`;
  return first17 + checkCharOf(first17);
};

const birthBetween = (r: Rand, fromYear: number, toYear: number) =>
  new Date(
    Date.UTC(
      fromYear + Math.floor(r() * (toYear - fromYear + 1)),
      Math.floor(r() * 12),
      1 + Math.floor(r() * 28),
    ),
  );

/**
 * About 100 households per village with 2–4 members each: a couple, children, sometimes a
 * grandparent; tags for left-behind women and children, low-income and disability. All fictional.
 */
export const seedDemoPeople = async (tx: Tx, crypto: FieldCrypto, villages: DemoUnit[], seed = 20260308) => {
  const r = seededRandom(seed);
  const hhRows: (typeof households.$inferInsert)[] = [];
  const personRows: (typeof persons.$inferInsert)[] = [];
  const usedIds = new Set<string>();
  /** Adult women per village, for the demo's chairs, executive members and volunteers. */
  const womenByVillage = new Map<string, { id: string; name: string }[]>();
  const householdsByVillage = new Map<string, string[]>();
  for (const v of villages) {
    const count = 90 + Math.floor(r() * 20);
    for (let h = 0; h < count; h++) {
      const householdId = uuidv7();
      const surname = pick(r, SURNAMES);
      const members: { name: string; isFemale: boolean; birth: Date; relation: string; tags: string[] }[] =
        [];
      const isMigrantHusband = r() < 0.18;
      const isLowIncome = r() < 0.04;
      members.push({
        name: surname + pick(r, MALE_GIVEN),
        isFemale: false,
        birth: birthBetween(r, 1958, 1992),
        relation: 'head',
        tags: isLowIncome ? ['低保'] : [],
      });
      const wifeSurname = pick(r, SURNAMES);
      members.push({
        name: wifeSurname + pick(r, FEMALE_GIVEN),
        isFemale: true,
        birth: birthBetween(r, 1960, 1994),
        relation: 'spouse',
        tags: [
          ...(isMigrantHusband ? ['留守妇女'] : []),
          ...(isLowIncome ? ['低保'] : []),
          ...(r() < 0.02 ? ['残疾'] : []),
        ],
      });
      const children = r() < 0.75 ? 1 + Math.floor(r() * 2) : 0;
      for (let c = 0; c < children; c++) {
        const isFemale = r() < 0.5;
        members.push({
          name: surname + pick(r, isFemale ? FEMALE_GIVEN : MALE_GIVEN),
          isFemale,
          birth: birthBetween(r, 2008, 2022),
          relation: 'child',
          tags: isMigrantHusband && r() < 0.6 ? ['留守儿童'] : r() < 0.01 ? ['困境儿童'] : [],
        });
      }
      if (r() < 0.12) {
        members.push({
          name: pick(r, SURNAMES) + pick(r, FEMALE_GIVEN),
          isFemale: true,
          birth: birthBetween(r, 1938, 1955),
          relation: 'parent',
          tags: r() < 0.3 ? ['空巢老人'] : [],
        });
      }
      const address = `${v.name.replace(/妇联$/, '')}${pick(r, ROADS)}`;
      householdsByVillage.set(v.id, [...(householdsByVillage.get(v.id) ?? []), householdId]);
      hhRows.push({
        id: householdId,
        orgUnitId: v.id,
        orgPath: v.path,
        address,
        houseNumber: `${h + 1}号`,
        headPersonId: null,
      });
      members.forEach((m, i) => {
        let idNumber = fictionalId(r, m.birth, m.isFemale);
        while (usedIds.has(idNumber)) idNumber = fictionalId(r, m.birth, m.isFemale);
        usedIds.add(idNumber);
        const hasPhone = m.relation !== 'child' || m.birth.getUTCFullYear() < 2010;
        const phone = hasPhone
          ? `1${pick(r, ['38', '39', '58', '59', '86', '87'])}${String(Math.floor(r() * 1e8)).padStart(8, '0')}`
          : null;
        const id = uuidv7();
        if (i === 0) hhRows[hhRows.length - 1].headPersonId = id;
        const age = 2026 - m.birth.getUTCFullYear();
        if (m.isFemale && age >= 22 && age <= 65) {
          womenByVillage.set(v.id, [...(womenByVillage.get(v.id) ?? []), { id, name: m.name }]);
        }
        personRows.push({
          id,
          orgUnitId: v.id,
          orgPath: v.path,
          name: m.name,
          namePinyin: pinyinKey(m.name),
          gender: m.isFemale ? 'female' : 'male',
          birthDate: m.birth.toISOString().slice(0, 10),
          idNumberCipher: crypto.encrypt(idNumber),
          idNumberIndex: crypto.blindIndex(idNumber),
          idNumberMasked: maskIdNumber(idNumber),
          phoneCipher: phone ? crypto.encrypt(phone) : null,
          phoneMasked: phone ? maskPhone(phone) : null,
          householdId,
          relationToHead: m.relation,
          tags: m.tags.filter((t) => (defaultPersonTags as readonly string[]).includes(t)),
        });
      });
    }
  }
  for (let i = 0; i < hhRows.length; i += 1000) await tx.insert(households).values(hhRows.slice(i, i + 1000));
  for (let i = 0; i < personRows.length; i += 1000)
    await tx.insert(persons).values(personRows.slice(i, i + 1000));
  return { households: hhRows.length, persons: personRows.length, womenByVillage, householdsByVillage };
};
