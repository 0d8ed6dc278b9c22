/**
 * Named link profiles to start from (`preset: dsl-8m-1m` in a scenario's link).
 *
 * Each preset is a partial link written in the scenario file's own syntax (strings with units), so
 * it goes through the same schema as user input, and the link's own fields override it. `up` is the
 * direction from the link's first node to its second; access presets assume the customer side is
 * listed first (`between: [home, isp]`), so `up` is the uplink.
 *
 * Every value traces to the preset's `source`, or is called an assumption there. Where a source
 * gives a round-trip time, the preset's one-way `delay` is half of it unless the source says
 * otherwise. docs/presets.md has the table and the longer notes.
 */

/** A partial link in file syntax; see docs/scenario-format.md for every field. */
export interface LinkPreset {
  /** One line for people choosing a preset. */
  readonly description: string
  /** Where every value comes from: document, table, year; anything else is called an assumption. */
  readonly source: string
  readonly link: Readonly<Record<string, unknown>>
}

// The shapes below only help this file's author: a typo in a field name or unit fails to compile.
// The public type stays a plain record, because the scenario schema is the one validator.
type DurationText = `${number}${"ns" | "us" | "µs" | "ms" | "s"}`
type RateText = `${number}${"bit/s" | "kbit/s" | "Mbit/s" | "Gbit/s"}`
type SizeText = `${number}${"B" | "KB" | "MB" | "KiB" | "MiB"}`
type PercentText = `${number}%`

type JitterText =
  | DurationText
  | { readonly distribution: "uniform"; readonly range: DurationText; readonly correlation?: PercentText }
  | { readonly distribution: "normal" | "pareto" | "paretonormal"; readonly stddev: DurationText; readonly correlation?: PercentText }

type LossText =
  | PercentText
  | { readonly model: "bernoulli"; readonly rate: PercentText }
  | {
      readonly model: "gilbert-elliott"
      readonly p: PercentText
      readonly r: PercentText
      readonly lossInBad?: PercentText
      readonly lossInGood?: PercentText
    }

type QueueText = {
  readonly limit?: SizeText
  readonly limitPackets?: number
  readonly discipline?: "fifo" | "priority"
}

type DirectionText = {
  readonly bandwidth?: RateText
  readonly delay?: DurationText
  readonly jitter?: JitterText
  readonly loss?: LossText
  readonly queue?: QueueText
}

type FramingText = "none" | "ethernet" | "ethernet-vlan" | "ppp" | "mlppp" | "frame-relay" | "wifi"

type LinkText = DirectionText & {
  readonly framing?: FramingText
  readonly up?: DirectionText
  readonly down?: DirectionText
}

const preset = (description: string, source: string, link: LinkText): LinkPreset => ({ description, source, link })

// A simple Gilbert model (loss 100 % in the bad state, 0 % in the good one), as netem's
// `loss gemodel p r` with its defaults 1-h = 100 %, 1-k = 0 % (tc-netem(8)). Transitions are drawn per
// packet: mean loss = p / (p + r), mean burst = 1 / r packets.
const gilbert = (p: PercentText, r: PercentText): LossText => ({ model: "gilbert-elliott", p, r, lossInBad: "100%", lossInGood: "0%" })

