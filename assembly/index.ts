// The scanning core's ABI: only numbers cross it (pointers, lengths, counts, status codes).
// Each export documents its statuses in the module that defines it.
export { alloc, free } from './util/memory';
export { normalizeInto } from './normalize/normalize';
export { validateDatabase, preparedAreaBytes, prepareDatabase } from './dfa/database';
export { scanRange } from './dfa/scan';
