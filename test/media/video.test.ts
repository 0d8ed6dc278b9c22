import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { RandomSource } from "../../sim/random.ts"
import { Simulator, type EventHandler } from "../../sim/simulator.ts"
import { RunningStats } from "../../sim/stats/running-stats.ts"
import {
  BARE_PAYLOAD,
  FramePacketizer,
  frameSizeMeans,
  H264_FU_A,
  VIDEO_STREAM_DEFAULTS,
  VideoStream,
  videoStreamConfig,
  type VideoPacketInfo,
  type VideoPacketSink,
  type VideoStreamConfig,
} from "../../src/media/video/index.ts"

const rngFor = (seed: number) => new RandomSource(seed).stream("call/v/alice->bob/video")
const START = { initialSeq: 0, initialTimestamp: 0 }

interface Row {
  frame: number
  key: boolean
  frameBytes: number
  seq: number
  ts: number
  marker: boolean
  bytes: number
  index: number
  count: number
  offsetNs: number
  frameNs: number
}

/** Copies every packet's fields (the stream reuses its records). */
class Recorder implements VideoPacketSink {
  readonly rows: Row[] = []
  videoPacket(p: VideoPacketInfo): void {
    const f = p.frame
    this.rows.push({
      frame: f.index, key: f.keyFrame, frameBytes: f.frameBytes, seq: p.sequenceNumber, ts: f.rtpTimestamp, marker: p.marker,
      bytes: p.payloadBytes, index: p.indexInFrame, count: f.packetCount, offsetNs: p.sendOffsetNs, frameNs: f.timeNs,
    })
  }
}

const record = (config: VideoStreamConfig, frames: number, seed = 1, start = START) => {
  const stream = new VideoStream(config, rngFor(seed), start)
  const sink = new Recorder()
  for (let i = 0; i < frames; i++) stream.emitFrame(sink)
  return { stream, rows: sink.rows }
}

/** Counts a sink's calls without keeping them, for long runs. */
const NULL_SINK: VideoPacketSink = { videoPacket: () => {} }

/** Expected packets for a frame, written from RFC 6184 §5.6/§5.8 independently of the packetizer. */
function expectedPackets(frameBytes: number, maxPayloadBytes: number, format: typeof H264_FU_A): number {
  if (frameBytes + format.descriptorBytes <= maxPayloadBytes) return 1
  const capacity = maxPayloadBytes - format.descriptorBytes - format.fragmentHeaderBytes
  return Math.ceil((frameBytes - format.fragmentOmittedBytes) / capacity)
}

