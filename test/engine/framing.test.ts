import { describe, expect, it } from "vitest"
import { simulate } from "../../src/engine/simulate.ts"
import { formatReportJson } from "../../src/report/format-json.ts"
import type { LinkReport, Report } from "../../src/report/schema.ts"
import { scenarioFrom } from "./scenario-text.ts"

/** `calls` calls between two PBXs over one link, 60 s: 3000 packets per direction at 20 ms. */
const trunk = (o: { link: string; calls: number; codec: string; ptime?: string; call?: string; traffic?: string; bandwidth?: string }): Report =>
  simulate(
    scenarioFrom(`
name: framing
seed: 3
duration: 60s
nodes: [{ id: a, kind: pbx }, { id: b, kind: pbx }]
links:
  - { id: wan, between: [a, b], bandwidth: ${o.bandwidth ?? "10Mbit/s"}, delay: 5ms, queue: { limitPackets: 1000 }, ${o.link} }
calls:
${Array.from({ length: o.calls }, (_, i) => `  - { id: c${i}, from: a, to: b, codec: ${o.codec}, ptime: ${o.ptime ?? "20ms"}${o.call ? `, ${o.call}` : ""} }`).join("\n") || "  []"}
${o.traffic === undefined ? "" : `traffic:\n  - ${o.traffic}`}
`),
  )

const up = (report: Report): LinkReport => report.links.find((l) => l.direction === "a->b")!

/** kbit/s as a vendor table prints it: rounded to as many decimals as the published value has. */
const asPublished = (bps: number, published: string): string => (bps / 1000).toFixed(published.split(".")[1]?.length ?? 0)

describe("links carry what the per-call bandwidth tables predict", () => {
  // Cisco, "Voice Over IP - Per Call Bandwidth Consumption" (document 7934), kbit/s per call and
  // direction: MP or FRF.12, with cRTP (2 bytes), Ethernet. The codecs the simulator scores.
  const cisco: readonly [string, string, string, string, string][] = [
    ["G.711u", "20ms", "82.8", "67.6", "87.2"],
    ["G.729A", "20ms", "26.8", "11.6", "31.2"],
    ["G.723.1-6.3", "30ms", "18.9", "8.8", "21.9"],
    ["G.723.1-5.3", "30ms", "17.9", "7.7", "20.8"],
    ["iLBC-20", "20ms", "34.0", "18.8", "38.4"],
    ["iLBC-30", "30ms", "25.867", "15.73", "28.8"],
  ]

  it.each(cisco)("%s every %s: MP/FRF.12 %s, with cRTP %s, Ethernet %s kbit/s (Cisco)", (codec, ptime, mp, mpCrtp, ethernet) => {
    const carried = (link: string) => up(trunk({ link, calls: 1, codec, ptime })).carriedBps
    for (const framing of ["ppp", "mlppp", "frame-relay"]) {
      expect(asPublished(carried(`framing: ${framing}`), mp), framing).toBe(mp)
      expect(asPublished(carried(`framing: ${framing}, crtp: true`), mpCrtp), `${framing} + cRTP`).toBe(mpCrtp)
    }
    expect(asPublished(carried("framing: ethernet"), ethernet)).toBe(ethernet)
  })

  it("10 G.711 and 24 G.729 calls on Ethernet: 872 and 748.8 kbit/s, and the utilization that follows", () => {
    const g711 = up(trunk({ link: "framing: ethernet", calls: 10, codec: "G.711u", bandwidth: "10Mbit/s" }))
    expect(g711.framing).toBe("ethernet")
    expect(g711.carriedBps).toBe(10 * 87_200) // Cisco and Avaya: 87.2 kbit/s per call
    expect(g711.utilization).toBe(0.0872)
    const g729 = up(trunk({ link: "framing: ethernet", calls: 24, codec: "G.729A", bandwidth: "1Mbit/s" }))
    expect(g729.carriedBps).toBe(24 * 31_200) // Cisco and Avaya: 31.2 kbit/s per call
    expect(g729.utilization).toBe(0.7488)
  })

  it("5 G.729 calls fit a 64 kbit/s PPP link only with cRTP: 11.6 kbit/s each instead of 26.8", () => {
    const compressed = up(trunk({ link: "framing: ppp, crtp: true", calls: 5, codec: "G.729A", bandwidth: "64kbit/s" }))
    expect(compressed.crtp).toBe(true)
    expect(compressed.carriedBps).toBe(5 * 11_600) // Cisco: 11.6 kbit/s with 2-byte cRTP
    expect(compressed.utilization).toBeCloseTo(58 / 64, 4)
    expect(compressed.packetsDropped).toBe(0)
    const plain = up(trunk({ link: "framing: ppp", calls: 5, codec: "G.729A", bandwidth: "64kbit/s" }))
    expect(plain.utilization).toBe(1) // 5 × 26.8 = 134 kbit/s offered
    expect(plain.packetsDropped).toBeGreaterThan(0)
  })

  it("without framing, links carry IP packets: the 40 bytes of RTP/UDP/IPv4 and nothing else", () => {
    const link = up(trunk({ link: "framing: none", calls: 1, codec: "G.711u" }))
    expect(link.framing).toBe("none")
    expect(link.carriedBps).toBe(80_000) // (160 + 40) B × 8 × 50/s
  })
})

