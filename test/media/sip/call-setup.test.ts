import { describe, expect, it } from "vitest"
import { ALERTING, MS, RING, runCall, S, T1, TALK, TO_CALLEE, TO_CALLER, inT1 } from "./call-harness.ts"

const PDD = TO_CALLEE + ALERTING + TO_CALLER // INVITE there, the callee alerts, the 180 back
const SETUP = TO_CALLEE + ALERTING + RING + TO_CALLER

describe("call set-up without loss", () => {
  it("exchanges INVITE, 100, 180, 200, ACK and reports the post-dial delay and set-up time exactly", () => {
    const { transport, report } = runCall()
    expect(transport.labels()).toEqual(["INVITE", "100 INVITE", "180 INVITE", "200 INVITE", "ACK", "BYE", "200 BYE"])
    expect(report.outcome).toBe("established")
    expect(report.finalStatusCode).toBe(200)
    expect(report.codec).toBe("G.711u")
    expect(report.postDialDelayNs).toBe(PDD)
    expect(report.setupTimeNs).toBe(SETUP)
    expect(report.retransmissions).toEqual({ invite: 0, responseToInviteCopy: 0, finalResponse: 0, ack: 0, bye: 0, byeResponse: 0 })
  })

  it("starts each side's media when it has the answer and stops it at the BYE", () => {
    const { report, media } = runCall()
    const calleeAnswersNs = TO_CALLEE + ALERTING + RING
    const byeNs = SETUP + TALK // the caller hangs up after talking TALK
    expect(media).toEqual([
      [calleeAnswersNs, "callee", "start", "G.711u"], // RFC 3264 §6.1: once it has sent the answer
      [SETUP, "caller", "start", "G.711u"], // RFC 3264 §7: once it has the answer
      [byeNs, "caller", "stop"],
      [byeNs + TO_CALLEE, "callee", "stop"],
    ])
    expect(report.media.caller).toEqual({ codec: "G.711u", startNs: SETUP, stopNs: byeNs })
    expect(report.media.callee).toEqual({ codec: "G.711u", startNs: calleeAnswersNs, stopNs: byeNs + TO_CALLEE })
    expect(report.teardown).toEqual({ by: "caller", byeSentNs: byeNs, byeAnsweredNs: byeNs + TO_CALLEE + TO_CALLER, byeTimedOut: false })
  })

  it("counts the messages and bytes each side sent", () => {
    const { report } = runCall()
    expect(report.messagesSent).toEqual({ caller: 3, callee: 4 }) // INVITE ACK BYE | 100 180 200 200
    expect(report.bytesSent).toEqual({ caller: 577 + 360 + 362, callee: 324 + 386 + 561 + 334 })
  })

  it("without a 180 before the 200, the post-dial delay ends at the 200", () => {
    const { report } = runCall({}, (label) => label === "180 INVITE")
    expect(report.postDialDelayNs).toBe(SETUP)
    expect(report.setupTimeNs).toBe(SETUP)
  })
})