describe("video stream config", () => {
  it("derives the P-frame mean from the GOP: bitrate/8/fps = (k + N − 1)/N × P", () => {
    const m = frameSizeMeans(VIDEO_STREAM_DEFAULTS)
    expect(m.meanFrameBytes).toBe(6250) // 1.5 Mbit/s / 8 / 30 fps
    expect(m.pFrameBytes).toBeCloseTo((6250 * 60) / 67, 9) // k 8, N 60
    expect(m.keyFrameBytes).toBeCloseTo(8 * m.pFrameBytes, 9)
    expect((m.keyFrameBytes + 59 * m.pFrameBytes) / 60).toBeCloseTo(6250, 9)
    // Every frame a key frame: each carries the mean.
    expect(frameSizeMeans(videoStreamConfig({ keyFrameIntervalFrames: 1 })).keyFrameBytes).toBeCloseTo(6250, 9)
  })

  it("has documented defaults: 30 fps, 1.5 Mbit/s, GOP 60, k 8, CV 0.105, 1200-byte payloads, H.264 FU-A, AF41, paced at 2.5×", () => {
    const d = VIDEO_STREAM_DEFAULTS
    expect([d.frameRateFps, d.targetBitrateBps, d.keyFrameIntervalFrames, d.keyFrameSizeRatio, d.frameSizeCv, d.maxPayloadBytes, d.dscp]).toEqual([
      30, 1_500_000, 60, 8, 0.105, 1200, 34,
    ])
    expect(d.payloadFormat).toBe(H264_FU_A)
    expect(d.pacing).toEqual({ kind: "paced", pacingFactor: 2.5, maxWindowFraction: 1 })
  })

  it("rejects bad values, naming the field", () => {
    const bad: [Partial<VideoStreamConfig>, RegExp][] = [
      [{ frameRateFps: 0 }, /frameRateFps/],
      [{ targetBitrateBps: Number.NaN }, /targetBitrateBps/],
      [{ keyFrameIntervalFrames: 2.5 }, /keyFrameIntervalFrames/],
      [{ keyFrameSizeRatio: 0.5 }, /keyFrameSizeRatio/],
      [{ frameSizeCv: -0.1 }, /frameSizeCv/],
      [{ dscp: 64 }, /dscp/],
    ]
    for (const [overrides, message] of bad) expect(() => videoStreamConfig(overrides), JSON.stringify(overrides)).toThrow(message)
    const construct = (overrides: Partial<VideoStreamConfig>) => () => new VideoStream({ ...VIDEO_STREAM_DEFAULTS, ...overrides }, rngFor(1), START)
    expect(construct({ maxPayloadBytes: 2 })).toThrow(/maxPayloadBytes/) // FU-A needs 2 header bytes + 1 of data
    expect(construct({ pacing: { kind: "spread", windowFraction: 1.5 } })).toThrow(/windowFraction/)
    expect(construct({ pacing: { kind: "paced", pacingFactor: 0, maxWindowFraction: 1 } })).toThrow(/pacingFactor/)
    expect(construct({ payloadFormat: { ...BARE_PAYLOAD, fragmentOmittedBytes: 1 } })).toThrow(/fragmentOmittedBytes/)
    expect(() => new VideoStream(VIDEO_STREAM_DEFAULTS, rngFor(1), { initialSeq: 65536, initialTimestamp: 0 })).toThrow(/initialSeq/)
    expect(() => new VideoStream(VIDEO_STREAM_DEFAULTS, rngFor(1), { initialSeq: 0, initialTimestamp: 2 ** 32 })).toThrow(/initialTimestamp/)
  })
})

describe("frame sizes", () => {
  /**
   * Frames are independent, so over G whole GOPs Var(total bytes) = G·cv²·(I² + (N − 1)·P²)
   * (a mean-1 factor with CV cv has variance cv²). Rounding to whole bytes moves each frame by at
   * most 0.5 byte, which the tolerance adds as a bound. 5 standard errors: a false failure has
   * probability < 6e-7.
   */
  for (const cv of [0.105, 0.6]) {
    it(`long-run mean bitrate equals the target (CV ${cv}, 600 GOPs = 20 min)`, () => {
      const config = videoStreamConfig({ frameSizeCv: cv })
      const gops = 600
      const frames = gops * config.keyFrameIntervalFrames
      const stream = new VideoStream(config, rngFor(7), START)
      for (let i = 0; i < frames; i++) stream.emitFrame(NULL_SINK)
      const { pFrameBytes: p, keyFrameBytes: k } = frameSizeMeans(config)
      const bytesSe = Math.sqrt(gops * cv * cv * (k * k + (config.keyFrameIntervalFrames - 1) * p * p))
      const bitsPerByteOfMean = (8 * config.frameRateFps) / frames // total bytes → mean bit/s
      const bitrateBps = stream.frameBytesSent * bitsPerByteOfMean
      const toleranceBps = (5 * bytesSe + 0.5 * frames) * bitsPerByteOfMean
      expect(Math.abs(bitrateBps - config.targetBitrateBps)).toBeLessThan(toleranceBps)
      // Sharp enough to catch a P-frame mean that ignored the GOP: (k + N − 1)/N = 67/60, 11.7 % too much.
      expect(toleranceBps / config.targetBitrateBps).toBeLessThan(0.03)
    })
  }

  it("key frames come exactly every GOP, ≈ k times a P-frame, and sizes spread with the configured CV", () => {
    const config = videoStreamConfig({ keyFrameIntervalFrames: 30 })
    const frames = 30 * 1000
    const stream = new VideoStream(config, rngFor(3), START)
    const key = new RunningStats()
    const p = new RunningStats()
    for (let i = 0; i < frames; i++) {
      const f = stream.emitFrame(NULL_SINK)
      expect(f.keyFrame).toBe(i % 30 === 0)
      ;(f.keyFrame ? key : p).add(f.frameBytes)
    }
    expect(stream.keyFramesSent).toBe(1000)
    const cv = config.frameSizeCv
    const k = config.keyFrameSizeRatio
    // Delta method for the ratio of two independent means; plus the 0.5-byte rounding bound on each.
    const ratioSe = k * Math.sqrt((cv * cv) / key.count + (cv * cv) / p.count)
    const { pFrameBytes, keyFrameBytes } = frameSizeMeans(config)
    const roundingBound = k * (0.5 / pFrameBytes + 0.5 / keyFrameBytes)
    expect(Math.abs(key.mean / p.mean - k)).toBeLessThan(5 * ratioSe + roundingBound)
    // Sample CV of the P-frames: SE(s)/σ ≈ √((κ − 1)/(4n)), κ the lognormal's kurtosis.
    const w = 1 + cv * cv
    const kurtosis = w ** 4 + 2 * w ** 3 + 3 * w ** 2 - 3
    const cvSe = cv * Math.sqrt((kurtosis - 1) / (4 * p.count))
    expect(Math.abs(p.stddev / p.mean - cv)).toBeLessThan(5 * cvSe + 0.5 / pFrameBytes)
  })

  it("with CV 0 draws nothing and gives the means rounded to whole bytes", () => {
    const config = videoStreamConfig({ frameSizeCv: 0 })
    const rng = rngFor(5)
    const stream = new VideoStream(config, rng, START)
    const sizes = Array.from({ length: 62 }, () => stream.emitFrame(NULL_SINK).frameBytes)
    const { pFrameBytes, keyFrameBytes } = frameSizeMeans(config)
    expect(sizes[0]).toBe(Math.round(keyFrameBytes)) // 44776
    expect(sizes[60]).toBe(Math.round(keyFrameBytes))
    expect(new Set(sizes.filter((_, i) => i % 60 !== 0))).toEqual(new Set([Math.round(pFrameBytes)])) // 5597
    expect(rng.nextUint32()).toBe(rngFor(5).nextUint32())
  })
})

