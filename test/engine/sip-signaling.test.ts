import { describe, expect, it } from "vitest"
import { simulate } from "../../src/engine/simulate.ts"
import { DEFAULT_SIP_CALL } from "../../src/media/sip/call-config.ts"
import { SipMessageFactory } from "../../src/media/sip/message-factory.ts"
import { serializationNs } from "../../src/network/link-direction.ts"
import { formatReportJson } from "../../src/report/format-json.ts"
import { nsToMsRounded } from "../../src/report/round.ts"
import type { Scenario } from "../../src/scenario/schema.ts"
import { scenarioFrom } from "./scenario-text.ts"

const MS = 1_000_000
const T1_MS = 500 // RFC 3261 Table 4

/** Caller a — router r — callee b; `events` and extra call fields as given. */
const sipCall = (o: { call?: string; events?: string; duration?: string; links?: string } = {}): Scenario =>
  scenarioFrom(`
name: sip
seed: 9
duration: ${o.duration ?? "20s"}
nodes: [{ id: a, kind: phone }, { id: r, kind: router }, { id: b, kind: phone }]
links:
  - { id: ar, between: [a, r], bandwidth: 10Mbit/s, delay: 5ms${o.links ?? ""} }
  - { id: rb, between: [r, b], bandwidth: 2Mbit/s, delay: 7ms${o.links ?? ""} }
calls:
  - { id: c1, from: a, to: b, codec: G.711u, ptime: 20ms, signaling: sip, ringTime: 2s, duration: 10s${o.call ? `, ${o.call}` : ""} }
${o.events === undefined ? "" : `events:\n${o.events}`}
`)

/** Serialization and propagation over the scenario's links, in order, for a packet of `bytes` (ns). */
const pathNs = (scenario: Scenario, bytes: number, direction: "up" | "down"): number => {
  const links = direction === "up" ? scenario.links : [...scenario.links].reverse()
  return links.reduce((ns, l) => ns + serializationNs(bytes, l[direction].bandwidthBps) + l[direction].delay.delayNs, 0)
}

const messages = new SipMessageFactory("c1")
const invite = messages.request("INVITE", "caller", 1, ["G.711u"])
const ringing = messages.response(invite, 180)
const ok = messages.response(invite, 200, ["G.711u"])

