import type { EventHandler, EventId, Simulator } from "../../../sim/simulator.ts"
import type { TimeNs } from "../../../sim/time.ts"
import type { SipMessage } from "./message.ts"
import type { SipSender } from "./transport.ts"

/** When a message is sent again over UDP, and when its sender gives up. */
export interface RetransmitSchedule {
  /** Wait before the first retransmission. */
  readonly firstIntervalNs: TimeNs
  /** Each wait doubles up to this (Number.MAX_SAFE_INTEGER: no cap). */
  readonly maxIntervalNs: TimeNs
  /** From the first transmission to giving up. */
  readonly timeoutNs: TimeNs
}

/** Told when a retransmitter reaches its timeout without being stopped. */
export interface RetransmitOwner {
  retransmitTimedOut(timer: Retransmitter): void
}

const RESEND = 0
const TIME_OUT = 1
const NO_EVENT = -1

/**
 * The retransmission timer pair every unreliable-transport exchange of RFC 3261 uses: resend after
 * an interval that doubles up to a cap, until stopped or a timeout. Timers A/B (§17.1.1.2), E/F
 * (§17.1.2.2), G/H (§17.2.1) and the UAS's 2xx retransmission (§13.3.1.4) differ only in the schedule.
 */
export class Retransmitter implements EventHandler {
  /** Resends so far, over every start. */
  retransmissions = 0
  private message: SipMessage | undefined
  private intervalNs: TimeNs = 0
  private fixedIntervalNs: TimeNs | undefined
  private deadlineNs: TimeNs = 0
  private resendEvent: EventId = NO_EVENT
  private timeoutEvent: EventId = NO_EVENT

  constructor(
    private readonly sim: Simulator,
    private readonly sender: SipSender,
    private readonly owner: RetransmitOwner,
    private readonly schedule: RetransmitSchedule,
  ) {}

  get running(): boolean {
    return this.message !== undefined
  }

  /** Arms the timers for `message`, which the caller has just sent for the first time. */
  start(message: SipMessage): void {
    this.stop()
    this.message = message
    this.intervalNs = this.schedule.firstIntervalNs
    this.fixedIntervalNs = undefined
    this.deadlineNs = this.sim.nowNs + this.schedule.timeoutNs
    this.timeoutEvent = this.sim.scheduleAt(this.deadlineNs, this, TIME_OUT)
    this.scheduleResend()
  }

  /** From the next resend on, waits `intervalNs` every time (a non-INVITE request once a 1xx arrived). */
  holdInterval(intervalNs: TimeNs): void {
    this.fixedIntervalNs = intervalNs
  }

  stop(): void {
    if (this.resendEvent !== NO_EVENT) this.sim.cancel(this.resendEvent)
    if (this.timeoutEvent !== NO_EVENT) this.sim.cancel(this.timeoutEvent)
    this.resendEvent = NO_EVENT
    this.timeoutEvent = NO_EVENT
    this.message = undefined
  }

  handleEvent(arg: number): void {
    if (arg === TIME_OUT) {
      this.timeoutEvent = NO_EVENT
      this.stop()
      this.owner.retransmitTimedOut(this)
      return
    }
    this.resendEvent = NO_EVENT
    this.retransmissions++
    this.sender.send(this.message!)
    this.intervalNs = this.fixedIntervalNs ?? Math.min(2 * this.intervalNs, this.schedule.maxIntervalNs)
    this.scheduleResend()
  }

  /** A resend due at the deadline or later never happens: the timeout comes first. */
  private scheduleResend(): void {
    const atNs = this.sim.nowNs + this.intervalNs
    if (atNs < this.deadlineNs) this.resendEvent = this.sim.scheduleAt(atNs, this, RESEND)
  }
}
