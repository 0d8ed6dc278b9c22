import type { EventHandler, EventId } from "./event-handler.ts"

export const SLOT_FREE = 0
export const SLOT_PENDING = 1
export const SLOT_CANCELLED = 2

/**
 * Ids pack (generation, slot) as generation * SLOT_LIMIT + slot, within 2^53.
 * generation * 4 + state stays below 2^31, so bit operations apply to it.
 */
export const SLOT_BITS = 24
export const SLOT_LIMIT = 2 ** SLOT_BITS
const GENERATION_LIMIT = 2 ** (53 - SLOT_BITS)
const INITIAL_CAPACITY = 256

/**
 * Pool of event records, so the event loop allocates nothing per event.
 * Each slot is two adjacent pairs, to touch few cache lines per event:
 *   numbers[2s] = arg, numbers[2s+1] = generation * 4 + state;
 *   objects[2s] = handler, objects[2s+1] = ref.
 *
 * Every reuse of a slot bumps its generation, which makes ids unique: a slot
 * whose generation is exhausted is retired instead of wrapping, so a stale id
 * can never name a later event.
 */
export class EventSlots {
  numbers = new Float64Array(2 * INITIAL_CAPACITY)
  objects: unknown[] = new Array<unknown>(2 * INITIAL_CAPACITY).fill(undefined)
  private freeStack = new Int32Array(INITIAL_CAPACITY)
  private freeCount = 0
  /** Slots [0, used) have been handed out at least once. */
  private used = 0

  /** Claims a slot, fills it and returns its index. */
  allocate(handler: EventHandler, arg: number, ref: unknown): number {
    let slot: number
    if (this.freeCount > 0) {
      slot = this.freeStack[--this.freeCount]!
    } else {
      if (2 * this.used === this.numbers.length) this.grow()
      slot = this.used++
    }
    const numbers = this.numbers
    numbers[2 * slot] = arg
    numbers[2 * slot + 1]! += SLOT_PENDING // state was SLOT_FREE (0)
    this.objects[2 * slot] = handler
    this.objects[2 * slot + 1] = ref
    return slot
  }

  /** SLOT_FREE, SLOT_PENDING or SLOT_CANCELLED. */
  stateOf(slot: number): number {
    return this.numbers[2 * slot + 1]! & 3
  }

  handlerOf(slot: number): EventHandler {
    return this.objects[2 * slot] as EventHandler
  }

  argOf(slot: number): number {
    return this.numbers[2 * slot]!
  }

  refOf(slot: number): unknown {
    return this.objects[2 * slot + 1]
  }

  idOf(slot: number): EventId {
    return (this.numbers[2 * slot + 1]! >>> 2) * SLOT_LIMIT + slot
  }

  /** Slot named by a still-valid id in the given state, or -1. */
  slotOf(id: EventId, state: number): number {
    if (!Number.isSafeInteger(id) || id < 0) return -1
    const slot = id % SLOT_LIMIT
    if (slot >= this.used) return -1
    const generation = (id - slot) / SLOT_LIMIT
    return this.numbers[2 * slot + 1] === generation * 4 + state ? slot : -1
  }

  /** Drops the references held by a pending slot; it stays queued until popped. */
  markCancelled(slot: number): void {
    this.numbers[2 * slot + 1]! += SLOT_CANCELLED - SLOT_PENDING
    this.objects[2 * slot] = undefined
    this.objects[2 * slot + 1] = undefined
  }

  release(slot: number): void {
    const generation = (this.numbers[2 * slot + 1]! >>> 2) + 1
    this.objects[2 * slot] = undefined
    this.objects[2 * slot + 1] = undefined
    this.numbers[2 * slot + 1] = generation * 4 + SLOT_FREE
    if (generation === GENERATION_LIMIT) return // retired for good
    this.freeStack[this.freeCount++] = slot
  }

  private grow(): void {
    const capacity = this.used * 2
    if (capacity > SLOT_LIMIT) {
      throw new RangeError(`more than ${SLOT_LIMIT} simultaneously pending events`)
    }
    const numbers = new Float64Array(2 * capacity)
    numbers.set(this.numbers)
    this.numbers = numbers
    const freeStack = new Int32Array(capacity)
    freeStack.set(this.freeStack)
    this.freeStack = freeStack
    for (let i = this.objects.length; i < 2 * capacity; i++) this.objects.push(undefined)
  }
}
