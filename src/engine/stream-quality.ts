import { eModel, type EModelResult } from "../quality/emodel.ts"
import { narrowbandImpairment } from "../quality/g113.ts"
import { concealsLoss, type Codec } from "../media/codecs.ts"
import type { StreamModel } from "./build-model.ts"

export interface StreamQuality {
  /** Concealed frames over the frames due at playout (the voice sent), in percent (network + late loss). */
  readonly effectiveLossPercent: number
  readonly burstRatio: number
  readonly mouthToEarDelayMs: number
  /** Undefined when the stream sent no voice (a call that failed, or a side that never talked): nothing to score. */
  readonly eModel: EModelResult | undefined
}

/**
 * Scores one stream with the ITU-T G.107 E-model, all other parameters at their defaults.
 * Ta = packetization + lookahead + mean network delay + mean jitter-buffer delay; the echo path is
 * taken as that same one-way delay (T = Ta) and the round trip as twice it (Tr = 2·Ta).
 */
export const streamQuality = (stream: StreamModel): StreamQuality => {
  const r = stream.receiver
  const frames = r.framesPlayed + r.framesConcealed
  const voiceSent = stream.sender.voicePacketsSent > 0
  // Voice sent and no frame due at playout: nothing arrived to start it, all of it is lost.
  const effectiveLossPercent = frames > 0 ? (100 * r.framesConcealed) / frames : voiceSent ? 100 : 0
  const meanOrZero = (x: number): number => (Number.isFinite(x) && r.framesPlayed > 0 ? x : 0)
  const mouthToEarDelayMs =
    (stream.call.ptimeNs +
      stream.codec.lookaheadNs +
      meanOrZero(r.oneWayDelayNs.mean) +
      meanOrZero(r.jitterBufferDelayNs.mean)) /
    1e6
  const burstRatio = r.playoutLoss.burstR
  const { ie, bpl } = codecImpairment(stream.codec, stream.call.plc)
  return {
    effectiveLossPercent,
    burstRatio,
    mouthToEarDelayMs,
    eModel: voiceSent
      ? eModel({
          Ta: mouthToEarDelayMs,
          T: mouthToEarDelayMs,
          Tr: 2 * mouthToEarDelayMs,
          Ie: ie,
          Bpl: bpl,
          Ppl: effectiveLossPercent,
          BurstR: burstRatio,
        })
      : undefined,
  }
}

/** The codec's Ie and Bpl for the narrowband E-model (G.113, or a stand-in src/quality/g113.ts marks provisional). */
export const codecImpairment = (codec: Codec, plc: boolean): { readonly ie: number; readonly bpl: number } => {
  const values = narrowbandImpairment(codec.impairmentKey, concealsLoss(codec, plc))
  if ("missing" in values) throw new Error(`cannot score ${codec.name} ${plc ? "with" : "without"} PLC: ${values.missing}`)
  return values
}
