// Status codes returned by the WASM exports (mirrors assembly/util/status.ts), mapped to errors in
// exactly one place.
import { DatabaseError, ScanError } from '../errors.ts';

export const S_OK = 0;
export const S_ERR_BAD_DATABASE = -1;
export const S_ERR_MATCH_OVERFLOW = -2;
export const S_ERR_BAD_RANGE = -3;

export function statusError(status: number, what: string): Error {
  switch (status) {
    case S_ERR_BAD_DATABASE:
      return new DatabaseError(`${what}: database block failed validation in the engine`);
    case S_ERR_MATCH_OVERFLOW:
      return new ScanError(`${what}: match buffer overflow`);
    case S_ERR_BAD_RANGE:
      return new ScanError(`${what}: scan range out of bounds`);
    default:
      return new ScanError(`${what}: engine returned unknown status ${status}`);
  }
}
