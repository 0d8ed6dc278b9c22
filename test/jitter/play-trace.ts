import type { InsertOutcome, JitterBuffer } from "../../src/jitter/jitter-buffer.ts"

export const MS = 1_000_000

export interface TraceArrival {
  readonly seq: number
  readonly rtpTimestamp: number
  readonly marker?: boolean
  readonly arrivalMs: number
}

export interface TraceResult {
  /** One line per tick: "time kind seq" (seq "-" when nothing is played), e.g. "140 merge 2". */
  readonly ticks: string[]
  /** The target delay reported at each tick, in ms. */
  readonly targetsMs: number[]
  /** Insert outcomes, in arrival order: "seq outcome". */
  readonly inserts: string[]
}

/**
 * Drives a buffer as the stream receiver does: arrivals in time order (stable for equal times),
 * a pull every frame period from the first tick the buffer names, and a tick before an arrival
 * at the same time. Ticks run until `untilMs` (inclusive).
 */
export function playTrace(jb: JitterBuffer, arrivals: readonly TraceArrival[], frameMs: number, untilMs: number): TraceResult {
  const ticks: string[] = []
  const targetsMs: number[] = []
  const inserts: string[] = []
  let nextTickNs = Infinity
  const runTicks = (endNs: number): void => {
    for (; nextTickNs <= endNs; nextTickNs += frameMs * MS) {
      const packet = jb.pull(nextTickNs)
      ticks.push(`${nextTickNs / MS} ${jb.decision.kind} ${packet === null ? "-" : packet.seq}`)
      targetsMs.push(jb.decision.targetDelayNs / MS)
    }
  }
  const sorted = [...arrivals].sort((a, b) => a.arrivalMs - b.arrivalMs)
  for (const a of sorted) {
    const nowNs = a.arrivalMs * MS
    runTicks(nowNs)
    const outcome: InsertOutcome = jb.insert({ seq: a.seq, rtpTimestamp: a.rtpTimestamp, marker: a.marker ?? false, arrivalNs: nowNs }, nowNs)
    inserts.push(`${a.seq} ${outcome}`)
    if (nextTickNs === Infinity && jb.playoutStartNs !== undefined) nextTickNs = Math.max(jb.playoutStartNs, nowNs)
  }
  runTicks(untilMs * MS)
  return { ticks, targetsMs, inserts }
}

/** A stream of 20 ms frames (160 samples): packet k sent at 20k ms, arriving `delayMs(k)` later (null: lost). */
export function stream(count: number, delayMs: (k: number) => number | null, first = { seq: 0, rtpTimestamp: 0 }): TraceArrival[] {
  const out: TraceArrival[] = []
  for (let k = 0; k < count; k++) {
    const d = delayMs(k)
    if (d === null) continue
    out.push({ seq: (first.seq + k) & 0xffff, rtpTimestamp: (first.rtpTimestamp + 160 * k) >>> 0, marker: k === 0, arrivalMs: 20 * k + d })
  }
  return out
}
