import type { EventHandler, Simulator } from "../../../sim/simulator.ts"
import type { TimeNs } from "../../../sim/time.ts"
import type { SipCallConfig } from "./call-config.ts"
import { CountingSender } from "./counting-sender.ts"
import { InviteClientTransaction, type InviteClientUser } from "./invite-client-transaction.ts"
import { MediaWindow, type SipMediaObserver } from "./media-window.ts"
import { isSuccess, type SipMessage, type SipRequest, type SipResponse } from "./message.ts"
import type { SipMessageFactory } from "./message-factory.ts"
import { Teardown } from "./teardown.ts"
import type { SipTransport } from "./transport.ts"

/** Where the caller's call stands; the last four are final. */
export type SipCallOutcome = "idle" | "calling" | "established" | "timeout" | "rejected" | "no-common-codec"

const INVITE_CSEQ = 1
const START = 0
const HANG_UP = 1

/** The caller's user agent (UAC core, RFC 3261 §13.2): INVITE with an offer, ACK, and its end of §15. */
export class Caller implements EventHandler, InviteClientUser {
  readonly sender: CountingSender
  readonly media: MediaWindow
  readonly teardown: Teardown
  readonly inviteTransaction: InviteClientTransaction
  outcome: SipCallOutcome = "idle"
  inviteSentNs: TimeNs | undefined
  /** The first non-100 provisional response (180 Ringing) before any 2xx. */
  ringingNs: TimeNs | undefined
  answeredNs: TimeNs | undefined
  /** When the call failed: Timer B, or the arrival of a non-2xx final response. */
  failedNs: TimeNs | undefined
  finalStatusCode: number | undefined
  /** ACKs sent again for copies of the 2xx (§13.2.2.4). */
  ackRetransmissions = 0
  private ack: SipRequest | undefined

  constructor(
    private readonly sim: Simulator,
    private readonly config: SipCallConfig,
    transport: SipTransport,
    private readonly messages: SipMessageFactory,
    observer: SipMediaObserver,
  ) {
    this.sender = new CountingSender(transport)
    this.media = new MediaWindow(sim, "caller", observer)
    this.teardown = new Teardown(sim, "caller", INVITE_CSEQ + 1, this.sender, messages, this.media, config.timers)
    this.inviteTransaction = new InviteClientTransaction(sim, this.sender, messages, this, config.timers)
  }

  /** Dials at `atNs`. */
  start(atNs: TimeNs): void {
    this.sim.scheduleAt(atNs, this, START)
  }

  handleEvent(arg: number): void {
    if (arg === HANG_UP) {
      this.teardown.hangUp()
      return
    }
    this.outcome = "calling"
    this.inviteSentNs = this.sim.nowNs
    this.inviteTransaction.start(this.messages.request("INVITE", "caller", INVITE_CSEQ, this.config.callerCodecs))
  }

  receive(message: SipMessage): void {
    if (message.kind === "request") {
      if (message.method === "BYE") this.teardown.receiveBye(message)
      return
    }
    if (message.method === "BYE") this.teardown.receiveResponse(message)
    else if (message.method === "INVITE" && this.inviteTransaction.receive(message)) this.inviteResponse(message)
  }

  inviteTimedOut(): void {
    this.fail("timeout", undefined)
  }

  private inviteResponse(response: SipResponse): void {
    const code = response.statusCode
    if (code < 200) {
      // Post-dial delay ends at the first non-100 provisional response (RFC 6076's SRD).
      if (code > 100 && this.answeredNs === undefined) this.ringingNs ??= this.sim.nowNs
    } else if (isSuccess(code)) {
      this.answered(response)
    } else {
      // The transaction has ACKed it (§17.1.1.3); 488 is the callee finding no codec in the offer.
      this.fail(code === 488 ? "no-common-codec" : "rejected", code)
    }
  }

  private answered(response: SipResponse): void {
    if (this.ack !== undefined) {
      // §13.2.2.4: every copy of the 2xx gets the ACK again; the callee resends it until one arrives.
      this.ackRetransmissions++
      this.sender.send(this.ack)
      return
    }
    this.ack = this.messages.request("ACK", "caller", response.cseq)
    this.sender.send(this.ack)
    if (this.outcome !== "calling") {
      this.teardown.hangUp() // §13.2.2.4: a 2xx the caller no longer wants is ACKed, then ended with a BYE
      return
    }
    this.outcome = "established"
    this.answeredNs = this.sim.nowNs
    this.finalStatusCode = response.statusCode
    const codec = response.sdp?.[0]
    if (codec !== undefined) this.media.start(codec) // RFC 3264 §7: the offerer may send once it has the answer
    if (this.config.hangUpBy === "caller") this.sim.scheduleIn(this.config.mediaDurationNs, this, HANG_UP)
  }

  private fail(outcome: "timeout" | "rejected" | "no-common-codec", statusCode: number | undefined): void {
    if (this.outcome !== "calling") return
    this.outcome = outcome
    this.failedNs = this.sim.nowNs
    this.finalStatusCode = statusCode
  }
}
