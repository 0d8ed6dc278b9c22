import type { EventQueue } from "./event-queue.ts"
import { sortEntries } from "./sort-entries.ts"

/**
 * Ladder queue: Tang, Goh & Thng, "Ladder Queue: An O(1) Priority Queue
 * Structure for Large-Scale Discrete Event Simulation", ACM TOMACS 15(3), 2005.
 *
 * Three tiers, earliest last:
 * - top: unsorted list of far-future entries (time ≥ topStartNs);
 * - ladder: rungs of time buckets; each rung was spawned from one crowded
 *   bucket of the rung above and covers the times before that rung's current
 *   bucket;
 * - bottom: a small sorted array the entries are popped from.
 * A bucket is sorted into bottom when it is small (≤ SPAWN_THRESHOLD) or can
 * no longer be split; otherwise it spawns a finer rung. Epochs (top → rung 0)
 * cost O(n) once per n entries, so push and pop are O(1) amortized for the
 * usual (even skewed) distributions.
 *
 * Departures from the paper, for integer-ns times and typed-array storage:
 * - bucket widths are integers and rungs span [min, max] of the entries they
 *   receive, so clustered or tied times do not spawn empty rungs; a bucket
 *   whose entries share one time is sorted directly (by sequence number);
 * - the last bucket of a rung also takes any later time below the rung's
 *   upper bound, so widths may be rounded freely;
 * - bottom is an array with binary-search insertion; if it grows past
 *   BOTTOM_LIMIT it is turned back into a rung (as the paper does for a long Bottom).
 *
 * Times must be integers within ±2^53 (like TimeNs): bucket arithmetic is
 * then exact, which the ordering relies on.
 */

/** A bucket with more entries than this is split into a new rung (the paper uses 50; smaller measured faster here). */
const SPAWN_THRESHOLD = 16
/** Average entries per bucket aimed at when sizing a rung. */
const ENTRIES_PER_BUCKET = 4
const MAX_RUNGS = 24
const BOTTOM_LIMIT = 512
const INITIAL_NODES = 1024
const NIL = -1

export class LadderQueue implements EventQueue {
  private count = 0
  private nextSeq = 0

  /**
   * Node pool for top and rung entries, as two interleaved arrays so a node
   * touches two cache lines, not four: keys[2n] = time, keys[2n+1] = seq;
   * links[2n] = payload, links[2n+1] = next node (lists end with NIL).
   */
  private keys = new Float64Array(2 * INITIAL_NODES)
  private links = new Int32Array(2 * INITIAL_NODES)
  private nodesUsed = 0
  private freeNode = NIL

  private topHead = NIL
  private topCount = 0
  private topMinNs = Infinity
  private topMaxNs = -Infinity
  /** Entries at or after this time go to top. */
  private topStartNs = -Infinity

  private rungCount = 0
  private readonly rungHeads: Int32Array[] = []
  private readonly rungStartNs = new Float64Array(MAX_RUNGS)
  private readonly rungWidthNs = new Float64Array(MAX_RUNGS)
  private readonly rungBuckets = new Int32Array(MAX_RUNGS)
  /** Index of the first bucket not yet handed down. */
  private readonly rungCurrent = new Int32Array(MAX_RUNGS)
  /** Start time of that bucket: later entries of this rung's range land at or after it. */
  private readonly rungCurrentNs = new Float64Array(MAX_RUNGS)
  private readonly rungEntries = new Float64Array(MAX_RUNGS)

  // Bottom: entries [bottomHead, bottomEnd) sorted by (time, seq).
  private bottomTime = new Float64Array(256)
  private bottomSeq = new Float64Array(256)
  private bottomPayload = new Int32Array(256)
  private bottomHead = 0
  private bottomEnd = 0

  constructor() {
    for (let r = 0; r < MAX_RUNGS; r++) this.rungHeads.push(new Int32Array(0))
  }

  get size(): number {
    return this.count
  }

