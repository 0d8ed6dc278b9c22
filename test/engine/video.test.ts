import { describe, expect, it } from "vitest"
import { simulate } from "../../src/engine/simulate.ts"
import { formatReportJson } from "../../src/report/format-json.ts"
import { scenarioFrom } from "./scenario-text.ts"

/** A call with video over one link a–b; `link` and `call` add fields. */
const videoCall = (o: { bandwidth: string; link?: string; call?: string; duration?: string; video?: string }) =>
  scenarioFrom(`
name: video test
seed: 3
duration: ${o.duration ?? "60s"}
nodes: [{ id: a, kind: phone }, { id: b, kind: phone }]
links:
  - { id: ab, between: [a, b], bandwidth: ${o.bandwidth}, delay: 5ms${o.link ? `, ${o.link}` : ""} }
calls:
  - { id: c1, from: a, to: b, codec: G.711u, ptime: 20ms${o.video === "" ? "" : `, video: ${o.video ?? "true"}`}${o.call ? `, ${o.call}` : ""} }
`)

const IP_UDP_RTP_BYTES = 40 // IPv4 20 + UDP 8 + RTP 12
const VOICE_BPS = 200 * 8 * 50 // G.711 at 20 ms: 160 B payload + 40 B headers, 50 packets/s

describe("a video call on an uncongested link", () => {
  const report = simulate(videoCall({ bandwidth: "10Mbit/s" }))
  const call = report.calls[0]!
  const video = call.video!

  it("reports its settings and one video stream per direction", () => {
    expect(video.targetBitrateBps).toBe(1_500_000)
    expect(video.frameRate).toBe(30)
    expect(video.playoutDelayMs).toBe(60) // the call's jitter buffer
    expect(video.streams.map((s) => `${s.from}->${s.to}`)).toEqual(["a->b", "b->a"])
  })

  it("sends the target bitrate plus headers, and the link carries exactly that beside the voice", () => {
    for (const [i, v] of video.streams.entries()) {
      expect(v.framesSent).toBe(1800) // 60 s at 30 frames/s
      const packetsPerSecond = v.packetsSent / 60
      const payloadBps = v.sentBps - packetsPerSecond * IP_UDP_RTP_BYTES * 8
      // H.264 payloads (frames + 2-byte FU-A headers) within 1 % of the target over 30 GOPs.
      expect(Math.abs(payloadBps - 1_500_000) / 1_500_000).toBeLessThan(0.01)
      const link = report.links[i]!
      expect(link.utilization * link.bandwidthBps).toBeCloseTo(v.sentBps + VOICE_BPS, -3) // utilization has 4 digits: ±1 kbit/s
    }
  })

  it("loses nothing: every frame due arrives whole and in time", () => {
    for (const v of video.streams) {
      expect(v.packetsLost).toBe(0)
      expect(v.packetsLate).toBe(0)
      expect(v.packetsReceived).toBe(v.packetsSent)
      expect(v.framesLate + v.framesIncomplete + v.framesLost).toBe(0)
      expect(v.framesComplete).toBeGreaterThanOrEqual(1798) // the last frames play after the run ends
      expect(v.frameLossPercent).toBe(0)
      // Network delay: 5 ms plus serialization (≤ 1240 B at 10 Mbit/s ≈ 1 ms) plus the pacer's
      // spreading within the frame; a frame's last packet leaves ≈ 12 ms after its capture.
      expect(v.oneWayDelayMs.mean!).toBeGreaterThan(5)
      expect(v.oneWayDelayMs.p95!).toBeLessThan(10)
      expect(v.frameDelayMs.mean!).toBeGreaterThan(10)
      expect(v.frameDelayMs.mean!).toBeLessThan(25)
    }
  })

  it("leaves the voice as good as without video", () => {
    const voiceOnly = simulate(videoCall({ bandwidth: "10Mbit/s", video: "" })).calls[0]!
    expect(voiceOnly.video).toBeUndefined()
    for (const [i, s] of call.streams.entries()) {
      expect(s.packetsLate).toBe(0)
      expect(Math.abs(s.mos! - voiceOnly.streams[i]!.mos!)).toBeLessThanOrEqual(0.01)
    }
  })
})

