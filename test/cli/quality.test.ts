import { describe, expect, it } from "vitest"
import { eModelWideband } from "../../src/quality/emodel-wideband.ts"
import { eModel, mosFromR } from "../../src/quality/emodel.ts"
import { runCli } from "./run-cli.ts"

interface QualityJson {
  readonly model: string
  readonly codec: string | null
  readonly rFactor: number
  readonly mos: number
  readonly userSatisfaction: string
  readonly Ro: number
  readonly Is: number
  readonly Id: number
  readonly Idte: number
  readonly Idle: number
  readonly Idd: number
  readonly IeEff: number
  readonly A: number
  readonly mouthToEarDelayMs: number
  readonly delay: Record<string, number>
  readonly input: Record<string, number>
  readonly terms: Record<string, number>
  readonly [key: string]: unknown
}

/** `voiplab quality … --json`, parsed; the command must succeed quietly. */
const quality = (...args: string[]): QualityJson => {
  const r = runCli("quality", ...args, "--json")
  expect(r.stderr).toBe("")
  expect(r.status).toBe(0)
  return JSON.parse(r.stdout)
}

/** No delay at all, so only the codec and the loss move R from the defaults. */
const NO_DELAY = ["--param", "T=0", "--param", "Tr=0", "--param", "Ta=0"]

const expectOneLineError = (args: string[], pattern: RegExp): void => {
  const r = runCli("quality", ...args)
  expect(r.status).toBe(2)
  expect(r.stdout).toBe("")
  const lines = r.stderr.trimEnd().split("\n")
  expect(lines).toHaveLength(1)
  expect(lines[0]).toMatch(pattern)
}