describe("packetization", () => {
  it("H.264: single NAL unit packets up to the max, FU-A fragments of near-equal size beyond it", () => {
    const p = new FramePacketizer(1200, H264_FU_A)
    const sizes = (frameBytes: number) => Array.from({ length: p.plan(frameBytes) }, (_, i) => p.payloadBytes(i))
    expect(sizes(1)).toEqual([1])
    expect(sizes(1200)).toEqual([1200])
    // 1201 bytes: the 1200 after the NAL header in two FU-A fragments, 2 header bytes each.
    expect(sizes(1201)).toEqual([602, 602])
    // 2400 bytes need 3 packets, not ⌈2400/1200⌉ = 2: fragments carry at most 1198 data bytes.
    expect(sizes(2400)).toEqual([801, 802, 802])
    expect(p.totalPayloadBytes).toBe(2400 - 1 + 3 * 2)
  })

  it("bare payloads: ⌈frame bytes / max payload⌉ packets, the larger ones last", () => {
    const p = new FramePacketizer(1200, BARE_PAYLOAD)
    const sizes = (frameBytes: number) => Array.from({ length: p.plan(frameBytes) }, (_, i) => p.payloadBytes(i))
    expect(sizes(2400)).toEqual([1200, 1200])
    expect(sizes(2401)).toEqual([800, 800, 801])
    expect(sizes(3602)).toEqual([900, 900, 901, 901])
  })

  it("any frame: payloads ≤ max, the expected count, sizes within 1 byte, bytes conserved", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300_000 }),
        fc.integer({ min: 3, max: 9000 }),
        fc.constantFrom(H264_FU_A, BARE_PAYLOAD),
        (frameBytes, maxPayloadBytes, format) => {
          const p = new FramePacketizer(maxPayloadBytes, format)
          const count = p.plan(frameBytes)
          expect(count).toBe(expectedPackets(frameBytes, maxPayloadBytes, format))
          if (format === BARE_PAYLOAD) expect(count).toBe(Math.ceil(frameBytes / maxPayloadBytes))
          let sum = 0
          let largest = 0
          let steps = 0 // places where the size changes: at most one, upwards by 1 byte
          for (let i = 0; i < count; i++) {
            const bytes = p.payloadBytes(i)
            if (bytes > largest) largest = bytes
            if (i > 0 && bytes !== p.payloadBytes(i - 1)) steps += bytes === p.payloadBytes(i - 1) + 1 ? 1 : 100
            sum += bytes
          }
          expect(largest).toBeLessThanOrEqual(maxPayloadBytes)
          expect(steps).toBeLessThanOrEqual(1)
          const headers = count === 1 ? 0 : count * format.fragmentHeaderBytes - format.fragmentOmittedBytes
          expect(sum).toBe(frameBytes + headers)
          expect(p.totalPayloadBytes).toBe(sum)
        },
      ),
    )
  })

  it("a stream's frames are split as the packetizer says, every payload ≤ max", () => {
    const config = videoStreamConfig({ frameSizeCv: 0.6 })
    const { rows } = record(config, 600)
    for (const r of rows) {
      expect(r.bytes).toBeLessThanOrEqual(1200)
      expect(r.count).toBe(expectedPackets(r.frameBytes, 1200, H264_FU_A))
    }
    const perFrame = new Map<number, number>()
    for (const r of rows) perFrame.set(r.frame, (perFrame.get(r.frame) ?? 0) + 1)
    for (const r of rows) expect(perFrame.get(r.frame)).toBe(r.count)
    expect(perFrame.size).toBe(600)
  })
})

