import type { StreamReceiver } from "../media/stream-receiver.ts"
import { eModel, type EModelResult } from "../quality/emodel.ts"
import type { ConferenceModel } from "./build-conferences.ts"
import { codecImpairment } from "./stream-quality.ts"

/** What one leg does to the voice it carries, as its receiver measured it. */
export interface LegQuality {
  /** Frames concealed at playout over frames due, 0..1: network and late loss. */
  readonly effectiveLoss: number
  readonly burstRatio: number
  readonly networkDelayMs: number
  readonly jitterBufferDelayMs: number
}

/** One talker as one listener hears them in the mix. */
export interface TalkerQuality {
  readonly talker: string
  readonly effectiveLossPercent: number
  readonly burstRatio: number
  readonly mouthToEarDelayMs: number
  readonly eModel: EModelResult
}

export interface ListenerQuality {
  readonly listener: string
  /** The other participants, in conference order. */
  readonly talkers: readonly TalkerQuality[]
  /** The talker this listener hears worst (lowest R): the participant's score. */
  readonly worst: TalkerQuality
}

/** The same measures streamQuality takes of a call's stream. */
export const legQuality = (r: StreamReceiver): LegQuality => {
  const frames = r.framesPlayed + r.framesConcealed
  const meanOrZero = (x: number): number => (Number.isFinite(x) && r.framesPlayed > 0 ? x : 0)
  return {
    effectiveLoss: frames > 0 ? r.framesConcealed / frames : 1,
    burstRatio: r.playoutLoss.burstR,
    networkDelayMs: meanOrZero(r.oneWayDelayNs.mean) / 1e6,
    jitterBufferDelayMs: meanOrZero(r.jitterBufferDelayNs.mean) / 1e6,
  }
}

/**
 * Scores what each participant hears: every other participant's voice crosses two legs, the
 * talker's uplink to the bridge and the listener's downlink from it, and is scored with the
 * ITU-T G.107 E-model as a call's stream is (T = Ta, Tr = 2·Ta), with
 * - Ta = ptime + codec lookahead (the talker's encoder) + uplink network delay + the bridge's
 *   jitter-buffer delay + mixing delay + codec lookahead (the bridge's encoder) + downlink
 *   network delay + the listener's jitter-buffer delay, each delay a mean over its leg;
 * - Ppl = 1 − (1 − p_up)(1 − p_down): a frame reaches the listener only if neither leg lost it
 *   (losses on the two legs taken as independent);
 * - BurstR = the larger of the two legs' (the burstier leg shapes what is heard; 1 = random).
 * A participant's score is the worst talker's: the mix is only as good as its worst voice.
 * The bridge's decode and re-encode are taken as transparent: no tandem-coding impairment.
 */
export const conferenceQuality = (model: ConferenceModel): ListenerQuality[] => {
  const c = model.conference
  const { ie, bpl } = codecImpairment(model.codec, c.plc)
  const encodeMs = (c.ptimeNs + model.codec.lookaheadNs) / 1e6
  const bridgeMs = (c.mixingDelayNs + model.codec.lookaheadNs) / 1e6
  const up = model.participants.map((p) => legQuality(p.uplink.receiver))
  const down = model.participants.map((p) => legQuality(p.downlink.receiver))
  return model.participants.map((listener, i): ListenerQuality => {
    const d = down[i]!
    const talkers = model.participants.flatMap((talker, j): TalkerQuality[] => {
      if (j === i) return []
      const u = up[j]!
      const loss = 1 - (1 - u.effectiveLoss) * (1 - d.effectiveLoss)
      const burstRatio = Math.max(u.burstRatio, d.burstRatio)
      const ta = encodeMs + u.networkDelayMs + u.jitterBufferDelayMs + bridgeMs + d.networkDelayMs + d.jitterBufferDelayMs
      return [
        {
          talker: talker.id,
          effectiveLossPercent: 100 * loss,
          burstRatio,
          mouthToEarDelayMs: ta,
          eModel: eModel({ Ta: ta, T: ta, Tr: 2 * ta, Ie: ie, Bpl: bpl, Ppl: 100 * loss, BurstR: burstRatio }),
        },
      ]
    })
    const worst = talkers.reduce((a, b) => (b.eModel.R < a.eModel.R ? b : a))
    return { listener: listener.id, talkers, worst }
  })
}
