import { lognormal, type Distribution } from "../../../sim/distributions.ts"
import { log } from "../../../sim/math/portable-math.ts"
import type { RandomStream } from "../../../sim/random.ts"
import { frameSizeMeans, type VideoStreamConfig } from "./video-config.ts"

/**
 * Encoded frame sizes: frames 0, N, 2N, … are key frames; each frame is its type's mean times an
 * independent lognormal factor of mean 1 and the configured coefficient of variation, rounded to
 * whole bytes (at least 1). Lognormal because a size is positive and its spread scales with it.
 */
export class FrameSizeModel {
  readonly pFrameBytes: number
  readonly keyFrameBytes: number
  private readonly gopFrames: number
  private readonly factor: Distribution | undefined

  constructor(
    config: VideoStreamConfig,
    private readonly rng: RandomStream,
  ) {
    const means = frameSizeMeans(config)
    this.pFrameBytes = means.pFrameBytes
    this.keyFrameBytes = means.keyFrameBytes
    this.gopFrames = config.keyFrameIntervalFrames
    const cv = config.frameSizeCv
    // Lognormal with E = 1: σ² = ln(1 + cv²), μ = −σ²/2. At cv 0 nothing is drawn. The portable
    // log, as Math.log1p may differ in the last bit between engines.
    const sigma2 = log(1 + cv * cv)
    this.factor = cv > 0 ? lognormal(-sigma2 / 2, Math.sqrt(sigma2)) : undefined
  }

  isKeyFrame(frameIndex: number): boolean {
    return frameIndex % this.gopFrames === 0
  }

  /** Draws the size of a frame of the given type. */
  frameBytes(keyFrame: boolean): number {
    const mean = keyFrame ? this.keyFrameBytes : this.pFrameBytes
    const bytes = Math.round(this.factor === undefined ? mean : mean * this.factor.sample(this.rng))
    return bytes > 1 ? bytes : 1
  }
}
