import { describe, expect, it } from "vitest"
import { simulate } from "../../src/engine/simulate.ts"
import { formatReportJson } from "../../src/report/format-json.ts"
import { scenarioFrom } from "./scenario-text.ts"

/** An office: phone and PC behind a router, a 2 Mbit/s uplink saturated by a bulk upload. */
const office = (discipline: "fifo" | "priority", seed = 1) =>
  simulate(
    scenarioFrom(
      `
name: office ${discipline}
seed: ${seed}
duration: 20s
nodes:
  - { id: phone, kind: phone }
  - { id: pc, kind: host }
  - { id: router, kind: router }
  - { id: far, kind: phone }
  - { id: server, kind: host }
links:
  - { id: lan1, between: [phone, router], bandwidth: 100Mbit/s, delay: 0.1ms }
  - { id: lan2, between: [pc, router], bandwidth: 100Mbit/s, delay: 0.1ms }
  - id: uplink
    between: [router, far]
    bandwidth: 2Mbit/s
    delay: 10ms
    jitter: { distribution: normal, stddev: 1ms, correlation: 25% }
    loss: { model: gilbert-elliott, p: 0.5%, r: 40% }
    queue: { discipline: ${discipline}, limit: 128KB }
  - { id: wan, between: [far, server], bandwidth: 100Mbit/s, delay: 5ms }
calls:
  - { from: phone, to: far, codec: G.711u, ptime: 20ms }
traffic:
  - { id: upload, kind: bulk, from: pc, to: server, ackDelay: 20ms, class: be }
  - { id: web, kind: poisson, from: pc, to: server, rate: 300kbit/s, packetSize: imix }
`,
      "office.yaml",
    ),
  )

describe("voice behind a saturating upload", () => {
  it("strict priority keeps EF queueing under one 1500-byte serialization; FIFO lets it grow with the queue", () => {
    const serializationMs = (1500 * 8) / 2_000_000 * 1000 // 6 ms
    const up = (report: ReturnType<typeof office>) => report.links.find((l) => l.direction === "router->far")!
    const prio = up(office("priority"))
    expect(prio.utilization).toBeGreaterThan(0.95)
    expect(prio.classes[0]!.queueDelayMs.max!).toBeLessThanOrEqual(serializationMs + 0.001)
    const fifo = up(office("fifo"))
    expect(fifo.utilization).toBeGreaterThan(0.95)
    // A 128 KB queue drains in 512 ms at 2 Mbit/s; the upload keeps it well filled.
    expect(fifo.classes[0]!.queueDelayMs.mean!).toBeGreaterThan(100)
    const mos = (r: ReturnType<typeof office>) => r.calls[0]!.streams[0]!.mos!
    expect(mos(office("priority"))).toBeGreaterThan(mos(office("fifo")))
  })

  it("the whole mix — routing, priority, bursty loss, correlated jitter, TCP-like and Poisson traffic — is deterministic", () => {
    expect(formatReportJson(office("priority", 4))).toBe(formatReportJson(office("priority", 4)))
    expect(formatReportJson(office("priority", 5))).not.toBe(formatReportJson(office("priority", 4)))
    const report = office("priority")
    const upload = report.traffic.find((t) => t.id === "upload")!
    expect(upload.goodputBps).toBeGreaterThan(1_000_000)
    // The rest were still in flight at the end: at most a window's worth.
    expect(upload.packetsReceived + upload.packetsDropped).toBeLessThanOrEqual(upload.packetsSent)
    expect(upload.packetsSent - upload.packetsReceived - upload.packetsDropped).toBeLessThan(200)
    expect(upload.packetsDropped).toBeGreaterThan(0) // AIMD probes until the queue overflows
  })
})
