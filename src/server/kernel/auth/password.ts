import { hash, verify } from '@node-rs/argon2';

// argon2id with OWASP's second recommended parameter set (19 MiB, t=2, p=1).
const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password.normalize('NFC'), options);

export const verifyPassword = async (passwordHash: string, password: string) => {
  try {
    return await verify(passwordHash, password.normalize('NFC'));
  } catch {
    return false;
  }
};

/** Spent on unknown usernames so response time does not reveal which usernames exist. */
let dummyHash: Promise<string> | undefined;
export const burnPasswordCheck = async (password: string) => {
  dummyHash ??= hashPassword('not-a-real-password-1');
  await verifyPassword(await dummyHash, password);
};
