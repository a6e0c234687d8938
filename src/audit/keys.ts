/**
 * The Ed25519 key that signs checkpoints.
 *
 * Where it comes from, in order: an explicit `keyPath`, then `TOLLGATE_AUDIT_KEY` (a path to a
 * PKCS#8 PEM file, or the PEM text itself), then `audit-key.pem` in the audit directory, which is
 * generated on first use. Every public key that ever signed is written beside the log as
 * `audit-key-<keyId>.pub.pem` so a verifier can find it.
 *
 * Trust caveat: a key generated into the audit directory (and the public key beside the log)
 * only proves the log was not altered by someone WITHOUT write access to that directory. Anyone
 * who can write the directory can rewrite the records, generate a new key and re-sign. For real
 * evidence keep the private key outside the directory (`TOLLGATE_AUDIT_KEY`), pin the public key
 * elsewhere (`tollgate audit verify --public-key FILE`), and copy checkpoints to a separate witness.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';

export const GENERATED_KEY_FILE = 'audit-key.pem';

export interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** First 16 hex digits of SHA-256 over the SPKI DER public key. */
  keyId: string;
  /** Where the key came from: a path, `env:TOLLGATE_AUDIT_KEY`, or `generated:<path>`. */
  source: string;
}

export function keyIdOf(publicKey: KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex').slice(0, 16);
}

function fromPem(pem: string, source: string): SigningKey {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(pem);
  } catch (err) {
    throw new Error(`audit key from ${source} is not a PEM private key: ${(err as Error).message}`);
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new Error(`audit key from ${source} is ${privateKey.asymmetricKeyType}, expected ed25519`);
  }
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, keyId: keyIdOf(publicKey), source };
}

/** Resolves the checkpoint key and records its public half beside the log. */
export async function loadSigningKey(dir: string, options: { keyPath?: string; env?: NodeJS.ProcessEnv } = {}): Promise<SigningKey> {
  const env = options.env ?? process.env;
  let key: SigningKey;
  if (options.keyPath !== undefined) {
    key = fromPem(await readFile(options.keyPath, 'utf8'), options.keyPath);
  } else if (env.TOLLGATE_AUDIT_KEY !== undefined && env.TOLLGATE_AUDIT_KEY !== '') {
    const value = env.TOLLGATE_AUDIT_KEY;
    key = value.includes('-----BEGIN')
      ? fromPem(value, 'env:TOLLGATE_AUDIT_KEY')
      : fromPem(await readFile(value, 'utf8'), `TOLLGATE_AUDIT_KEY=${value}`);
  } else {
    const path = join(dir, GENERATED_KEY_FILE);
    if (existsSync(path)) {
      key = fromPem(await readFile(path, 'utf8'), `generated:${path}`);
    } else {
      const pair = generateKeyPairSync('ed25519');
      const pem = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
      // 'wx' so two processes racing on first use cannot overwrite each other's key.
      await writeFile(path, pem, { mode: 0o600, flag: 'wx' }).catch(async (err: NodeJS.ErrnoException) => {
        if (err.code !== 'EEXIST') throw err;
      });
      key = fromPem(await readFile(path, 'utf8'), `generated:${path}`);
    }
  }
  const pubPath = join(dir, `audit-key-${key.keyId}.pub.pem`);
  if (!existsSync(pubPath)) {
    await writeFile(pubPath, key.publicKey.export({ type: 'spki', format: 'pem' }) as string);
  }
  return key;
}

/** Public keys recorded beside the log, by key id. */
export async function loadRecordedPublicKeys(dir: string): Promise<Map<string, KeyObject>> {
  const keys = new Map<string, KeyObject>();
  for (const name of await readdir(dir)) {
    if (!/^audit-key-[0-9a-f]{16}\.pub\.pem$/.test(name)) continue;
    const key = createPublicKey(await readFile(join(dir, name), 'utf8'));
    keys.set(keyIdOf(key), key);
  }
  return keys;
}

/** A pinned public key given by the verifier (PEM file): only it is trusted. */
export async function loadPinnedPublicKey(path: string): Promise<Map<string, KeyObject>> {
  const pem = await readFile(path, 'utf8');
  let key: KeyObject;
  try {
    key = pem.includes('PRIVATE KEY') ? createPublicKey(createPrivateKey(pem)) : createPublicKey(pem);
  } catch (err) {
    throw new Error(`--public-key ${path} is not a PEM key: ${(err as Error).message}`);
  }
  return new Map([[keyIdOf(key), key]]);
}