describe("voiplab quality: G.107's published values", () => {
  it("with every default (no codec, no delay): R 93.2 (§7.7), MOS 4.41 (Annex B), every term as eModel() gives it", () => {
    const result = quality()
    expect(Math.round(result.rFactor * 10) / 10).toBe(93.2)
    expect(result.mos).toBeCloseTo(4.41, 2)
    expect(result.terms).toEqual(eModel())
    expect(result).toMatchObject({ model: "G.107", codec: null, userSatisfaction: "very satisfied", Idte: 0, Idd: 0, IeEff: 0, A: 0 })
    expect(result.Ro).toBeCloseTo(94.769, 3)
    expect(result.Is).toBeCloseTo(1.4136, 3)
    expect(result.Idle).toBeCloseTo(0.149, 3)
  })

  it("--param reproduces eModel() exactly: G.729A at 150 ms and 2 % loss, raw inputs", () => {
    const result = quality(
      ..."T=150ms Tr=300ms Ta=150ms Ie=11 Bpl=19 Ppl=2 BurstR=1".split(" ").flatMap((p) => ["--param", p]),
    )
    const expected = eModel({ T: 150, Tr: 300, Ta: 150, Ie: 11, Bpl: 19, Ppl: 2, BurstR: 1 })
    expect(result.terms).toEqual(expected)
    expect(result.rFactor).toBe(expected.R)
    expect(result.mos).toBe(expected.MOS)
    expect(result.IeEff).toBeCloseTo(19, 12) // 11 + 84·2/(2 + 19): the ICAO table's 19 for G.729A + VAD at 2 %
    expect(result["params"]).toEqual({ T: 150, Tr: 300, Ta: 150, Ie: 11, Bpl: 19, Ppl: 2, BurstR: 1 })
  })

  it("--param takes every Table 3 input, delays with a unit or as bare ms, Ppl with or without %", () => {
    const input = {
      SLR: 10, RLR: 4, STMR: 12, LSTR: 20, Ds: 2, Dr: 4, TELR: 55, WEPL: 100, T: 80, Tr: 160, Ta: 200, qdu: 2, Ie: 7, Bpl: 10,
      Ppl: 1.5, BurstR: 1.3, Nc: -65, Nfor: -60, Ps: 45, Pr: 40, A: 5, mT: 150, sT: 0.55,
    }
    const written = (name: string, value: number): string => (name === "Ta" ? "Ta=0.2s" : name === "Ppl" ? "Ppl=1.5%" : `${name}=${value}`)
    const result = quality(...Object.entries(input).flatMap(([name, value]) => ["--param", written(name, value)]))
    expect(result.terms).toEqual(eModel(input))
    expect(result.input).toEqual(input)
  })

  it.each([
    // Hand-worked in test/quality/emodel.test.ts from eqs. 7-27/7-28.
    ["150ms", 0.1635],
    ["200ms", 3.0444],
    ["400ms", 24.07],
  ])("Idd at Ta = %s is %d", (ta, idd) => {
    expect(quality("--param", `Ta=${ta}`).Idd).toBeCloseTo(idd, 3)
  })

  it("a one-way delay without a codec is the simulator's mapping T = Ta = d, Tr = 2d", () => {
    const result = quality("--delay", "200ms")
    expect(result.terms).toEqual(eModel({ T: 200, Ta: 200, Tr: 400 }))
    expect(result.mouthToEarDelayMs).toBe(200)
  })

  it("G.711 with PLC at 1 % and 2 % random loss: R 89.566 and 86.195; Ie,eff 7.011 (ICAO's 7)", () => {
    expect(quality("--codec", "G.711", "--loss", "1%", ...NO_DELAY).rFactor).toBeCloseTo(89.566, 2)
    const two = quality("--codec", "G.711", "--loss", "2%", ...NO_DELAY)
    expect(two.rFactor).toBeCloseTo(86.195, 2)
    expect(two.IeEff).toBeCloseTo(7.011, 3)
    expect(two.input).toMatchObject({ Ie: 0, Bpl: 25.1, Ppl: 2, BurstR: 1 })
  })

  it("G.723.1 at 2 % loss: Ie,eff 23.84 (ICAO's 24); G.711 without PLC uses Bpl 4.3", () => {
    expect(quality("--codec", "G.723.1", "--loss", "2%").IeEff).toBeCloseTo(23.84, 2)
    expect(quality("--codec", "G.711", "--loss", "2%", "--no-plc").input).toMatchObject({ Bpl: 4.3 })
  })

  it("BurstR above 1 lowers R: G.711 + PLC at 2 % with BurstR 2 has Ie,eff 190/26.1 = 7.2797", () => {
    const random = quality("--codec", "G.711", "--loss", "2%")
    const bursty = quality("--codec", "G.711", "--loss", "2%", "--burst", "2")
    expect(bursty.IeEff).toBeCloseTo(7.2797, 4)
    expect(bursty.rFactor).toBeLessThan(random.rFactor)
    expect(random.rFactor - bursty.rFactor).toBeCloseTo(190 / 26.1 - 190 / 27.1, 9)
  })

  it("MOS and the G.109 category follow G.107 Table B.1 across the categories", () => {
    // A shifts R by itself (§7.1): R = 93.206 + A. Table B.1 gives each category's lower MOS limit.
    const rows: readonly (readonly [number, string, number, number])[] = [
      [-5, "satisfied", 4.03, 4.34],
      [-15, "some users dissatisfied", 3.6, 4.03],
      [-25, "many users dissatisfied", 3.1, 3.6],
      [-35, "nearly all users dissatisfied", 2.58, 3.1],
      [-45, "not recommended", 1, 2.58],
    ]
    for (const [a, category, low, high] of rows) {
      const result = quality("--param", `A=${a}`)
      expect(result.userSatisfaction).toBe(category)
      expect(result.mos).toBe(mosFromR(result.rFactor))
      expect(result.mos).toBeGreaterThan(low)
      expect(result.mos).toBeLessThan(high)
    }
  })
})

