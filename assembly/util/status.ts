// Status codes returned by exports: >= 0 is a count, < 0 one of these (mirrored in src/wasm/status.ts).
export const S_OK: i32 = 0;
export const S_ERR_BAD_DATABASE: i32 = -1;
export const S_ERR_MATCH_OVERFLOW: i32 = -2;
export const S_ERR_BAD_RANGE: i32 = -3;
