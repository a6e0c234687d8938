// Sizes shared by the semantic feature extractor and its host (src/model/abi.ts mirrors these numbers;
// the host checks them against the exported getters at load time so a mismatch fails loudly).

/** log2 of the hashed feature space. 2^18 signed buckets keep collisions rare for 1-2-grams and 3-5-char grams. */
export const HASH_BITS: i32 = 18;
export const NUM_BUCKETS: i32 = 1 << HASH_BITS;
export const BUCKET_MASK: u32 = <u32>(NUM_BUCKETS - 1);

/** Linear heads scored in one pass: 0 = malicious intent, 1 = directive addressed to the assistant inside data. */
export const NUM_HEADS: i32 = 2;

/** Structural features per segment (counts; see struct.ts for the meaning of each slot). */
export const NUM_STRUCT: i32 = 40;

/** Per-segment record written by scoreSegments: dot per head, feature count, task relatedness, struct counts. */
export const SEG_RECORD_F32: i32 = NUM_HEADS + 2 + NUM_STRUCT;

/** Small dense space for task relatedness (content-word stems). */
export const MINI_BITS: i32 = 12;
export const MINI_SIZE: i32 = 1 << MINI_BITS;

/** Dimension of the random-projection embedding used for nearest-attack search. */
export const EMBED_DIM: i32 = 64;

/** Lexicon hash table slots (open addressing; key 0 = empty). */
export const LEX_SLOTS: i32 = 16384;
