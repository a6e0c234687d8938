/**
 * Bounded admission in front of the engine: at most `maxInFlight` engine calls run at once and
 * at most `maxQueue` wait; anything beyond is refused at once (the route answers 429 with
 * Retry-After). Nothing is dropped silently and nothing queues without bound.
 */
export class Admission {
  #inFlight = 0;
  readonly #waiting: (() => void)[] = [];
  #head = 0;

  constructor(
    readonly maxInFlight: number,
    readonly maxQueue: number,
  ) {
    if (!Number.isInteger(maxInFlight) || maxInFlight < 1) throw new RangeError(`maxInFlight must be a positive integer, got ${maxInFlight}`);
    if (!Number.isInteger(maxQueue) || maxQueue < 0) throw new RangeError(`maxQueue must be a non-negative integer, got ${maxQueue}`);
  }

  get inFlight(): number {
    return this.#inFlight;
  }

  get queued(): number {
    return this.#waiting.length - this.#head;
  }

  /** `true` when a slot was taken now, a promise when queued, `false` when full (refuse). */
  acquire(): true | Promise<void> | false {
    if (this.#inFlight < this.maxInFlight) {
      this.#inFlight++;
      return true;
    }
    if (this.queued >= this.maxQueue) return false;
    return new Promise<void>((resolve) => this.#waiting.push(resolve));
  }

  release(): void {
    if (this.#head < this.#waiting.length) {
      // Hand the slot straight to the next waiter: inFlight stays the same.
      const next = this.#waiting[this.#head]!;
      this.#head++;
      if (this.#head > 1024 && this.#head * 2 > this.#waiting.length) {
        this.#waiting.splice(0, this.#head);
        this.#head = 0;
      }
      next();
      return;
    }
    this.#inFlight--;
  }
}
