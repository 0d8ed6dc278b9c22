import { BinaryHeap, BinaryHeapQueue } from "./binary-heap.ts"
import type { EntryQueue, EntryStore } from "./entry-store.ts"
import type { EventQueue, EventQueueKind } from "./event-queue.ts"
import { Ladder, LadderQueue } from "./ladder-queue.ts"

/** A stand-alone (time, payload) queue of a kind. */
export function createEventQueue(kind: EventQueueKind): EventQueue {
  switch (kind) {
    case "heap":
      return new BinaryHeapQueue()
    case "ladder":
      return new LadderQueue()
  }
}

/** The entry queue of a kind, over `store` (what the Simulator uses). */
export function createEntryQueue(kind: EventQueueKind, store: EntryStore): EntryQueue {
  switch (kind) {
    case "heap":
      return new BinaryHeap(store)
    case "ladder":
      return new Ladder(store)
  }
}
