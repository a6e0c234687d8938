/**
 * Base58 (Bitcoin alphabet) decoding and Base58Check verification, used for WIF private keys and
 * BIP-32 extended keys. Double SHA-256 comes from node:crypto.
 */
import { createHash } from 'node:crypto';

const kAlphabet = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const kDigit = new Int8Array(128).fill(-1);
for (let i = 0; i < kAlphabet.length; i++) kDigit[kAlphabet.charCodeAt(i)] = i;

/** True when the char code is in the Base58 alphabet (no 0, O, I, l). */
export function isBase58Char(c: number): boolean {
  return c < 128 && kDigit[c]! >= 0;
}

/** Decodes Base58 to bytes, or null when a character is outside the alphabet. */
export function base58Decode(s: string): Uint8Array | null {
  let zeros = 0;
  while (zeros < s.length && s.charCodeAt(zeros) === 49) zeros++;
  // log(58)/log(256) ~ 0.733: enough room for the big-endian result.
  const size = Math.floor(((s.length - zeros) * 733) / 1000) + 1;
  const b = new Uint8Array(size);
  let length = 0;
  for (let i = zeros; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let carry = c < 128 ? kDigit[c]! : -1;
    if (carry < 0) return null;
    let j = 0;
    for (let k = size - 1; (carry !== 0 || j < length) && k >= 0; k--, j++) {
      carry += 58 * b[k]!;
      b[k] = carry & 0xff;
      carry >>= 8;
    }
    length = j;
  }
  let start = size - length;
  while (start < size && b[start] === 0) start++;
  const out = new Uint8Array(zeros + (size - start));
  out.set(b.subarray(start), zeros);
  return out;
}

/** Encodes bytes as Base58 (tests build valid keys with it). */
export function base58Encode(bytes: Uint8Array): string {
  let zeros = 0;
  while (zeros < bytes.length && bytes[zeros] === 0) zeros++;
  const digits: number[] = [];
  for (let i = zeros; i < bytes.length; i++) {
    let carry = bytes[i]!;
    for (let j = 0; j < digits.length; j++) {
      carry += digits[j]! << 8;
      digits[j] = carry % 58;
      carry = (carry / 58) | 0;
    }
    while (carry > 0) {
      digits.push(carry % 58);
      carry = (carry / 58) | 0;
    }
  }
  let out = '1'.repeat(zeros);
  for (let i = digits.length - 1; i >= 0; i--) out += kAlphabet[digits[i]!];
  return out;
}

function sha256d(data: Uint8Array): Buffer {
  return createHash('sha256').update(createHash('sha256').update(data).digest()).digest();
}

/** Decodes Base58Check: returns the payload (without the 4-byte checksum) or null if the checksum fails. */
export function base58CheckDecode(s: string): Uint8Array | null {
  const raw = base58Decode(s);
  if (raw === null || raw.length < 5) return null;
  const payload = raw.subarray(0, raw.length - 4);
  const sum = sha256d(payload);
  for (let i = 0; i < 4; i++) if (sum[i] !== raw[raw.length - 4 + i]) return null;
  return payload;
}

/** Base58Check-encodes a payload (tests). */
export function base58CheckEncode(payload: Uint8Array): string {
  const sum = sha256d(payload);
  const out = new Uint8Array(payload.length + 4);
  out.set(payload);
  out.set(sum.subarray(0, 4), payload.length);
  return base58Encode(out);
}

/** BIP-32 version bytes of extended private keys (xprv, tprv and the SLIP-132 yprv/zprv/uprv/vprv/Yprv/Zprv). */
const kPrivateVersions = new Set([0x0488ade4, 0x04358394, 0x049d7878, 0x04b2430c, 0x044a4e28, 0x045f18bc, 0x0295b005, 0x02aa7a99]);

/** What a Base58Check string is, when it is a private key: 'wif' or 'xprv', else null. */
export function classifyBase58Secret(s: string): 'wif' | 'xprv' | null {
  const p = base58CheckDecode(s);
  if (p === null) return null;
  if (p.length === 78) {
    const version = ((p[0]! << 24) | (p[1]! << 16) | (p[2]! << 8) | p[3]!) >>> 0;
    // A private extended key carries 0x00 then the 32-byte key.
    if (kPrivateVersions.has(version) && p[45] === 0) return 'xprv';
    return null;
  }
  // WIF: version 0x80 (mainnet) or 0xef (testnet), 32-byte key, optional 0x01 compression flag.
  if ((p[0] === 0x80 || p[0] === 0xef) && (p.length === 33 || (p.length === 34 && p[33] === 1))) return 'wif';
  return null;
}
