import fc from "fast-check"
import { describe, expect, it } from "vitest"
import type { EventHandler } from "../../sim/index.ts"
import { Simulator } from "../../sim/index.ts"

/** Records (now, arg, ref) for every event it receives. */
class Recorder implements EventHandler {
  readonly log: [number, number, unknown][] = []
  constructor(private readonly sim: Simulator) {}
  handleEvent(arg: number, ref: unknown): void {
    this.log.push([this.sim.nowNs, arg, ref])
  }
}

for (const queue of ["ladder", "heap"] as const) {
  describe(`Simulator (${queue} queue)`, () => {
    it("runs events in time order, equal times in scheduling order", () => {
      const sim = new Simulator({ queue })
      const rec = new Recorder(sim)
      sim.scheduleAt(30, rec, 1)
      sim.scheduleAt(10, rec, 2)
      sim.scheduleAt(20, rec, 3)
      sim.scheduleAt(10, rec, 4)
      sim.scheduleAt(10, rec, 5, "five")
      sim.scheduleAt(0, rec, 6)
      sim.run()
      expect(rec.log).toEqual([
        [0, 6, undefined],
        [10, 2, undefined],
        [10, 4, undefined],
        [10, 5, "five"],
        [20, 3, undefined],
        [30, 1, undefined],
      ])
      expect(sim.processedEvents).toBe(6)
      expect(sim.pendingEvents).toBe(0)
      expect(sim.nowNs).toBe(30)
    })

    it("keeps scheduling order for equal times scheduled from handlers", () => {
      const sim = new Simulator({ queue })
      const order: number[] = []
      // Each event at t=5 schedules two more at t=5 until 200 have run: FIFO means breadth-first numbering.
      let next = 1
      const handler: EventHandler = {
        handleEvent(arg) {
          order.push(arg)
          if (next < 200) sim.scheduleIn(0, handler, next++)
          if (next < 200) sim.scheduleIn(0, handler, next++)
        },
      }
      sim.scheduleAt(5, handler, 0)
      sim.run()
      expect(order).toEqual(Array.from({ length: 200 }, (_, i) => i))
      expect(sim.nowNs).toBe(5)
    })

    it("rejects times in the past, non-integer and non-finite times", () => {
      const sim = new Simulator({ queue })
      const rec = new Recorder(sim)
      sim.runUntil(100)
      expect(() => sim.scheduleAt(99, rec)).toThrow(RangeError)
      expect(() => sim.scheduleAt(100.5, rec)).toThrow(RangeError)
      expect(() => sim.scheduleAt(Infinity, rec)).toThrow(RangeError)
      expect(() => sim.scheduleAt(NaN, rec)).toThrow(RangeError)
      expect(() => sim.scheduleAt(2 ** 53, rec)).toThrow(RangeError)
      expect(() => sim.scheduleIn(-1, rec)).toThrow(RangeError)
      expect(() => sim.scheduleIn(0.25, rec)).toThrow(RangeError)
      expect(() => sim.runUntil(50)).toThrow(RangeError)
      expect(() => sim.scheduleAt(100, rec, 0.5)).toThrow(RangeError) // arg is an int32
      expect(() => sim.scheduleAt(100, rec, 2 ** 31)).toThrow(RangeError)
      sim.scheduleAt(100, rec, 7) // "now" itself is allowed
      sim.run()
      expect(rec.log).toEqual([[100, 7, undefined]])
    })

    it("never runs an event before now", () => {
      const sim = new Simulator({ queue })
      let last = -1
      let violations = 0
      const handler: EventHandler = {
        handleEvent(arg) {
          if (sim.nowNs < last) violations++
          last = sim.nowNs
          if (arg > 0) sim.scheduleIn((arg * 7919) % 1000, handler, arg - 1)
        },
      }
      for (let i = 0; i < 50; i++) sim.scheduleAt((i * 37) % 500, handler, 40)
      sim.run()
      expect(violations).toBe(0)
      expect(sim.processedEvents).toBe(50 * 41)
    })

    it("cancel: a cancelled event never runs, double cancel is false", () => {
      const sim = new Simulator({ queue })
      const rec = new Recorder(sim)
      const a = sim.scheduleAt(10, rec, 1)
      const b = sim.scheduleAt(20, rec, 2)
      const c = sim.scheduleAt(10, rec, 3)
      expect(sim.pendingEvents).toBe(3)
      expect(sim.isPending(b)).toBe(true)
      expect(sim.cancel(b)).toBe(true)
      expect(sim.isPending(b)).toBe(false)
      expect(sim.cancel(b)).toBe(false)
      expect(sim.pendingEvents).toBe(2)
      sim.run()
      expect(rec.log.map((e) => e[1])).toEqual([1, 3])
      expect(sim.cancel(a)).toBe(false) // already ran
      expect(sim.cancel(c)).toBe(false)
      expect(sim.cancel(-1)).toBe(false)
      expect(sim.cancel(1.5)).toBe(false)
      expect(sim.nowNs).toBe(10) // the cancelled event at 20 does not advance time
    })

    it("cancel: ids of finished events never name a later event in the same slot", () => {
      const sim = new Simulator({ queue })
      const rec = new Recorder(sim)
      const stale = sim.scheduleAt(1, rec, 1)
      sim.run()
      const fresh = sim.scheduleAt(2, rec, 2) // reuses the freed slot
      expect(fresh).not.toBe(stale)
      expect(sim.cancel(stale)).toBe(false)
      sim.run()
      expect(rec.log.map((e) => e[1])).toEqual([1, 2])
    })

    it("cancel from a handler, and mass cancellation keeps the survivors in order", () => {
      const sim = new Simulator({ queue })
      const rec = new Recorder(sim)
      const ids: number[] = []
      // Enough cancellations to trigger queue compaction.
      for (let i = 0; i < 20_000; i++) ids.push(sim.scheduleAt(1000 + (i % 97), rec, i))
      const canceller: EventHandler = {
        handleEvent() {
          for (let i = 0; i < ids.length; i++) if (i % 5 !== 0) sim.cancel(ids[i]!)
        },
      }
      sim.scheduleAt(500, canceller)
      sim.run()
      const expected: number[] = []
      for (let i = 0; i < 20_000; i += 5) expected.push(i)
      expected.sort((x, y) => (x % 97) - (y % 97) || x - y)
      expect(rec.log.map((e) => e[1])).toEqual(expected)
      expect(rec.log.every(([t, i]) => t === 1000 + (i % 97))).toBe(true)
      expect(sim.pendingEvents).toBe(0)
    })

    it("runUntil runs events with time ≤ end, then sets now = end", () => {
      const sim = new Simulator({ queue })
      const rec = new Recorder(sim)
      for (const t of [5, 10, 15, 20]) sim.scheduleAt(t, rec, t)
      sim.runUntil(15)
      expect(rec.log.map((e) => e[1])).toEqual([5, 10, 15])
      expect(sim.nowNs).toBe(15)
      sim.runUntil(17)
      expect(sim.nowNs).toBe(17)
      expect(sim.pendingEvents).toBe(1)
      expect(sim.nextEventTimeNs).toBe(20)
      sim.runUntil(100)
      expect(rec.log.map((e) => e[1])).toEqual([5, 10, 15, 20])
      expect(sim.nowNs).toBe(100)
      expect(sim.nextEventTimeNs).toBe(Infinity)
    })

    it("stop() makes run return after the current event", () => {
      const sim = new Simulator({ queue })
      const seen: number[] = []
      const handler: EventHandler = {
        handleEvent(arg) {
          seen.push(arg)
          if (arg === 3) sim.stop()
        },
      }
      for (let i = 1; i <= 6; i++) sim.scheduleAt(i * 10, handler, i)
      sim.runUntil(1000)
      expect(seen).toEqual([1, 2, 3])
      expect(sim.nowNs).toBe(30) // stopped: now stays at the stopping event
      sim.run()
      expect(seen).toEqual([1, 2, 3, 4, 5, 6])
      expect(sim.nowNs).toBe(60)
    })

    it("refuses re-entrant run from a handler", () => {
      const sim = new Simulator({ queue })
      let error: unknown
      sim.scheduleAt(1, {
        handleEvent() {
          try {
            sim.run()
          } catch (e) {
            error = e
          }
        },
      })
      sim.run()
      expect(error).toBeInstanceOf(Error)
    })
  })
}

