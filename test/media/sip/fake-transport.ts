import type { EventHandler, Simulator } from "../../../sim/simulator.ts"
import type { TimeNs } from "../../../sim/time.ts"
import type { SipCall } from "../../../src/media/sip/sip-call.ts"
import type { SipMessage, SipSide } from "../../../src/media/sip/message.ts"
import type { SipTransport } from "../../../src/media/sip/transport.ts"

/** "INVITE", "ACK", "BYE" for requests; "180 INVITE", "200 BYE"… for responses. */
export const labelOf = (m: SipMessage): string => (m.kind === "request" ? m.method : `${m.statusCode} ${m.method}`)

export interface Sent {
  readonly atNs: TimeNs
  readonly label: string
  /** 1 for the first message with this label, 2 for the next (a retransmission or a new one)… */
  readonly nth: number
  readonly to: SipSide
  readonly dropped: boolean
  readonly message: SipMessage
}

/** Decides whether the nth message with `label` is lost. */
export type DropRule = (label: string, nth: number) => boolean

/** Delivers each message after a fixed one-way delay per direction, unless the rule drops it. */
export class FakeTransport implements SipTransport, EventHandler {
  readonly sent: Sent[] = []
  call: SipCall | undefined
  private readonly counts = new Map<string, number>()

  constructor(
    private readonly sim: Simulator,
    private readonly delayNs: Readonly<Record<SipSide, TimeNs>>,
    private readonly drop: DropRule = () => false,
  ) {}

  send(message: SipMessage): void {
    const label = labelOf(message)
    const nth = (this.counts.get(label) ?? 0) + 1
    this.counts.set(label, nth)
    const dropped = this.drop(label, nth)
    this.sent.push({ atNs: this.sim.nowNs, label, nth, to: message.to, dropped, message })
    if (!dropped) this.sim.scheduleIn(this.delayNs[message.to], this, 0, message)
  }

  handleEvent(_arg: number, ref: unknown): void {
    this.call!.deliver(ref as SipMessage)
  }

  /** Send times of the messages with `label`. */
  timesOf(label: string): TimeNs[] {
    return this.sent.filter((s) => s.label === label).map((s) => s.atNs)
  }

  labels(): string[] {
    return this.sent.map((s) => `${s.label}${s.dropped ? " (lost)" : ""}`)
  }
}
