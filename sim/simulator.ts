import type { EventHandler, EventId } from "./event-handler.ts"
import { createEntryQueue } from "./queue/create-queue.ts"
import { DATA_A, DATA_B, EntryStore, SEQ, STRIDE, TIME, type EntryQueue } from "./queue/entry-store.ts"
import type { EventQueueKind } from "./queue/event-queue.ts"
import type { TimeNs } from "./time.ts"

export type { EventHandler, EventId } from "./event-handler.ts"

export interface SimulatorOptions {
  /** "ladder" (default, O(1) amortized) or "heap" (reference binary heap). */
  queue?: EventQueueKind
}

/** Cancelled events are removed lazily; compaction runs once they dominate the queue. */
const COMPACT_MIN_CANCELLED = 4096

// An event is an entry of the store: its time and seq (the queue's key), its arg (DATA_A) and
// generation · 4 + state (DATA_B); its handler and ref sit in `objects` at 2e and 2e + 1.
const ARG = DATA_A
const META = DATA_B
const STATE_FREE = 0
const STATE_PENDING = 1
const STATE_CANCELLED = 2

/**
 * Ids pack (generation, entry) as generation · ENTRY_LIMIT + entry, within 2^53; generation · 4 +
 * state stays below 2^31, so bit operations apply to it. Every reuse of an entry bumps its
 * generation, which makes ids unique: an entry whose generation is exhausted is retired instead
 * of wrapping, so a stale id can never name a later event.
 */
const ENTRY_BITS = 24
const ENTRY_LIMIT = 2 ** ENTRY_BITS
const GENERATION_LIMIT = 2 ** (53 - ENTRY_BITS)

/**
 * Discrete-event kernel: runs events in (time, scheduling order).
 * Time never goes backwards and starts at 0.
 *
 * Events are records in typed arrays (no object per event): scheduling fills a free entry and
 * hands it to the queue, running one reads it back and frees it. The run loop reads entries
 * directly, so its only calls are the queue's peek/removeFirst and the handler.
 */
export class Simulator {
  private readonly store = new EntryStore()
  private objects: unknown[] = []
  private readonly queue: EntryQueue
  private nextSeq = 0
  private currentNs: TimeNs = 0
  private processed = 0
  private cancelledInQueue = 0
  private running = false
  private stopRequested = false

  constructor(options: SimulatorOptions = {}) {
    this.queue = createEntryQueue(options.queue ?? "ladder", this.store)
  }

  get nowNs(): TimeNs {
    return this.currentNs
  }

  /** Events scheduled and neither run nor cancelled yet. */
  get pendingEvents(): number {
    return this.queue.size - this.cancelledInQueue
  }

  /** Events whose handler has been invoked. */
  get processedEvents(): number {
    return this.processed
  }

  /** Time of the next event to run, or Infinity when none is pending. */
  get nextEventTimeNs(): TimeNs {
    this.skipCancelledHead()
    const e = this.queue.peek()
    return e < 0 ? Infinity : this.store.numbers[STRIDE * e + TIME]!
  }

  scheduleAt(timeNs: TimeNs, handler: EventHandler, arg = 0, ref: unknown = undefined): EventId {
    if (!(timeNs >= this.currentNs) || !Number.isSafeInteger(timeNs) || (arg | 0) !== arg) this.rejectSchedule(timeNs, arg)
    const e = this.enqueue(timeNs, handler, arg, ref)
    return (this.store.numbers[STRIDE * e + META]! >>> 2) * ENTRY_LIMIT + e
  }

  /**
   * `scheduleAt` for an event that will never be cancelled: no id is made. The per-packet paths
   * use it: an id beyond 2^31 is a heap-allocated number wherever the call is not inlined.
   */
  post(timeNs: TimeNs, handler: EventHandler, arg = 0, ref: unknown = undefined): void {
    if (!(timeNs >= this.currentNs) || !Number.isSafeInteger(timeNs) || (arg | 0) !== arg) this.rejectSchedule(timeNs, arg)
    this.enqueue(timeNs, handler, arg, ref)
  }

  // Kept small (errors and growth out of line) so that callers can inline it.
  private enqueue(timeNs: TimeNs, handler: EventHandler, arg: number, ref: unknown): number {
    const e = this.store.allocate()
    if (2 * e >= this.objects.length) this.growObjects(e)
    const numbers = this.store.numbers
    const base = STRIDE * e
    numbers[base + TIME] = timeNs
    numbers[base + SEQ] = this.nextSeq++
    numbers[base + ARG] = arg
    numbers[base + META]! += STATE_PENDING // the state was STATE_FREE (0)
    this.objects[2 * e] = handler
    this.objects[2 * e + 1] = ref
    this.queue.insert(e)
    return e
  }

  scheduleIn(delayNs: TimeNs, handler: EventHandler, arg = 0, ref: unknown = undefined): EventId {
    if (!(delayNs >= 0) || !Number.isSafeInteger(delayNs)) {
      throw new RangeError(`cannot schedule after ${delayNs} ns: delay must be a non-negative integer`)
    }
    return this.scheduleAt(this.currentNs + delayNs, handler, arg, ref)
  }

