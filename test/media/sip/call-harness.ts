import { Simulator } from "../../../sim/simulator.ts"
import type { TimeNs } from "../../../sim/time.ts"
import type { SipCallOptions } from "../../../src/media/sip/call-config.ts"
import type { SipMediaObserver } from "../../../src/media/sip/media-window.ts"
import type { SipSide } from "../../../src/media/sip/message.ts"
import { SipCall } from "../../../src/media/sip/sip-call.ts"
import { FakeTransport, type DropRule } from "./fake-transport.ts"

export const MS = 1_000_000
export const S = 1_000_000_000
export const T1 = 500 * MS

/** One-way delays of the fake network: caller → callee 30 ms, callee → caller 20 ms. */
export const TO_CALLEE = 30 * MS
export const TO_CALLER = 20 * MS
export const ALERTING = 5 * MS
export const RING = 2 * S
export const TALK = 10 * S

/** What the media observer heard, as "time side start|stop [codec]". */
export type MediaEvent = readonly [TimeNs, SipSide, "start" | "stop", string?]

/** A call over the fake transport, dialled at 0 and run until no event is left. */
export function runCall(options: Partial<SipCallOptions> = {}, drop?: DropRule) {
  const sim = new Simulator()
  const transport = new FakeTransport(sim, { callee: TO_CALLEE, caller: TO_CALLER }, drop)
  const media: MediaEvent[] = []
  const observer: SipMediaObserver = {
    mediaStarted: (side, codec) => media.push([sim.nowNs, side, "start", codec]),
    mediaStopped: (side) => media.push([sim.nowNs, side, "stop"]),
  }
  const call = new SipCall(
    sim,
    {
      callId: "call-1",
      callerCodecs: ["G.711u"],
      calleeCodecs: ["G.711u", "G.711a"],
      alertingDelayNs: ALERTING,
      answerDelayNs: RING,
      mediaDurationNs: TALK,
      ...options,
    },
    transport,
    observer,
  )
  transport.call = call
  call.start(0)
  sim.run()
  return { sim, transport, call, report: call.report(), media }
}

/** `times` shifted to start at `originNs`, in units of T1, to compare with RFC 3261's schedules. */
export const inT1 = (times: readonly TimeNs[], originNs: TimeNs = 0): number[] => times.map((t) => (t - originNs) / T1)