  push(timeNs: number, payload: number): void {
    this.count++
    this.place(timeNs, this.nextSeq++, payload)
  }

  /** Routes an entry to top, a rung or bottom. */
  private place(timeNs: number, seq: number, payload: number): void {
    if (timeNs >= this.topStartNs) {
      const node = this.allocateNode(timeNs, seq, payload)
      this.links[2 * node + 1] = this.topHead
      this.topHead = node
      this.topCount++
      if (timeNs < this.topMinNs) this.topMinNs = timeNs
      if (timeNs > this.topMaxNs) this.topMaxNs = timeNs
      return
    }
    const rungs = this.rungCount
    for (let r = 0; r < rungs; r++) {
      if (timeNs >= this.rungCurrentNs[r]!) {
        this.insertIntoRung(r, timeNs, seq, payload)
        return
      }
    }
    this.insertIntoBottom(timeNs, seq, payload)
  }

  peekTimeNs(): number {
    if (this.bottomHead === this.bottomEnd && !this.refillBottom()) return Infinity
    return this.bottomTime[this.bottomHead]!
  }

  peekPayload(): number {
    if (this.bottomHead === this.bottomEnd && !this.refillBottom()) return -1
    return this.bottomPayload[this.bottomHead]!
  }

  pop(): number {
    if (this.bottomHead === this.bottomEnd && !this.refillBottom()) return -1
    const payload = this.bottomPayload[this.bottomHead++]!
    if (this.bottomHead === this.bottomEnd) {
      this.bottomHead = 0
      this.bottomEnd = 0
    }
    this.count--
    return payload
  }

  clear(): void {
    this.count = 0
    this.nodesUsed = 0
    this.freeNode = NIL
    this.topHead = NIL
    this.topCount = 0
    this.topMinNs = Infinity
    this.topMaxNs = -Infinity
    this.topStartNs = -Infinity
    this.rungCount = 0
    this.bottomHead = 0
    this.bottomEnd = 0
  }

  private allocateNode(timeNs: number, seq: number, payload: number): number {
    let node = this.freeNode
    if (node !== NIL) {
      this.freeNode = this.links[2 * node + 1]!
    } else {
      if (2 * this.nodesUsed === this.keys.length) this.growNodes()
      node = this.nodesUsed++
    }
    this.keys[2 * node] = timeNs
    this.keys[2 * node + 1] = seq
    this.links[2 * node] = payload
    return node
  }

  private insertIntoRung(r: number, timeNs: number, seq: number, payload: number): void {
    let b = Math.floor((timeNs - this.rungStartNs[r]!) / this.rungWidthNs[r]!)
    const last = this.rungBuckets[r]! - 1
    if (b > last) b = last
    const node = this.allocateNode(timeNs, seq, payload)
    const heads = this.rungHeads[r]!
    this.links[2 * node + 1] = heads[b]!
    heads[b] = node
    this.rungEntries[r]!++
  }

  /**
   * Opens rung `r` over [minNs, maxNs] for `entries` entries; its last bucket
   * also takes anything later, up to the bound set by the rung above.
   */
  private openRung(r: number, minNs: number, maxNs: number, entries: number): void {
    const span = maxNs - minNs + 1
    let buckets = Math.ceil(entries / ENTRIES_PER_BUCKET)
    if (buckets > span) buckets = span
    const widthNs = Math.ceil(span / buckets)
    buckets = Math.ceil(span / widthNs)
    let heads = this.rungHeads[r]!
    if (heads.length < buckets) {
      let capacity = Math.max(64, heads.length)
      while (capacity < buckets) capacity *= 2
      heads = new Int32Array(capacity)
      this.rungHeads[r] = heads
    }
    heads.fill(NIL, 0, buckets)
    this.rungStartNs[r] = minNs
    this.rungWidthNs[r] = widthNs
    this.rungBuckets[r] = buckets
    this.rungCurrent[r] = 0
    this.rungCurrentNs[r] = minNs
    this.rungEntries[r] = entries
    this.rungCount = r + 1
  }

