// ../../tmp/replay.ts
import { readFileSync } from "node:fs";

// sim/queue/sort-entries.ts
var INSERTION_SORT_MAX = 24;
var scratchTime = new Float64Array(0);
var scratchSeq = new Float64Array(0);
var scratchPayload = new Int32Array(0);
function before(t1, s1, t2, s2) {
  return t1 < t2 || t1 === t2 && s1 < s2;
}
function sortEntries(time, seq, payload, n) {
  let ascending = true;
  let descending = true;
  for (let i = 1; i < n && (ascending || descending); i++) {
    if (before(time[i], seq[i], time[i - 1], seq[i - 1])) ascending = false;
    else descending = false;
  }
  if (ascending) return;
  if (descending) {
    for (let i = 0, j = n - 1; i < j; i++, j--) {
      const t = time[i];
      time[i] = time[j];
      time[j] = t;
      const s = seq[i];
      seq[i] = seq[j];
      seq[j] = s;
      const p = payload[i];
      payload[i] = payload[j];
      payload[j] = p;
    }
    return;
  }
  for (let lo = 0; lo < n; lo += INSERTION_SORT_MAX) {
    insertionSort(time, seq, payload, lo, Math.min(lo + INSERTION_SORT_MAX, n));
  }
  if (n <= INSERTION_SORT_MAX) return;
  if (scratchTime.length < n) {
    scratchTime = new Float64Array(n);
    scratchSeq = new Float64Array(n);
    scratchPayload = new Int32Array(n);
  }
  let srcTime = time;
  let srcSeq = seq;
  let srcPayload = payload;
  let dstTime = scratchTime;
  let dstSeq = scratchSeq;
  let dstPayload = scratchPayload;
  for (let width = INSERTION_SORT_MAX; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) {
        if (before(srcTime[j], srcSeq[j], srcTime[i], srcSeq[i])) {
          dstTime[k] = srcTime[j];
          dstSeq[k] = srcSeq[j];
          dstPayload[k++] = srcPayload[j++];
        } else {
          dstTime[k] = srcTime[i];
          dstSeq[k] = srcSeq[i];
          dstPayload[k++] = srcPayload[i++];
        }
      }
      while (i < mid) {
        dstTime[k] = srcTime[i];
        dstSeq[k] = srcSeq[i];
        dstPayload[k++] = srcPayload[i++];
      }
      while (j < hi) {
        dstTime[k] = srcTime[j];
        dstSeq[k] = srcSeq[j];
        dstPayload[k++] = srcPayload[j++];
      }
    }
    const t = srcTime;
    srcTime = dstTime;
    dstTime = t;
    const s = srcSeq;
    srcSeq = dstSeq;
    dstSeq = s;
    const p = srcPayload;
    srcPayload = dstPayload;
    dstPayload = p;
  }
  if (srcTime !== time) {
    time.set(srcTime.subarray(0, n));
    seq.set(srcSeq.subarray(0, n));
    payload.set(srcPayload.subarray(0, n));
  }
}
function insertionSort(time, seq, payload, lo, hi) {
  for (let i = lo + 1; i < hi; i++) {
    const t = time[i];
    const s = seq[i];
    const p = payload[i];
    let j = i - 1;
    while (j >= lo && before(t, s, time[j], seq[j])) {
      time[j + 1] = time[j];
      seq[j + 1] = seq[j];
      payload[j + 1] = payload[j];
      j--;
    }
    time[j + 1] = t;
    seq[j + 1] = s;
    payload[j + 1] = p;
  }
}