describe("voiplab quality: the mouth-to-ear delay", () => {
  it("is packetization + codec lookahead + network delay + jitter-buffer delay; T = Ta, Tr = 2·Ta", () => {
    const result = quality("--codec", "G.729", "--delay", "100ms", "--jb", "40ms")
    expect(result.delay).toEqual({ packetizationMs: 20, lookaheadMs: 5, networkMs: 100, jitterBufferMs: 40, totalMs: 165 })
    expect(result.input).toMatchObject({ Ta: 165, T: 165, Tr: 330, Ie: 11, Bpl: 19 })
    expect(result.terms).toEqual(eModel({ Ta: 165, T: 165, Tr: 330, Ie: 11, Bpl: 19 }))
  })

  it("takes the scenarios' 60 ms jitter buffer and 20 ms packets by default with a codec", () => {
    expect(quality("--codec", "G.711").delay).toEqual({ packetizationMs: 20, lookaheadMs: 0, networkMs: 0, jitterBufferMs: 60, totalMs: 80 })
    expect(quality("--codec", "iLBC", "--ptime", "60ms").delay).toMatchObject({ packetizationMs: 60, lookaheadMs: 10, totalMs: 130 })
  })
})

describe("voiplab quality: wideband codecs use G.107.1", () => {
  it("G.722 without delay or loss: Rwb = 129 − 13 − 0.15 = 115.85, MOS 4.33", () => {
    const result = quality("--codec", "G.722", ...NO_DELAY)
    expect(result.model).toBe("G.107.1")
    expect(result.rFactor).toBeCloseTo(115.846315, 5)
    expect(result.mos).toBeCloseTo(4.33, 2)
    expect(result["rx"]).toBeCloseTo(89.803345, 5)
    expect(result.userSatisfaction).toBe("satisfied")
  })

  it("G.722 at 2 % random loss with Bpl 4.3: Rwb 89.814569, MOS 3.579302", () => {
    const result = quality("--codec", "G.722", "--loss", "2%", "--param", "Bpl=4.3", ...NO_DELAY)
    expect(result.rFactor).toBeCloseTo(89.814569, 6)
    expect(result.mos).toBeCloseTo(3.579302, 6)
  })

  it("G.722 at d = 150 ms: Idte 0.355448, Idle 1.012266, Idd,WB 0.210955 (G.107.1 §7.4); --param Ie sets Ie,WB", () => {
    const result = quality("--codec", "G.722", "--param", "T=150", "--param", "Tr=300", "--param", "Ta=150", "--param", "Ie=10")
    expect(result.Idte).toBeCloseTo(0.355448, 6)
    expect(result.Idle).toBeCloseTo(1.012266, 6)
    expect(result.Idd).toBeCloseTo(0.210955, 6)
    expect(result.terms).toEqual(eModelWideband({ T: 150, Tr: 300, Ta: 150, IeWB: 10 }))
  })
})