describe("INVITE retransmission (RFC 3261 §17.1.1.2, Timers A and B)", () => {
  it("a lost INVITE goes again exactly T1 later and the post-dial delay grows by T1", () => {
    const { transport, report } = runCall({}, (label, nth) => label === "INVITE" && nth === 1)
    expect(transport.timesOf("INVITE")).toEqual([0, T1])
    expect(report.postDialDelayNs).toBe(PDD + T1)
    expect(report.setupTimeNs).toBe(SETUP + T1)
    expect(report.retransmissions.invite).toBe(1)
  })

  it("with the first two lost, the third goes at 3·T1 (Timer A doubles) and the delay grows by 3·T1", () => {
    const { transport, report } = runCall({}, (label, nth) => label === "INVITE" && nth <= 2)
    expect(inT1(transport.timesOf("INVITE"))).toEqual([0, 1, 3])
    expect(report.postDialDelayNs).toBe(PDD + 3 * T1)
    expect(report.outcome).toBe("established")
  })

  it("when every INVITE is lost, the call fails at exactly 64·T1 = 32 s after 6 retransmissions", () => {
    const { sim, transport, report, media } = runCall({}, (label) => label === "INVITE")
    // Timer A fires at 0.5, 1.5, 3.5, 7.5, 15.5 and 31.5 s; the next would be 63.5 s, after Timer B.
    expect(transport.timesOf("INVITE")).toEqual([0, 0.5, 1.5, 3.5, 7.5, 15.5, 31.5].map((s) => s * S))
    expect(report.outcome).toBe("timeout")
    expect(report.failedNs).toBe(64 * T1)
    expect(report.failedNs).toBe(32 * S)
    expect(report.finalStatusCode).toBeUndefined()
    expect(report.retransmissions.invite).toBe(6)
    expect(report.postDialDelayNs).toBeUndefined()
    expect(media).toEqual([])
    expect(sim.nowNs).toBe(32 * S) // nothing happens after Timer B
  })

  it("a 100 Trying stops the retransmissions, though the 180 comes later than T1", () => {
    const { transport, report } = runCall({ alertingDelayNs: 3 * S })
    expect(transport.timesOf("INVITE")).toEqual([0])
    expect(report.postDialDelayNs).toBe(TO_CALLEE + 3 * S + TO_CALLER)
  })

  it("a lost 100 Trying lets the INVITE go again, and the callee resends its latest provisional response (§17.2.1)", () => {
    const { transport, report } = runCall({ alertingDelayNs: 3 * S }, (label, nth) => label === "100 INVITE" && nth === 1)
    expect(transport.timesOf("INVITE")).toEqual([0, T1])
    expect(transport.timesOf("100 INVITE")).toEqual([TO_CALLEE, T1 + TO_CALLEE])
    expect(report.retransmissions).toMatchObject({ invite: 1, responseToInviteCopy: 1 })
  })

  it("an INVITE copy arriving after the 200 is absorbed (RFC 6026 Accepted state)", () => {
    const answerNs = TO_CALLEE + ALERTING + 200 * MS
    const lost = new Set(["100 INVITE", "180 INVITE"])
    const { transport, report } = runCall({ answerDelayNs: 200 * MS }, (label, nth) => lost.has(label) || (label === "200 INVITE" && nth === 1))
    expect(transport.timesOf("INVITE")).toEqual([0, T1]) // arrives at the callee after its 200 went
    expect(transport.timesOf("200 INVITE")).toEqual([answerNs, answerNs + T1])
    expect(report.retransmissions.responseToInviteCopy).toBe(0)
    expect(report.postDialDelayNs).toBe(answerNs + T1 + TO_CALLER) // no 180 arrived: the 200 ends it
  })
})

describe("2xx retransmission until the ACK (RFC 3261 §13.3.1.4, §13.2.2.4)", () => {
  const answerNs = TO_CALLEE + ALERTING + RING

  it("a lost 200 OK is resent T1 later; the set-up time grows by T1, the post-dial delay does not", () => {
    const { transport, report } = runCall({}, (label, nth) => label === "200 INVITE" && nth === 1)
    expect(inT1(transport.timesOf("200 INVITE"), answerNs)).toEqual([0, 1])
    expect(report.postDialDelayNs).toBe(PDD)
    expect(report.setupTimeNs).toBe(SETUP + T1)
    expect(report.retransmissions.finalResponse).toBe(1)
  })

  it("the intervals double from T1 up to T2 = 4 s, and after 64·T1 without an ACK the callee ends the session with a BYE", () => {
    const { transport, report, call } = runCall({}, (label) => label === "200 INVITE")
    // 0.5, 1, 2, 4, then T2 = 4 s each time: 10 retransmissions before 32 s.
    expect(transport.timesOf("200 INVITE").map((t) => (t - answerNs) / S)).toEqual([0, 0.5, 1.5, 3.5, 7.5, 11.5, 15.5, 19.5, 23.5, 27.5, 31.5])
    expect(report.retransmissions.finalResponse).toBe(10)
    expect(call.callee.ackTimedOut).toBe(true)
    expect(report.teardown.by).toBe("callee")
    expect(report.teardown.byeSentNs).toBe(answerNs + 64 * T1)
    expect(report.media.callee).toEqual({ codec: "G.711u", startNs: answerNs, stopNs: answerNs + 64 * T1 })
    expect(report.outcome).toBe("calling") // the caller never got a final response
    expect(report.media.caller.startNs).toBeUndefined()
  })

  it("a lost ACK makes the callee resend its 200, which the caller ACKs again", () => {
    const { transport, report, call } = runCall({}, (label, nth) => label === "ACK" && nth === 1)
    expect(inT1(transport.timesOf("200 INVITE"), answerNs)).toEqual([0, 1])
    expect(transport.timesOf("ACK")).toEqual([SETUP, answerNs + T1 + TO_CALLER])
    expect(call.callee.ackReceivedNs).toBe(answerNs + T1 + TO_CALLER + TO_CALLEE)
    expect(report.retransmissions).toMatchObject({ finalResponse: 1, ack: 1 })
    expect(report.outcome).toBe("established")
  })
})