// sim/queue/ladder-queue.ts
var SPAWN_THRESHOLD = 16;
var ENTRIES_PER_BUCKET = 4;
var MAX_RUNGS = 24;
var BOTTOM_LIMIT = 512;
var INITIAL_NODES = 1024;
var NIL = -1;
var LadderQueue = class {
  count = 0;
  nextSeq = 0;
  /**
   * Node pool for top and rung entries, as two interleaved arrays so a node
   * touches two cache lines, not four: keys[2n] = time, keys[2n+1] = seq;
   * links[2n] = payload, links[2n+1] = next node (lists end with NIL).
   */
  keys = new Float64Array(2 * INITIAL_NODES);
  links = new Int32Array(2 * INITIAL_NODES);
  nodesUsed = 0;
  freeNode = NIL;
  topHead = NIL;
  topCount = 0;
  topMinNs = Infinity;
  topMaxNs = -Infinity;
  /** Entries at or after this time go to top. */
  topStartNs = -Infinity;
  rungCount = 0;
  rungHeads = [];
  rungStartNs = new Float64Array(MAX_RUNGS);
  rungWidthNs = new Float64Array(MAX_RUNGS);
  rungBuckets = new Int32Array(MAX_RUNGS);
  /** Index of the first bucket not yet handed down. */
  rungCurrent = new Int32Array(MAX_RUNGS);
  /** Start time of that bucket: later entries of this rung's range land at or after it. */
  rungCurrentNs = new Float64Array(MAX_RUNGS);
  rungEntries = new Float64Array(MAX_RUNGS);
  // Bottom: entries [bottomHead, bottomEnd) sorted by (time, seq).
  bottomTime = new Float64Array(256);
  bottomSeq = new Float64Array(256);
  bottomPayload = new Int32Array(256);
  bottomHead = 0;
  bottomEnd = 0;
  constructor() {
    for (let r = 0; r < MAX_RUNGS; r++) this.rungHeads.push(new Int32Array(0));
  }
  get size() {
    return this.count;
  }
  push(timeNs, payload) {
    this.count++;
    this.place(timeNs, this.nextSeq++, payload);
  }
  /** Routes an entry to top, a rung or bottom. */
  place(timeNs, seq, payload) {
    if (timeNs >= this.topStartNs) {
      const node = this.allocateNode(timeNs, seq, payload);
      this.links[2 * node + 1] = this.topHead;
      this.topHead = node;
      this.topCount++;
      if (timeNs < this.topMinNs) this.topMinNs = timeNs;
      if (timeNs > this.topMaxNs) this.topMaxNs = timeNs;
      return;
    }
    const rungs = this.rungCount;
    for (let r = 0; r < rungs; r++) {
      if (timeNs >= this.rungCurrentNs[r]) {
        this.insertIntoRung(r, timeNs, seq, payload);
        return;
      }
    }
    this.insertIntoBottom(timeNs, seq, payload);
  }
  peekTimeNs() {
    if (this.bottomHead === this.bottomEnd && !this.refillBottom()) return Infinity;
    return this.bottomTime[this.bottomHead];
  }
  peekPayload() {
    if (this.bottomHead === this.bottomEnd && !this.refillBottom()) return -1;
    return this.bottomPayload[this.bottomHead];
  }
  pop() {
    if (this.bottomHead === this.bottomEnd && !this.refillBottom()) return -1;
    const payload = this.bottomPayload[this.bottomHead++];
    if (this.bottomHead === this.bottomEnd) {
      this.bottomHead = 0;
      this.bottomEnd = 0;
    }
    this.count--;
    return payload;
  }
  clear() {
    this.count = 0;
    this.nodesUsed = 0;
    this.freeNode = NIL;
    this.topHead = NIL;
    this.topCount = 0;
    this.topMinNs = Infinity;
    this.topMaxNs = -Infinity;
    this.topStartNs = -Infinity;
    this.rungCount = 0;
    this.bottomHead = 0;
    this.bottomEnd = 0;
  }
  allocateNode(timeNs, seq, payload) {
    let node = this.freeNode;
    if (node !== NIL) {
      this.freeNode = this.links[2 * node + 1];
    } else {
      if (2 * this.nodesUsed === this.keys.length) this.growNodes();
      node = this.nodesUsed++;
    }
    this.keys[2 * node] = timeNs;
    this.keys[2 * node + 1] = seq;
    this.links[2 * node] = payload;
    return node;
  }
  insertIntoRung(r, timeNs, seq, payload) {
    let b = Math.floor((timeNs - this.rungStartNs[r]) / this.rungWidthNs[r]);
    const last = this.rungBuckets[r] - 1;
    if (b > last) b = last;
    const node = this.allocateNode(timeNs, seq, payload);
    const heads = this.rungHeads[r];
    this.links[2 * node + 1] = heads[b];
    heads[b] = node;
    this.rungEntries[r]++;
  }
  /**
   * Opens rung `r` over [minNs, maxNs] for `entries` entries; its last bucket
   * also takes anything later, up to the bound set by the rung above.
   */
  openRung(r, minNs, maxNs, entries) {
    const span = maxNs - minNs + 1;
    let buckets = Math.ceil(entries / ENTRIES_PER_BUCKET);
    if (buckets > span) buckets = span;
    const widthNs = Math.ceil(span / buckets);
    buckets = Math.ceil(span / widthNs);
    let heads = this.rungHeads[r];
    if (heads.length < buckets) {
      let capacity = Math.max(64, heads.length);
      while (capacity < buckets) capacity *= 2;
      heads = new Int32Array(capacity);
      this.rungHeads[r] = heads;
    }
    heads.fill(NIL, 0, buckets);
    this.rungStartNs[r] = minNs;
    this.rungWidthNs[r] = widthNs;
    this.rungBuckets[r] = buckets;
    this.rungCurrent[r] = 0;
    this.rungCurrentNs[r] = minNs;
    this.rungEntries[r] = entries;
    this.rungCount = r + 1;
  }
  /** Distributes a linked list of nodes over the buckets of rung `r`. */
  spreadList(r, head) {
    const heads = this.rungHeads[r];
    const startNs = this.rungStartNs[r];
    const widthNs = this.rungWidthNs[r];
    const last = this.rungBuckets[r] - 1;
    const keys = this.keys;
    const links = this.links;
    let node = head;
    while (node !== NIL) {
      const next = links[2 * node + 1];
      let b = Math.floor((keys[2 * node] - startNs) / widthNs);
      if (b > last) b = last;
      links[2 * node + 1] = heads[b];
      heads[b] = node;
      node = next;
    }
  }
  /** Fills the empty bottom from the ladder (and top); false when the queue is empty. */
  refillBottom() {
    for (; ; ) {
      if (this.rungCount === 0) {
        if (this.topCount === 0) return false;
        const head2 = this.topHead;
        this.openRung(0, this.topMinNs, this.topMaxNs, this.topCount);
        this.spreadList(0, head2);
        this.topStartNs = this.rungStartNs[0] + this.rungBuckets[0] * this.rungWidthNs[0];
        this.topHead = NIL;
        this.topCount = 0;
        this.topMinNs = Infinity;
        this.topMaxNs = -Infinity;
      }
      const r = this.rungCount - 1;
      if (this.rungEntries[r] === 0) {
        this.dropLowestRung();
        continue;
      }
      const heads = this.rungHeads[r];
      let b = this.rungCurrent[r];
      while (heads[b] === NIL) b++;
      const head = heads[b];
      heads[b] = NIL;
      const keys = this.keys;
      const links = this.links;
      let bottomTime = this.bottomTime;
      let entries = 0;
      let minNs = Infinity;
      let maxNs = -Infinity;
      let tail = head;
      for (let node = head; node !== NIL; node = links[2 * node + 1]) {
        const t = keys[2 * node];
        if (t < minNs) minNs = t;
        if (t > maxNs) maxNs = t;
        if (entries === bottomTime.length) {
          this.growBottom(entries + 1, entries);
          bottomTime = this.bottomTime;
        }
        bottomTime[entries] = t;
        this.bottomSeq[entries] = keys[2 * node + 1];
        this.bottomPayload[entries] = links[2 * node];
        entries++;
        tail = node;
      }
      this.rungEntries[r] -= entries;
      this.rungCurrent[r] = b + 1;
      this.rungCurrentNs[r] = this.rungStartNs[r] + (b + 1) * this.rungWidthNs[r];
      const exhausted = b + 1 === this.rungBuckets[r];
      if (exhausted) this.rungCount = r;
      if (entries > SPAWN_THRESHOLD && maxNs > minNs && this.rungCount < MAX_RUNGS) {
        const child = this.rungCount;
        this.openRung(child, minNs, maxNs, entries);
        this.spreadList(child, head);
        continue;
      }
      links[2 * tail + 1] = this.freeNode;
      this.freeNode = head;
      this.bottomHead = 0;
      this.bottomEnd = entries;
      sortEntries(this.bottomTime, this.bottomSeq, this.bottomPayload, entries);
      if (this.rungCount === 0) {
        this.topStartNs = maxNs;
      }
      return true;
    }
  }
  /** Called with bottom empty: once the ladder is empty too, everything new goes to top. */
  dropLowestRung() {
    this.rungCount--;
    if (this.rungCount === 0) this.topStartNs = -Infinity;
  }
  insertIntoBottom(timeNs, seq, payload) {
    const size = this.bottomEnd - this.bottomHead;
    if (size >= BOTTOM_LIMIT && this.rungCount < MAX_RUNGS && this.bottomTime[this.bottomHead] < this.bottomTime[this.bottomEnd - 1]) {
      this.bottomToRung();
      this.place(timeNs, seq, payload);
      return;
    }
    const bottomTime = this.bottomTime;
    let lo = this.bottomHead;
    let hi = this.bottomEnd;
    if (hi > lo && bottomTime[hi - 1] <= timeNs) {
      lo = hi;
    } else {
      while (lo < hi) {
        const mid = lo + hi >>> 1;
        if (bottomTime[mid] <= timeNs) lo = mid + 1;
        else hi = mid;
      }
    }
    let at = lo;
    if (this.bottomHead > 0 && at - this.bottomHead < this.bottomEnd - at) {
      const head = this.bottomHead;
      this.bottomTime.copyWithin(head - 1, head, at);
      this.bottomSeq.copyWithin(head - 1, head, at);
      this.bottomPayload.copyWithin(head - 1, head, at);
      this.bottomHead = head - 1;
      at--;
    } else {
      if (this.bottomEnd === this.bottomTime.length) {
        if (this.bottomHead > 0) {
          at -= this.bottomHead;
          this.compactBottom();
        } else {
          this.growBottom(this.bottomEnd + 1, this.bottomEnd);
        }
      }
      const end = this.bottomEnd;
      if (at < end) {
        this.bottomTime.copyWithin(at + 1, at, end);
        this.bottomSeq.copyWithin(at + 1, at, end);
        this.bottomPayload.copyWithin(at + 1, at, end);
      }
      this.bottomEnd = end + 1;
    }
    this.bottomTime[at] = timeNs;
    this.bottomSeq[at] = seq;
    this.bottomPayload[at] = payload;
  }
  /** Turns an overgrown bottom into the lowest rung. */
  bottomToRung() {
    const headIndex = this.bottomHead;
    const endIndex = this.bottomEnd;
    let list = NIL;
    for (let i = endIndex - 1; i >= headIndex; i--) {
      const node = this.allocateNode(this.bottomTime[i], this.bottomSeq[i], this.bottomPayload[i]);
      this.links[2 * node + 1] = list;
      list = node;
    }
    const r = this.rungCount;
    this.openRung(r, this.bottomTime[headIndex], this.bottomTime[endIndex - 1], endIndex - headIndex);
    this.spreadList(r, list);
    this.bottomHead = 0;
    this.bottomEnd = 0;
  }
  compactBottom() {
    const head = this.bottomHead;
    const end = this.bottomEnd;
    this.bottomTime.copyWithin(0, head, end);
    this.bottomSeq.copyWithin(0, head, end);
    this.bottomPayload.copyWithin(0, head, end);
    this.bottomHead = 0;
    this.bottomEnd = end - head;
  }
  /** Grows bottom's arrays, keeping entries [0, keep). */
  growBottom(minCapacity, keep) {
    let capacity = this.bottomTime.length * 2;
    while (capacity < minCapacity) capacity *= 2;
    const time = new Float64Array(capacity);
    const seq = new Float64Array(capacity);
    const payload = new Int32Array(capacity);
    time.set(this.bottomTime.subarray(0, keep));
    seq.set(this.bottomSeq.subarray(0, keep));
    payload.set(this.bottomPayload.subarray(0, keep));
    this.bottomTime = time;
    this.bottomSeq = seq;
    this.bottomPayload = payload;
  }
  growNodes() {
    const keys = new Float64Array(this.keys.length * 2);
    const links = new Int32Array(this.links.length * 2);
    keys.set(this.keys);
    links.set(this.links);
    this.keys = keys;
    this.links = links;
  }
};