describe("RTP fields", () => {
  it("timestamps advance 90000/fps per frame, shared by the frame's packets, wrapping at 2^32", () => {
    const { rows } = record(videoStreamConfig(), 4, 1, { initialSeq: 0, initialTimestamp: 2 ** 32 - 6000 })
    const perFrame = [...new Map(rows.map((r) => [r.frame, r.ts])).values()]
    expect(perFrame).toEqual([4_294_961_296, 4_294_964_296, 0, 3000]) // RFC 6184 §5.1: 90 kHz, 3000 ticks at 30 fps
    for (const r of rows) expect(r.ts).toBe(perFrame[r.frame])
    // NTSC rate 30000/1001 fps: 3003 ticks per frame, exactly, however long the stream.
    const ntsc = new VideoStream(videoStreamConfig({ frameRateFps: 30000 / 1001 }), rngFor(1), START)
    expect([1, 2, 1_000_000].map((i) => ntsc.rtpTimestamp(i))).toEqual([3003, 6006, 3_003_000_000])
  })

  it("frame times are integer ns and do not drift", () => {
    const stream = new VideoStream(videoStreamConfig(), rngFor(1), START)
    expect([0, 1, 2, 3, 30, 108_000].map((i) => stream.frameTimeNs(i))).toEqual([0, 33_333_333, 66_666_667, 100_000_000, 1e9, 3600e9])
    const ntsc = new VideoStream(videoStreamConfig({ frameRateFps: 30000 / 1001 }), rngFor(1), START)
    expect(ntsc.frameTimeNs(30_000)).toBe(1_001_000_000_000)
    expect(stream.nextFrameTimeNs).toBe(0)
    stream.emitFrame(NULL_SINK)
    expect(stream.nextFrameTimeNs).toBe(33_333_333)
  })

  it("sequence numbers go up by one per packet across frames, wrapping at 2^16; the marker ends each frame", () => {
    const { rows, stream } = record(videoStreamConfig(), 200, 2, { initialSeq: 65_000, initialTimestamp: 0 })
    expect(rows.length).toBeGreaterThan(536 + 100) // the run wraps
    rows.forEach((r, i) => expect(r.seq).toBe((65_000 + i) % 65_536))
    expect(stream.packetsSent).toBe(rows.length)
    for (const r of rows) expect(r.marker).toBe(r.index === r.count - 1)
    expect(rows.filter((r) => r.marker).length).toBe(200)
  })

  it("reuses one record per packet (no allocation per packet)", () => {
    const seen = new Set<VideoPacketInfo>()
    const stream = new VideoStream(videoStreamConfig(), rngFor(1), START)
    const frames = new Set([stream.emitFrame({ videoPacket: (p) => seen.add(p) }), stream.emitFrame({ videoPacket: (p) => seen.add(p) })])
    expect(seen.size).toBe(1)
    expect(frames.size).toBe(1)
  })
})