describe("the call's header stack sets the IP packet; links frame it", () => {
  // From the standards' byte counts (docs/overhead.md), G.711 20 ms on Ethernet, kbit/s.
  it.each([
    ["ipVersion: 4", 200, 87_200],
    ["ipVersion: 6", 220, 95_200], // IPv6 header 40 bytes (RFC 8200 §3)
    ["srtp: true", 210, 91_200], // SRTP tag 10 bytes (RFC 4568 §6.2.1)
    ["srtp: AES_CM_128_HMAC_SHA1_32", 204, 88_800], // 4 bytes (RFC 4568 §6.2.2)
    ["ipVersion: 6, srtp: true", 230, 99_200],
    ["tunnel: wireguard", 268, 114_400], // + padding 8, tag 16, data header 16, UDP 8, outer IPv4 20 (WireGuard §5.4.6)
    ["tunnel: { kind: ipsec-esp, cipher: aes-gcm-16 }", 256, 109_600], // + pad 2, trailer 2, ICV 16, IV 8, ESP 8, IPv4 20 (RFC 4106)
  ] as const)("%s: %i-byte packets, %i bit/s on Ethernet", (call, packetBytes, ethernetBps) => {
    const report = trunk({ link: "framing: ethernet", calls: 1, codec: "G.711u", call })
    expect(report.calls[0]!.streams.map((s) => s.packetBytes)).toEqual([packetBytes, packetBytes])
    expect(up(report).carriedBps).toBe(ethernetBps)
  })

  it("cRTP over IPv6 keeps the UDP checksum: 4-byte headers, G.729 at 12.4 kbit/s on PPP", () => {
    expect(up(trunk({ link: "framing: ppp, crtp: true", calls: 1, codec: "G.729A", call: "ipVersion: 6" })).carriedBps).toBe(12_400)
    expect(up(trunk({ link: "framing: ppp, crtp: { headerBytes: 4 }", calls: 1, codec: "G.729A" })).carriedBps).toBe(12_400)
  })

  it("a tunnel's packets pass a cRTP link uncompressed: their RTP headers are encrypted", () => {
    const call = "tunnel: wireguard"
    const compressed = up(trunk({ link: "framing: ppp, crtp: true", calls: 1, codec: "G.729A", call }))
    const plain = up(trunk({ link: "framing: ppp", calls: 1, codec: "G.729A", call }))
    expect(compressed.carriedBps).toBe(plain.carriedBps)
    expect(plain.carriedBps).toBe((124 + 7) * 8 * 50) // 56.8 kbit/s on Ethernet (docs/overhead.md) is 124 IP bytes + 18
  })
})

describe("cross traffic is framed but never compressed", () => {
  it("1000-byte packets on a PPP link with cRTP: 1007 bytes each on the wire; goodput stays IP", () => {
    const report = trunk({
      link: "framing: ppp, crtp: true",
      calls: 0,
      codec: "G.711u",
      traffic: "{ id: data, kind: cbr, from: a, to: b, rate: 80kbit/s, packetSize: 1000B }",
    })
    // 10 packets/s from 0 s; the one sent at 60 s is still on the wire when the run ends.
    expect(up(report).carriedBps).toBe((600 * 1007 * 8) / 60)
    expect(report.traffic[0]!.goodputBps).toBe(Math.round((report.traffic[0]!.packetsReceived * 1000 * 8) / 60))
  })

  it("40-byte packets on Ethernet fill the 64-byte minimum frame (IEEE 802.3 §4.4.2)", () => {
    const link = up(trunk({ link: "framing: ethernet", calls: 0, codec: "G.711u", traffic: "{ id: acks, kind: cbr, from: a, to: b, rate: 32kbit/s, packetSize: 40B }" }))
    expect(link.carriedBps).toBe(51_200) // 100 packets/s × 64 B × 8
  })
})

describe("framing and determinism", () => {
  // A congested PPP bottleneck with cRTP, priority queueing and IMIX cross traffic (40-byte
  // packets padded on the Ethernet legs): packets committed ahead count their frames as the
  // reference that queues every packet does.
  const text = `
name: framed trunk
seed: 5
duration: 5.0037s
nodes: [{ id: a, kind: pbx }, { id: ra, kind: router }, { id: rb, kind: router }, { id: b, kind: pbx }, { id: web, kind: host }]
links:
  - { id: lan-a, between: [a, ra], bandwidth: 100Mbit/s, delay: 0.2ms, framing: ethernet-vlan }
  - { id: core, between: [ra, rb], bandwidth: 1Mbit/s, delay: 10ms, jitter: 2ms, loss: 1%, framing: mlppp, crtp: true, queue: { discipline: priority, limit: 20KB } }
  - { id: lan-b, between: [rb, b], bandwidth: 100Mbit/s, delay: 1ms, framing: ethernet }
  - { id: lan-web, between: [rb, web], bandwidth: 100Mbit/s, delay: 0.2ms, framing: ethernet }
calls:
${Array.from({ length: 20 }, (_, i) => `  - { id: c${i}, from: a, to: b, codec: ${i % 2 === 0 ? "G.729A" : "G.711u"}, ptime: 20ms, ipVersion: ${i % 3 === 0 ? 6 : 4}, start: ${(i % 5) * 0.7}ms }`).join("\n")}
traffic:
  - { id: bulk, kind: poisson, from: ra, to: web, rate: 600kbit/s, packetSize: imix }
`

  it("reports the same with and without an event per packet, and the same twice", () => {
    const scenario = scenarioFrom(text)
    const fast = formatReportJson(simulate(scenario))
    expect(formatReportJson(simulate(scenario, { eventPerPacket: true }))).toBe(fast)
    expect(formatReportJson(simulate(scenarioFrom(text)))).toBe(fast)
    const core = (JSON.parse(fast) as Report).links.find((l) => l.id === "core" && l.direction === "ra->rb")!
    expect(core.packetsDropped).toBeGreaterThan(0)
    expect(core.utilization).toBeGreaterThan(0.95)
    expect(core.carriedBps).toBeLessThanOrEqual(1_000_000)
  })
})
