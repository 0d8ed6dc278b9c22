import type { EventHandler, Simulator } from "../../../sim/simulator.ts"
import { isSuccess, type SipRequest, type SipResponse } from "./message.ts"
import type { SipMessageFactory } from "./message-factory.ts"
import { Retransmitter, type RetransmitOwner } from "./retransmitter.ts"
import { inviteRequestSchedule, type SipTimers } from "./timers.ts"
import type { SipSender } from "./transport.ts"

export interface InviteClientUser {
  /** Timer B fired in the Calling state: not a single response came back (§17.1.1.2). */
  inviteTimedOut(): void
}

export type InviteClientState = "idle" | "calling" | "proceeding" | "completed" | "terminated"

/** The caller's INVITE client transaction over UDP (RFC 3261 §17.1.1, Figure 5). */
export class InviteClientTransaction implements RetransmitOwner, EventHandler {
  state: InviteClientState = "idle"
  /** ACKs sent again for retransmissions of a non-2xx final response (§17.1.1.2, Completed state). */
  ackRetransmissions = 0
  private readonly timerAB: Retransmitter
  private ack: SipRequest | undefined

  constructor(
    private readonly sim: Simulator,
    private readonly sender: SipSender,
    private readonly messages: SipMessageFactory,
    private readonly user: InviteClientUser,
    private readonly timers: SipTimers,
  ) {
    this.timerAB = new Retransmitter(sim, sender, this, inviteRequestSchedule(timers))
  }

  /** INVITEs sent again by Timer A. */
  get retransmissions(): number {
    return this.timerAB.retransmissions
  }

  start(invite: SipRequest): void {
    this.state = "calling"
    this.sender.send(invite)
    this.timerAB.start(invite)
  }

  /** Takes a response to the INVITE; returns whether the user agent core sees it (false: absorbed). */
  receive(response: SipResponse): boolean {
    const code = response.statusCode
    switch (this.state) {
      case "calling":
      case "proceeding":
        // §17.1.1.2: any response ends the retransmissions, and Timer B only runs while Calling.
        this.timerAB.stop()
        if (code < 200) {
          this.state = "proceeding"
        } else if (isSuccess(code)) {
          this.state = "terminated" // the core ACKs a 2xx end to end (§13.2.2.4)
        } else {
          // §17.1.1.3: the transaction ACKs a non-2xx itself, hop by hop, and waits Timer D for copies.
          this.state = "completed"
          this.ack = this.messages.request("ACK", "caller", response.cseq, undefined, true)
          this.sender.send(this.ack)
          this.sim.scheduleIn(this.timers.timerDNs, this)
        }
        return true
      case "completed":
        // §17.1.1.2: each retransmission of the final response is ACKed again, and not passed up.
        if (code >= 300) {
          this.ackRetransmissions++
          this.sender.send(this.ack!)
        }
        return false
      default:
        // Without a transaction, a 2xx still goes to the core, which ACKs every copy (§13.2.2.4, §18.1.2).
        return isSuccess(code)
    }
  }

  retransmitTimedOut(): void {
    this.state = "terminated"
    this.user.inviteTimedOut()
  }

  /** Timer D: the Completed state ends (§17.1.1.2). */
  handleEvent(): void {
    this.state = "terminated"
  }
}
