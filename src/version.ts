/** Engine version recorded in audit records and reported by the server; bumped with package.json. */
export const ENGINE_VERSION = '0.1.0';
