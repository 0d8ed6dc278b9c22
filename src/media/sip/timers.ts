import { NS_PER_MS, NS_PER_S, type TimeNs } from "../../../sim/time.ts"
import type { RetransmitSchedule } from "./retransmitter.ts"

/** The base timers of RFC 3261 over UDP; every other timer derives from them. */
export interface SipTimers {
  /** T1, the round-trip estimate: 500 ms (§17.1.1.1, Table 4). */
  readonly t1Ns: TimeNs
  /** T2, the longest retransmit interval of non-INVITE requests and INVITE responses: 4 s (§17.1.2.2, Table 4). */
  readonly t2Ns: TimeNs
  /** Timer D, how long a failed INVITE's client re-ACKs retransmitted final responses: > 32 s for UDP (§17.1.1.2, Table 4). */
  readonly timerDNs: TimeNs
}

export const DEFAULT_SIP_TIMERS: SipTimers = {
  t1Ns: 500 * NS_PER_MS,
  t2Ns: 4 * NS_PER_S,
  timerDNs: 32 * NS_PER_S,
}

/** Timers B, F and H, and the UAS's give-up on a 2xx, all last 64·T1 (§17.1.1.2, §17.1.2.2, §17.2.1, §13.3.1.4). */
export const transactionTimeoutNs = (timers: SipTimers): TimeNs => 64 * timers.t1Ns

/** INVITE requests: Timer A starts at T1 and doubles without a cap, Timer B = 64·T1 (§17.1.1.2). */
export const inviteRequestSchedule = (timers: SipTimers): RetransmitSchedule => ({
  firstIntervalNs: timers.t1Ns,
  maxIntervalNs: Number.MAX_SAFE_INTEGER,
  timeoutNs: transactionTimeoutNs(timers),
})

/** Non-INVITE requests: Timer E starts at T1 and doubles up to T2, Timer F = 64·T1 (§17.1.2.2). */
export const nonInviteRequestSchedule = (timers: SipTimers): RetransmitSchedule => ({
  firstIntervalNs: timers.t1Ns,
  maxIntervalNs: timers.t2Ns,
  timeoutNs: transactionTimeoutNs(timers),
})

/**
 * Final responses to an INVITE until the ACK: a 2xx by the UAS core (T1 doubling up to T2, given
 * up after 64·T1, §13.3.1.4), other finals by the server transaction (Timers G and H, §17.2.1).
 */
export const inviteResponseSchedule = (timers: SipTimers): RetransmitSchedule => ({
  firstIntervalNs: timers.t1Ns,
  maxIntervalNs: timers.t2Ns,
  timeoutNs: transactionTimeoutNs(timers),
})