// ITU-T G.1050 core impairments turned into a link: the core adds a delay uniform in [0, J] to its
// base delay, which is base + J/2 ± J/2; its loss is Bernoulli at the core loss rate, and a link
// failure of duration F every interval T becomes a bad state (every packet lost) entered with
// p = ptime / T and left with r = ptime / F per packet, for 20 ms packets (50 packets/s).
const G1050_SOURCE =
  "ITU-T G.1050 (11/2007), the network model TIA-921-A shares: impairment levels A-H and the percentage likelihood " +
  "of each level in the three service test profiles (A well-managed: A 50, B 30, C 15, D 5; B partially-managed: " +
  "A 5, B 25, C 30, D 25, E 10; C unmanaged: A 5, B 5, C 10, D 15, E 20, F 25, G 15, H 5), read from the " +
  "transcription in spandsp's G.1050/TIA-921 simulator (spandsp-sim/g1050.c, g1050_standard_models, 2007), not " +
  "from the ITU text itself. Representative level chosen per profile: the lowest level whose cumulative " +
  "likelihood exceeds 50 %. Values are that level's core-network (regional backbone) parameters; G.1050's " +
  "core jitter is uniform in [0, J], written here as delay = base + J/2 and jitter = uniform ±J/2; core loss " +
  "is the good-state loss of a Gilbert-Elliott model whose bad state (100 % loss) is G.1050's link failure, " +
  "p = 20 ms / failure interval and r = 20 ms / failure duration (per packet at 50 packets/s, i.e. 20 ms ptime; " +
  "derived). Not modelled: route flaps, the LAN and access segments (by the Appendix II formulas their " +
  "occupancy-driven loss is a few hundredths of a percent at these levels) and reordering (level H only). Bandwidth 100 Mbit/s is an assumption (G.1050's " +
  "largest LAN rate; not an impairment parameter), chosen so the preset adds only the core impairments; put " +
  "an access preset (dsl-8m-1m, cable, lte) on its own link to add an access segment."

