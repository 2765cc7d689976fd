import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Field encryption for sensitive values (ID numbers, phones): AES-256-GCM with a random IV per
 * value, and a blind index (keyed HMAC) so duplicates can be found and looked up without
 * decrypting. Both keys derive from the field key in secrets.json.
 */
export type FieldCrypto = {
  encrypt: (plain: string) => string;
  decrypt: (stored: string) => string;
  blindIndex: (plain: string) => string;
};

export const createFieldCrypto = (fieldKeyBase64: string): FieldCrypto => {
  const master = Buffer.from(fieldKeyBase64, 'base64');
  if (master.length < 32) throw new Error('field key must be at least 32 bytes');
  const encKey = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'bbt field encryption v1', 32));
  const indexKey = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'bbt blind index v1', 32));
  return {
    encrypt: (plain) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `v1.${iv.toString('base64url')}.${cipher.getAuthTag().toString('base64url')}.${body.toString('base64url')}`;
    },
    decrypt: (stored) => {
      const [version, iv, tag, body] = stored.split('.');
      if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('unknown ciphertext format');
      const decipher = createDecipheriv('aes-256-gcm', encKey, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    },
    blindIndex: (plain) => createHmac('sha256', indexKey).update(plain).digest('hex'),
  };
};