// sim/queue/binary-heap.ts
var INITIAL_CAPACITY = 64;
var BinaryHeapQueue = class {
  times = new Float64Array(INITIAL_CAPACITY);
  seqs = new Float64Array(INITIAL_CAPACITY);
  payloads = new Int32Array(INITIAL_CAPACITY);
  count = 0;
  nextSeq = 0;
  get size() {
    return this.count;
  }
  push(timeNs, payload) {
    if (this.count === this.times.length) this.grow();
    const seq = this.nextSeq++;
    const times = this.times;
    const seqs = this.seqs;
    const payloads = this.payloads;
    let i = this.count++;
    while (i > 0) {
      const parent = i - 1 >> 1;
      const pt = times[parent];
      if (pt < timeNs || pt === timeNs && seqs[parent] < seq) break;
      times[i] = pt;
      seqs[i] = seqs[parent];
      payloads[i] = payloads[parent];
      i = parent;
    }
    times[i] = timeNs;
    seqs[i] = seq;
    payloads[i] = payload;
  }
  peekTimeNs() {
    return this.count === 0 ? Infinity : this.times[0];
  }
  peekPayload() {
    return this.count === 0 ? -1 : this.payloads[0];
  }
  pop() {
    if (this.count === 0) return -1;
    const times = this.times;
    const seqs = this.seqs;
    const payloads = this.payloads;
    const top = payloads[0];
    const n = --this.count;
    if (n === 0) return top;
    const t = times[n];
    const s = seqs[n];
    const p = payloads[n];
    let i = 0;
    for (; ; ) {
      let child = 2 * i + 1;
      if (child >= n) break;
      let ct = times[child];
      let cs = seqs[child];
      const right = child + 1;
      if (right < n) {
        const rt = times[right];
        const rs = seqs[right];
        if (rt < ct || rt === ct && rs < cs) {
          child = right;
          ct = rt;
          cs = rs;
        }
      }
      if (t < ct || t === ct && s < cs) break;
      times[i] = ct;
      seqs[i] = cs;
      payloads[i] = payloads[child];
      i = child;
    }
    times[i] = t;
    seqs[i] = s;
    payloads[i] = p;
    return top;
  }
  clear() {
    this.count = 0;
  }
  grow() {
    const capacity = this.times.length * 2;
    const times = new Float64Array(capacity);
    const seqs = new Float64Array(capacity);
    const payloads = new Int32Array(capacity);
    times.set(this.times);
    seqs.set(this.seqs);
    payloads.set(this.payloads);
    this.times = times;
    this.seqs = seqs;
    this.payloads = payloads;
  }
};

// ../../tmp/replay.ts
var buf = readFileSync("/tmp/trace.bin");
var ops = new Float64Array(buf.buffer, buf.byteOffset, buf.length / 8);
function run(name, make) {
  for (let rep = 0; rep < 3; rep++) {
    const q = make();
    let chk = 0;
    const t0 = performance.now();
    for (let i = 0; i < ops.length; i++) {
      const t = ops[i];
      if (t >= 0) q.push(t, i & 16777215);
      else {
        chk += q.peekTimeNs();
        chk ^= q.pop();
      }
    }
    const t1 = performance.now();
    console.log(name, (t1 - t0).toFixed(0), "ms", chk);
  }
}
run("ladder", () => new LadderQueue());
run("heap", () => new BinaryHeapQueue());