  /** Returns true if the event was pending; it will then never run. */
  cancel(id: EventId): boolean {
    const e = this.entryOf(id, STATE_PENDING)
    if (e < 0) return false
    this.store.numbers[STRIDE * e + META]! += STATE_CANCELLED - STATE_PENDING
    this.objects[2 * e] = undefined
    this.objects[2 * e + 1] = undefined
    this.cancelledInQueue++
    if (this.cancelledInQueue >= COMPACT_MIN_CANCELLED && this.cancelledInQueue * 2 > this.queue.size) {
      this.compact()
    }
    return true
  }

  /** True while the event is scheduled and has neither run nor been cancelled. */
  isPending(id: EventId): boolean {
    return this.entryOf(id, STATE_PENDING) >= 0
  }

  /**
   * Runs every event with time ≤ endNs, then sets now = endNs.
   * After `stop()`, returns right after the stopping event with now at its time.
   */
  runUntil(endNs: TimeNs): void {
    if (!(endNs >= this.currentNs) || !Number.isSafeInteger(endNs)) {
      throw new RangeError(`cannot run until ${endNs} ns: must be an integer ≥ now (${this.currentNs} ns)`)
    }
    if (this.loop(endNs)) this.currentNs = endNs
  }

  /** Runs until no event is pending (or `stop()`); now stays at the last event's time. */
  run(): void {
    this.loop(Number.MAX_SAFE_INTEGER)
  }

  /** From a handler: the current run/runUntil returns after this event. */
  stop(): void {
    this.stopRequested = true
  }

  /** Returns false when stopped early. */
  private loop(endNs: number): boolean {
    if (this.running) throw new Error("run/runUntil called from inside a handler")
    this.running = true
    this.stopRequested = false
    const queue = this.queue
    try {
      for (;;) {
        const e = queue.peek()
        if (e < 0) return true
        // Handlers may grow the arrays, so they are read afresh for every event.
        const numbers = this.store.numbers
        const base = STRIDE * e
        const timeNs = numbers[base + TIME]!
        if (timeNs > endNs) return true
        queue.removeFirst()
        const meta = numbers[base + META]!
        const objects = this.objects
        const handler = objects[2 * e] as EventHandler
        const ref = objects[2 * e + 1]
        // `| 0` tells the compiler the arg is an int32 (as scheduleAt checked), so handlers
        // inlined here compute with it as an integer rather than a double.
        const arg = numbers[base + ARG]! | 0
        // Free the entry (as `free` does, written out: this is the hottest loop).
        const generation = (meta >>> 2) + 1
        numbers[base + META] = generation * 4 + STATE_FREE
        objects[2 * e] = undefined
        objects[2 * e + 1] = undefined
        if (generation !== GENERATION_LIMIT) this.store.release(e)
        if ((meta & 3) === STATE_CANCELLED) {
          this.cancelledInQueue--
          continue
        }
        this.currentNs = timeNs
        this.processed++
        handler.handleEvent(arg, ref)
        if (this.stopRequested) return false
      }
    } finally {
      this.running = false
    }
  }

  /** Returns a popped entry to the store with its generation bumped (or retires it). */
  private free(e: number, meta: number): void {
    const generation = (meta >>> 2) + 1
    this.store.numbers[STRIDE * e + META] = generation * 4 + STATE_FREE
    this.objects[2 * e] = undefined
    this.objects[2 * e + 1] = undefined
    if (generation !== GENERATION_LIMIT) this.store.release(e)
  }

  /** Entry named by a still-valid id in the given state, or -1. */
  private entryOf(id: EventId, state: number): number {
    if (!Number.isSafeInteger(id) || id < 0) return -1
    const e = id % ENTRY_LIMIT
    if (e >= this.store.usedEntries) return -1
    const generation = (id - e) / ENTRY_LIMIT
    return this.store.numbers[STRIDE * e + META] === generation * 4 + state ? e : -1
  }

  private skipCancelledHead(): void {
    const queue = this.queue
    while (this.cancelledInQueue > 0) {
      const e = queue.peek()
      if (e < 0) return
      const meta = this.store.numbers[STRIDE * e + META]!
      if ((meta & 3) !== STATE_CANCELLED) return
      queue.removeFirst()
      this.free(e, meta)
      this.cancelledInQueue--
    }
  }

  /** Rebuilds the queue without its cancelled entries; the kept ones keep their keys, so their order. */
  private compact(): void {
    const queue = this.queue
    const kept = new Int32Array(queue.size)
    let count = 0
    for (let e = queue.peek(); e >= 0; e = queue.peek()) {
      queue.removeFirst()
      const meta = this.store.numbers[STRIDE * e + META]!
      if ((meta & 3) === STATE_CANCELLED) this.free(e, meta)
      else kept[count++] = e
    }
    this.cancelledInQueue = 0
    queue.clear()
    for (let i = 0; i < count; i++) queue.insert(kept[i]!)
  }

  private rejectSchedule(timeNs: TimeNs, arg: number): never {
    if ((arg | 0) !== arg) throw new RangeError(`an event's arg must be an int32, got ${arg}`)
    throw new RangeError(`cannot schedule at ${timeNs} ns: must be an integer ≥ now (${this.currentNs} ns)`)
  }

  private growObjects(e: number): void {
    if (e >= ENTRY_LIMIT) throw new RangeError(`more than ${ENTRY_LIMIT} simultaneously pending events`)
    const objects = this.objects
    for (let i = objects.length, n = Math.max(2 * objects.length, 512); i < n; i++) objects.push(undefined)
  }
}
