import type { EventHandler, EventId } from "./event-handler.ts"
import { EventSlots, SLOT_CANCELLED, SLOT_PENDING } from "./event-slots.ts"
import { createEventQueue } from "./queue/create-queue.ts"
import type { EventQueue, EventQueueKind } from "./queue/event-queue.ts"
import type { TimeNs } from "./time.ts"

export type { EventHandler, EventId } from "./event-handler.ts"

export interface SimulatorOptions {
  /** "ladder" (default, O(1) amortized) or "heap" (reference binary heap). */
  queue?: EventQueueKind
}

/** Cancelled events are removed lazily; compaction runs once they dominate the queue. */
const COMPACT_MIN_CANCELLED = 4096

/**
 * Discrete-event kernel: runs events in (time, scheduling order).
 * Time never goes backwards and starts at 0.
 */
export class Simulator {
  private readonly queue: EventQueue
  private readonly slots = new EventSlots()
  private currentNs: TimeNs = 0
  private processed = 0
  private cancelledInQueue = 0
  private running = false
  private stopRequested = false

  constructor(options: SimulatorOptions = {}) {
    this.queue = createEventQueue(options.queue ?? "ladder")
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
    return this.queue.peekTimeNs()
  }

  scheduleAt(timeNs: TimeNs, handler: EventHandler, arg = 0, ref: unknown = undefined): EventId {
    if (!(timeNs >= this.currentNs) || !Number.isSafeInteger(timeNs)) {
      throw new RangeError(`cannot schedule at ${timeNs} ns: must be an integer ≥ now (${this.currentNs} ns)`)
    }
    const slot = this.slots.allocate(handler, arg, ref)
    this.queue.push(timeNs, slot)
    return this.slots.idOf(slot)
  }

  scheduleIn(delayNs: TimeNs, handler: EventHandler, arg = 0, ref: unknown = undefined): EventId {
    if (!(delayNs >= 0) || !Number.isSafeInteger(delayNs)) {
      throw new RangeError(`cannot schedule after ${delayNs} ns: delay must be a non-negative integer`)
    }
    return this.scheduleAt(this.currentNs + delayNs, handler, arg, ref)
  }

  /** Returns true if the event was pending; it will then never run. */
  cancel(id: EventId): boolean {
    const slot = this.slots.slotOf(id, SLOT_PENDING)
    if (slot < 0) return false
    this.slots.markCancelled(slot)
    this.cancelledInQueue++
    if (this.cancelledInQueue >= COMPACT_MIN_CANCELLED && this.cancelledInQueue * 2 > this.queue.size) {
      this.compact()
    }
    return true
  }

  /** True while the event is scheduled and has neither run nor been cancelled. */
  isPending(id: EventId): boolean {
    return this.slots.slotOf(id, SLOT_PENDING) >= 0
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
    this.loop(Number.MAX_SAFE_INTEGER) // an empty queue peeks Infinity, which ends the loop
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
    const slots = this.slots
    try {
      for (;;) {
        const timeNs = queue.peekTimeNs()
        if (timeNs > endNs) return true
        const slot = queue.pop()
        if (slots.stateOf(slot) === SLOT_CANCELLED) {
          slots.release(slot)
          this.cancelledInQueue--
          continue
        }
        const handler = slots.handlerOf(slot)
        const arg = slots.argOf(slot)
        const ref = slots.refOf(slot)
        slots.release(slot)
        this.currentNs = timeNs
        this.processed++
        handler.handleEvent(arg, ref)
        if (this.stopRequested) return false
      }
    } finally {
      this.running = false
    }
  }

  private skipCancelledHead(): void {
    const queue = this.queue
    const slots = this.slots
    while (this.cancelledInQueue > 0 && queue.size > 0) {
      const slot = queue.peekPayload()
      if (slots.stateOf(slot) !== SLOT_CANCELLED) return
      queue.pop()
      slots.release(slot)
      this.cancelledInQueue--
    }
  }

  /** Rebuilds the queue without its cancelled entries; keeps (time, order). */
  private compact(): void {
    const queue = this.queue
    const slots = this.slots
    const n = queue.size
    const times = new Float64Array(n)
    const kept = new Int32Array(n)
    let count = 0
    while (queue.size > 0) {
      const timeNs = queue.peekTimeNs()
      const slot = queue.pop()
      if (slots.stateOf(slot) === SLOT_CANCELLED) {
        slots.release(slot)
        continue
      }
      times[count] = timeNs
      kept[count++] = slot
    }
    this.cancelledInQueue = 0
    queue.clear()
    for (let i = 0; i < count; i++) queue.push(times[i]!, kept[i]!)
  }
}
