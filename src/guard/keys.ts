/**
 * Ed25519 key handling for passports (node:crypto only). Keys come from PEM files or from
 * environment variables holding PEM text, never from code.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

/** Environment variables that may hold PEM text instead of a --key / --public-key file. */
export const PRIVATE_KEY_ENV = 'TOLLGATE_PRIVATE_KEY';
export const PUBLIC_KEY_ENV = 'TOLLGATE_PUBLIC_KEY';

/** Writes a fresh pair to `dir/private.pem` (mode 0600) and `dir/public.pem`; refuses to overwrite. */
export function writeKeyPair(dir: string, options: { overwrite?: boolean } = {}): { privatePath: string; publicPath: string; kid: string } {
  const privatePath = join(dir, 'private.pem');
  const publicPath = join(dir, 'public.pem');
  if (!options.overwrite) {
    for (const path of [privatePath, publicPath]) {
      if (existsSync(path)) throw new Error(`${path} already exists; refusing to overwrite a key (use --force)`);
    }
  }
  mkdirSync(dir, { recursive: true });
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  writeFileSync(privatePath, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  writeFileSync(publicPath, publicKey.export({ type: 'spki', format: 'pem' }));
  return { privatePath, publicPath, kid: keyId(publicKey) };
}

/** Loads a private key from `path`, else from $TOLLGATE_PRIVATE_KEY. */
export function loadPrivateKey(path: string | undefined, env: NodeJS.ProcessEnv = process.env): KeyObject {
  const pem = readPem(path, env[PRIVATE_KEY_ENV], PRIVATE_KEY_ENV, 'private');
  const key = createPrivateKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new Error(`private key is ${key.asymmetricKeyType ?? 'not asymmetric'}, expected ed25519`);
  }
  return key;
}

/** Loads a public key from `path`, else from $TOLLGATE_PUBLIC_KEY. A private key PEM also works. */
export function loadPublicKey(path: string | undefined, env: NodeJS.ProcessEnv = process.env): KeyObject {
  const pem = readPem(path, env[PUBLIC_KEY_ENV], PUBLIC_KEY_ENV, 'public');
  const key = createPublicKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new Error(`public key is ${key.asymmetricKeyType ?? 'not asymmetric'}, expected ed25519`);
  }
  return key;
}

/** Short, stable id of a public key: first 16 hex digits of SHA-256 over its SPKI DER bytes. */
export function keyId(key: KeyObject): string {
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  return createHash('sha256').update(pub.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);
}

function readPem(path: string | undefined, envValue: string | undefined, envName: string, kind: string): string {
  if (path !== undefined) {
    try {
      return readFileSync(path, 'utf8');
    } catch (err) {
      throw new Error(`cannot read ${kind} key ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
  }
  if (envValue !== undefined && envValue.trim() !== '') return envValue;
  throw new Error(`no ${kind} key: pass a PEM file or set ${envName} to the PEM text`);
}
