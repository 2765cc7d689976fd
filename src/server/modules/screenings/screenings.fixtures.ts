import { checkCharOf } from '../../../contracts/common/id-number';

/** A valid ID number (tests, demo) born on `birth` (yyyymmdd); an odd third `seq` digit is a man's. */
export const idNumberOf = (birth: string, seq = '002', region = '110101') => {
  const first17 = `${region}${birth}${seq}`;
  return first17 + checkCharOf(first17);
};
