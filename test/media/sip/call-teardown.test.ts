import { describe, expect, it } from "vitest"
import { ALERTING, RING, runCall, S, T1, TALK, TO_CALLEE, TO_CALLER, inT1 } from "./call-harness.ts"

const SETUP = TO_CALLEE + ALERTING + RING + TO_CALLER
const ANSWER = TO_CALLEE + ALERTING + RING // the callee sends its 200
const CALLER_BYE = SETUP + TALK

describe("BYE over UDP (RFC 3261 §15, §17.1.2.2 Timers E and F)", () => {
  it("a lost BYE goes again T1 later and is answered", () => {
    const { transport, report } = runCall({}, (label, nth) => label === "BYE" && nth === 1)
    expect(transport.timesOf("BYE")).toEqual([CALLER_BYE, CALLER_BYE + T1])
    expect(report.teardown).toEqual({ by: "caller", byeSentNs: CALLER_BYE, byeAnsweredNs: CALLER_BYE + T1 + TO_CALLEE + TO_CALLER, byeTimedOut: false })
    expect(report.retransmissions.bye).toBe(1)
    expect(report.media.callee.stopNs).toBe(CALLER_BYE + T1 + TO_CALLEE)
  })

  it("Timer E doubles up to T2 = 4 s, and Timer F gives up at 64·T1 after 10 retransmissions", () => {
    const { transport, report, sim } = runCall({}, (label) => label === "BYE")
    expect(transport.timesOf("BYE").map((t) => (t - CALLER_BYE) / S)).toEqual([0, 0.5, 1.5, 3.5, 7.5, 11.5, 15.5, 19.5, 23.5, 27.5, 31.5])
    expect(report.retransmissions.bye).toBe(10)
    expect(report.teardown).toEqual({ by: "caller", byeSentNs: CALLER_BYE, byeAnsweredNs: undefined, byeTimedOut: true })
    expect(sim.nowNs).toBe(CALLER_BYE + 64 * T1)
    // §15.1.1: the caller stopped at its BYE; the callee never heard it, so its stream runs on.
    expect(report.media.caller.stopNs).toBe(CALLER_BYE)
    expect(report.media.callee.stopNs).toBeUndefined()
  })

  it("a lost 200 to the BYE brings a BYE copy, answered again with the same 200 (§17.2.2)", () => {
    const { transport, report } = runCall({}, (label, nth) => label === "200 BYE" && nth === 1)
    expect(inT1(transport.timesOf("BYE"), CALLER_BYE)).toEqual([0, 1])
    expect(transport.timesOf("200 BYE")).toEqual([CALLER_BYE + TO_CALLEE, CALLER_BYE + T1 + TO_CALLEE])
    expect(report.retransmissions).toMatchObject({ bye: 1, byeResponse: 1 })
    expect(report.media.callee.stopNs).toBe(CALLER_BYE + TO_CALLEE) // the first BYE ended the session
  })

  it("the callee can hang up: its BYE goes TALK after its 200, as the ACK has come", () => {
    const { transport, report } = runCall({ hangUpBy: "callee" })
    expect(transport.labels()).toEqual(["INVITE", "100 INVITE", "180 INVITE", "200 INVITE", "ACK", "BYE", "200 BYE"])
    expect(report.teardown).toEqual({ by: "callee", byeSentNs: ANSWER + TALK, byeAnsweredNs: ANSWER + TALK + TO_CALLER + TO_CALLEE, byeTimedOut: false })
    expect(report.media.caller.stopNs).toBe(ANSWER + TALK + TO_CALLER)
  })

  it("the callee's BYE waits for a late ACK (§15)", () => {
    const talkNs = 200_000_000
    const { report } = runCall({ hangUpBy: "callee", mediaDurationNs: talkNs }, (label, nth) => label === "ACK" && nth === 1)
    // The 200's copy at T1 brings the second ACK, 0.55 s after the answer; the BYE follows it at once.
    expect(report.teardown.byeSentNs).toBe(ANSWER + T1 + TO_CALLER + TO_CALLEE)
  })
})