type SimOp =
  | { kind: "schedule"; delayNs: number; children: number }
  | { kind: "cancel"; pick: number }
  | { kind: "run"; advanceNs: number }

/**
 * Independent model of the kernel: a pending list scanned for the minimum
 * (time, scheduling order). Events with children > 0 schedule one more event
 * after (children · 37) mod 100 ns, as the handler under test does.
 */
function modelRun(ops: readonly SimOp[]): { fired: [number, number][]; cancelResults: boolean[] } {
  type Pending = { timeNs: number; order: number; label: number; children: number }
  let pending: Pending[] = []
  const fired: [number, number][] = []
  const cancelResults: boolean[] = []
  const handles: Pending[] = []
  let order = 0
  let label = 0
  let nowNs = 0
  const schedule = (timeNs: number, children: number): Pending => {
    const p = { timeNs, order: order++, label: label++, children }
    pending.push(p)
    return p
  }
  for (const op of ops) {
    if (op.kind === "schedule") handles.push(schedule(nowNs + op.delayNs, op.children))
    else if (op.kind === "cancel") {
      if (handles.length === 0) continue
      const target = handles[op.pick % handles.length]!
      const wasPending = pending.includes(target)
      pending = pending.filter((p) => p !== target)
      cancelResults.push(wasPending)
    } else {
      const endNs = nowNs + op.advanceNs
      for (;;) {
        let best: Pending | undefined
        for (const p of pending) if (!best || p.timeNs < best.timeNs || (p.timeNs === best.timeNs && p.order < best.order)) best = p
        if (!best || best.timeNs > endNs) break
        pending = pending.filter((p) => p !== best)
        nowNs = best.timeNs
        fired.push([nowNs, best.label])
        if (best.children > 0) schedule(nowNs + ((best.children * 37) % 100), best.children - 1)
      }
      nowNs = endNs
    }
  }
  return { fired, cancelResults }
}

