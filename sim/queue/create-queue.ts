import { BinaryHeapQueue } from "./binary-heap.ts"
import { LadderQueue } from "./ladder-queue.ts"
import type { EventQueue, EventQueueKind } from "./event-queue.ts"

export function createEventQueue(kind: EventQueueKind): EventQueue {
  switch (kind) {
    case "heap":
      return new BinaryHeapQueue()
    case "ladder":
      return new LadderQueue()
  }
}