describe("pacing", () => {
  const INTERVAL_NS = 1e9 / 30

  it("burst: every packet at the frame time", () => {
    const { rows } = record(videoStreamConfig({ pacing: { kind: "burst" } }), 120)
    expect(rows.every((r) => r.offsetNs === 0)).toBe(true)
  })

  it("spread: the first packet at the frame time, the rest in order within the window", () => {
    const windowNs = Math.floor(0.5 * INTERVAL_NS)
    const { rows } = record(videoStreamConfig({ pacing: { kind: "spread", windowFraction: 0.5 } }), 240)
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!
      expect(Number.isInteger(r.offsetNs)).toBe(true)
      expect(r.offsetNs).toBeGreaterThanOrEqual(0)
      expect(r.offsetNs).toBeLessThan(windowNs)
      if (r.index === 0) expect(r.offsetNs).toBe(0)
      else expect(r.offsetNs).toBeGreaterThan(rows[i - 1]!.offsetNs)
      // Evenly: by bytes sent before the packet, over the frame's payload bytes.
      if (r.index === r.count - 1 && r.count > 1) expect(r.offsetNs).toBeGreaterThan(windowNs * ((r.count - 1) / r.count) * 0.99)
    }
  })

  it("paced: at 2.5 × the target rate, sped up only when a frame would overrun its window", () => {
    const config = videoStreamConfig()
    const nsPerByte = 8e9 / (2.5 * config.targetBitrateBps)
    const windowNs = Math.floor(INTERVAL_NS)
    const { rows } = record(config, 240)
    let bytesBefore = 0
    let capped = 0
    let frameBytes = new Map<number, number>()
    frameBytes = rows.reduce((m, r) => m.set(r.frame, (m.get(r.frame) ?? 0) + r.bytes), frameBytes)
    for (const r of rows) {
      if (r.index === 0) bytesBefore = 0
      const total = frameBytes.get(r.frame)!
      expect(r.offsetNs).toBeLessThan(windowNs)
      if (total * nsPerByte <= windowNs) expect(r.offsetNs).toBe(Math.floor(bytesBefore * nsPerByte))
      else {
        expect(r.offsetNs).toBe(Math.floor(bytesBefore * (windowNs / total)))
        capped++
      }
      bytesBefore += r.bytes
    }
    expect(capped).toBeGreaterThan(0) // key frames (≈ 45 kB ≈ 96 ms at 3.75 Mbit/s) are capped
    // A frame's last packet leaves before the next frame's first.
    const next = new VideoStream(config, rngFor(1), START)
    for (const r of rows) expect(r.frameNs + r.offsetNs).toBeLessThan(next.frameTimeNs(r.frame + 1))
  })
})

describe("determinism", () => {
  it("same seed, same packets; another seed, other sizes", () => {
    const config = videoStreamConfig()
    const a = record(config, 300, 11).rows
    const b = record(config, 300, 11).rows
    const c = record(config, 300, 12).rows
    expect(b).toEqual(a)
    expect(c.map((r) => r.frameBytes)).not.toEqual(a.map((r) => r.frameBytes))
  })
})

describe("driving it from the simulator", () => {
  /** What the engine does: an event per frame interval, and one per packet at its send offset. */
  class PacedVideoSender implements EventHandler, VideoPacketSink {
    readonly sentNs: number[] = []
    constructor(
      private readonly sim: Simulator,
      private readonly stream: VideoStream,
      private readonly startNs: number,
      private readonly frames: number,
    ) {
      sim.scheduleAt(startNs + stream.nextFrameTimeNs, this, -1)
    }
    handleEvent(arg: number): void {
      if (arg >= 0) { this.sentNs.push(this.sim.nowNs); return } // a packet leaves (arg: its payload bytes)
      this.stream.emitFrame(this)
      if (this.stream.framesSent < this.frames) this.sim.scheduleAt(this.startNs + this.stream.nextFrameTimeNs, this, -1)
    }
    videoPacket(p: VideoPacketInfo): void {
      this.sim.scheduleIn(p.sendOffsetNs, this, p.payloadBytes)
    }
  }

  it("sends every packet at start + frame time + offset, in sequence order", () => {
    const config = videoStreamConfig()
    const startNs = 5_000_000
    const sim = new Simulator()
    const sender = new PacedVideoSender(sim, new VideoStream(config, rngFor(9), START), startNs, 90)
    sim.run()
    const { rows } = record(config, 90, 9)
    expect(sender.sentNs).toEqual(rows.map((r) => startNs + r.frameNs + r.offsetNs))
  })
})
