import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { BinaryHeapQueue } from "../../sim/queue/binary-heap.ts"
import type { EventQueue } from "../../sim/queue/event-queue.ts"
import { LadderQueue } from "../../sim/queue/ladder-queue.ts"

/** Queue times are safe integers (TimeNs); relative pushes saturate there. */
const MAX_TIME_NS = Number.MAX_SAFE_INTEGER

type Op = { kind: "push"; timeNs: number } | { kind: "pop" } | { kind: "popMany"; count: number }

/**
 * Replays ops on a queue; payload = push index, which equals the sequence
 * number, so each pop is recorded as (time, seq).
 */
function replay(queue: EventQueue, ops: readonly Op[], relativeToLastPop: boolean): [number, number][] {
  const popped: [number, number][] = []
  let pushes = 0
  let lastPopNs = 0
  const popOne = (): void => {
    const timeNs = queue.peekTimeNs()
    const payload = queue.pop()
    if (payload === -1) {
      if (timeNs !== Infinity) popped.push([timeNs, -1]) // an empty queue must peek Infinity
      return
    }
    lastPopNs = timeNs
    popped.push([timeNs, payload])
  }
  for (const op of ops) {
    if (op.kind === "push") {
      queue.push(relativeToLastPop ? Math.min(lastPopNs + op.timeNs, MAX_TIME_NS) : op.timeNs, pushes++)
    } else if (op.kind === "pop") {
      popOne()
    } else {
      for (let i = 0; i < op.count; i++) popOne()
    }
  }
  while (queue.size > 0) popOne()
  expect(queue.pop()).toBe(-1)
  expect(queue.peekTimeNs()).toBe(Infinity)
  return popped
}

/** Independent model: pending list, pop takes the minimum (time, seq) by a linear scan. */
function model(ops: readonly Op[], relativeToLastPop: boolean): [number, number][] {
  const pending: [number, number][] = []
  const popped: [number, number][] = []
  let pushes = 0
  let lastPopNs = 0
  const popOne = (): void => {
    if (pending.length === 0) return
    let best = 0
    for (let i = 1; i < pending.length; i++) {
      const [t, s] = pending[i]!
      const [bt, bs] = pending[best]!
      if (t < bt || (t === bt && s < bs)) best = i
    }
    const [entry] = pending.splice(best, 1)
    lastPopNs = entry![0]
    popped.push(entry!)
  }
  for (const op of ops) {
    if (op.kind === "push") pending.push([relativeToLastPop ? Math.min(lastPopNs + op.timeNs, MAX_TIME_NS) : op.timeNs, pushes++])
    else if (op.kind === "pop") popOne()
    else for (let i = 0; i < op.count; i++) popOne()
  }
  while (pending.length > 0) popOne()
  return popped
}

/** Deep equality of long pop sequences; vitest's toEqual only runs on a mismatch, for its message. */
function expectSameSequence(got: [number, number][], want: [number, number][]): void {
  let same = got.length === want.length
  for (let i = 0; same && i < got.length; i++) same = got[i]![0] === want[i]![0] && got[i]![1] === want[i]![1]
  if (!same) expect(got).toEqual(want)
}

const timeArbitraries = {
  ties: fc.integer({ min: 0, max: 5 }),
  narrow: fc.integer({ min: 0, max: 300 }),
  wide: fc.integer({ min: 0, max: 2 ** 40 }),
  mixed: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 2 ** 52 })),
}

function opsArbitrary(time: fc.Arbitrary<number>): fc.Arbitrary<Op[]> {
  const op: fc.Arbitrary<Op> = fc.oneof(
    { weight: 6, arbitrary: time.map((timeNs) => ({ kind: "push" as const, timeNs })) },
    { weight: 3, arbitrary: fc.constant({ kind: "pop" as const }) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 400 }).map((count) => ({ kind: "popMany" as const, count })) },
  )
  return fc.array(op, { minLength: 0, maxLength: 1500, size: "max" })
}