const presets = {
  "ethernet-lan": preset(
    "Switched gigabit Ethernet between two phones in one building: no loss, microseconds of delay",
    "IEEE 802.3ab-1999 (1000BASE-T): 1 Gbit/s, bit error ratio objective below 10^-10, i.e. about 2·10^-7 per " +
      "200-byte G.711 packet, written 0 %. Delay derived: two store-and-forward switch hops at 12 µs per " +
      "1500-byte frame plus about 100 m of cable at 5 ns/m is about 25 µs, rounded up to 0.05 ms (assumption: " +
      "two switches). Jitter ±0.025 ms derived: waiting behind up to two full-size frames at one hop. Queue " +
      "256 KB: assumption (a port's share of a commodity switch's packet buffer). For comparison, ITU-T " +
      "G.1050 (11/2007) Appendix II models older 4/20/100 Mbit/s LANs that add up to 1.5 ms. Framing: " +
      "Ethernet, 18 bytes per frame and 64-byte minimum frames (IEEE 802.3 §3.1.1, §4.4.2).",
    { bandwidth: "1Gbit/s", delay: "0.05ms", jitter: "0.025ms", loss: "0%", queue: { limit: "256KB" }, framing: "ethernet" },
  ),

  "wifi-good": preset(
    "Home or office Wi-Fi with a good signal and little contention: a few ms, rare short loss bursts",
    "Delay: Sui et al., 'Characterizing and Improving WiFi Latency in Large-Scale Operational Networks', " +
      "ACM MobiSys 2016 (47,000 devices, Tsinghua campus): WiFi-hop latency as low as 3 ms, 90th percentile " +
      "about 20 ms, 99th about 250 ms; this preset is the low end, 2 ms one way ± normal 0.5 ms (about 4 ms " +
      "RTT). Bandwidth 100 Mbit/s: assumption (usable 802.11n/ac throughput at moderate range; Sharma et al., " +
      "'Measuring the Prevalence of WiFi Bottlenecks in Home Access Networks', 2023, found home Wi-Fi to be the " +
      "bottleneck above about 800 Mbit/s of access rate). Loss: Gilbert model p 0.05 %, r 50 % (mean 0.1 %, " +
      "bursts of 2 packets): assumption; the 802.11 MAC retries most frame errors and what remains comes in " +
      "bursts (Gilbert-Elliott as fitted to packet-loss traces: Hasslinger and Hohlfeld, MMB 2008; Cardoso " +
      "and de Rezende, IEEE Commun. Lett. 2009, note it is only approximate indoors). Queue: 1000 packets, the " +
      "Linux default transmit queue length (txqueuelen), with 1500 KB for 1000 full-size frames; bufferbloat in " +
      "Wi-Fi queues: Hoiland-Jorgensen et al., 'Ending the Anomaly', USENIX ATC 2017.",
    {
      bandwidth: "100Mbit/s",
      delay: "2ms",
      jitter: { distribution: "normal", stddev: "0.5ms" },
      loss: gilbert("0.05%", "50%"),
      queue: { limit: "1500KB", limitPackets: 1000 },
    },
  ),

  "wifi-congested": preset(
    "Busy shared Wi-Fi (many stations, interference): tens of ms with a long tail, about 1 % bursty loss",
    "Delay: Sui et al., ACM MobiSys 2016 (WiFi-hop latency 90th percentile about 20 ms, 99th about 250 ms, " +
      "long-tailed) and Pei et al., 'WiFi can be the weakest link of round trip network latency in the wild', " +
      "47 campus APs over two months (over 50 % of TCP packets see more than 20 ms on the WiFi hop, 10 % more " +
      "than 100 ms): " +
      "10 ms one way (20 ms RTT, the median there) with a heavy-tailed paretonormal jitter of 5 ms, 25 % " +
      "correlated (assumption for the shape; netem's paretonormal). Bandwidth 20 Mbit/s: assumption (one " +
      "station's share of a contended channel). Loss: Gilbert model p 0.3 %, r 30 % (mean 1 %, bursts of 3.3 " +
      "packets): assumption, at the 1 % that Cisco's Enterprise QoS SRND (2005) gives as the most voice should " +
      "see. Queue: 1000 packets (Linux txqueuelen default), 1500 KB, i.e. 600 ms at 20 Mbit/s (Wi-Fi " +
      "bufferbloat: Hoiland-Jorgensen et al., USENIX ATC 2017).",
    {
      bandwidth: "20Mbit/s",
      delay: "10ms",
      jitter: { distribution: "paretonormal", stddev: "5ms", correlation: "25%" },
      loss: gilbert("0.3%", "30%"),
      queue: { limit: "1500KB", limitPackets: 1000 },
    },
  ),

  "dsl-8m-1m": preset(
    "ADSL2+ access line, 8 Mbit/s down and 1 Mbit/s up, interleaved, with a bloated modem uplink buffer",
    "Rates: the preset's name (an ADSL2+ ITU-T G.992.5 tier; nominal line rates, before ATM/PPPoE overhead). " +
      "Delay 10 ms one way: half the 19.9 ms best-case first-hop RTT measured on Deutsche Telekom ADSL2+ with " +
      "8+8 ms interleaving (public mtr measurements, 2023, github gist kralo/811f6e427233bba71d0ce2487c64d905); " +
      "end to end to a test server FCC Measuring Broadband America 2016 measured 37-40 ms RTT on Verizon DSL " +
      "tiers (as published on Verizon's network-performance page), i.e. this link plus about 10 ms of ISP " +
      "network each way. Jitter ±1 ms: assumption (a dedicated line; variation comes from the queues). Loss " +
      "0.1 %: assumption, inside MBA's best band (peak-period loss below 0.4 %, Ninth MBA Fixed Broadband " +
      "Report, 2019, Chart 8). Queues: assumption within the measured range: uplink 64 KB = 512 ms at 1 Mbit/s, " +
      "downlink 128 KB = 128 ms at 8 Mbit/s; modem buffers of hundreds of ms up to seconds: Gettys and " +
      "Nichols, 'Bufferbloat: Dark Buffers in the Internet', ACM Queue 2011; Wustner, Teixeira and " +
      "Chandrashekar, TMA 2014 (home buffering delays packets by up to a few seconds in the worst case).",
    {
      bandwidth: "8Mbit/s",
      delay: "10ms",
      jitter: "1ms",
      loss: "0.1%",
      up: { bandwidth: "1Mbit/s", queue: { limit: "64KB" } },
      down: { bandwidth: "8Mbit/s", queue: { limit: "128KB" } },
    },
  ),

  cable: preset(
    "DOCSIS 3.0 cable access, 100 Mbit/s down and 10 Mbit/s up, request-grant jitter upstream, bloated modem buffer",
    "Rates: Comcast's DOCSIS 3.0 'Extreme 105' tier, up to 105 Mbit/s down and 10 Mbit/s up (Comcast's " +
      "undated network management disclosure of the DOCSIS 3.0 era), rounded to 100/10. Delay 5 ms one way: " +
      "CableLabs' Low Latency DOCSIS " +
      "overview (White, Sundaresan, Briscoe, draft-white-tsvwg-lld-00, 2019) gives typical latency of around " +
      "10 ms on the DOCSIS access link. Jitter: uplink ±2 ms for the request-grant cycle the same overview calls " +
      "media acquisition delay, downlink ±0.5 ms (both assumptions for the size). Loss 0.1 %: assumption " +
      "(MBA's best band, below 0.4 %, Ninth MBA Fixed Broadband Report, 2019). Queues 256 KB each way: " +
      "assumption, i.e. 205 ms upstream at 10 Mbit/s and 20 ms downstream; CableLabs' Cable Modem Buffer " +
      "Control guideline (CM-GL-Buffer-V01-110915, 2011) and White's NCTA 2011 paper 'Right-sizing cable modem " +
      "buffers' report modems in the field with an order of magnitude more upstream buffering than TCP needs; " +
      "RFC 8034 (2017) describes the DOCSIS-PIE AQM that replaces it (not modelled here).",
    {
      bandwidth: "100Mbit/s",
      delay: "5ms",
      jitter: "0.5ms",
      loss: "0.1%",
      up: { bandwidth: "10Mbit/s", jitter: "2ms", queue: { limit: "256KB" } },
      down: { bandwidth: "100Mbit/s", queue: { limit: "256KB" } },
    },
  ),

  lte: preset(
    "LTE (4G) with good coverage: about 35 ms RTT, uplink slower than downlink, occasional short loss bursts",
    "Delay: Holma and Toskala (eds.), 'LTE for UMTS' (Wiley), section 11.11 'Latency': expected user-plane " +
      "ping about 20-22 ms (UE and eNodeB processing, a 10 ms scheduling period, 8 ms per layer-1 " +
      "retransmission at 10 % BLER), the uplink longer than the downlink because of the scheduling request; " +
      "operator networks end to end: Ookla's Speedtest United States Market Report Q2 2020, latency 31 ms " +
      "(T-Mobile) to 39 ms (Sprint). Here 20 ms up + 15 ms down = 35 ms RTT. Jitter normal " +
      "4 ms: assumption (HARQ retransmissions add 8 ms steps). Loss: Gilbert model p 0.25 %, r 50 % (mean " +
      "0.5 %, bursts of 2 packets): assumption, inside the 1 % packet error loss rate 3GPP TS 23.203 Table " +
      "6.1.7 sets for QCI 1 (conversational voice, 100 ms packet delay budget). Bandwidth 20/5 Mbit/s: the " +
      "same Ookla Q2 2020 report gives U.S. mobile medians of 29 Mbit/s down and 5.74 Mbit/s up across all " +
      "technologies, early 5G included; 20 Mbit/s down for LTE alone is an assumption. Queues: assumption, " +
      "256 KB up (410 ms at " +
      "5 Mbit/s) and 512 KB down (205 ms at 20 Mbit/s); cellular bufferbloat: Jiang et al., 'Tackling " +
      "Bufferbloat in 3G/4G Networks', IMC 2012.",
    {
      bandwidth: "20Mbit/s",
      delay: "15ms",
      jitter: { distribution: "normal", stddev: "4ms" },
      loss: gilbert("0.25%", "50%"),
      up: { bandwidth: "5Mbit/s", delay: "20ms", queue: { limit: "256KB" } },
      down: { bandwidth: "20Mbit/s", queue: { limit: "512KB" } },
    },
  ),

  "lte-cell-edge": preset(
    "LTE at the cell edge: a few Mbit/s, about 70 ms RTT, more jitter and 2 % loss in bursts",
    "Bandwidth 3/1 Mbit/s: below the 5 Mbit/s down, 1 Mbit/s up that 20-34 % of U.S. mobile tests missed " +
      "(Ookla Speedtest United States Market Report Q2 2020, consistency 66.1-79.7 %). Delay 40 ms up " +
      "+ 30 ms down and jitter normal 10 ms, 25 % correlated: assumption, the lte preset with more HARQ " +
      "retransmissions (8 ms each, Holma and Toskala, 'LTE for UMTS', section 11.11) at the higher block error " +
      "rate of a weak signal. Loss: Gilbert model p 0.5 %, r 25 % (mean 2 %, bursts of 4 packets, 80 ms at " +
      "20 ms ptime): assumption, deliberately above the 1 % packet error loss rate 3GPP TS 23.203 Table 6.1.7 " +
      "sets for QCI 1 voice. Queues: assumption, 64 KB up (512 ms at 1 Mbit/s) and 128 KB down (341 ms at " +
      "3 Mbit/s); cellular bufferbloat: Jiang et al., IMC 2012.",
    {
      bandwidth: "3Mbit/s",
      delay: "30ms",
      jitter: { distribution: "normal", stddev: "10ms", correlation: "25%" },
      loss: gilbert("0.5%", "25%"),
      up: { bandwidth: "1Mbit/s", delay: "40ms", queue: { limit: "64KB" } },
      down: { bandwidth: "3Mbit/s", queue: { limit: "128KB" } },
    },
  ),

  "satellite-geo": preset(
    "Geostationary satellite access (HughesNet-class): about 600 ms RTT, 25/3 Mbit/s, rain-fade loss bursts",
    "Delay 300 ms one way: ITU-T G.114 (05/2003) gives 260 ms one way for a satellite at 36,000 km altitude " +
      "(physics floor: 35,786 km up and down at c is 239 ms), plus 40 ms for modems, gateway and terrestrial " +
      "backhaul (assumption), i.e. 600 ms RTT before queueing; Ookla measured median latencies of 683 ms " +
      "(HughesNet) and 684 ms (Viasat) in Q1 2025. Jitter ±10 ms: assumption (shared return-channel " +
      "scheduling). Bandwidth 25/3 Mbit/s: the HughesNet Gen5 service plans ('designed to deliver download " +
      "speeds of 25 Mbps and upload speeds of 3 Mbps', HughesNet Gen5 terms, 2017). Loss: Gilbert-Elliott " +
      "p 0.01 %, r 2 % (bad periods of 50 packets, 1 s at 50 packets/s), 100 % lost in the bad state and 0.1 % " +
      "in the good one, mean about 0.6 %: assumption standing for rain fade and beam congestion. Queues: " +
      "assumption, 128 KB up (341 ms at 3 Mbit/s) and 512 KB down (164 ms at 25 Mbit/s).",
    {
      bandwidth: "25Mbit/s",
      delay: "300ms",
      jitter: "10ms",
      loss: { model: "gilbert-elliott", p: "0.01%", r: "2%", lossInBad: "100%", lossInGood: "0.1%" },
      up: { bandwidth: "3Mbit/s", queue: { limit: "128KB" } },
      down: { bandwidth: "25Mbit/s", queue: { limit: "512KB" } },
    },
  ),

  transatlantic: preset(
    "Backbone path New York to London over a submarine cable: 72 ms RTT, practically lossless",
    "Delay 36 ms one way (72 ms RTT). Floor: light in fibre at about 5 µs/km (ITU-T G.114 (05/2003) " +
      "planning value; 'each 1,000 km of route distance produces about 10 ms RTD', The Broadcast Bridge on " +
      "Hibernia Express, 2015); the lowest-latency cable, Hibernia Express (2015, routed for trading), tested " +
      "at 58.95 ms RTT New York-London, the older AC-1 at 60.8-65 ms (TeleGeography CommsUpdate, 2010). " +
      "Ordinary Internet transit takes longer cable routes and more routers; 36 ms is an assumption in the " +
      "70-80 ms RTT range commonly measured for New York-London. Jitter ±0.5 ms and loss 0.01 % (the core loss " +
      "of G.1050 (11/2007) impairment level B): assumptions for a well-provisioned backbone. Bandwidth " +
      "10 Gbit/s: assumption (one backbone wavelength; never the bottleneck for voice).",
    { bandwidth: "10Gbit/s", delay: "36ms", jitter: "0.5ms", loss: "0.01%" },
  ),

  "g1050-well-managed": preset(
    "ITU-T G.1050 / TIA-921 well-managed IP network (profile A), impairment level B: 8 ms base, up to 10 ms jitter",
    `${G1050_SOURCE} This preset: profile A, level B (cumulative likelihood 80 %): regional base delay 8 ms, ` +
      "core jitter up to 10 ms (delay 13 ms, uniform ±5 ms), core loss 0.01 %, link failure of 64 ms every " +
      "3600 s (p 0.00056 %, r 31.25 %); route flap of 2 ms every 3600 s not modelled.",
    {
      bandwidth: "100Mbit/s",
      delay: "13ms",
      jitter: { distribution: "uniform", range: "5ms" },
      loss: { model: "gilbert-elliott", p: "0.00056%", r: "31.25%", lossInBad: "100%", lossInGood: "0.01%" },
    },
  ),

  "g1050-partially-managed": preset(
    "ITU-T G.1050 / TIA-921 partially-managed IP network (profile B), impairment level C: 16 ms base, up to 16 ms jitter",
    `${G1050_SOURCE} This preset: profile B, level C (cumulative likelihood 60 % of the listed 95 %): regional ` +
      "base delay 16 ms, core jitter up to 16 ms (delay 24 ms, uniform ±8 ms), core loss 0.02 %, link failure " +
      "of 128 ms every 1800 s (p 0.0011 %, r 15.625 %); route flap of 4 ms every 1800 s not modelled.",
    {
      bandwidth: "100Mbit/s",
      delay: "24ms",
      jitter: { distribution: "uniform", range: "8ms" },
      loss: { model: "gilbert-elliott", p: "0.0011%", r: "15.625%", lossInBad: "100%", lossInGood: "0.02%" },
    },
  ),

  "g1050-unmanaged": preset(
    "ITU-T G.1050 / TIA-921 unmanaged IP network, the Internet (profile C), impairment level E: 64 ms base, up to 70 ms jitter",
    `${G1050_SOURCE} This preset: profile C, level E (cumulative likelihood 55 %): regional base delay 64 ms, ` +
      "core jitter up to 70 ms (delay 99 ms, uniform ±35 ms), core loss 0.1 %, link failure of 400 ms every " +
      "480 s (p 0.0042 %, r 5 %); route flap of 16 ms every 480 s not modelled.",
    {
      bandwidth: "100Mbit/s",
      delay: "99ms",
      jitter: { distribution: "uniform", range: "35ms" },
      loss: { model: "gilbert-elliott", p: "0.0042%", r: "5%", lossInBad: "100%", lossInGood: "0.1%" },
    },
  ),
} satisfies Record<string, LinkPreset>

const deepFreeze = <T>(value: T): T => {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const inner of Object.values(value)) deepFreeze(inner)
  }
  return value
}

/** Every preset by name. Frozen: the loader merges a copy, never the preset itself. */
export const LINK_PRESETS: Readonly<Record<string, LinkPreset>> = deepFreeze(presets)

/** The preset names, in the order above (for messages and "did you mean"). */
export const LINK_PRESET_NAMES: readonly string[] = Object.freeze(Object.keys(presets))
