import type { TimeNs } from "../../../sim/time.ts"
import type { Callee } from "./callee.ts"
import type { Caller, SipCallOutcome } from "./caller.ts"
import type { MediaWindow } from "./media-window.ts"
import type { SipSide } from "./message.ts"

/** When one side's RTP stream runs: from the offer/answer exchange to its BYE (sent or received). */
export interface MediaInterval {
  readonly codec: string | undefined
  /** undefined: it never started. */
  readonly startNs: TimeNs | undefined
  /** undefined: never started, or still sending (no BYE reached this side). */
  readonly stopNs: TimeNs | undefined
}

export interface TeardownReport {
  /** The side that sent the first BYE; undefined while the call lasts. */
  readonly by: SipSide | undefined
  readonly byeSentNs: TimeNs | undefined
  /** When that side got the final response to its BYE. */
  readonly byeAnsweredNs: TimeNs | undefined
  /** Timer F fired: the BYE was never answered (§17.1.2.2). */
  readonly byeTimedOut: boolean
}

export interface SipRetransmissions {
  /** INVITEs resent by Timer A (§17.1.1.2). */
  readonly invite: number
  /** Responses the callee resent because the INVITE came again (§17.2.1). */
  readonly responseToInviteCopy: number
  /** 2xx resent until the ACK (§13.3.1.4), non-2xx resent by Timer G (§17.2.1). */
  readonly finalResponse: number
  /** ACKs resent for copies of a final response (§13.2.2.4, §17.1.1.2). */
  readonly ack: number
  /** BYEs resent by Timer E (§17.1.2.2). */
  readonly bye: number
  /** 200s resent because a BYE came again (§17.2.2). */
  readonly byeResponse: number
}

export interface SipCallReport {
  readonly callId: string
  readonly outcome: SipCallOutcome
  /** The final response the caller got to its INVITE; undefined after Timer B or before any. */
  readonly finalStatusCode: number | undefined
  /** The codec of the answer. */
  readonly codec: string | undefined
  /** The first INVITE. */
  readonly inviteSentNs: TimeNs | undefined
  /** First INVITE to the first 180, or to the 200 when no 180 came before it. */
  readonly postDialDelayNs: TimeNs | undefined
  /** First INVITE to the 200 OK at the caller. */
  readonly setupTimeNs: TimeNs | undefined
  /** When the caller learnt the call failed (Timer B, or the failure response). */
  readonly failedNs: TimeNs | undefined
  /** By sending side: `caller` is the caller→callee stream. */
  readonly media: Readonly<Record<SipSide, MediaInterval>>
  readonly teardown: TeardownReport
  readonly retransmissions: SipRetransmissions
  readonly messagesSent: Readonly<Record<SipSide, number>>
  readonly bytesSent: Readonly<Record<SipSide, number>>
}

const since = (startNs: TimeNs | undefined, endNs: TimeNs | undefined): TimeNs | undefined =>
  startNs === undefined || endNs === undefined ? undefined : endNs - startNs

const mediaInterval = (media: MediaWindow): MediaInterval => ({ codec: media.codec, startNs: media.startNs, stopNs: media.stopNs })

function teardownReport(caller: Caller, callee: Callee): TeardownReport {
  const callerByeNs = caller.teardown.byeSentNs
  const calleeByeNs = callee.teardown.byeSentNs
  const by: SipSide | undefined =
    callerByeNs !== undefined && (calleeByeNs === undefined || callerByeNs <= calleeByeNs) ? "caller"
    : calleeByeNs !== undefined ? "callee"
    : undefined
  const teardown = by === undefined ? undefined : by === "caller" ? caller.teardown : callee.teardown
  return {
    by,
    byeSentNs: teardown?.byeSentNs,
    byeAnsweredNs: teardown?.byeAnsweredNs,
    byeTimedOut: teardown?.byeTimedOut ?? false,
  }
}

/** The call as it stands now; final once both sides are done. */
export function sipCallReport(callId: string, caller: Caller, callee: Callee): SipCallReport {
  const server = callee.inviteServerTransaction
  return {
    callId,
    outcome: caller.outcome,
    finalStatusCode: caller.finalStatusCode,
    codec: caller.media.codec,
    inviteSentNs: caller.inviteSentNs,
    postDialDelayNs: since(caller.inviteSentNs, caller.ringingNs ?? caller.answeredNs),
    setupTimeNs: since(caller.inviteSentNs, caller.answeredNs),
    failedNs: caller.failedNs,
    media: { caller: mediaInterval(caller.media), callee: mediaInterval(callee.media) },
    teardown: teardownReport(caller, callee),
    retransmissions: {
      invite: caller.inviteTransaction.retransmissions,
      responseToInviteCopy: server?.responseResends ?? 0,
      finalResponse: callee.successRetransmissions + (server?.finalRetransmissions ?? 0),
      ack: caller.ackRetransmissions + caller.inviteTransaction.ackRetransmissions,
      bye: caller.teardown.byeRetransmissions + callee.teardown.byeRetransmissions,
      byeResponse: caller.teardown.byeResponseResends + callee.teardown.byeResponseResends,
    },
    messagesSent: { caller: caller.sender.messagesSent, callee: callee.sender.messagesSent },
    bytesSent: { caller: caller.sender.bytesSent, callee: callee.sender.bytesSent },
  }
}
