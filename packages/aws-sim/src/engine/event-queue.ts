/**
 * A min-heap of timed entries, ordered by time and then by insertion. The fleet engine is
 * event-driven: it jumps from one due entry to the next instead of polling every record, so a
 * 20,000-task fleet costs nothing while it is steady, and the order of what happens depends
 * only on simulated time, never on how often the real timer fires.
 */
export interface Timed {
  at: number;
  seq: number;
}

export class EventQueue<T extends Timed> {
  private readonly heap: T[] = [];
  private counter = 0;

  get size(): number {
    return this.heap.length;
  }

  /** The next sequence number, for callers that keep it to recognise stale entries. */
  nextSeq(): number {
    this.counter += 1;
    return this.counter;
  }

  push(entry: T): void {
    const heap = this.heap;
    heap.push(entry);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const up = heap[parent];
      if (up === undefined || !before(entry, up)) break;
      heap[i] = up;
      i = parent;
    }
    heap[i] = entry;
  }

  peek(): T | undefined {
    return this.heap[0];
  }

  pop(): T | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0) return top;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = last;
      let target = i;
      const l = heap[left];
      const r = heap[right];
      if (l !== undefined && before(l, smallest)) {
        smallest = l;
        target = left;
      }
      if (r !== undefined && before(r, smallest)) {
        smallest = r;
        target = right;
      }
      if (target === i) break;
      heap[i] = smallest;
      i = target;
    }
    heap[i] = last;
    return top;
  }
}

const before = (a: Timed, b: Timed) => a.at < b.at || (a.at === b.at && a.seq < b.seq);
