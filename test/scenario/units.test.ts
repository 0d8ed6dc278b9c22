import { describe, expect, it } from "vitest"
import {
  formatDuration,
  formatPercentage,
  parseBitRate,
  parseByteSize,
  parseDuration,
  parsePercentage,
  type Parsed,
} from "../../src/scenario/units.ts"

const value = (parsed: Parsed): number => {
  if (!parsed.ok) throw new Error(`expected a value, got: ${parsed.message}`)
  return parsed.value
}
const message = (parsed: Parsed): string => {
  if (parsed.ok) throw new Error(`expected a failure, got ${parsed.value}`)
  return parsed.message
}

describe("durations → integer nanoseconds", () => {
  it.each([
    ["20ms", 20_000_000],
    ["0.5ms", 500_000],
    ["1.5s", 1_500_000_000],
    ["250us", 250_000],
    ["250µs", 250_000], // micro sign
    ["250μs", 250_000], // Greek mu
    ["100ns", 100],
    ["2min", 120_000_000_000],
    ["1h", 3_600_000_000_000],
    ["20 ms", 20_000_000],
    ["  20ms ", 20_000_000],
    [".5s", 500_000_000],
    ["1e3ms", 1_000_000_000],
    ["0s", 0],
    ["-0ms", 0],
    ["0.1ms", 100_000], // no float residue
    ["1.4ns", 1], // rounded to whole ns
  ])("%s = %d ns", (text, ns) => {
    expect(value(parseDuration(text))).toBe(ns)
  })

  it("never yields -0", () => {
    expect(Object.is(value(parseDuration("-0ms")), 0)).toBe(true)
  })

  it("rejects a bare number, saying a unit is expected", () => {
    expect(message(parseDuration(20))).toBe("expected a duration with a unit, like 20ms, got 20")
    expect(message(parseDuration("20"))).toBe('expected a duration with a unit, like 20ms, got "20"')
  })

  it("rejects an unknown unit, listing the known ones", () => {
    expect(message(parseDuration("20 parsecs"))).toBe(
      'unknown unit "parsecs" in "20 parsecs": expected a duration in ns, us, ms, s, min, h, like 20ms',
    )
    expect(message(parseDuration("20MS"))).toMatch(/unknown unit "MS"/)
  })

  it("rejects text that is not a quantity", () => {
    expect(message(parseDuration("soon"))).toBe('expected a duration with a unit, like 20ms, got "soon"')
    expect(message(parseDuration(""))).toMatch(/expected a duration with a unit/)
    expect(message(parseDuration("ms"))).toMatch(/expected a duration with a unit/)
  })

  it("rejects a negative duration", () => {
    expect(message(parseDuration("-5ms"))).toBe('expected a duration that is not negative, like 20ms, got "-5ms"')
  })

  it("rejects a duration too long to count in nanoseconds exactly", () => {
    expect(message(parseDuration("200d"))).toMatch(/unknown unit/)
    expect(message(parseDuration("3000h"))).toBe('"3000h" is too large for a duration')
    expect(message(parseDuration("1e400s"))).toMatch(/too large/)
  })
})

describe("bit rates → bits per second", () => {
  it.each([
    ["64kbit/s", 64_000],
    ["2Mbit/s", 2_000_000],
    ["1.5Gbit/s", 1_500_000_000],
    ["100bit/s", 100],
    ["64kbps", 64_000],
    ["64Kbps", 64_000],
    ["2Mbps", 2_000_000],
    ["1Gbps", 1_000_000_000],
    ["300bps", 300],
    ["0.3kbit/s", 300], // exact, not 300.00000000000006
    ["100 Mbit/s", 100_000_000],
  ])("%s = %d bit/s", (text, bps) => {
    expect(value(parseBitRate(text))).toBe(bps)
  })

  it("rejects bare numbers, unknown units and negative rates", () => {
    expect(message(parseBitRate(1000))).toBe("expected a bit rate with a unit, like 100Mbit/s, got 1000")
    expect(message(parseBitRate("2MB/s"))).toMatch(/^unknown unit "MB\/s" in "2MB\/s": expected a bit rate in bit\/s, kbit\/s/)
    expect(message(parseBitRate("-2Mbit/s"))).toBe('expected a bit rate that is not negative, like 100Mbit/s, got "-2Mbit/s"')
  })
})

describe("sizes → bytes", () => {
  it.each([
    ["64KB", 64_000],
    ["64kB", 64_000],
    ["64KiB", 65_536],
    ["1500B", 1500],
    ["1MB", 1_000_000],
    ["1MiB", 1_048_576],
    ["1GiB", 1_073_741_824],
    ["200 bytes", 200],
    ["1 byte", 1],
    ["1.5KB", 1500],
  ])("%s = %d bytes", (text, bytes) => {
    expect(value(parseByteSize(text))).toBe(bytes)
  })

  it("rejects bare numbers, unknown units and negative sizes", () => {
    expect(message(parseByteSize(64))).toBe("expected a size with a unit, like 64KB, got 64")
    expect(message(parseByteSize("64kb"))).toMatch(/^unknown unit "kb"/)
    expect(message(parseByteSize("-1KB"))).toBe('expected a size that is not negative, like 64KB, got "-1KB"')
  })
})

describe("percentages → fractions", () => {
  it.each([
    ["1%", 0.01],
    ["0.5 %", 0.005],
    ["0.7%", 0.007], // exact, not 0.006999999999999999
    ["100%", 1],
    ["0%", 0],
    ["150%", 1.5], // the schema, not the parser, rejects out-of-range values
    ["-1%", -0.01],
  ])("%s = %d", (text, fraction) => {
    expect(value(parsePercentage(text))).toBe(fraction)
  })

  it("rejects a bare number, which would be ambiguous (0.1 = 0.1% or 10%?)", () => {
    expect(message(parsePercentage(0.1))).toBe("expected a percentage with a unit, like 0.5%, got 0.1")
    expect(message(parsePercentage("3 percent"))).toMatch(/^unknown unit "percent"/)
  })
})

describe("formatting for messages", () => {
  it.each([
    [60_000_000_000, "60s"],
    [1_500_000, "1.5ms"],
    [250_000, "250us"],
    [100, "100ns"],
  ])("%d ns reads %s", (ns, text) => {
    expect(formatDuration(ns)).toBe(text)
  })

  it("percentages without float residue", () => {
    expect(formatPercentage(0.007)).toBe("0.7%")
    expect(formatPercentage(1.5)).toBe("150%")
  })
})
