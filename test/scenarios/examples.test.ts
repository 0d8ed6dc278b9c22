import { readdirSync, readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { simulate } from "../../src/engine/simulate.ts"
import type { Report } from "../../src/report/schema.ts"
import { parseScenario } from "../../src/scenario/load.ts"

const files = readdirSync("scenarios").filter((f) => /\.(ya?ml|json)$/.test(f))
const reports = new Map<string, Report>()
const run = (file: string): Report => {
  let report = reports.get(file)
  if (report === undefined) {
    const parsed = parseScenario(readFileSync(`scenarios/${file}`, "utf8"), `scenarios/${file}`)
    if (!parsed.ok) throw new Error(parsed.errors[0]!.format())
    report = simulate(parsed.scenario)
    reports.set(file, report)
  }
  return report
}
const stream = (file: string, from: string) => run(file).calls.flatMap((c) => c.streams).find((s) => s.from === from)!
const link = (file: string, direction: string) => run(file).links.find((l) => l.direction === direction)!

describe("example scenarios", () => {
  it("there are at least seven, each opening with a comment that says what it teaches", () => {
    expect(files.length).toBeGreaterThanOrEqual(7)
    for (const f of files) expect(readFileSync(`scenarios/${f}`, "utf8")).toMatch(/^# .+\n#\n# (Teaches|The simplest)/)
  })

  it.each(files)("%s validates and runs", (file) => {
    const r = run(file)
    expect(r.calls.length + (r.loads?.length ?? 0) + (r.conferences?.length ?? 0)).toBeGreaterThan(0)
  })
})

describe("what the examples teach", () => {
  it("office: QoS keeps voice ahead of the backup; without it, the shared queue ruins the call", () => {
    const wan = "office-router->hq-router"
    expect(link("office-with-qos.yaml", wan).classes[0]!.queueDelayMs.max!).toBeLessThanOrEqual(6.001) // one 1500 B packet at 2 Mbit/s
    expect(link("office-without-qos.yaml", wan).classes[0]!.queueDelayMs.mean!).toBeGreaterThan(100)
    expect(stream("office-with-qos.yaml", "desk-phone").mos).toBeGreaterThan(4.2)
    expect(stream("office-without-qos.yaml", "desk-phone").mos).toBeLessThan(2)
    expect(stream("office-without-qos.yaml", "desk-phone").packetsLate).toBeGreaterThan(1000)
  })

  it("home office: the upload bloats only the DSL uplink's queue", () => {
    expect(link("home-office-dsl.yaml", "home-router->isp").queueDelayMs.p95!).toBeGreaterThan(200)
    expect(link("home-office-dsl.yaml", "isp->home-router").queueDelayMs.max!).toBeLessThan(1)
    expect(stream("home-office-dsl.yaml", "laptop-phone").mos).toBeLessThan(stream("home-office-dsl.yaml", "office-pbx").mos! - 1)
  })

  it("satellite: delay alone costs quality; transatlantic: a long, clean path still scores well", () => {
    const sat = stream("satellite-call.yaml", "ship-phone")
    expect(sat.oneWayDelayMs.mean!).toBeGreaterThan(240) // two GEO hops of ≥ 119 ms each
    expect(sat.effectiveLossPercent).toBeLessThan(1)
    expect(sat.mos).toBeLessThan(3.6)
    const atl = stream("transatlantic-call.yaml", "ny-phone")
    expect(atl.oneWayDelayMs.mean!).toBeGreaterThan(30)
    expect(atl.mos).toBeGreaterThan(4.2)
  })

  it("LTE cell edge: loss comes in bursts", () => {
    const s = stream("lte-cell-edge.yaml", "mobile")
    expect(s.lossPercent).toBeGreaterThan(0.5)
    expect(s.burstRatio).toBeGreaterThan(1.5)
  })

  it("serial line: three G.729 calls overflow 64 kbit/s of PPP, and fit once cRTP compresses their headers", () => {
    const crtp = link("serial-line-crtp.yaml", "branch-b->hq-b")
    expect([crtp.framing, crtp.crtp]).toEqual(["ppp", true])
    expect(crtp.carriedBps).toBe(3 * 11_600) // Cisco document 7934: G.729 over MLPPP/FRF.12 with 2-byte cRTP
    expect(crtp.packetsDropped).toBe(0)
    const plain = link("serial-line-crtp.yaml", "branch-a->hq-a")
    expect(plain.utilization).toBe(1) // 3 × 26.8 kbit/s offered (Cisco, without cRTP)
    expect(plain.packetsDropped).toBeGreaterThan(1000)
    expect(stream("serial-line-crtp.yaml", "branch-b").mos).toBeGreaterThan(3.9)
    expect(stream("serial-line-crtp.yaml", "branch-a").mos).toBeLessThan(1.5)
  })

  it("outage: 15 s down loses 15 s of audio in one burst, then the calls go on", () => {
    for (const from of ["reception", "customer"]) {
      const s = stream("outage-and-recovery.yaml", from)
      expect(Math.abs(s.packetsLost - 750)).toBeLessThanOrEqual(10) // 15 s / 20 ms, plus what was in flight
      expect(s.burstRatio).toBeGreaterThan(50)
      expect(s.packetsReceived).toBeGreaterThan(2200)
    }
    expect(link("outage-and-recovery.yaml", "office-router->provider").packetsDroppedDown).toBeGreaterThanOrEqual(1500)
  })

  it("SIP and VAD: VAD sends less than half the packets; an INVITE lost in an outage delays ringback by its retransmissions", () => {
    const calls = run("sip-and-vad.yaml").calls
    const [vad, plain, late] = ["with-vad", "without-vad", "dial-in-outage"].map((id) => calls.find((c) => c.id === id)!)
    for (const [i, s] of vad!.streams.entries()) {
      expect(s.packetsSent).toBeLessThan(plain!.streams[i]!.packetsSent / 2)
      expect(s.sidPacketsSent).toBeGreaterThan(0)
    }
    expect(plain!.signaling!.postDialDelayMs!).toBeLessThan(100)
    expect(late!.signaling!.retransmissions.invite).toBe(2) // Timer A: T1, then 2·T1 later
    expect(late!.signaling!.postDialDelayMs!).toBeGreaterThan(1500)
    for (const c of calls) expect(c.signaling!.outcome).toBe("established")
  })
})
