import { describe, expect, it } from "vitest"
import { Simulator } from "../../../sim/simulator.ts"
import type { SipMessage } from "../../../src/media/sip/message.ts"
import { Retransmitter, type RetransmitOwner } from "../../../src/media/sip/retransmitter.ts"
import { DEFAULT_SIP_TIMERS, inviteRequestSchedule, nonInviteRequestSchedule } from "../../../src/media/sip/timers.ts"
import type { RetransmitSchedule } from "../../../src/media/sip/retransmitter.ts"

const S = 1_000_000_000
const message: SipMessage = { kind: "request", method: "INVITE", callId: "c", to: "callee", cseq: 1, sdp: undefined, sizeBytes: 500 }

function run(schedule: RetransmitSchedule, stopAtNs?: number) {
  const sim = new Simulator()
  const resentNs: number[] = []
  const timedOutNs: number[] = []
  const owner: RetransmitOwner = { retransmitTimedOut: () => timedOutNs.push(sim.nowNs) }
  const timer = new Retransmitter(sim, { send: () => resentNs.push(sim.nowNs) }, owner, schedule)
  timer.start(message)
  if (stopAtNs !== undefined) sim.scheduleAt(stopAtNs, { handleEvent: () => timer.stop() })
  sim.run()
  return { sim, timer, resent: resentNs.map((t) => t / S), timedOut: timedOutNs.map((t) => t / S) }
}

describe("Retransmitter", () => {
  it("Timer A doubles without a cap; Timer B fires at 64·T1 (RFC 3261 §17.1.1.2)", () => {
    const { resent, timedOut, timer } = run(inviteRequestSchedule(DEFAULT_SIP_TIMERS))
    expect(resent).toEqual([0.5, 1.5, 3.5, 7.5, 15.5, 31.5])
    expect(timedOut).toEqual([32])
    expect(timer.retransmissions).toBe(6)
    expect(timer.running).toBe(false)
  })

  it("Timer E doubles up to T2; Timer F fires at 64·T1 (§17.1.2.2)", () => {
    const { resent, timedOut } = run(nonInviteRequestSchedule(DEFAULT_SIP_TIMERS))
    expect(resent).toEqual([0.5, 1.5, 3.5, 7.5, 11.5, 15.5, 19.5, 23.5, 27.5, 31.5])
    expect(timedOut).toEqual([32])
  })

  it("stop cancels both timers", () => {
    const { resent, timedOut, sim } = run(inviteRequestSchedule(DEFAULT_SIP_TIMERS), 2 * S)
    expect(resent).toEqual([0.5, 1.5])
    expect(timedOut).toEqual([])
    expect(sim.pendingEvents).toBe(0)
  })

  it("a resend due exactly at the timeout does not happen", () => {
    const { resent, timedOut } = run({ firstIntervalNs: S, maxIntervalNs: S, timeoutNs: 3 * S })
    expect(resent).toEqual([1, 2])
    expect(timedOut).toEqual([3])
  })

  it("holdInterval fixes the wait from the next resend on (Timer E in Proceeding)", () => {
    const sim = new Simulator()
    const resent: number[] = []
    const timer = new Retransmitter(sim, { send: () => resent.push(sim.nowNs / S) }, { retransmitTimedOut() {} }, nonInviteRequestSchedule(DEFAULT_SIP_TIMERS))
    timer.start(message)
    sim.scheduleAt(S, { handleEvent: () => timer.holdInterval(4 * S) })
    sim.run()
    expect(resent).toEqual([0.5, 1.5, 5.5, 9.5, 13.5, 17.5, 21.5, 25.5, 29.5])
  })
})
