import { DSCP } from "../../network/dscp.ts"
import type { SipMessage } from "./message.ts"

/**
 * What carries SIP messages between the two user agents of a call: the simulated network (a packet
 * of `message.sizeBytes` to the node of `message.to`) or, in tests, a fake. It hands each message
 * that arrives to `SipCall.deliver`. Over UDP it may lose, delay, duplicate or reorder them.
 */
export interface SipTransport {
  send(message: SipMessage): void
}

/** Whatever a user agent sends through; the user agent counts what passes. */
export interface SipSender {
  send(message: SipMessage): void
}

/**
 * The marking for SIP packets: CS3, the call-signaling class of common practice (and of the
 * project's DSCP table); RFC 4594 §4.2's Signaling class uses CS5 instead.
 */
export const SIP_DSCP = DSCP.cs3
