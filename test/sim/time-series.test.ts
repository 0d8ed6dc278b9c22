import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { TimeSeries } from "../../sim/index.ts"

describe("TimeSeries", () => {
  it("groups observations into [i·bucketNs, (i+1)·bucketNs) buckets", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 1_000_000 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 50_000_000 }), fc.integer({ min: -1000, max: 1000 })), { maxLength: 300, size: "max" }),
        (bucketNs, points) => {
          const series = new TimeSeries(bucketNs)
          const groups = new Map<number, number[]>()
          for (const [t, v] of points) {
            series.add(t, v)
            const i = Math.floor(t / bucketNs)
            groups.set(i, [...(groups.get(i) ?? []), v])
          }
          const last = Math.max(-1, ...groups.keys())
          expect(series.length).toBe(last + 1)
          const got: unknown[] = []
          const want: unknown[] = []
          for (const [i, vs] of groups) {
            got.push([series.countAt(i), series.sumAt(i), series.meanAt(i), series.minAt(i), series.maxAt(i), series.bucketStartNs(i)])
            const sum = vs.reduce((a, b) => a + b, 0)
            want.push([vs.length, sum, sum / vs.length, Math.min(...vs), Math.max(...vs), i * bucketNs])
          }
          expect(got).toEqual(want)
          // Buckets with no observation are empty.
          for (let i = 0; i <= last; i += 1 + Math.floor(last / 50)) {
            if (!groups.has(i)) expect([series.countAt(i), series.sumAt(i), series.meanAt(i), series.minAt(i)]).toEqual([0, 0, NaN, NaN])
          }
          expect(series.countAt(last + 5)).toBe(0)
        },
      ),
    )
  })

  it("bucket edges: the end of a bucket belongs to the next", () => {
    const series = new TimeSeries(20_000_000)
    series.add(0, 1)
    series.add(19_999_999, 3)
    series.add(20_000_000, 10)
    expect([series.countAt(0), series.meanAt(0), series.countAt(1), series.meanAt(1)]).toEqual([2, 2, 1, 10])
  })

  it("rejects bad arguments", () => {
    expect(() => new TimeSeries(0)).toThrow(RangeError)
    expect(() => new TimeSeries(1.5)).toThrow(RangeError)
    expect(() => new TimeSeries(10).add(-1, 0)).toThrow(RangeError)
    expect(() => new TimeSeries(1).add(2 ** 40, 0)).toThrow(RangeError)
  })
})
