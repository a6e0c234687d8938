// Raw blocks for the host: input/output regions and database tables live outside the GC.
// The host allocates them once per worker (its scratch) and reuses them for every scan.

/** Allocates `size` bytes (16-byte aligned); returns 0 when memory cannot grow. */
export function alloc(size: usize): usize {
  return heap.alloc(size);
}

/** Frees a block returned by `alloc`. */
export function free(ptr: usize): void {
  heap.free(ptr);
}
