import type { Simulator } from "../../../sim/simulator.ts"
import { isSuccess, type SipResponse } from "./message.ts"
import { Retransmitter, type RetransmitOwner } from "./retransmitter.ts"
import { inviteResponseSchedule, type SipTimers } from "./timers.ts"
import type { SipSender } from "./transport.ts"

export interface InviteServerUser {
  /** Timer H fired: a non-2xx final response was never ACKed (§17.2.1). */
  finalResponseTimedOut(): void
}

export type InviteServerState = "proceeding" | "completed" | "confirmed" | "accepted" | "terminated"

/**
 * The callee's INVITE server transaction over UDP (RFC 3261 §17.2.1, Figure 7), with the
 * "Accepted" state of RFC 6026 after a 2xx, whose retransmissions are the UAS core's (§13.3.1.4).
 */
export class InviteServerTransaction implements RetransmitOwner {
  state: InviteServerState = "proceeding"
  /** Responses sent again because the INVITE came again (§17.2.1). */
  responseResends = 0
  private readonly timerGH: Retransmitter
  private lastResponse: SipResponse | undefined

  constructor(
    private readonly sender: SipSender,
    private readonly user: InviteServerUser,
    sim: Simulator,
    timers: SipTimers,
  ) {
    this.timerGH = new Retransmitter(sim, sender, this, inviteResponseSchedule(timers))
  }

  /** Non-2xx final responses sent again by Timer G. */
  get finalRetransmissions(): number {
    return this.timerGH.retransmissions
  }

  /** Sends a response of the core; nothing follows a final one. */
  respond(response: SipResponse): void {
    if (this.state !== "proceeding") return
    this.sender.send(response)
    this.lastResponse = response
    if (response.statusCode < 200) return
    if (isSuccess(response.statusCode)) {
      this.state = "accepted"
    } else {
      this.state = "completed"
      this.timerGH.start(response) // §17.2.1: Timer G resends until the ACK, Timer H gives up
    }
  }

  /** The INVITE came again: its response was lost or is slow. */
  receiveRetransmission(): void {
    // §17.2.1: Proceeding resends the latest provisional, Completed the final; RFC 6026's Accepted absorbs it.
    if ((this.state === "proceeding" || this.state === "completed") && this.lastResponse !== undefined) {
      this.responseResends++
      this.sender.send(this.lastResponse)
    }
  }

  /** Takes an ACK; returns whether it is the core's (the ACK of a 2xx, §13.3.1.4) rather than absorbed. */
  receiveAck(): boolean {
    if (this.state === "completed") {
      this.state = "confirmed" // §17.2.1: the ACK stops Timer G
      this.timerGH.stop()
      return false
    }
    return this.state === "accepted"
  }

  retransmitTimedOut(): void {
    this.state = "terminated"
    this.user.finalResponseTimedOut()
  }
}
