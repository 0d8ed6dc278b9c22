import type { Simulator } from "../../../sim/simulator.ts"
import type { SipRequest, SipResponse } from "./message.ts"
import { Retransmitter, type RetransmitOwner } from "./retransmitter.ts"
import { nonInviteRequestSchedule, type SipTimers } from "./timers.ts"
import type { SipSender } from "./transport.ts"

export interface NonInviteClientUser {
  /** Timer F fired before a final response (§17.1.2.2). */
  requestTimedOut(): void
}

export type NonInviteClientState = "idle" | "trying" | "proceeding" | "completed" | "terminated"

/** A BYE's client transaction over UDP (RFC 3261 §17.1.2, Figure 6). */
export class NonInviteClientTransaction implements RetransmitOwner {
  state: NonInviteClientState = "idle"
  private readonly timerEF: Retransmitter

  constructor(
    private readonly sender: SipSender,
    private readonly user: NonInviteClientUser,
    sim: Simulator,
    private readonly timers: SipTimers,
  ) {
    this.timerEF = new Retransmitter(sim, sender, this, nonInviteRequestSchedule(timers))
  }

  /** Requests sent again by Timer E. */
  get retransmissions(): number {
    return this.timerEF.retransmissions
  }

  start(request: SipRequest): void {
    this.state = "trying"
    this.sender.send(request)
    this.timerEF.start(request)
  }

  /** Takes a response; returns whether the core sees it (false: a copy absorbed in Completed, Timer K). */
  receive(response: SipResponse): boolean {
    if (this.state !== "trying" && this.state !== "proceeding") return false
    if (response.statusCode < 200) {
      // §17.1.2.2: in Proceeding, Timer E is reset to T2 each time it fires.
      this.state = "proceeding"
      this.timerEF.holdInterval(this.timers.t2Ns)
    } else {
      this.state = "completed"
      this.timerEF.stop()
    }
    return true
  }

  retransmitTimedOut(): void {
    this.state = "terminated"
    this.user.requestTimedOut()
  }
}