describe("voiplab quality: the waterfall", () => {
  it("goes from Ro through −Is, −Id (Idte, Idle, Idd), −Ie,eff and +A to R, then MOS and the G.109 category", () => {
    const r = runCli("quality", "--codec", "G.711", "--delay", "150ms", "--loss", "2%")
    expect(r.stderr).toBe("")
    expect(r.status).toBe(0)
    const lines = r.stdout.trimEnd().split("\n")
    expect(lines[0]).toBe("ITU-T G.107 E-model (narrowband, R up to 100): G.711u, 20 ms packets, packet-loss concealment on")
    expect(lines[1]).toBe(
      "mouth-to-ear delay = 20 packetization + 0 lookahead + 150 network + 60 jitter buffer = 230 ms: Ta = T = 230 ms, Tr = 2·Ta = 460 ms",
    )
    const expected = eModel({ Ta: 230, T: 230, Tr: 460, Ie: 0, Bpl: 25.1, Ppl: 2 })
    const row = (label: string) => lines.find((l) => l.startsWith(`${label} `)) ?? ""
    const f2 = (x: number) => x.toFixed(2)
    expect(row("Ro")).toMatch(new RegExp(`basic signal-to-noise ratio\\s+${f2(expected.Ro)}\\s+${f2(expected.Ro)}$`))
    expect(row("−Is")).toMatch(new RegExp(`\\s+−${f2(expected.Is)}\\s+${f2(expected.Ro - expected.Is)}$`))
    expect(row("−Id")).toMatch(new RegExp(`\\s+−${f2(expected.Id)}\\s+${f2(expected.Ro - expected.Is - expected.Id)}$`))
    expect(row("  Idte")).toMatch(new RegExp(`talker echo .*\\s${f2(expected.Idte)}$`))
    expect(row("  Idle")).toMatch(new RegExp(`listener echo .*\\s${f2(expected.Idle)}$`))
    expect(row("  Idd")).toMatch(new RegExp(`absolute delay .*\\s${f2(expected.Idd)}$`))
    expect(row("−Ie,eff")).toMatch(new RegExp(`\\s+−${f2(expected.IeEff)}\\s+${f2(expected.R)}$`))
    expect(row("+A")).toMatch(new RegExp(`\\s+0\\.00\\s+${f2(expected.R)}$`))
    expect(row("= R")).toMatch(new RegExp(`\\s${f2(expected.R)}$`))
    expect(lines.at(-1)).toBe(`MOS ${f2(expected.MOS)} (G.107 Annex B); ITU-T G.109: some users dissatisfied`)
  })

  it("says when the wideband model is used", () => {
    const text = runCli("quality", "--codec", "G.722").stdout
    expect(text).toMatch(/^ITU-T G\.107\.1 E-model \(wideband, R up to 129\): G\.722 \(wideband\)/)
    expect(text).toMatch(/\nRo,WB\s+fixed by G\.107\.1/)
    expect(text).toMatch(/\nMOS \d\.\d\d \(G\.107\.1 Annex A: G\.107's curve at Rx = Rwb \/ 1\.29 = \d+\.\d\d\); ITU-T G\.109 on Rx: /)
  })
})

describe("voiplab quality: bad input is one line, exit code 2", () => {
  it("an unknown --param name lists the valid ones", () =>
    expectOneLineError(
      ["--param", "Delay=150ms"],
      /^voiplab: --param Delay=150ms: unknown E-model input; the G\.107 Table 3 inputs are SLR, RLR, STMR, LSTR, Ds, Dr, TELR, WEPL, T, Tr, Ta, qdu, Ie, Bpl, Ppl, BurstR, Nc, Nfor, Ps, Pr, A, mT, sT$/,
    ))

  it("malformed, out-of-range and repeated --param values", () => {
    expectOneLineError(["--param", "Ie"], /--param Ie: expected NAME=VALUE/)
    expectOneLineError(["--param", "Ie=eleven"], /--param Ie=eleven: expected a number/)
    expectOneLineError(["--param", "T=2 parsecs"], /--param T=2 parsecs: unknown unit "parsecs"/)
    expectOneLineError(["--param", "Ppl=150"], /--param Ppl=150: expected a percentage from 0 to 100/)
    expectOneLineError(["--param", "Ie=1", "--param", "ie=2"], /--param: Ie is given twice/)
    expectOneLineError(["--loss", "2%", "--param", "Ppl=2"], /--loss: --param Ppl sets the loss too/)
  })

  it("a loss the codec's tables cannot score, and models voiplab does not have", () => {
    expectOneLineError(["--codec", "G.722", "--loss", "1%"], /--codec: no Bpl is known for G\.722, .*; give one with --param Bpl=N$/)
    expectOneLineError(["--codec", "G.726", "--loss", "1%", "--no-plc"], /no Bpl is known for G\.726-32 without packet-loss concealment/)
    expectOneLineError(["--codec", "Opus WB"], /ITU-T G\.113 gives no Ie,wb for Opus-WB-20k; give one with --param Ie=N$/)
    expectOneLineError(["--codec", "opus"], /Opus-FB-32k is fullband: its E-model is ITU-T G\.107\.2, which voiplab does not implement/)
    expectOneLineError(["--codec", "G.722", "--param", "STMR=10"], /--param STMR: not an input of the wideband E-model \(G\.107\.1\)/)
  })

  it("an unknown codec and bad units", () => {
    expectOneLineError(["--codec", "G.999"], /--codec: unknown codec "G\.999"; known codecs: G\.711u, /)
    expectOneLineError(["--delay", "150"], /--delay: expected a duration with a unit, like 20ms, got "150"/)
    expectOneLineError(["--loss", "2"], /--loss: expected a percentage with a unit/)
    expectOneLineError(["--burst", "0"], /--burst: expected a ratio above 0/)
  })
})
