/**
 * Body parsers for JSON and MessagePack. Both keep the raw bytes on the request (the HMAC signs
 * them) and turn every malformed body into a 400 that says what is wrong; invalid UTF-8 in JSON
 * is refused instead of being silently replaced with U+FFFD.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { unpack } from 'msgpackr';
import { RequestError } from './request-schema.ts';

export const MSGPACK_TYPES = ['application/msgpack', 'application/x-msgpack', 'application/vnd.msgpack'];

const kUtf8 = new TextDecoder('utf-8', { fatal: true });

declare module 'fastify' {
  interface FastifyRequest {
    rawBody?: Buffer;
    /** The client sent MessagePack; answer in kind. */
    wantsMsgpack?: boolean;
  }
}

export function registerBodyParsers(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request: FastifyRequest, body: Buffer | string, done) => {
    const raw = typeof body === 'string' ? Buffer.from(body) : body;
    request.rawBody = raw;
    if (raw.length === 0) return done(new RequestError(400, 'invalid_body', 'body is empty; expected a JSON object', 'body'), undefined);
    let text: string;
    try {
      text = kUtf8.decode(raw);
    } catch {
      return done(new RequestError(400, 'invalid_body', 'body is not valid UTF-8', 'body'), undefined);
    }
    try {
      done(null, JSON.parse(text));
    } catch (err) {
      // RangeError (stack exhausted by absurd nesting) lands here too: still the client's fault.
      done(new RequestError(400, 'invalid_body', `body is not valid JSON: ${(err as Error).message.slice(0, 200)}`, 'body'), undefined);
    }
  });
  app.addContentTypeParser(MSGPACK_TYPES, { parseAs: 'buffer' }, (request: FastifyRequest, body: Buffer | string, done) => {
    const raw = typeof body === 'string' ? Buffer.from(body) : body;
    request.rawBody = raw;
    request.wantsMsgpack = true;
    if (raw.length === 0) return done(new RequestError(400, 'invalid_body', 'body is empty; expected a MessagePack map', 'body'), undefined);
    try {
      done(null, unpack(raw));
    } catch (err) {
      done(new RequestError(400, 'invalid_body', `body is not valid MessagePack: ${(err as Error).message.slice(0, 200)}`, 'body'), undefined);
    }
  });
}