describe("SIP call set-up over the simulated network", () => {
  it("post-dial delay: the INVITE's way there, the alerting delay, the 180's way back", () => {
    const scenario = sipCall()
    const report = simulate(scenario)
    const call = report.calls[0]!
    const pddNs = pathNs(scenario, invite.sizeBytes, "up") + DEFAULT_SIP_CALL.alertingDelayNs + pathNs(scenario, ringing.sizeBytes, "down")
    expect(invite.sizeBytes).toBe(577) // docs/sip.md: F1 with one codec over UDP/IPv4
    expect(call.signaling!.outcome).toBe("established")
    expect(call.signaling!.postDialDelayMs).toBe(nsToMsRounded(pddNs))
    const setupNs = pathNs(scenario, invite.sizeBytes, "up") + DEFAULT_SIP_CALL.alertingDelayNs + 2000 * MS + pathNs(scenario, ok.sizeBytes, "down")
    expect(call.signaling!.setupTimeMs).toBe(nsToMsRounded(setupNs))
    expect(call.signaling!.retransmissions).toEqual({ invite: 0, responseToInviteCopy: 0, finalResponse: 0, ack: 0, bye: 0, byeResponse: 0 })
    expect(call.signaling!.messagesSent).toBe(7) // INVITE, 100, 180, 200, ACK, BYE, 200
  })

  it("media starts with the answer and stops at the BYE: the caller talks for the call's duration", () => {
    const report = simulate(sipCall())
    const [out, back] = report.calls[0]!.streams
    expect(out!.packetsSent).toBe(500) // 10 s of 20 ms packets, from the 200 OK to the BYE
    expect(out!.packetsReceived).toBe(500)
    // The callee sends from its 200 OK until the caller's BYE reaches it: a round trip more.
    expect(back!.packetsSent).toBeGreaterThan(500)
    expect(back!.packetsSent).toBeLessThan(504)
    for (const s of [out!, back!]) expect([s.packetsLost, s.effectiveLossPercent]).toEqual([0, 0])
    expect(out!.mos!).toBeGreaterThan(4.3)
  })

  it("a lost first INVITE is sent again after T1, and the post-dial delay grows by it", () => {
    const scenario = sipCall({ events: "  - { at: 0s, link: ar, state: down }\n  - { at: 100ms, link: ar, state: up }" })
    const sip = simulate(scenario).calls[0]!.signaling!
    expect(sip.outcome).toBe("established")
    expect(sip.retransmissions.invite).toBe(1)
    const pddNs = T1_MS * MS + pathNs(scenario, invite.sizeBytes, "up") + DEFAULT_SIP_CALL.alertingDelayNs + pathNs(scenario, ringing.sizeBytes, "down")
    expect(sip.postDialDelayMs).toBe(nsToMsRounded(pddNs))
  })

  it("fails after Timer B (64·T1 = 32 s) when no INVITE gets through, and has nothing to score", () => {
    const scenario = sipCall({ duration: "45s", events: "  - { at: 0s, link: ar, state: down }\n  - { at: 40s, link: ar, state: up }" })
    const call = simulate(scenario).calls[0]!
    const sip = call.signaling!
    expect(sip.outcome).toBe("timeout")
    expect(sip.failedAfterMs).toBe(64 * T1_MS)
    expect([sip.postDialDelayMs, sip.setupTimeMs, sip.finalStatusCode]).toEqual([null, null, null])
    expect(sip.retransmissions.invite).toBe(6) // Timer A: 0.5, 1.5, 3.5, 7.5, 15.5, 31.5 s
    expect(sip.messagesSent).toBe(7) // the INVITE and its six copies
    for (const s of call.streams) {
      expect([s.packetsSent, s.packetsReceived, s.voiceActivity, s.rFactor, s.mos]).toEqual([0, 0, null, null, null])
      expect(s.effectiveLossPercent).toBe(0)
    }
  })

  it("loss on the way lengthens set-up by retransmissions; deterministic, and the same with an event per packet", () => {
    const scenario = sipCall({ links: ", jitter: 2ms, loss: 20%", call: "vad: true", duration: "40s" })
    const first = formatReportJson(simulate(scenario))
    expect(formatReportJson(simulate(scenario))).toBe(first)
    expect(formatReportJson(simulate(scenario, { eventPerPacket: true }))).toBe(first)
    const retransmitted = [1, 2, 3, 4, 5, 6, 7, 8].some((seed) => {
      const sip = simulate(scenario, { seed }).calls[0]!.signaling!
      const r = sip.retransmissions
      return sip.outcome === "established" && r.invite + r.finalResponse + r.ack + r.bye > 0
    })
    expect(retransmitted).toBe(true)
  })

  it("signaling packets use their own flow and DSCP: traffic and other calls are untouched", () => {
    const text = (sip: boolean) => `
name: flows
seed: 2
duration: 15s
nodes: [{ id: a, kind: phone }, { id: r, kind: router }, { id: b, kind: phone }, { id: c, kind: phone }, { id: d, kind: phone }]
links:
  - { id: ar, between: [a, r], bandwidth: 10Mbit/s, delay: 5ms }
  - { id: rb, between: [r, b], bandwidth: 10Mbit/s, delay: 7ms, queue: { discipline: priority } }
  - { id: rc, between: [r, c], bandwidth: 10Mbit/s, delay: 3ms, jitter: 1ms, loss: 1% }
  - { id: rd, between: [r, d], bandwidth: 10Mbit/s, delay: 3ms, jitter: 1ms, loss: 1% }
calls:
  - { id: plain, from: c, to: d, codec: G.711a, ptime: 30ms }
  - { id: dial, from: a, to: b, codec: G.711u, ptime: 20ms, duration: 5s${sip ? ", signaling: sip, signalingDscp: cs5, ringTime: 1s" : ""} }
traffic:
  - { id: web, kind: cbr, from: b, to: a, rate: 1Mbit/s, packetSize: 1000B }
`
    const [withSip, without] = [simulate(scenarioFrom(text(true))), simulate(scenarioFrom(text(false)))]
    expect(withSip.calls[0]).toEqual(without.calls[0])
    // The meter at a would count the SIP packets it gets if their flow ids were the traffic's.
    expect(withSip.traffic[0]!.packetsReceived).toBe(without.traffic[0]!.packetsReceived)
    expect(withSip.traffic[0]!.packetsDropped).toBe(0)
    const sip = withSip.calls[1]!.signaling!
    expect(sip.outcome).toBe("established")
    // CS5 is served in the AF class of a priority queue: r→b carries the caller's INVITE, ACK and BYE.
    const rb = withSip.links.find((l) => l.direction === "r->b")!
    expect(rb.classes[1]!.packetsSent).toBe(3)
    expect(rb.classes[0]!.packetsSent).toBe(withSip.calls[1]!.streams[0]!.packetsSent)
  })
})
