import { NS_PER_MS, NS_PER_S, isValidTimeNs, type TimeNs } from "../../../sim/time.ts"
import type { SipSide } from "./message.ts"
import { DEFAULT_SIP_TIMERS, type SipTimers } from "./timers.ts"

export interface SipCallConfig {
  readonly callId: string
  /** The caller's codecs, most preferred first: its SDP offer (RFC 3264 §5.1). */
  readonly callerCodecs: readonly string[]
  /** The codecs the callee can send and receive. */
  readonly calleeCodecs: readonly string[]
  /** From the INVITE's arrival to the 180 Ringing: the callee's processing before it alerts. */
  readonly alertingDelayNs: TimeNs
  /** Ring time: from the 180 Ringing to the 200 OK. */
  readonly answerDelayNs: TimeNs
  /** A final status the callee sends instead of ringing (486 Busy Here, 603 Decline…), at the alerting delay. */
  readonly rejectStatusCode: number | undefined
  /** Who hangs up. */
  readonly hangUpBy: SipSide
  /** How long the side that hangs up sends media before its BYE. */
  readonly mediaDurationNs: TimeNs
  readonly timers: SipTimers
  /** Bytes added to every message for the headers deployed phones add (User-Agent, Allow…); 0 keeps RFC 3665's sizes. */
  readonly extraHeaderBytes: number
}

type Defaulted = "alertingDelayNs" | "answerDelayNs" | "rejectStatusCode" | "hangUpBy" | "timers" | "extraHeaderBytes"

export type SipCallOptions = Omit<SipCallConfig, Defaulted> & Partial<Pick<SipCallConfig, Defaulted>>

export const DEFAULT_SIP_CALL: Pick<SipCallConfig, Defaulted> = {
  // A phone alerts within milliseconds of the INVITE: an assumption, no standard sets it.
  alertingDelayNs: 10 * NS_PER_MS,
  // About one ring cycle of North American ringing (2 s on, 4 s off).
  answerDelayNs: 6 * NS_PER_S,
  rejectStatusCode: undefined,
  hangUpBy: "caller",
  timers: DEFAULT_SIP_TIMERS,
  extraHeaderBytes: 0,
}

export function sipCallConfig(options: SipCallOptions): SipCallConfig {
  const config: SipCallConfig = { ...DEFAULT_SIP_CALL, ...options }
  const { timers } = config
  for (const [name, value] of [
    ["alertingDelayNs", config.alertingDelayNs],
    ["answerDelayNs", config.answerDelayNs],
    ["mediaDurationNs", config.mediaDurationNs],
    ["timers.timerDNs", timers.timerDNs],
  ] as const) {
    if (!isValidTimeNs(value)) throw new RangeError(`${config.callId}: ${name} must be an integer ≥ 0 ns, got ${value}`)
  }
  if (!(isValidTimeNs(timers.t1Ns) && timers.t1Ns > 0 && isValidTimeNs(timers.t2Ns) && timers.t2Ns >= timers.t1Ns)) {
    throw new RangeError(`${config.callId}: timers need 0 < T1 ≤ T2 in integer ns, got T1 ${timers.t1Ns}, T2 ${timers.t2Ns}`)
  }
  const reject = config.rejectStatusCode
  if (reject !== undefined && !(Number.isInteger(reject) && reject >= 300 && reject <= 699)) {
    throw new RangeError(`${config.callId}: rejectStatusCode must be a final failure status (300–699), got ${reject}`)
  }
  if (config.callerCodecs.length === 0) throw new RangeError(`${config.callId}: the offer needs at least one codec`)
  return config
}
