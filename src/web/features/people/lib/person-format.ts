import dayjs from 'dayjs';
import type { Household } from '../../../../contracts/people';

/** Full years on `today` (a birthday later this year does not count yet). */
export const ageOf = (birthDate: string | null | undefined, today = dayjs()): number | undefined => {
  if (!birthDate) return undefined;
  const birth = dayjs(birthDate);
  return birth.isValid() ? today.diff(birth, 'year') : undefined;
};

/** 东岭村中心街 12号: how households are named in lists and pickers. */
export const householdLabel = (h: Pick<Household, 'address' | 'houseNumber'>): string =>
  h.houseNumber ? `${h.address} ${h.houseNumber}` : h.address;