  /** Distributes a linked list of nodes over the buckets of rung `r`. */
  private spreadList(r: number, head: number): void {
    const heads = this.rungHeads[r]!
    const startNs = this.rungStartNs[r]!
    const widthNs = this.rungWidthNs[r]!
    const last = this.rungBuckets[r]! - 1
    const keys = this.keys
    const links = this.links
    let node = head
    while (node !== NIL) {
      const next = links[2 * node + 1]!
      let b = Math.floor((keys[2 * node]! - startNs) / widthNs)
      if (b > last) b = last
      links[2 * node + 1] = heads[b]!
      heads[b] = node
      node = next
    }
  }

  /** Fills the empty bottom from the ladder (and top); false when the queue is empty. */
  private refillBottom(): boolean {
    for (;;) {
      if (this.rungCount === 0) {
        if (this.topCount === 0) return false
        // New epoch: top becomes rung 0; later times than its range go to top again.
        const head = this.topHead
        this.openRung(0, this.topMinNs, this.topMaxNs, this.topCount)
        this.spreadList(0, head)
        this.topStartNs = this.rungStartNs[0]! + this.rungBuckets[0]! * this.rungWidthNs[0]!
        this.topHead = NIL
        this.topCount = 0
        this.topMinNs = Infinity
        this.topMaxNs = -Infinity
      }
      const r = this.rungCount - 1
      if (this.rungEntries[r] === 0) {
        this.dropLowestRung()
        continue
      }
      // Take the first non-empty bucket of the lowest rung and copy it into
      // bottom in the same pass (the common outcome); if it must be split
      // instead, the copy is dropped and the still-linked nodes are spread.
      const heads = this.rungHeads[r]!
      let b = this.rungCurrent[r]!
      while (heads[b] === NIL) b++
      const head = heads[b]!
      heads[b] = NIL
      const keys = this.keys
      const links = this.links
      let bottomTime = this.bottomTime
      let entries = 0
      let minNs = Infinity
      let maxNs = -Infinity
      let tail = head
      for (let node = head; node !== NIL; node = links[2 * node + 1]!) {
        const t = keys[2 * node]!
        if (t < minNs) minNs = t
        if (t > maxNs) maxNs = t
        if (entries === bottomTime.length) {
          this.growBottom(entries + 1, entries)
          bottomTime = this.bottomTime
        }
        bottomTime[entries] = t
        this.bottomSeq[entries] = keys[2 * node + 1]!
        this.bottomPayload[entries] = links[2 * node]!
        entries++
        tail = node
      }
      this.rungEntries[r]! -= entries
      this.rungCurrent[r] = b + 1
      this.rungCurrentNs[r] = this.rungStartNs[r]! + (b + 1) * this.rungWidthNs[r]!
      const exhausted = b + 1 === this.rungBuckets[r]!
      if (exhausted) this.rungCount = r
      if (entries > SPAWN_THRESHOLD && maxNs > minNs && this.rungCount < MAX_RUNGS) {
        const child = this.rungCount
        this.openRung(child, minNs, maxNs, entries)
        this.spreadList(child, head)
        continue
      }
      // Free the nodes and sort the copy.
      links[2 * tail + 1] = this.freeNode
      this.freeNode = head
      this.bottomHead = 0
      this.bottomEnd = entries
      sortEntries(this.bottomTime, this.bottomSeq, this.bottomPayload, entries)
      if (this.rungCount === 0) {
        // Ladder empty: only what precedes bottom's last entry may still join bottom.
        this.topStartNs = maxNs
      }
      return true
    }
  }

  /** Called with bottom empty: once the ladder is empty too, everything new goes to top. */
  private dropLowestRung(): void {
    this.rungCount--
    if (this.rungCount === 0) this.topStartNs = -Infinity
  }