describe("video and voice on a congested 2 Mbit/s link", () => {
  // 1.56 Mbit/s of video and 80 kbit/s of voice load the link to 82 %, but a 45 KB key frame every
  // 2 s takes 180 ms to serialize: a FIFO queue holds the voice behind it.
  const fifo = simulate(videoCall({ bandwidth: "2Mbit/s" }))
  const priority = simulate(videoCall({ bandwidth: "2Mbit/s", link: "queue: { discipline: priority }" }))
  const voiceOnly = simulate(videoCall({ bandwidth: "2Mbit/s", video: "" }))
  const voice = (r: typeof fifo) => r.calls[0]!.streams[0]!
  const ef = (r: typeof fifo) => r.links[0]!.classes[0]!

  it("in a FIFO queue, video ruins the voice", () => {
    expect(voice(voiceOnly).mos).toBeGreaterThan(4.3)
    expect(ef(fifo).queueDelayMs.max!).toBeGreaterThan(150) // behind a key frame
    expect(voice(fifo).packetsLate).toBeGreaterThan(300) // ≥ 10 % of 3000 packets miss the 60 ms buffer
    expect(voice(fifo).mos).toBeLessThan(2)
  })

  it("with strict priority, EF voice over AF41 video keeps its MOS", () => {
    // Voice waits at most for the video packet on the wire: 1240 B at 2 Mbit/s = 4.96 ms.
    expect(ef(priority).queueDelayMs.max!).toBeLessThanOrEqual(4.96)
    expect(voice(priority).packetsLate).toBe(0)
    expect(Math.abs(voice(priority).mos! - voice(voiceOnly).mos!)).toBeLessThanOrEqual(0.01)
    // The AF class carries the video and takes the queueing instead.
    expect(priority.links[0]!.classes[1]!.packetsSent).toBe(priority.calls[0]!.video!.streams[0]!.packetsSent)
    expect(priority.links[0]!.classes[1]!.queueDelayMs.max!).toBeGreaterThan(150)
  })

  it("the video's own frames suffer either way: priority protects the voice, not the picture", () => {
    for (const r of [fifo, priority]) {
      const v = r.calls[0]!.video!.streams[0]!
      expect(v.packetsLost).toBe(0)
      expect(v.framesLate).toBeGreaterThan(100) // frames queued behind key frames miss the 60 ms playout delay
      expect(v.frameLossPercent!).toBeGreaterThan(10)
    }
  })
})

describe("video determinism", () => {
  const lossy = videoCall({ bandwidth: "3Mbit/s", link: "jitter: 2ms, loss: 1%", duration: "10s" })

  it("the same scenario and seed give byte-identical JSON; another seed changes the video", () => {
    const first = formatReportJson(simulate(lossy))
    expect(formatReportJson(simulate(lossy))).toBe(first)
    const other = simulate(lossy, { seed: 2 })
    expect(JSON.stringify(other.calls[0]!.video)).not.toBe(JSON.stringify(JSON.parse(first).calls[0].video))
  })

  it("loss reaches whole frames: a lost packet leaves its frame incomplete", () => {
    const v = simulate(lossy).calls[0]!.video!.streams[0]!
    expect(v.packetsLost).toBeGreaterThan(0)
    expect(v.framesIncomplete).toBeGreaterThan(0)
    // A key frame has ~38 packets, so frames are lost more often than packets.
    expect(v.frameLossPercent!).toBeGreaterThan(v.lossPercent)
  })

  it("event per packet gives the same report", () => {
    expect(formatReportJson(simulate(lossy, { eventPerPacket: true }))).toBe(formatReportJson(simulate(lossy)))
  })
})