function simulatorRun(queue: "ladder" | "heap", ops: readonly SimOp[]): { fired: [number, number][]; cancelResults: boolean[] } {
  const sim = new Simulator({ queue })
  const fired: [number, number][] = []
  const cancelResults: boolean[] = []
  const ids: number[] = []
  let label = 0
  // ref carries the label; arg carries the number of children still to schedule.
  const handler: EventHandler = {
    handleEvent(children, ref) {
      fired.push([sim.nowNs, ref as number])
      if (children > 0) sim.scheduleIn((children * 37) % 100, handler, children - 1, label++)
    },
  }
  for (const op of ops) {
    if (op.kind === "schedule") ids.push(sim.scheduleIn(op.delayNs, handler, op.children, label++))
    else if (op.kind === "cancel") {
      if (ids.length > 0) cancelResults.push(sim.cancel(ids[op.pick % ids.length]!))
    } else sim.runUntil(sim.nowNs + op.advanceNs)
  }
  return { fired, cancelResults }
}

describe("Simulator property: ladder and heap kernels match an independent model", () => {
  const op: fc.Arbitrary<SimOp> = fc.oneof(
    {
      weight: 6,
      arbitrary: fc.record({
        kind: fc.constant("schedule" as const),
        delayNs: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 1e12 })),
        children: fc.integer({ min: 0, max: 3 }),
      }),
    },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant("cancel" as const), pick: fc.nat() }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant("run" as const), advanceNs: fc.oneof(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 1e12 })) }) },
  )
  it("fires the same (time, event) sequence and cancel results", () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 400, size: "max" }), (ops) => {
        const all: SimOp[] = [...ops, { kind: "run", advanceNs: 2e12 }]
        const expected = modelRun(all)
        expect(simulatorRun("ladder", all)).toEqual(expected)
        expect(simulatorRun("heap", all)).toEqual(expected)
      }),
      { numRuns: 150 },
    )
  })
})
