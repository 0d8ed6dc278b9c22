/**
 * The codec of the answer: the first in the offer that the answerer supports. An offer lists its
 * formats most preferred first (RFC 3264 §5.1), and the answer keeps the offer's order (§6.1).
 * undefined when none is supported: the callee then refuses the INVITE with 488 Not Acceptable
 * Here (RFC 3261 §21.4.26).
 */
export const answerCodec = (offer: readonly string[], supported: readonly string[]): string | undefined =>
  offer.find((codec) => supported.includes(codec))