describe("EventQueue implementations against a model", () => {
  for (const [name, time] of Object.entries(timeArbitraries)) {
    for (const relative of [false, true]) {
      it(`pop the same (time, seq) sequence as the model: ${name} times, ${relative ? "after last pop" : "absolute"}`, () => {
        fc.assert(
          fc.property(opsArbitrary(time), (ops) => {
            const expected = model(ops, relative)
            expectSameSequence(replay(new LadderQueue(), ops, relative), expected)
            expectSameSequence(replay(new BinaryHeapQueue(), ops, relative), expected)
          }),
          { numRuns: 100 },
        )
      })
    }
  }

  it("pushes then pops everything in sorted order (plain sort as oracle)", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 2 ** 53 - 1 })), { maxLength: 5000, size: "max" }), (times) => {
        const expected = times.map((t, seq) => [t, seq] as [number, number]).sort((a, b) => a[0] - b[0] || a[1] - b[1])
        for (const queue of [new LadderQueue(), new BinaryHeapQueue()]) {
          times.forEach((t, seq) => queue.push(t, seq))
          expect(queue.size).toBe(times.length)
          const got: [number, number][] = []
          while (queue.size > 0) {
            const t = queue.peekTimeNs()
            got.push([t, queue.pop()])
          }
          expectSameSequence(got, expected)
        }
      }),
      { numRuns: 60 },
    )
  })

  it("clear empties the queue and keeps FIFO order for later ties", () => {
    for (const queue of [new LadderQueue(), new BinaryHeapQueue()]) {
      for (let i = 0; i < 1000; i++) queue.push(i % 7, i)
      queue.pop()
      queue.clear()
      expect(queue.size).toBe(0)
      expect(queue.peekTimeNs()).toBe(Infinity)
      queue.push(5, 1)
      queue.push(5, 2)
      queue.push(3, 3)
      expect([queue.pop(), queue.pop(), queue.pop(), queue.pop()]).toEqual([3, 1, 2, -1])
    }
  })
})

/** Deterministic 32-bit LCG (Numerical Recipes constants), independent of sim/random. */
function lcg(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return (state + 0.5) / 4294967296
  }
}

/** Hold-model increments (integer ns) for the skewed workloads the ladder must survive. */
const workloads: Record<string, (u: () => number) => number> = {
  exponential: (u) => Math.round(-1e6 * Math.log(u())),
  uniform: (u) => Math.floor(2e6 * u()),
  bimodal: (u) => (u() < 0.9 ? Math.floor(1000 * u()) : 1e9 + Math.floor(1e6 * u())),
  paretoHeavyTail: (u) => Math.min(2 ** 45, Math.round(1000 * Math.pow(u(), -1 / 1.1))),
  allEqual: () => 0,
  fewDistinct: (u) => 1000 * Math.floor(4 * u()),
  burstyTiny: (u) => (u() < 0.6 ? Math.floor(8 * u()) : Math.floor(1e9 * u())),
  voipLike: (u) => (u() < 0.95 ? 20_000_000 + Math.floor(2e6 * u()) : Math.floor(3e10 * u())),
}

describe("hold model on skewed workloads: ladder matches the heap", () => {
  for (const [name, increment] of Object.entries(workloads)) {
    it(name, () => {
      const ladder = new LadderQueue()
      const heap = new BinaryHeapQueue()
      const u = lcg(12345)
      let pushes = 0
      for (let i = 0; i < 3000; i++) {
        const t = increment(u)
        ladder.push(t, pushes)
        heap.push(t, pushes++)
      }
      // Grow to 6000 pending, hold, then drain: exercises epochs, spawns and the bottom limit.
      let mismatches = 0
      for (let step = 0; step < 60_000; step++) {
        const nowNs = heap.peekTimeNs()
        if (ladder.peekTimeNs() !== nowNs) mismatches++
        if (ladder.pop() !== heap.pop()) mismatches++
        const fanOut = step < 3000 ? 2 : step < 50_000 ? 1 : 0
        for (let k = 0; k < fanOut; k++) {
          const t = nowNs + increment(u)
          ladder.push(t, pushes)
          heap.push(t, pushes++)
        }
      }
      while (heap.size > 0) if (ladder.pop() !== heap.pop()) mismatches++
      expect(mismatches).toBe(0)
      expect(ladder.size).toBe(0)
      expect(ladder.pop()).toBe(-1)
    })
  }
})

describe("bursts into the near future", () => {
  it("a pop that schedules thousands of nearby entries keeps the order", () => {
    const ladder = new LadderQueue()
    const heap = new BinaryHeapQueue()
    const u = lcg(777)
    let pushes = 0
    const push = (t: number): void => {
      ladder.push(t, pushes)
      heap.push(t, pushes++)
    }
    // Sparse far-apart entries make wide buckets; each burst then lands before the current bucket's end.
    for (let i = 0; i < 2000; i++) push(Math.floor(1e12 * u()))
    let mismatches = 0
    for (let step = 0; step < 30_000; step++) {
      const nowNs = heap.peekTimeNs()
      if (ladder.peekTimeNs() !== nowNs) mismatches++
      if (ladder.pop() !== heap.pop()) mismatches++
      if (step % 1000 === 0) for (let k = 0; k < 3000; k++) push(nowNs + Math.floor(5000 * u()))
      else if (u() < 0.5) push(nowNs + Math.floor(1e9 * u()))
    }
    while (heap.size > 0) if (ladder.pop() !== heap.pop()) mismatches++
    expect(mismatches).toBe(0)
  })
})