  private insertIntoBottom(timeNs: number, seq: number, payload: number): void {
    const size = this.bottomEnd - this.bottomHead
    if (size >= BOTTOM_LIMIT && this.rungCount < MAX_RUNGS && this.bottomTime[this.bottomHead]! < this.bottomTime[this.bottomEnd - 1]!) {
      this.bottomToRung()
      this.place(timeNs, seq, payload)
      return
    }
    const bottomTime = this.bottomTime
    // seq exceeds every stored seq, so the entry goes after all entries with time ≤ timeNs.
    let lo = this.bottomHead
    let hi = this.bottomEnd
    if (hi > lo && bottomTime[hi - 1]! <= timeNs) {
      lo = hi
    } else {
      while (lo < hi) {
        const mid = (lo + hi) >>> 1
        if (bottomTime[mid]! <= timeNs) lo = mid + 1
        else hi = mid
      }
    }
    let at = lo
    if (this.bottomHead > 0 && at - this.bottomHead < this.bottomEnd - at) {
      // Shift the shorter, front part one place down.
      const head = this.bottomHead
      this.bottomTime.copyWithin(head - 1, head, at)
      this.bottomSeq.copyWithin(head - 1, head, at)
      this.bottomPayload.copyWithin(head - 1, head, at)
      this.bottomHead = head - 1
      at--
    } else {
      if (this.bottomEnd === this.bottomTime.length) {
        if (this.bottomHead > 0) {
          at -= this.bottomHead
          this.compactBottom()
        } else {
          this.growBottom(this.bottomEnd + 1, this.bottomEnd)
        }
      }
      const end = this.bottomEnd
      if (at < end) {
        this.bottomTime.copyWithin(at + 1, at, end)
        this.bottomSeq.copyWithin(at + 1, at, end)
        this.bottomPayload.copyWithin(at + 1, at, end)
      }
      this.bottomEnd = end + 1
    }
    this.bottomTime[at] = timeNs
    this.bottomSeq[at] = seq
    this.bottomPayload[at] = payload
  }

  /** Turns an overgrown bottom into the lowest rung. */
  private bottomToRung(): void {
    const headIndex = this.bottomHead
    const endIndex = this.bottomEnd
    let list = NIL
    // Link in reverse so the list walks in (time, seq) order.
    for (let i = endIndex - 1; i >= headIndex; i--) {
      const node = this.allocateNode(this.bottomTime[i]!, this.bottomSeq[i]!, this.bottomPayload[i]!)
      this.links[2 * node + 1] = list
      list = node
    }
    const r = this.rungCount
    this.openRung(r, this.bottomTime[headIndex]!, this.bottomTime[endIndex - 1]!, endIndex - headIndex)
    this.spreadList(r, list)
    this.bottomHead = 0
    this.bottomEnd = 0
  }

  private compactBottom(): void {
    const head = this.bottomHead
    const end = this.bottomEnd
    this.bottomTime.copyWithin(0, head, end)
    this.bottomSeq.copyWithin(0, head, end)
    this.bottomPayload.copyWithin(0, head, end)
    this.bottomHead = 0
    this.bottomEnd = end - head
  }

  /** Grows bottom's arrays, keeping entries [0, keep). */
  private growBottom(minCapacity: number, keep: number): void {
    let capacity = this.bottomTime.length * 2
    while (capacity < minCapacity) capacity *= 2
    const time = new Float64Array(capacity)
    const seq = new Float64Array(capacity)
    const payload = new Int32Array(capacity)
    time.set(this.bottomTime.subarray(0, keep))
    seq.set(this.bottomSeq.subarray(0, keep))
    payload.set(this.bottomPayload.subarray(0, keep))
    this.bottomTime = time
    this.bottomSeq = seq
    this.bottomPayload = payload
  }

  private growNodes(): void {
    const keys = new Float64Array(this.keys.length * 2)
    const links = new Int32Array(this.links.length * 2)
    keys.set(this.keys)
    links.set(this.links)
    this.keys = keys
    this.links = links
  }
}
