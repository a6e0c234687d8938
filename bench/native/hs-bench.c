/*
 * Native Hyperscan ceiling for bench/run.ts (benchmark only; tollgate never links Hyperscan).
 * usage: hs-bench PATTERNS.hex HAYSTACK.bin RUNS
 * PATTERNS.hex: one hex-encoded literal per line. Prints {"mbps": median MB/s, "matches": n}.
 */
#include <hs/hs.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int on_match(unsigned int id, unsigned long long from, unsigned long long to, unsigned int flags, void *ctx) {
  (void)id; (void)from; (void)to; (void)flags;
  (*(unsigned long long *)ctx)++;
  return 0;
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static unsigned char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) { perror(path); exit(2); }
  fseek(f, 0, SEEK_END);
  *len = (size_t)ftell(f);
  fseek(f, 0, SEEK_SET);
  unsigned char *buf = malloc(*len + 1);
  if (fread(buf, 1, *len, f) != *len) { perror("read"); exit(2); }
  fclose(f);
  buf[*len] = 0;
  return buf;
}

static int hexval(char c) { return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10; }

int main(int argc, char **argv) {
  if (argc != 4) { fprintf(stderr, "usage: hs-bench PATTERNS.hex HAYSTACK.bin RUNS\n"); return 2; }
  size_t plen, hlen;
  char *text = (char *)read_file(argv[1], &plen);
  unsigned char *hay = read_file(argv[2], &hlen);
  int runs = atoi(argv[3]);
  size_t cap = 1024, n = 0;
  char **lits = malloc(cap * sizeof *lits);
  size_t *lens = malloc(cap * sizeof *lens);
  for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
    size_t l = strlen(line) / 2;
    if (l == 0) continue;
    if (n == cap) { cap *= 2; lits = realloc(lits, cap * sizeof *lits); lens = realloc(lens, cap * sizeof *lens); }
    lits[n] = malloc(l);
    for (size_t i = 0; i < l; i++) lits[n][i] = (char)(hexval(line[2 * i]) << 4 | hexval(line[2 * i + 1]));
    lens[n++] = l;
  }
  unsigned int *flags = calloc(n, sizeof *flags);
  unsigned int *ids = malloc(n * sizeof *ids);
  for (size_t i = 0; i < n; i++) ids[i] = (unsigned int)i;
  hs_database_t *db;
  hs_compile_error_t *err;
  if (hs_compile_lit_multi((const char *const *)lits, flags, ids, lens, (unsigned int)n, HS_MODE_BLOCK, NULL, &db, &err) != HS_SUCCESS) {
    fprintf(stderr, "hs_compile_lit_multi: %s\n", err->message);
    return 1;
  }
  hs_scratch_t *scratch = NULL;
  hs_alloc_scratch(db, &scratch);
  double *times = malloc((size_t)runs * sizeof *times);
  unsigned long long matches = 0;
  for (int r = 0; r < runs; r++) {
    matches = 0;
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    hs_scan(db, (const char *)hay, (unsigned int)hlen, 0, scratch, on_match, &matches);
    clock_gettime(CLOCK_MONOTONIC, &b);
    times[r] = (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9;
  }
  qsort(times, (size_t)runs, sizeof *times, cmp_double);
  printf("{\"mbps\": %.2f, \"matches\": %llu}\n", (double)hlen / 1048576.0 / times[runs / 2], matches);
  return 0;
}