describe("codec negotiation (RFC 3264 §6.1)", () => {
  it("answers with the first codec of the offer that the callee supports", () => {
    const { report, media } = runCall({ callerCodecs: ["G.729", "G.711a", "G.711u"], calleeCodecs: ["G.711u", "G.711a"] })
    expect(report.codec).toBe("G.711a")
    expect(media.filter((e) => e[2] === "start").map((e) => e[3])).toEqual(["G.711a", "G.711a"])
  })

  it("refuses an offer with no supported codec with 488, ACKed by the caller, and no media", () => {
    const { transport, report, media } = runCall({ callerCodecs: ["G.729"], calleeCodecs: ["G.711u"] })
    expect(transport.labels()).toEqual(["INVITE", "488 INVITE", "ACK"]) // a final at once needs no 100
    expect(report.outcome).toBe("no-common-codec")
    expect(report.finalStatusCode).toBe(488)
    expect(report.failedNs).toBe(TO_CALLEE + TO_CALLER)
    expect(report.codec).toBeUndefined()
    expect(media).toEqual([])
  })
})

describe("rejection and non-2xx reliability (RFC 3261 §17.1.1.3, §17.2.1 Timers G and H)", () => {
  it("a busy callee rejects after its alerting delay and the caller reports the status", () => {
    const { transport, report } = runCall({ rejectStatusCode: 486 })
    expect(transport.labels()).toEqual(["INVITE", "100 INVITE", "486 INVITE", "ACK"])
    expect(report).toMatchObject({ outcome: "rejected", finalStatusCode: 486, failedNs: PDD, postDialDelayNs: undefined })
  })

  it("a lost 486 is resent by Timer G at T1", () => {
    const { transport, report } = runCall({ rejectStatusCode: 486 }, (label, nth) => label === "486 INVITE" && nth === 1)
    const rejectNs = TO_CALLEE + ALERTING
    expect(inT1(transport.timesOf("486 INVITE"), rejectNs)).toEqual([0, 1])
    expect(report.failedNs).toBe(PDD + T1)
    expect(report.retransmissions.finalResponse).toBe(1)
  })

  it("a lost hop-by-hop ACK makes the callee resend the 486, which the caller ACKs again from Completed", () => {
    const { transport, report } = runCall({ rejectStatusCode: 486 }, (label, nth) => label === "ACK" && nth === 1)
    expect(transport.labels()).toEqual(["INVITE", "100 INVITE", "486 INVITE", "ACK (lost)", "486 INVITE", "ACK"])
    expect(report.retransmissions).toMatchObject({ finalResponse: 1, ack: 1 })
    expect(report.failedNs).toBe(PDD) // the copy does not fail the call twice
  })
})

describe("determinism", () => {
  it("the same losses give the same messages at the same times and the same report", () => {
    const drop = (label: string, nth: number) => (label === "INVITE" && nth === 1) || (label === "200 INVITE" && nth <= 2) || label === "BYE"
    const a = runCall({}, drop)
    const b = runCall({}, drop)
    expect(b.transport.sent).toEqual(a.transport.sent)
    expect(b.report).toEqual(a.report)
  })
})
