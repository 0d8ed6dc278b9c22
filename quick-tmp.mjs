// src/scenario/load.ts
import { Effect as Effect3, Schema as Schema6 } from "effect";

// src/scenario/errors.ts
import { Data } from "effect";
var DOCUMENT_PATH = "$";
function formatScenarioError(e) {
  const where = e.line === void 0 ? e.file : `${e.file}:${e.line}:${e.column ?? 1}`;
  const path = e.path === DOCUMENT_PATH ? "" : `${e.path}: `;
  return `${where}: ${path}${e.message}`.replace(/\s*\n\s*/gu, " ");
}
var ScenarioError = class {
  file;
  line;
  column;
  path;
  message;
  constructor(fields) {
    this.file = fields.file;
    if (fields.line !== void 0) this.line = fields.line;
    if (fields.column !== void 0) this.column = fields.column;
    this.path = fields.path;
    this.message = fields.message;
  }
  format() {
    return formatScenarioError(this);
  }
  toString() {
    return this.format();
  }
};
var InvalidScenario = class extends Data.TaggedError("InvalidScenario") {
};
function formatPath(path) {
  if (path.length === 0) return DOCUMENT_PATH;
  let text = "";
  for (const segment of path) {
    if (typeof segment === "number") text += `[${segment}]`;
    else if (typeof segment === "string" && /^[A-Za-z_$][\w$]*$/u.test(segment)) text += text === "" ? segment : `.${segment}`;
    else text += `[${JSON.stringify(String(segment))}]`;
  }
  return text;
}

// src/scenario/document.ts
import { isScalar, LineCounter, parseDocument, visit } from "yaml";
function readDocument(text, language) {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, logLevel: "error" });
  if (doc.errors.length > 0) {
    return { ok: false, lines, problems: doc.errors.map((e) => ({ offset: e.pos[0], message: `invalid ${language}: ${describe(doc, e)}` })) };
  }
  try {
    return { ok: true, doc, lines, value: doc.toJS() };
  } catch (e) {
    const message = `invalid ${language}: ${e instanceof Error ? e.message : String(e)}`;
    return { ok: false, lines, problems: [{ offset: firstAliasOffset(doc), message }] };
  }
}
function describe(doc, error) {
  if (error.code !== "DUPLICATE_KEY") return error.message;
  let key;
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.range?.[0] === error.pos[0]) {
        key = pair.key.value;
        return visit.BREAK;
      }
      return void 0;
    }
  });
  return key === void 0 ? error.message : `duplicate key ${JSON.stringify(String(key))}; a key may appear only once in a mapping`;
}
function firstAliasOffset(doc) {
  let offset = 0;
  visit(doc, {
    Alias(_, node) {
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    }
  });
  return offset;
}

// src/scenario/file.ts
import { Effect as Effect2, Schema as Schema3, SchemaGetter as SchemaGetter2, SchemaIssue as SchemaIssue2 } from "effect";

// sim/time.ts
var NS_PER_MS = 1e6;
var NS_PER_S = 1e9;
var MAX_TIME_NS = Number.MAX_SAFE_INTEGER;
function nsToSeconds(ns) {
  return ns / NS_PER_S;
}

// src/media/codecs.ts
var g711 = (name, payloadType) => ({
  name,
  payloadType,
  rtpClockRateHz: 8e3,
  bitrateBps: 64e3,
  frameNs: 125e3,
  // one sample: G.711 has no frame structure
  lookaheadNs: 0,
  ptimesMs: [10, 20, 30, 40],
  g113Name: "G.711"
});
var CODECS = [g711("G.711u", 0), g711("G.711a", 8)];
var findCodec = (name) => CODECS.find((c) => c.name === name);
var payloadBytes = (codec, ptimeNs) => Math.round(codec.bitrateBps * ptimeNs / (8 * 1e9));
var samplesPerPacket = (codec, ptimeNs) => Math.round(codec.rtpClockRateHz * ptimeNs / 1e9);
var ptimeAllowed = (codec, ptimeNs) => codec.ptimesMs.some((ms) => ms * NS_PER_MS === ptimeNs);

// src/network/dscp.ts
var DSCP = {
  be: 0,
  // default forwarding
  cs1: 8,
  af11: 10,
  af12: 12,
  af13: 14,
  cs2: 16,
  af21: 18,
  af22: 20,
  af23: 22,
  cs3: 24,
  // call signaling (RFC 4594)
  af31: 26,
  af32: 28,
  af33: 30,
  cs4: 32,
  af41: 34,
  af42: 36,
  af43: 38,
  cs5: 40,
  ef: 46,
  // telephony (RFC 4594)
  cs6: 48,
  cs7: 56
};
var PRIORITY_CLASSES = ["ef", "af", "be"];
var priorityClassOf = (dscp) => {
  if (dscp === DSCP.ef || dscp >= DSCP.cs6) return 0;
  if (dscp >= DSCP.af11 && dscp !== DSCP.cs1) return 1;
  return 2;
};

// src/network/impairment-spec.ts
var NO_IMPAIRMENT = {
  delay: { delayNs: 0, jitterNs: 0, correlation: 0, distribution: "uniform" },
  loss: { model: "none" },
  duplicate: { rate: 0, correlation: 0 },
  corrupt: { rate: 0, correlation: 0 },
  reorder: { rate: 0, correlation: 0, gapPackets: 1 }
};

// src/network/netem/netem-values.ts
var DECIMAL = String.raw`(\d+(?:\.\d*)?|\.\d+)`;
var PERCENT = new RegExp(`^${DECIMAL}%$`);
var TIME = new RegExp(`^${DECIMAL}([a-z]+)$`, "i");
var BARE_NUMBER = new RegExp(`^${DECIMAL}$`);
var TIME_UNIT_EXPONENT = new Map([
  ...["s", "sec", "secs"].map((unit) => [unit, 9]),
  ...["ms", "msec", "msecs"].map((unit) => [unit, 6]),
  ...["us", "usec", "usecs"].map((unit) => [unit, 3]),
  ...["ns", "nsec", "nsecs"].map((unit) => [unit, 0])
]);
var looksLikeNumber = (token) => token !== void 0 && /^[0-9.]/.test(token);
var isBareNumber = (token) => BARE_NUMBER.test(token);
function parsePercent(token) {
  const match = PERCENT.exec(token);
  return match === null ? void 0 : Number(`${match[1]}e-2`);
}
function parseTimeNs(token) {
  const match = TIME.exec(token);
  if (match === null) return void 0;
  const exponent = TIME_UNIT_EXPONENT.get(match[2].toLowerCase());
  return exponent === void 0 ? void 0 : Math.round(Number(`${match[1]}e${exponent}`));
}
function parseCount(token) {
  if (!/^\d+$/.test(token)) return void 0;
  const count = Number(token);
  return count <= 4294967295 ? count : void 0;
}

// src/network/netem/parse-netem.ts
function parseNetem(text) {
  const words2 = text.split(/\s+/).filter((word) => word !== "");
  if (words2[0] === "netem") words2.shift();
  try {
    return { ok: true, spec: parseOptions(new Tokens(words2)) };
  } catch (error) {
    if (error instanceof NetemSyntaxError) return { ok: false, message: error.message };
    throw error;
  }
}
var NetemSyntaxError = class extends Error {
};
function fail(message) {
  throw new NetemSyntaxError(message);
}
var Tokens = class {
  constructor(words2) {
    this.words = words2;
  }
  words;
  index = 0;
  /** The token read last. */
  get previous() {
    return this.words[this.index - 1] ?? "";
  }
  peek() {
    return this.words[this.index];
  }
  next() {
    return this.words[this.index++];
  }
};
var OPTIONS = ["delay", "distribution", "loss", "duplicate", "corrupt", "reorder", "gap"];
var ALIASES = /* @__PURE__ */ new Map([["latency", "delay"], ["drop", "loss"]]);
var DISTRIBUTIONS = ["uniform", "normal", "pareto", "paretonormal"];
var REFUSED = /* @__PURE__ */ new Map([
  ["rate", `rate: netem's rate limit is not supported here; set the link's "bandwidth" field instead (e.g. bandwidth: 2Mbit/s)`],
  ["limit", `limit: netem's queue limit is not supported here; set the link's "queue" field instead (e.g. queue: { limit: 64KB })`],
  ["slot", `slot: netem's slotted delivery is not supported; model the link with its "bandwidth" and "queue" fields`],
  [
    "ecn",
    `ecn: netem's ECN marking is not supported: voiplab's RTP streams are not ECN-capable, so netem would drop them anyway; remove "ecn" (queueing is set by the link's "queue" field)`
  ]
]);
var quote = (token) => token === void 0 ? "nothing" : `"${token}"`;
var percentText = (fraction) => `${Number((fraction * 100).toPrecision(12))}%`;
function readPercent(tokens, context) {
  const after = tokens.previous;
  const token = tokens.next();
  const value = token === void 0 ? void 0 : parsePercent(token);
  if (value === void 0) {
    const hint = token !== void 0 && isBareNumber(token) ? ` (write percentages with "%", e.g. "${token}%")` : "";
    return fail(`${context}: expected a percentage after "${after}", got ${quote(token)}${hint}`);
  }
  if (value > 1) fail(`${context}: expected a percentage between 0% and 100%, got "${token}"`);
  return value;
}
function readOptionalPercent(tokens, context) {
  return looksLikeNumber(tokens.peek()) ? readPercent(tokens, context) : void 0;
}
function readTimeNs(tokens, context) {
  const after = tokens.previous;
  const token = tokens.next();
  const timeNs = token === void 0 ? void 0 : parseTimeNs(token);
  if (timeNs === void 0) {
    const hint = token !== void 0 && isBareNumber(token) ? `: a bare number means \xB5s to older tc and ns to newer tc, so write the unit (e.g. "${token}ms")` : " (units ns, us, ms, s)";
    return fail(`${context}: expected a time such as "40ms" after "${after}", got ${quote(token)}${hint}`);
  }
  if (!Number.isSafeInteger(timeNs)) fail(`${context}: "${token}" is too long a time`);
  return timeNs;
}
function readDelay(tokens) {
  const delayNs = readTimeNs(tokens, "delay");
  if (!looksLikeNumber(tokens.peek())) return { delayNs, jitterNs: 0, correlation: 0 };
  const jitterNs = readTimeNs(tokens, "delay");
  return { delayNs, jitterNs, correlation: readOptionalPercent(tokens, "delay") ?? 0 };
}
function readDistribution(tokens) {
  const token = tokens.next();
  const distribution = DISTRIBUTIONS.find((name) => name === token);
  if (distribution !== void 0) return distribution;
  return fail(`distribution: expected uniform, normal, pareto or paretonormal after "distribution", got ${quote(token)}`);
}
function readLoss(tokens) {
  const kind = tokens.peek();
  if (looksLikeNumber(kind)) return readRandomLoss(tokens, "loss");
  tokens.next();
  if (kind === "random") return readRandomLoss(tokens, "loss random");
  if (kind === "gemodel") {
    const context = "loss gemodel";
    const p = readPercent(tokens, context);
    const r = readOptionalPercent(tokens, context) ?? 1 - p;
    const lossInBad = readOptionalPercent(tokens, context) ?? 1;
    const lossInGood = readOptionalPercent(tokens, context) ?? 0;
    return { model: "gilbert-elliott", p, r, lossInBad, lossInGood };
  }
  if (kind === "state") {
    const context = "loss state";
    const p13 = readPercent(tokens, context);
    const p31 = readOptionalPercent(tokens, context) ?? 1 - p13;
    const p32 = readOptionalPercent(tokens, context) ?? 0;
    const p23 = readOptionalPercent(tokens, context) ?? 1;
    const p14 = readOptionalPercent(tokens, context) ?? 0;
    if (p13 + p14 > 1) fail(`${context}: p13 + p14 (leaving state 1) must not exceed 100%, got ${percentText(p13)} + ${percentText(p14)}`);
    if (p31 + p32 > 1) fail(`${context}: p31 + p32 (leaving state 3) must not exceed 100%, got ${percentText(p31)} + ${percentText(p32)}`);
    return { model: "markov4", p13, p31, p32, p23, p14 };
  }
  return fail(`loss: expected "random", "gemodel", "state" or a percentage after "loss", got ${quote(kind)}`);
}
function readRandomLoss(tokens, context) {
  const rate = readPercent(tokens, context);
  return { model: "bernoulli", rate, correlation: readOptionalPercent(tokens, context) ?? 0 };
}
function readRate(tokens, context) {
  const rate = readPercent(tokens, context);
  return { rate, correlation: readOptionalPercent(tokens, context) ?? 0 };
}
function readGap(tokens) {
  const token = tokens.next();
  const gap = token === void 0 ? void 0 : parseCount(token);
  if (gap === void 0 || gap < 1) fail(`gap: expected a whole number of packets \u2265 1 after "gap", got ${quote(token)}`);
  return gap;
}
function optionOf(word) {
  const option = OPTIONS.find((name) => name === word) ?? ALIASES.get(word);
  if (option !== void 0) return option;
  const refused = REFUSED.get(word);
  if (refused !== void 0) return fail(refused);
  const known = [...OPTIONS, ...ALIASES.keys(), ...REFUSED.keys()];
  const full = known.find((name) => name.startsWith(word));
  const hint = full === void 0 ? "" : ` (write "${full}" in full)`;
  return fail(`unknown netem option "${word}"${hint}; expected delay, distribution, loss, duplicate, corrupt, reorder or gap`);
}
function parseOptions(tokens) {
  const seen = /* @__PURE__ */ new Set();
  let delay;
  let distribution;
  let loss;
  let duplicate;
  let corrupt;
  let reorder;
  let gapPackets;
  for (; ; ) {
    const before2 = tokens.previous;
    const word = tokens.next();
    if (word === void 0) break;
    if (looksLikeNumber(word)) {
      const after = before2 === "" ? "" : ` after "${before2}"`;
      fail(`unexpected value "${word}"${after}: values follow their option, e.g. "delay 100ms 20ms 25%"`);
    }
    const option = optionOf(word);
    if (seen.has(option)) {
      const what = word === option ? "given twice" : `repeats "${option}" (an alias)`;
      fail(`${word}: ${what}; each netem option may appear at most once`);
    }
    seen.add(option);
    switch (option) {
      case "delay":
        delay = readDelay(tokens);
        break;
      case "distribution":
        distribution = readDistribution(tokens);
        break;
      case "loss":
        loss = readLoss(tokens);
        break;
      case "duplicate":
        duplicate = readRate(tokens, "duplicate");
        break;
      case "corrupt":
        corrupt = readRate(tokens, "corrupt");
        break;
      case "reorder":
        reorder = readRate(tokens, "reorder");
        break;
      case "gap":
        gapPackets = readGap(tokens);
        break;
    }
  }
  if (distribution !== void 0 && (delay === void 0 || delay.delayNs === 0 || delay.jitterNs === 0)) {
    fail(`distribution: needs a delay and a jitter, e.g. "delay 100ms 20ms distribution ${distribution}"`);
  }
  if (gapPackets !== void 0 && reorder === void 0) {
    fail(`gap: needs a reorder probability, e.g. "reorder 25% gap ${gapPackets}"`);
  }
  return {
    delay: delay === void 0 ? NO_IMPAIRMENT.delay : { ...delay, distribution: distribution ?? "uniform" },
    loss: loss ?? NO_IMPAIRMENT.loss,
    duplicate: duplicate ?? NO_IMPAIRMENT.duplicate,
    corrupt: corrupt ?? NO_IMPAIRMENT.corrupt,
    reorder: reorder === void 0 ? NO_IMPAIRMENT.reorder : { ...reorder, gapPackets: gapPackets ?? 1 }
  };
}

// src/scenario/codecs.ts
var CODEC_SPELLINGS = {
  "G.711u": { rtpName: "PCMU", aliases: ["G.711 \xB5-law", "G.711 mu-law", "u-law", "mu-law"] },
  "G.711a": { rtpName: "PCMA", aliases: ["G.711 A-law", "A-law"] }
};
var CODEC_NAMES = Object.keys(CODEC_SPELLINGS);
var spellingKey = (text) => text.toLowerCase().replace(/[µμ]/gu, "u").replace(/[\s._-]/gu, "");
var BY_SPELLING = new Map(
  CODEC_NAMES.flatMap((name) => {
    const { rtpName, aliases } = CODEC_SPELLINGS[name];
    return [name, rtpName, ...aliases].map((spelling) => [spellingKey(spelling), name]);
  })
);
var resolveCodec = (text) => BY_SPELLING.get(spellingKey(text));
var knownCodecs = () => CODEC_NAMES.map((name) => `${name} (${CODEC_SPELLINGS[name].rtpName})`).join(", ");

// src/scenario/model.ts
import { Schema } from "effect";
var ENDPOINT_KINDS = ["phone", "softphone", "pbx", "sbc", "bridge", "host"];
var NodeKind = Schema.Literals([...ENDPOINT_KINDS, "router", "switch"]);
var Node = Schema.Struct({
  id: Schema.String,
  kind: NodeKind
});
var isObject = (u) => typeof u === "object" && u !== null;
var Delay = Schema.declare(isObject);
var Loss = Schema.declare(isObject);
var RateLimit = Schema.Struct({ class: Schema.Literals(PRIORITY_CLASSES), rateBps: Schema.Number, burstBytes: Schema.Number });
var LinkDirection = Schema.Struct({
  bandwidthBps: Schema.Number,
  delay: Delay,
  loss: Loss,
  duplicateRate: Schema.Number,
  corruptRate: Schema.Number,
  /** Packets never overtake each other (delays stretch instead). */
  keepOrder: Schema.Boolean,
  queue: Schema.Struct({
    discipline: Schema.Literals(["fifo", "priority"]),
    /** Infinity when the file sets no limit of that kind. */
    limitBytes: Schema.Number,
    limitPackets: Schema.Number,
    /** Token buckets per priority class (priority discipline only). */
    shape: Schema.Array(RateLimit),
    police: Schema.Array(RateLimit)
  })
});
var Link = Schema.Struct({
  id: Schema.String,
  between: Schema.Tuple([Schema.String, Schema.String]),
  /** Routing cost of either direction. */
  cost: Schema.Number,
  /** between[0] → between[1]. */
  up: LinkDirection,
  /** between[1] → between[0]. */
  down: LinkDirection
});
var JitterBuffer = Schema.Struct({ kind: Schema.Literal("fixed"), delayNs: Schema.Number });
var Call = Schema.Struct({
  id: Schema.String,
  from: Schema.String,
  to: Schema.String,
  codec: Schema.Literals(CODEC_NAMES),
  /** Audio per packet. */
  ptimeNs: Schema.Number,
  jitterBuffer: JitterBuffer,
  /** Packet-loss concealment (the E-model's Bpl depends on it). */
  plc: Schema.Boolean,
  startNs: Schema.Number,
  durationNs: Schema.Number
});
var Event = Schema.Struct({
  atNs: Schema.Number,
  link: Schema.String,
  directions: Schema.Array(Schema.Literals(["up", "down"])),
  state: Schema.optionalKey(Schema.Literals(["up", "down"])),
  up: Schema.optionalKey(LinkDirection),
  down: Schema.optionalKey(LinkDirection)
});
var Traffic = Schema.Struct({
  id: Schema.String,
  from: Schema.String,
  to: Schema.String,
  config: Schema.declare(isObject)
});
var ScenarioModel = Schema.Struct({
  name: Schema.String,
  seed: Schema.Number,
  durationNs: Schema.Number,
  nodes: Schema.Array(Node),
  links: Schema.Array(Link),
  calls: Schema.Array(Call),
  traffic: Schema.Array(Traffic),
  events: Schema.Array(Event)
});

// src/scenario/quantities.ts
import { Effect, Schema as Schema2, SchemaGetter, SchemaIssue } from "effect";

// src/scenario/units.ts
var DURATION = {
  what: "a duration",
  example: "20ms",
  units: {
    ns: { exp10: 0 },
    us: { exp10: 3 },
    "\xB5s": { exp10: 3 },
    // U+00B5 MICRO SIGN
    "\u03BCs": { exp10: 3 },
    // U+03BC GREEK SMALL LETTER MU
    ms: { exp10: 6 },
    s: { exp10: 9 },
    min: { exp10: 9, factor: 60 },
    h: { exp10: 9, factor: 3600 }
  },
  shown: "ns, us, ms, s, min, h",
  allowNegative: false,
  round: true
};
var rateUnits = {};
for (const [prefix, exp10] of [["", 0], ["k", 3], ["K", 3], ["M", 6], ["G", 9]]) {
  for (const suffix of ["bit/s", "bps", "b/s"]) rateUnits[prefix + suffix] = { exp10 };
}
var BIT_RATE = {
  what: "a bit rate",
  example: "100Mbit/s",
  units: rateUnits,
  shown: "bit/s, kbit/s, Mbit/s, Gbit/s (or bps, kbps, Mbps, Gbps)",
  allowNegative: false,
  round: false
};
var SIZE = {
  what: "a size",
  example: "64KB",
  units: {
    B: { exp10: 0 },
    byte: { exp10: 0 },
    bytes: { exp10: 0 },
    KB: { exp10: 3 },
    kB: { exp10: 3 },
    MB: { exp10: 6 },
    GB: { exp10: 9 },
    KiB: { exp10: 0, factor: 1024 },
    MiB: { exp10: 0, factor: 1024 ** 2 },
    GiB: { exp10: 0, factor: 1024 ** 3 }
  },
  shown: "B, KB, MB, GB (\xD71000) or KiB, MiB, GiB (\xD71024)",
  allowNegative: false,
  round: true
};
var PERCENTAGE = {
  what: "a percentage",
  example: "0.5%",
  units: { "%": { exp10: -2 } },
  shown: "%",
  allowNegative: true,
  round: false
};
var QUANTITY = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(?:[eE]([+-]?\d+))?\s*(.*)$/su;
var show = (input) => typeof input === "string" ? JSON.stringify(input) : String(input);
function parseQuantity(kind, input) {
  const expected = `expected ${kind.what} with a unit, like ${kind.example}`;
  if (typeof input === "number") return { ok: false, message: `${expected}, got ${show(input)}` };
  const match = QUANTITY.exec(input.trim());
  const [, sign = "", digits = "", exponent = "0", unit = ""] = match ?? [];
  if (match === null || unit === "") return { ok: false, message: `${expected}, got ${show(input)}` };
  const scale = kind.units[unit];
  if (scale === void 0) {
    return { ok: false, message: `unknown unit "${unit}" in ${show(input)}: expected ${kind.what} in ${kind.shown}, like ${kind.example}` };
  }
  const magnitude = Number(`${digits}e${Number(exponent) + scale.exp10}`) * (scale.factor ?? 1);
  const rounded = kind.round ? Math.round(magnitude) : magnitude;
  const value = sign === "-" && rounded !== 0 ? -rounded : rounded;
  if (value < 0 && !kind.allowNegative) {
    return { ok: false, message: `expected ${kind.what} that is not negative, like ${kind.example}, got ${show(input)}` };
  }
  if (!Number.isFinite(value) || kind.round && !Number.isSafeInteger(value)) {
    return { ok: false, message: `${show(input)} is too large for ${kind.what}` };
  }
  return { ok: true, value };
}
var parseDuration = (input) => parseQuantity(DURATION, input);
var parseBitRate = (input) => parseQuantity(BIT_RATE, input);
var parseByteSize = (input) => parseQuantity(SIZE, input);
var parsePercentage = (input) => parseQuantity(PERCENTAGE, input);
function formatDuration(ns) {
  const abs = Math.abs(ns);
  if (abs >= 1e9) return `${ns / 1e9}s`;
  if (abs >= 1e6) return `${ns / 1e6}ms`;
  if (abs >= 1e3) return `${ns / 1e3}us`;
  return `${ns}ns`;
}
var formatPercentage = (fraction) => `${Number((fraction * 100).toPrecision(12))}%`;

// src/scenario/quantities.ts
var quote2 = (input) => typeof input === "string" ? JSON.stringify(input) : String(input);
function quantity(expected, parse, encode, range) {
  const written = Schema2.Union([Schema2.String, Schema2.Number]).annotate({ expected });
  return written.pipe(
    Schema2.decodeTo(Schema2.Number, {
      decode: SchemaGetter.transformEffect((input) => {
        const parsed2 = parse(input);
        if (!parsed2.ok) return Effect.fail(new SchemaIssue.InvalidValue({ message: parsed2.message }));
        if (range !== void 0 && !range.test(parsed2.value)) {
          return Effect.fail(new SchemaIssue.InvalidValue({ message: `expected ${range.expected}, got ${quote2(input)}` }));
        }
        return Effect.succeed(parsed2.value);
      }),
      encode: SchemaGetter.transform(encode)
    })
  );
}
var Duration = quantity("a duration with a unit, like 20ms", parseDuration, (ns) => `${ns}ns`);
var PositiveDuration = quantity("a duration with a unit, like 60s", parseDuration, (ns) => `${ns}ns`, {
  test: (ns) => ns > 0,
  expected: "a duration greater than 0, like 60s"
});
var BitRate = quantity("a bit rate with a unit, like 100Mbit/s", parseBitRate, (bps) => `${bps}bit/s`, {
  test: (bps) => bps > 0,
  expected: "a bit rate greater than 0, like 100Mbit/s"
});
var ByteSize = quantity("a size with a unit, like 64KB", parseByteSize, (bytes) => `${bytes}B`, {
  test: (bytes) => bytes > 0,
  expected: "a size greater than 0, like 64KB"
});
var Percentage = quantity("a percentage, like 0.1%", parsePercentage, formatPercentage, {
  test: (f) => f >= 0 && f <= 1,
  expected: "a percentage between 0% and 100%"
});

// src/scenario/file.ts
var defaultTo = (encoded) => Schema3.withDecodingDefaultKey(Effect2.succeed(encoded));
var ID_EXPECTED = `an id made of letters, digits, "-", "_" or ".", like alice`;
var Id = Schema3.String.annotate({ expected: ID_EXPECTED }).check(
  Schema3.isPattern(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/u, { expected: ID_EXPECTED })
);
var Name = Schema3.String.annotate({ expected: "a name, like Two phones on a LAN" }).check(
  Schema3.isPattern(/\S/u, { expected: "a name that is not blank" })
);
var Seed = Schema3.Number.annotate({ expected: "a whole number \u2265 0, like 1" }).check(
  Schema3.makeFilter((n) => Number.isSafeInteger(n) && n >= 0, {
    expected: `a whole number from 0 to ${Number.MAX_SAFE_INTEGER}`
  })
);
var Cost = Schema3.Number.annotate({ expected: "a routing cost: a number greater than 0, like 10" }).check(
  Schema3.makeFilter((n) => Number.isFinite(n) && n > 0, { expected: "a routing cost greater than 0, like 10" })
);
var PositiveCount = Schema3.Number.annotate({ expected: "a whole number of packets, like 100" }).check(
  Schema3.makeFilter((n) => Number.isSafeInteger(n) && n > 0, { expected: "a whole number of packets greater than 0, like 100" })
);
var Node2 = Schema3.Struct({
  id: Id,
  kind: NodeKind.annotate({ expected: `a node kind: ${NodeKind.literals.join(", ")}` })
});
var Correlation = Schema3.optionalKey(Percentage);
var Jitter = Schema3.Union([
  Duration,
  // shorthand: uniform ± this much, as in netem
  Schema3.Struct({ distribution: Schema3.Literal("none") }),
  Schema3.Struct({ distribution: Schema3.Literal("uniform"), range: Duration, correlation: Correlation }),
  // One member per table distribution, so a wrong name lists every choice.
  ...["normal", "pareto", "paretonormal"].map(
    (name) => Schema3.Struct({ distribution: Schema3.Literal(name), stddev: Duration, correlation: Correlation })
  )
]).annotate({
  expected: "a jitter like 0.2ms, { distribution: uniform, range: 0.2ms } or { distribution: normal|pareto|paretonormal, stddev: 0.2ms, correlation: 25% }"
});
var Loss2 = Schema3.Union([
  Percentage,
  // shorthand: Bernoulli
  Schema3.Struct({ model: Schema3.Literal("bernoulli"), rate: Percentage, correlation: Correlation }),
  // netem `loss gemodel p [r [1-h [1-k]]]`
  Schema3.Struct({
    model: Schema3.Literal("gilbert-elliott"),
    p: Percentage,
    r: Schema3.optionalKey(Percentage),
    lossInBad: Schema3.optionalKey(Percentage),
    lossInGood: Schema3.optionalKey(Percentage)
  }),
  // netem `loss state p13 [p31 [p32 [p23 [p14]]]]`
  Schema3.Struct({
    model: Schema3.Literal("markov4"),
    p13: Percentage,
    p31: Schema3.optionalKey(Percentage),
    p32: Schema3.optionalKey(Percentage),
    p23: Schema3.optionalKey(Percentage),
    p14: Schema3.optionalKey(Percentage)
  })
]).annotate({
  expected: "a loss like 0.1%, { model: bernoulli, rate: 0.1% }, { model: gilbert-elliott, p: 1%, r: 30% } or { model: markov4, p13: 1% }"
});
var PriorityClass = Schema3.Literals(PRIORITY_CLASSES).annotate({ expected: `a priority class: ${PRIORITY_CLASSES.join(", ")}` });
var RateLimit2 = Schema3.Struct({ class: PriorityClass, rate: BitRate, burst: ByteSize });
var Queue = Schema3.Struct({
  discipline: Schema3.optionalKey(
    Schema3.Literals(["fifo", "priority"]).annotate({ expected: "a queue discipline: fifo or priority (strict priority by DSCP)" })
  ),
  limit: Schema3.optionalKey(ByteSize),
  limitPackets: Schema3.optionalKey(PositiveCount),
  shape: Schema3.optionalKey(Schema3.Array(RateLimit2)),
  police: Schema3.optionalKey(Schema3.Array(RateLimit2))
});
var NetemString = Schema3.String.annotate({ expected: 'netem options, like "delay 40ms 10ms 25% loss gemodel 1% 30%"' }).pipe(
  Schema3.decodeTo(Schema3.declare((u) => typeof u === "object" && u !== null), {
    decode: SchemaGetter2.transformEffect((text) => {
      const parsed2 = parseNetem(text);
      if (!parsed2.ok) return Effect2.fail(new SchemaIssue2.InvalidValue({ message: `netem: ${parsed2.message}` }));
      if (parsed2.spec.reorder.rate > 0)
        return Effect2.fail(new SchemaIssue2.InvalidValue({ message: "netem reorder is not simulated; jitter reorders packets as in netem" }));
      return Effect2.succeed(parsed2.spec);
    }),
    encode: SchemaGetter2.forbidden(() => "netem strings are not written back")
  })
);
var linkParams = {
  bandwidth: Schema3.optionalKey(BitRate),
  delay: Schema3.optionalKey(Duration),
  jitter: Schema3.optionalKey(Jitter),
  loss: Schema3.optionalKey(Loss2),
  duplicate: Schema3.optionalKey(Percentage),
  corrupt: Schema3.optionalKey(Percentage),
  keepOrder: Schema3.optionalKey(Schema3.Boolean.annotate({ expected: "true or false" })),
  /** Instead of delay, jitter, loss, duplicate and corrupt: the same written as netem options. */
  impairment: Schema3.optionalKey(NetemString),
  queue: Schema3.optionalKey(Queue)
};
var LinkParams = Schema3.Struct(linkParams);
var PresetLink = Schema3.Struct({ ...linkParams, up: Schema3.optionalKey(LinkParams), down: Schema3.optionalKey(LinkParams) });
var Link2 = Schema3.Struct({
  id: Id,
  between: Schema3.Tuple([Id, Id]).annotate({ expected: "two node ids, like [alice, bob]" }),
  preset: Schema3.optionalKey(Schema3.String.annotate({ expected: "a link preset name, like dsl-8m-1m" })),
  cost: Schema3.optionalKey(Cost),
  ...linkParams,
  /** Overrides for the direction from the first node of `between` to the second. */
  up: Schema3.optionalKey(LinkParams),
  /** Overrides for the direction from the second node to the first. */
  down: Schema3.optionalKey(LinkParams)
});
var Codec = Schema3.String.annotate({ expected: "a codec name, like G.711u" }).pipe(
  Schema3.decodeTo(Schema3.Literals(CODEC_NAMES), {
    decode: SchemaGetter2.transformEffect((text) => {
      const codec = resolveCodec(text);
      return codec === void 0 ? Effect2.fail(new SchemaIssue2.InvalidValue({ message: `unknown codec ${JSON.stringify(text)}; known codecs: ${knownCodecs()}` })) : Effect2.succeed(codec);
    }),
    encode: SchemaGetter2.transform((codec) => codec)
  })
);
var JitterBuffer2 = Schema3.Union([
  Duration,
  // shorthand: fixed, this deep
  Schema3.Struct({ kind: Schema3.Literal("fixed"), delay: Duration })
]).annotate({ expected: "a jitter buffer like 60ms or { kind: fixed, delay: 60ms }" });
var Call2 = Schema3.Struct({
  id: Schema3.optionalKey(Id),
  from: Id,
  to: Id,
  codec: Codec,
  ptime: PositiveDuration,
  jitterBuffer: JitterBuffer2.pipe(defaultTo("60ms")),
  plc: Schema3.Boolean.annotate({ expected: "true or false" }).pipe(defaultTo(true)),
  start: Duration.pipe(defaultTo("0s")),
  duration: Schema3.optionalKey(PositiveDuration)
}).check(
  // The media layer owns which packetization times a codec supports.
  Schema3.makeFilter((call) => {
    const codec = findCodec(call.codec);
    if (codec === void 0) return { path: ["codec"], issue: `codec ${call.codec} is not supported by the simulator yet` };
    if (ptimeAllowed(codec, call.ptime)) return void 0;
    const ms = codec.ptimesMs;
    const allowed = ms.length > 1 ? `${ms.slice(0, -1).join(", ")} or ${ms.at(-1)} ms` : `${ms[0]} ms`;
    return { path: ["ptime"], issue: `${call.codec} packets carry ${allowed} of audio, got ${formatDuration(call.ptime)}` };
  })
);
var DscpClass = Schema3.Literals(Object.keys(DSCP)).annotate({
  expected: `a DSCP class name: ${Object.keys(DSCP).join(", ")}`
});
var PacketSize = Schema3.Union([
  ByteSize,
  Schema3.Struct({ min: ByteSize, max: ByteSize }),
  Schema3.Literal("imix")
]).annotate({ expected: "a packet size like 1500B, { min: 64B, max: 1500B } or imix" });
var RateStep = Schema3.Struct({
  at: Duration,
  scale: Schema3.Number.annotate({ expected: "a factor \u2265 0, like 2" }).check(
    Schema3.makeFilter((n) => Number.isFinite(n) && n >= 0, { expected: "a factor \u2265 0, like 2" })
  )
});
var ParetoShape = Schema3.Number.annotate({ expected: "a Pareto shape greater than 1, like 1.5" }).check(
  Schema3.makeFilter((n) => Number.isFinite(n) && n > 1, { expected: "a Pareto shape greater than 1, like 1.5" })
);
var Traffic2 = Schema3.Struct({
  id: Schema3.optionalKey(Id),
  kind: Schema3.Literals(["poisson", "cbr", "on-off", "bulk"]).annotate({ expected: "a traffic kind: poisson, cbr, on-off or bulk" }),
  from: Id,
  to: Id,
  rate: Schema3.optionalKey(BitRate),
  peakRate: Schema3.optionalKey(BitRate),
  onMean: Schema3.optionalKey(PositiveDuration),
  offMean: Schema3.optionalKey(PositiveDuration),
  paretoShape: Schema3.optionalKey(ParetoShape),
  ackDelay: Schema3.optionalKey(Duration),
  maxWindow: Schema3.optionalKey(PositiveCount),
  packetSize: PacketSize.pipe(defaultTo("1500B")),
  class: DscpClass.pipe(defaultTo("be")),
  start: Duration.pipe(defaultTo("0s")),
  stop: Schema3.optionalKey(Duration),
  ramp: Schema3.optionalKey(Schema3.Array(RateStep))
});
var { queue: _queue, ...changeableParams } = linkParams;
var LinkChange = Schema3.Struct(changeableParams);
var Event2 = Schema3.Struct({
  at: Duration,
  link: Id,
  /** Which direction the change applies to; default both. */
  direction: Schema3.optionalKey(Schema3.Literals(["up", "down", "both"]).annotate({ expected: "up, down or both" })),
  state: Schema3.optionalKey(Schema3.Literals(["up", "down"]).annotate({ expected: "the link state: up or down" })),
  set: Schema3.optionalKey(LinkChange)
});
var ScenarioFile = Schema3.Struct({
  name: Name,
  seed: Seed,
  duration: PositiveDuration,
  nodes: Schema3.Array(Node2).annotate({ expected: "a list of nodes, like - { id: alice, kind: phone }" }),
  links: Schema3.Array(Link2).annotate({ expected: "a list of links" }),
  calls: Schema3.Array(Call2).annotate({ expected: "a list of calls" }),
  traffic: Schema3.Array(Traffic2).annotate({ expected: "a list of traffic sources, like - { kind: poisson, from: a, to: b, rate: 1Mbit/s }" }).pipe(defaultTo([])),
  events: Schema3.Array(Event2).annotate({ expected: "a list of events, like - { at: 30s, link: wan, state: down }" }).pipe(defaultTo([]))
});

// src/scenario/issues.ts
import { SchemaAST, SchemaIssue as SchemaIssue3 } from "effect";

// src/scenario/suggest.ts
function closest(word, candidates) {
  const limit = Math.max(1, Math.floor(word.length / 3));
  let best;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - word.length) > limit) continue;
    const d = distance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}
function distance(a, b) {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_2, j) => i === 0 ? j : j === 0 ? i : 0));
  const at = (i, j) => rows[i]?.[j] ?? Infinity;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, at(i - 2, j - 2) + 1);
      rows[i][j] = d;
    }
  }
  return at(a.length, b.length);
}

// src/scenario/issues.ts
function describeIssue(issue) {
  const found = walk(issue, [], void 0, void 0);
  const meant = new Set(found.flatMap((p) => p.meant ? [pathKey(p.meant)] : []));
  return found.filter((p) => !(p.missing && meant.has(pathKey(p.path)))).map(({ path, message, atKey }) => atKey ? { path, message, atKey } : { path, message });
}
var pathKey = (path) => JSON.stringify(path.map(String));
function walk(issue, path, container, override) {
  switch (issue._tag) {
    case "Pointer":
      return walk(issue.issue, [...path, ...issue.path], container, override);
    case "Composite":
      return issue.issues.flatMap((child) => walk(child, path, issue.ast, override));
    case "Encoding":
      return walk(issue.issue, path, container, override);
    case "Filter":
      return walk(issue.issue, path, container, override ?? filterMessage(issue));
    case "AnyOf":
      if (issue.issues.length > 0) return issue.issues.flatMap((child) => walk(child, path, container, override));
      if (override !== void 0) return [{ path, message: override }];
      return [unionMismatch(issue, path)];
    case "UnexpectedKey":
      if (override !== void 0 || !SchemaAST.isObjects(issue.ast)) {
        return [{ path, message: override ?? `too many items; expected ${expectedOf(issue.ast)}` }];
      }
      return [unknownField(issue.ast, path)];
    case "MissingKey":
      return [{ path, message: override ?? leafMessage(issue, path, container), missing: true }];
    default:
      return [{ path, message: override ?? leafMessage(issue, path, container) }];
  }
}
function leafMessage(issue, path, container) {
  switch (issue._tag) {
    case "InvalidType":
      return messageOf(issue.ast.annotations) ?? `expected ${expectedOf(issue.ast)}${got(issue)}`;
    case "InvalidValue": {
      const expected = issue.annotations?.["expected"];
      return messageOf(issue.annotations) ?? (typeof expected === "string" ? `expected ${expected}${got(issue)}` : `invalid value${got(issue)}`);
    }
    case "MissingKey": {
      const custom = issue.annotations?.messageMissingKey;
      if (typeof custom === "string") return custom;
      if (container !== void 0 && SchemaAST.isArrays(container)) return `too few items; expected ${expectedOf(container)}`;
      return `missing required field ${JSON.stringify(String(path.at(-1) ?? ""))}`;
    }
    case "Forbidden":
      return messageOf(issue.annotations) ?? "not allowed here";
    case "OneOf":
      return `ambiguous: matches more than one form of ${expectedOf(issue.ast)}`;
  }
}
var messageOf = (annotations) => typeof annotations?.message === "string" ? annotations.message : void 0;
function filterMessage(issue) {
  const annotations = issue.filter.annotations;
  const own = messageOf(annotations);
  if (own !== void 0) return own;
  if (issue.issue._tag !== "InvalidValue" || messageOf(issue.issue.annotations) !== void 0) return void 0;
  const expected = annotations?.expected;
  return typeof expected === "string" ? `expected ${expected}${got(issue)}` : void 0;
}
function unknownField(struct, path) {
  const name = String(path.at(-1));
  const known = struct.propertySignatures.map((p) => String(p.name));
  const guess = closest(name, known);
  if (guess === void 0) return { path, atKey: true, message: `unknown field ${JSON.stringify(name)}; known fields: ${known.join(", ")}` };
  return { path, atKey: true, message: `unknown field ${JSON.stringify(name)}; did you mean "${guess}"?`, meant: [...path.slice(0, -1), guess] };
}
function unionMismatch(issue, path) {
  const input = SchemaIssue3.hasInput(issue) ? issue.input : void 0;
  const generic = { path, message: `expected ${expectedOf(issue.ast)}${got(issue)}` };
  if (typeof input !== "object" || input === null || Array.isArray(input)) return generic;
  const shapes = issue.ast.types.filter(SchemaAST.isObjects);
  for (const field of shapes[0]?.propertySignatures ?? []) {
    const tags = shapes.map((shape) => shape.propertySignatures.find((p) => p.name === field.name)?.type);
    if (!tags.every((t) => t !== void 0 && SchemaAST.isLiteral(t))) continue;
    const allowed = tags.map((t) => JSON.stringify(t.literal)).join(", ");
    const key = field.name;
    if (!Object.hasOwn(input, key)) return { path, message: `missing required field ${JSON.stringify(String(key))}, one of ${allowed}` };
    return { path: [...path, key], message: `expected one of ${allowed}, got ${show2(input[key])}` };
  }
  return generic;
}
function expectedOf(ast) {
  const expected = ast.annotations?.["expected"];
  if (typeof expected === "string") return expected;
  switch (ast._tag) {
    case "String":
      return "text";
    case "Number":
      return "a number";
    case "Boolean":
      return "true or false";
    case "Null":
      return "an empty value";
    case "Literal":
      return typeof ast.literal === "bigint" ? String(ast.literal) : JSON.stringify(ast.literal);
    case "Union":
      return ast.types.map(expectedOf).join(" or ");
    case "Objects":
      return "a mapping of fields";
    case "Arrays":
      return "a list";
    default:
      return "a valid value";
  }
}
var got = (issue) => SchemaIssue3.hasInput(issue) ? `, got ${show2(issue.input)}` : "";
function show2(value) {
  if (value === void 0) return "nothing";
  if (value === null) return "an empty value";
  if (typeof value === "string") return JSON.stringify(value.length > 60 ? `${value.slice(0, 59)}\u2026` : value);
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  return typeof value;
}

// src/scenario/positions.ts
import { isAlias, isMap, isScalar as isScalar2, isSeq } from "yaml";
function locate(doc, lines, path, atKey = false) {
  let node = doc.contents;
  let offset = startOf(node) ?? 0;
  for (const [i, segment] of path.entries()) {
    if (isAlias(node)) node = node.resolve(doc);
    let key;
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar2(p.key) && String(p.key.value) === String(segment));
      if (pair === void 0) break;
      key = pair.key;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === "number" && segment < node.items.length) {
      node = node.items[segment];
    } else {
      break;
    }
    const last = i === path.length - 1;
    offset = (last && atKey ? startOf(key) : void 0) ?? startOf(node) ?? startOf(key) ?? offset;
  }
  const { line, col } = lines.linePos(offset);
  return { line, column: col };
}
var startOf = (node) => {
  const range = node?.range;
  if (!Array.isArray(range) || typeof range[0] !== "number" || range[0] === range[1]) return void 0;
  return range[0];
};

// src/scenario/schema.ts
import { Schema as Schema5, SchemaGetter as SchemaGetter3 } from "effect";

// src/traffic/packet-size.ts
var SIMPLE_IMIX = [
  { sizeBytes: 40, weight: 7 },
  { sizeBytes: 576, weight: 4 },
  { sizeBytes: 1500, weight: 1 }
];
var requireSize = (name, bytes) => {
  if (!Number.isSafeInteger(bytes) || bytes < 1) throw new RangeError(`${name} must be a whole number of bytes \u2265 1, got ${bytes}`);
};
var fixedSize = (sizeBytes) => {
  requireSize("sizeBytes", sizeBytes);
  return { meanBytes: sizeBytes, minBytes: sizeBytes, maxBytes: sizeBytes, sampleBytes: () => sizeBytes };
};
var uniformSize = (minBytes, maxBytes) => {
  requireSize("minBytes", minBytes);
  requireSize("maxBytes", maxBytes);
  if (minBytes > maxBytes) throw new RangeError(`minBytes (${minBytes}) must not exceed maxBytes (${maxBytes})`);
  const count = maxBytes - minBytes + 1;
  return {
    meanBytes: (minBytes + maxBytes) / 2,
    minBytes,
    maxBytes,
    sampleBytes: (rng) => minBytes + rng.nextInt(count)
  };
};
var sizeMix = (entries) => {
  if (entries.length === 0) throw new RangeError("a size mix needs at least one entry");
  const sizes = new Float64Array(entries.length);
  const cumulative = new Float64Array(entries.length);
  let total = 0;
  let weightedBytes = 0;
  entries.forEach((e, i) => {
    requireSize(`entries[${i}].sizeBytes`, e.sizeBytes);
    if (!(e.weight >= 0) || !Number.isFinite(e.weight)) throw new RangeError(`entries[${i}].weight must be finite and \u2265 0, got ${e.weight}`);
    total += e.weight;
    weightedBytes += e.weight * e.sizeBytes;
    sizes[i] = e.sizeBytes;
    cumulative[i] = total;
  });
  if (!(total > 0)) throw new RangeError("a size mix needs a positive total weight");
  const used = entries.filter((e) => e.weight > 0).map((e) => e.sizeBytes);
  const last = entries.length - 1;
  return {
    meanBytes: weightedBytes / total,
    minBytes: Math.min(...used),
    maxBytes: Math.max(...used),
    sampleBytes: (rng) => {
      const u = rng.nextFloat() * total;
      for (let i = 0; i < last; i++) if (u < cumulative[i]) return sizes[i];
      for (let i = last; i > 0; i--) if (cumulative[i] > cumulative[i - 1]) return sizes[i];
      return sizes[0];
    }
  };
};
var makePacketSize = (config) => {
  switch (config.kind) {
    case "fixed":
      return fixedSize(config.sizeBytes);
    case "uniform":
      return uniformSize(config.minBytes, config.maxBytes);
    case "mix":
      return sizeMix(config.entries);
  }
};

// src/scenario/presets.ts
import { Schema as Schema4 } from "effect";

// src/network/presets.ts
var preset = (description, source, link) => ({ description, source, link });
var gilbert = (p, r) => ({ model: "gilbert-elliott", p, r, lossInBad: "100%", lossInGood: "0%" });
var G1050_SOURCE = "ITU-T G.1050 (11/2007), the network model TIA-921-A shares: impairment levels A-H and the percentage likelihood of each level in the three service test profiles (A well-managed: A 50, B 30, C 15, D 5; B partially-managed: A 5, B 25, C 30, D 25, E 10; C unmanaged: A 5, B 5, C 10, D 15, E 20, F 25, G 15, H 5), read from the transcription in spandsp's G.1050/TIA-921 simulator (spandsp-sim/g1050.c, g1050_standard_models, 2007), not from the ITU text itself. Representative level chosen per profile: the lowest level whose cumulative likelihood exceeds 50 %. Values are that level's core-network (regional backbone) parameters; G.1050's core jitter is uniform in [0, J], written here as delay = base + J/2 and jitter = uniform \xB1J/2; core loss is the good-state loss of a Gilbert-Elliott model whose bad state (100 % loss) is G.1050's link failure, p = 20 ms / failure interval and r = 20 ms / failure duration (per packet at 50 packets/s, i.e. 20 ms ptime; derived). Not modelled: route flaps, the LAN and access segments (by the Appendix II formulas their occupancy-driven loss is a few hundredths of a percent at these levels) and reordering (level H only). Bandwidth 100 Mbit/s is an assumption (G.1050's largest LAN rate; not an impairment parameter), chosen so the preset adds only the core impairments; put an access preset (dsl-8m-1m, cable, lte) on its own link to add an access segment.";
var presets = {
  "ethernet-lan": preset(
    "Switched gigabit Ethernet between two phones in one building: no loss, microseconds of delay",
    "IEEE 802.3ab-1999 (1000BASE-T): 1 Gbit/s, bit error ratio objective below 10^-10, i.e. about 2\xB710^-7 per 200-byte G.711 packet, written 0 %. Delay derived: two store-and-forward switch hops at 12 \xB5s per 1500-byte frame plus about 100 m of cable at 5 ns/m is about 25 \xB5s, rounded up to 0.05 ms (assumption: two switches). Jitter \xB10.025 ms derived: waiting behind up to two full-size frames at one hop. Queue 256 KB: assumption (a port's share of a commodity switch's packet buffer). For comparison, ITU-T G.1050 (11/2007) Appendix II models older 4/20/100 Mbit/s LANs that add up to 1.5 ms.",
    { bandwidth: "1Gbit/s", delay: "0.05ms", jitter: "0.025ms", loss: "0%", queue: { limit: "256KB" } }
  ),
  "wifi-good": preset(
    "Home or office Wi-Fi with a good signal and little contention: a few ms, rare short loss bursts",
    "Delay: Sui et al., 'Characterizing and Improving WiFi Latency in Large-Scale Operational Networks', ACM MobiSys 2016 (47,000 devices, Tsinghua campus): WiFi-hop latency as low as 3 ms, 90th percentile about 20 ms, 99th about 250 ms; this preset is the low end, 2 ms one way \xB1 normal 0.5 ms (about 4 ms RTT). Bandwidth 100 Mbit/s: assumption (usable 802.11n/ac throughput at moderate range; Sharma et al., 'Measuring the Prevalence of WiFi Bottlenecks in Home Access Networks', 2023, found home Wi-Fi to be the bottleneck above about 800 Mbit/s of access rate). Loss: Gilbert model p 0.05 %, r 50 % (mean 0.1 %, bursts of 2 packets): assumption; the 802.11 MAC retries most frame errors and what remains comes in bursts (Gilbert-Elliott as fitted to packet-loss traces: Hasslinger and Hohlfeld, MMB 2008; Cardoso and de Rezende, IEEE Commun. Lett. 2009, note it is only approximate indoors). Queue: 1000 packets, the Linux default transmit queue length (txqueuelen), with 1500 KB for 1000 full-size frames; bufferbloat in Wi-Fi queues: Hoiland-Jorgensen et al., 'Ending the Anomaly', USENIX ATC 2017.",
    {
      bandwidth: "100Mbit/s",
      delay: "2ms",
      jitter: { distribution: "normal", stddev: "0.5ms" },
      loss: gilbert("0.05%", "50%"),
      queue: { limit: "1500KB", limitPackets: 1e3 }
    }
  ),
  "wifi-congested": preset(
    "Busy shared Wi-Fi (many stations, interference): tens of ms with a long tail, about 1 % bursty loss",
    "Delay: Sui et al., ACM MobiSys 2016 (WiFi-hop latency 90th percentile about 20 ms, 99th about 250 ms, long-tailed) and Pei et al., 'WiFi can be the weakest link of round trip network latency in the wild', 47 campus APs over two months (over 50 % of TCP packets see more than 20 ms on the WiFi hop, 10 % more than 100 ms): 10 ms one way (20 ms RTT, the median there) with a heavy-tailed paretonormal jitter of 5 ms, 25 % correlated (assumption for the shape; netem's paretonormal). Bandwidth 20 Mbit/s: assumption (one station's share of a contended channel). Loss: Gilbert model p 0.3 %, r 30 % (mean 1 %, bursts of 3.3 packets): assumption, at the 1 % that Cisco's Enterprise QoS SRND (2005) gives as the most voice should see. Queue: 1000 packets (Linux txqueuelen default), 1500 KB, i.e. 600 ms at 20 Mbit/s (Wi-Fi bufferbloat: Hoiland-Jorgensen et al., USENIX ATC 2017).",
    {
      bandwidth: "20Mbit/s",
      delay: "10ms",
      jitter: { distribution: "paretonormal", stddev: "5ms", correlation: "25%" },
      loss: gilbert("0.3%", "30%"),
      queue: { limit: "1500KB", limitPackets: 1e3 }
    }
  ),
  "dsl-8m-1m": preset(
    "ADSL2+ access line, 8 Mbit/s down and 1 Mbit/s up, interleaved, with a bloated modem uplink buffer",
    "Rates: the preset's name (an ADSL2+ ITU-T G.992.5 tier; nominal line rates, before ATM/PPPoE overhead). Delay 10 ms one way: half the 19.9 ms best-case first-hop RTT measured on Deutsche Telekom ADSL2+ with 8+8 ms interleaving (public mtr measurements, 2023, github gist kralo/811f6e427233bba71d0ce2487c64d905); end to end to a test server FCC Measuring Broadband America 2016 measured 37-40 ms RTT on Verizon DSL tiers (as published on Verizon's network-performance page), i.e. this link plus about 10 ms of ISP network each way. Jitter \xB11 ms: assumption (a dedicated line; variation comes from the queues). Loss 0.1 %: assumption, inside MBA's best band (peak-period loss below 0.4 %, Ninth MBA Fixed Broadband Report, 2019, Chart 8). Queues: assumption within the measured range: uplink 64 KB = 512 ms at 1 Mbit/s, downlink 128 KB = 128 ms at 8 Mbit/s; modem buffers of hundreds of ms up to seconds: Gettys and Nichols, 'Bufferbloat: Dark Buffers in the Internet', ACM Queue 2011; Wustner, Teixeira and Chandrashekar, TMA 2014 (home buffering delays packets by up to a few seconds in the worst case).",
    {
      bandwidth: "8Mbit/s",
      delay: "10ms",
      jitter: "1ms",
      loss: "0.1%",
      up: { bandwidth: "1Mbit/s", queue: { limit: "64KB" } },
      down: { bandwidth: "8Mbit/s", queue: { limit: "128KB" } }
    }
  ),
  cable: preset(
    "DOCSIS 3.0 cable access, 100 Mbit/s down and 10 Mbit/s up, request-grant jitter upstream, bloated modem buffer",
    "Rates: Comcast's DOCSIS 3.0 'Extreme 105' tier, up to 105 Mbit/s down and 10 Mbit/s up (Comcast's undated network management disclosure of the DOCSIS 3.0 era), rounded to 100/10. Delay 5 ms one way: CableLabs' Low Latency DOCSIS overview (White, Sundaresan, Briscoe, draft-white-tsvwg-lld-00, 2019) gives typical latency of around 10 ms on the DOCSIS access link. Jitter: uplink \xB12 ms for the request-grant cycle the same overview calls media acquisition delay, downlink \xB10.5 ms (both assumptions for the size). Loss 0.1 %: assumption (MBA's best band, below 0.4 %, Ninth MBA Fixed Broadband Report, 2019). Queues 256 KB each way: assumption, i.e. 205 ms upstream at 10 Mbit/s and 20 ms downstream; CableLabs' Cable Modem Buffer Control guideline (CM-GL-Buffer-V01-110915, 2011) and White's NCTA 2011 paper 'Right-sizing cable modem buffers' report modems in the field with an order of magnitude more upstream buffering than TCP needs; RFC 8034 (2017) describes the DOCSIS-PIE AQM that replaces it (not modelled here).",
    {
      bandwidth: "100Mbit/s",
      delay: "5ms",
      jitter: "0.5ms",
      loss: "0.1%",
      up: { bandwidth: "10Mbit/s", jitter: "2ms", queue: { limit: "256KB" } },
      down: { bandwidth: "100Mbit/s", queue: { limit: "256KB" } }
    }
  ),
  lte: preset(
    "LTE (4G) with good coverage: about 35 ms RTT, uplink slower than downlink, occasional short loss bursts",
    "Delay: Holma and Toskala (eds.), 'LTE for UMTS' (Wiley), section 11.11 'Latency': expected user-plane ping about 20-22 ms (UE and eNodeB processing, a 10 ms scheduling period, 8 ms per layer-1 retransmission at 10 % BLER), the uplink longer than the downlink because of the scheduling request; operator networks end to end: Ookla's Speedtest United States Market Report Q2 2020, latency 31 ms (T-Mobile) to 39 ms (Sprint). Here 20 ms up + 15 ms down = 35 ms RTT. Jitter normal 4 ms: assumption (HARQ retransmissions add 8 ms steps). Loss: Gilbert model p 0.25 %, r 50 % (mean 0.5 %, bursts of 2 packets): assumption, inside the 1 % packet error loss rate 3GPP TS 23.203 Table 6.1.7 sets for QCI 1 (conversational voice, 100 ms packet delay budget). Bandwidth 20/5 Mbit/s: the same Ookla Q2 2020 report gives U.S. mobile medians of 29 Mbit/s down and 5.74 Mbit/s up across all technologies, early 5G included; 20 Mbit/s down for LTE alone is an assumption. Queues: assumption, 256 KB up (410 ms at 5 Mbit/s) and 512 KB down (205 ms at 20 Mbit/s); cellular bufferbloat: Jiang et al., 'Tackling Bufferbloat in 3G/4G Networks', IMC 2012.",
    {
      bandwidth: "20Mbit/s",
      delay: "15ms",
      jitter: { distribution: "normal", stddev: "4ms" },
      loss: gilbert("0.25%", "50%"),
      up: { bandwidth: "5Mbit/s", delay: "20ms", queue: { limit: "256KB" } },
      down: { bandwidth: "20Mbit/s", queue: { limit: "512KB" } }
    }
  ),
  "lte-cell-edge": preset(
    "LTE at the cell edge: a few Mbit/s, about 70 ms RTT, more jitter and 2 % loss in bursts",
    "Bandwidth 3/1 Mbit/s: below the 5 Mbit/s down, 1 Mbit/s up that 20-34 % of U.S. mobile tests missed (Ookla Speedtest United States Market Report Q2 2020, consistency 66.1-79.7 %). Delay 40 ms up + 30 ms down and jitter normal 10 ms, 25 % correlated: assumption, the lte preset with more HARQ retransmissions (8 ms each, Holma and Toskala, 'LTE for UMTS', section 11.11) at the higher block error rate of a weak signal. Loss: Gilbert model p 0.5 %, r 25 % (mean 2 %, bursts of 4 packets, 80 ms at 20 ms ptime): assumption, deliberately above the 1 % packet error loss rate 3GPP TS 23.203 Table 6.1.7 sets for QCI 1 voice. Queues: assumption, 64 KB up (512 ms at 1 Mbit/s) and 128 KB down (341 ms at 3 Mbit/s); cellular bufferbloat: Jiang et al., IMC 2012.",
    {
      bandwidth: "3Mbit/s",
      delay: "30ms",
      jitter: { distribution: "normal", stddev: "10ms", correlation: "25%" },
      loss: gilbert("0.5%", "25%"),
      up: { bandwidth: "1Mbit/s", delay: "40ms", queue: { limit: "64KB" } },
      down: { bandwidth: "3Mbit/s", queue: { limit: "128KB" } }
    }
  ),
  "satellite-geo": preset(
    "Geostationary satellite access (HughesNet-class): about 600 ms RTT, 25/3 Mbit/s, rain-fade loss bursts",
    "Delay 300 ms one way: ITU-T G.114 (05/2003) gives 260 ms one way for a satellite at 36,000 km altitude (physics floor: 35,786 km up and down at c is 239 ms), plus 40 ms for modems, gateway and terrestrial backhaul (assumption), i.e. 600 ms RTT before queueing; Ookla measured median latencies of 683 ms (HughesNet) and 684 ms (Viasat) in Q1 2025. Jitter \xB110 ms: assumption (shared return-channel scheduling). Bandwidth 25/3 Mbit/s: the HughesNet Gen5 service plans ('designed to deliver download speeds of 25 Mbps and upload speeds of 3 Mbps', HughesNet Gen5 terms, 2017). Loss: Gilbert-Elliott p 0.01 %, r 2 % (bad periods of 50 packets, 1 s at 50 packets/s), 100 % lost in the bad state and 0.1 % in the good one, mean about 0.6 %: assumption standing for rain fade and beam congestion. Queues: assumption, 128 KB up (341 ms at 3 Mbit/s) and 512 KB down (164 ms at 25 Mbit/s).",
    {
      bandwidth: "25Mbit/s",
      delay: "300ms",
      jitter: "10ms",
      loss: { model: "gilbert-elliott", p: "0.01%", r: "2%", lossInBad: "100%", lossInGood: "0.1%" },
      up: { bandwidth: "3Mbit/s", queue: { limit: "128KB" } },
      down: { bandwidth: "25Mbit/s", queue: { limit: "512KB" } }
    }
  ),
  transatlantic: preset(
    "Backbone path New York to London over a submarine cable: 72 ms RTT, practically lossless",
    "Delay 36 ms one way (72 ms RTT). Floor: light in fibre at about 5 \xB5s/km (ITU-T G.114 (05/2003) planning value; 'each 1,000 km of route distance produces about 10 ms RTD', The Broadcast Bridge on Hibernia Express, 2015); the lowest-latency cable, Hibernia Express (2015, routed for trading), tested at 58.95 ms RTT New York-London, the older AC-1 at 60.8-65 ms (TeleGeography CommsUpdate, 2010). Ordinary Internet transit takes longer cable routes and more routers; 36 ms is an assumption in the 70-80 ms RTT range commonly measured for New York-London. Jitter \xB10.5 ms and loss 0.01 % (the core loss of G.1050 (11/2007) impairment level B): assumptions for a well-provisioned backbone. Bandwidth 10 Gbit/s: assumption (one backbone wavelength; never the bottleneck for voice).",
    { bandwidth: "10Gbit/s", delay: "36ms", jitter: "0.5ms", loss: "0.01%" }
  ),
  "g1050-well-managed": preset(
    "ITU-T G.1050 / TIA-921 well-managed IP network (profile A), impairment level B: 8 ms base, up to 10 ms jitter",
    `${G1050_SOURCE} This preset: profile A, level B (cumulative likelihood 80 %): regional base delay 8 ms, core jitter up to 10 ms (delay 13 ms, uniform \xB15 ms), core loss 0.01 %, link failure of 64 ms every 3600 s (p 0.00056 %, r 31.25 %); route flap of 2 ms every 3600 s not modelled.`,
    {
      bandwidth: "100Mbit/s",
      delay: "13ms",
      jitter: { distribution: "uniform", range: "5ms" },
      loss: { model: "gilbert-elliott", p: "0.00056%", r: "31.25%", lossInBad: "100%", lossInGood: "0.01%" }
    }
  ),
  "g1050-partially-managed": preset(
    "ITU-T G.1050 / TIA-921 partially-managed IP network (profile B), impairment level C: 16 ms base, up to 16 ms jitter",
    `${G1050_SOURCE} This preset: profile B, level C (cumulative likelihood 60 % of the listed 95 %): regional base delay 16 ms, core jitter up to 16 ms (delay 24 ms, uniform \xB18 ms), core loss 0.02 %, link failure of 128 ms every 1800 s (p 0.0011 %, r 15.625 %); route flap of 4 ms every 1800 s not modelled.`,
    {
      bandwidth: "100Mbit/s",
      delay: "24ms",
      jitter: { distribution: "uniform", range: "8ms" },
      loss: { model: "gilbert-elliott", p: "0.0011%", r: "15.625%", lossInBad: "100%", lossInGood: "0.02%" }
    }
  ),
  "g1050-unmanaged": preset(
    "ITU-T G.1050 / TIA-921 unmanaged IP network, the Internet (profile C), impairment level E: 64 ms base, up to 70 ms jitter",
    `${G1050_SOURCE} This preset: profile C, level E (cumulative likelihood 55 %): regional base delay 64 ms, core jitter up to 70 ms (delay 99 ms, uniform \xB135 ms), core loss 0.1 %, link failure of 400 ms every 480 s (p 0.0042 %, r 5 %); route flap of 16 ms every 480 s not modelled.`,
    {
      bandwidth: "100Mbit/s",
      delay: "99ms",
      jitter: { distribution: "uniform", range: "35ms" },
      loss: { model: "gilbert-elliott", p: "0.0042%", r: "5%", lossInBad: "100%", lossInGood: "0.1%" }
    }
  )
};
var deepFreeze = (value) => {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
};
var LINK_PRESETS = deepFreeze(presets);
var LINK_PRESET_NAMES = Object.freeze(Object.keys(presets));

// src/scenario/presets.ts
var decoded = /* @__PURE__ */ new Map();
var presetNames = () => Object.keys(LINK_PRESETS);
var presetLink = (name) => {
  const preset2 = LINK_PRESETS[name];
  if (preset2 === void 0) return void 0;
  let link = decoded.get(name);
  if (link === void 0) {
    link = Schema4.decodeUnknownSync(PresetLink)(preset2.link, { onExcessProperty: "error" });
    decoded.set(name, link);
  }
  return link;
};

// src/scenario/normalize.ts
var defaultCallId = (index) => `call-${index + 1}`;
var toModel = (file) => ({
  name: file.name,
  seed: file.seed,
  durationNs: file.duration,
  nodes: file.nodes.map(({ id, kind }) => ({ id, kind })),
  links: file.links.map(toLink),
  calls: file.calls.map((call, index) => toCall(call, index, file.duration)),
  traffic: file.traffic.map(toTraffic),
  events: toEvents(file)
});
var defaultTrafficId = (index) => `traffic-${index + 1}`;
var toPacketSize = (size) => {
  if (size === "imix") return { kind: "mix", entries: SIMPLE_IMIX };
  if (typeof size === "number") return { kind: "fixed", sizeBytes: size };
  return { kind: "uniform", minBytes: size.min, maxBytes: size.max };
};
var toTraffic = (t, index) => {
  const common = {
    dscp: DSCP[t.class],
    packetSize: toPacketSize(t.packetSize),
    startNs: t.start,
    ...t.stop === void 0 ? {} : { stopNs: t.stop }
  };
  const rateSchedule = (t.ramp ?? []).map((step) => ({ atNs: step.at, scale: step.scale }));
  const config = t.kind === "bulk" ? { kind: "bulk", ...common, ackDelayNs: t.ackDelay ?? DEFAULT_ACK_DELAY_NS, ...t.maxWindow === void 0 ? {} : { maxCwndPackets: t.maxWindow } } : t.kind === "on-off" ? { kind: "on-off", ...common, rateSchedule, peakRateBps: t.peakRate, onMeanNs: t.onMean, offMeanNs: t.offMean, paretoShape: t.paretoShape ?? 1.5 } : { kind: t.kind, ...common, rateSchedule, rateBps: t.rate };
  return { id: t.id ?? defaultTrafficId(index), from: t.from, to: t.to, config };
};
var DEFAULT_ACK_DELAY_NS = 2e7;
var DEFAULT_QUEUE_LIMIT_BYTES = 64e3;
var layersOf = (link, d) => {
  const preset2 = link.preset === void 0 ? void 0 : presetLink(link.preset);
  return [preset2, preset2?.[d], link, link[d]];
};
var toLink = (link) => ({
  id: link.id,
  between: link.between,
  cost: link.cost ?? 1,
  up: toDirection(layersOf(link, "up")),
  down: toDirection(layersOf(link, "down"))
});
var toEvents = (file) => {
  const layers = new Map(file.links.map((l) => [l.id, { up: layersOf(l, "up"), down: layersOf(l, "down") }]));
  const ordered = file.events.map((e, i) => ({ e, i })).sort((a, b) => a.e.at - b.e.at || a.i - b.i);
  return ordered.map(({ e }) => {
    const directions = e.direction === void 0 || e.direction === "both" ? ["up", "down"] : [e.direction];
    const event = {
      atNs: e.at,
      link: e.link,
      directions: [...directions]
    };
    if (e.state !== void 0) event.state = e.state;
    if (e.set !== void 0) {
      const linkLayers = layers.get(e.link);
      for (const d of directions) {
        linkLayers[d] = [...linkLayers[d], e.set];
        event[d] = toDirection(linkLayers[d]);
      }
    }
    return event;
  });
};
var pick = (layers, key) => {
  let value;
  for (const layer of layers) if (layer?.[key] !== void 0) value = layer[key];
  return value;
};
var toDirection = (layers) => {
  const queue = Object.assign({}, ...layers.map((l) => l?.queue));
  const noLimit = queue.limit === void 0 && queue.limitPackets === void 0;
  return {
    bandwidthBps: pick(layers, "bandwidth"),
    // consistency.ts checks that some layer sets it
    ...impairmentsOf(layers),
    keepOrder: pick(layers, "keepOrder") ?? false,
    queue: {
      discipline: queue.discipline ?? "fifo",
      limitBytes: queue.limit ?? (noLimit ? DEFAULT_QUEUE_LIMIT_BYTES : Infinity),
      limitPackets: queue.limitPackets ?? Infinity,
      shape: (queue.shape ?? []).map(toRateLimit),
      police: (queue.police ?? []).map(toRateLimit)
    }
  };
};
var impairmentsOf = (layers) => {
  let delayNs = 0;
  let jitter;
  let delay;
  let loss = { model: "none" };
  let duplicateRate = 0;
  let corruptRate = 0;
  for (const layer of layers) {
    if (layer === void 0) continue;
    if (layer.impairment !== void 0) {
      delay = layer.impairment.delay;
      loss = layer.impairment.loss;
      duplicateRate = layer.impairment.duplicate.rate;
      corruptRate = layer.impairment.corrupt.rate;
    }
    if (layer.delay !== void 0 || layer.jitter !== void 0) {
      delayNs = layer.delay ?? delay?.delayNs ?? delayNs;
      jitter = layer.jitter ?? jitter;
      delay = toDelay(delayNs, jitter);
    }
    if (layer.loss !== void 0) loss = toLoss(layer.loss);
    if (layer.duplicate !== void 0) duplicateRate = layer.duplicate;
    if (layer.corrupt !== void 0) corruptRate = layer.corrupt;
  }
  return { delay: delay ?? toDelay(0, void 0), loss, duplicateRate, corruptRate };
};
var toRateLimit = (r) => ({
  class: r.class,
  rateBps: r.rate,
  burstBytes: r.burst
});
var toDelay = (delayNs, jitter) => {
  if (jitter === void 0) return { delayNs, jitterNs: 0, correlation: 0, distribution: "uniform" };
  if (typeof jitter === "number") return { delayNs, jitterNs: jitter, correlation: 0, distribution: "uniform" };
  switch (jitter.distribution) {
    case "none":
      return { delayNs, jitterNs: 0, correlation: 0, distribution: "uniform" };
    case "uniform":
      return { delayNs, jitterNs: jitter.range, correlation: jitter.correlation ?? 0, distribution: "uniform" };
    default:
      return { delayNs, jitterNs: jitter.stddev, correlation: jitter.correlation ?? 0, distribution: jitter.distribution };
  }
};
var toLoss = (loss) => {
  if (typeof loss === "number") return loss > 0 ? { model: "bernoulli", rate: loss, correlation: 0 } : { model: "none" };
  switch (loss.model) {
    case "bernoulli":
      return { model: "bernoulli", rate: loss.rate, correlation: loss.correlation ?? 0 };
    case "gilbert-elliott":
      return { model: "gilbert-elliott", p: loss.p, r: loss.r ?? 1 - loss.p, lossInBad: loss.lossInBad ?? 1, lossInGood: loss.lossInGood ?? 0 };
    case "markov4":
      return { model: "markov4", p13: loss.p13, p31: loss.p31 ?? 1 - loss.p13, p32: loss.p32 ?? 0, p23: loss.p23 ?? 1, p14: loss.p14 ?? 0 };
  }
};
var toCall = (call, index, scenarioNs) => ({
  id: call.id ?? defaultCallId(index),
  from: call.from,
  to: call.to,
  codec: call.codec,
  ptimeNs: call.ptime,
  jitterBuffer: {
    kind: "fixed",
    delayNs: typeof call.jitterBuffer === "number" ? call.jitterBuffer : call.jitterBuffer.delay
  },
  plc: call.plc,
  startNs: call.start,
  durationNs: call.duration ?? scenarioNs - call.start
});

// src/scenario/consistency.ts
var findInconsistencies = (scenario2) => [
  ...duplicateIds(scenario2),
  ...badLinks(scenario2),
  ...badCalls(scenario2),
  ...badEvents(scenario2),
  ...badTraffic(scenario2)
];
var TRAFFIC_FIELDS = {
  poisson: { needs: ["rate"], takes: ["rate", "ramp"] },
  cbr: { needs: ["rate"], takes: ["rate", "ramp"] },
  "on-off": { needs: ["peakRate", "onMean", "offMean"], takes: ["peakRate", "onMean", "offMean", "paretoShape", "ramp"] },
  bulk: { needs: [], takes: ["ackDelay", "maxWindow"] }
};
var KIND_FIELDS = ["rate", "peakRate", "onMean", "offMean", "paretoShape", "ackDelay", "maxWindow", "ramp"];
function badTraffic(s) {
  const nodes = new Set(s.nodes.map((n) => n.id));
  const found = [];
  s.traffic.forEach((t, i) => {
    const { needs, takes } = TRAFFIC_FIELDS[t.kind];
    for (const field of needs)
      if (t[field] === void 0) found.push({ path: ["traffic", i], issue: `${t.kind} traffic needs ${field}` });
    for (const field of KIND_FIELDS)
      if (t[field] !== void 0 && !takes.includes(field))
        found.push({ path: ["traffic", i, field], issue: `${t.kind} traffic has no ${field}; it takes ${takes.join(", ") || "none of the rate fields"}` });
    for (const end of ["from", "to"]) if (!nodes.has(t[end])) found.push({ path: ["traffic", i, end], issue: unknownNode(s, t[end]) });
    if (t.from === t.to) found.push({ path: ["traffic", i, "to"], issue: `traffic goes between two different nodes, but from and to are both "${t.from}"` });
    else if (nodes.has(t.from) && nodes.has(t.to) && !reachableFrom(s, t.from).has(t.to))
      found.push({ path: ["traffic", i], issue: `no route between ${t.from} and ${t.to}: no chain of links joins them` });
  });
  return found;
}
function badEvents(s) {
  const links = new Set(s.links.map((l) => l.id));
  const found = [];
  s.events.forEach((e, i) => {
    if (!links.has(e.link))
      found.push({ path: ["events", i, "link"], issue: `unknown link "${e.link}"; the links are ${[...links].join(", ") || "(none)"}` });
    if (e.state === void 0 && e.set === void 0)
      found.push({ path: ["events", i], issue: "an event needs state (up or down) or set (the fields that change)" });
    if (e.at >= s.duration)
      found.push({ path: ["events", i, "at"], issue: `at ${formatDuration(e.at)} is not before the scenario ends at ${formatDuration(s.duration)}` });
  });
  return found;
}
function duplicateIds(s) {
  const owners = /* @__PURE__ */ new Map();
  const found = [];
  const claim = (id, owner, path, defaulted) => {
    const first = owners.get(id);
    if (first === void 0) owners.set(id, owner);
    else if (defaulted) found.push({ path, issue: `the default id "${id}" is already used by ${first}; give this one an id` });
    else found.push({ path, issue: `duplicate id "${id}", already used by ${first}; ids must be unique across nodes, links, calls and traffic` });
  };
  s.nodes.forEach((n, i) => claim(n.id, `nodes[${i}]`, ["nodes", i, "id"], false));
  s.links.forEach((l, i) => claim(l.id, `links[${i}]`, ["links", i, "id"], false));
  s.calls.forEach(
    (c, i) => c.id === void 0 ? claim(defaultCallId(i), `calls[${i}]`, ["calls", i], true) : claim(c.id, `calls[${i}]`, ["calls", i, "id"], false)
  );
  s.traffic.forEach(
    (t, i) => t.id === void 0 ? claim(defaultTrafficId(i), `traffic[${i}]`, ["traffic", i], true) : claim(t.id, `traffic[${i}]`, ["traffic", i, "id"], false)
  );
  return found;
}
var unknownNode = (s, id) => `unknown node "${id}"; the nodes are ${s.nodes.map((n) => n.id).join(", ") || "(none)"}`;
function badLinks(s) {
  const nodes = new Set(s.nodes.map((n) => n.id));
  const found = [];
  s.links.forEach((link, i) => {
    const [a, b] = link.between;
    link.between.forEach((end, j) => {
      if (!nodes.has(end)) found.push({ path: ["links", i, "between", j], issue: unknownNode(s, end) });
    });
    if (a === b) found.push({ path: ["links", i, "between", 1], issue: `a link joins two different nodes, but both ends are "${a}"` });
    const preset2 = link.preset === void 0 ? void 0 : presetLink(link.preset);
    if (link.preset !== void 0 && preset2 === void 0) {
      found.push({ path: ["links", i, "preset"], issue: `unknown preset "${link.preset}"; the presets are ${presetNames().join(", ")}` });
      return;
    }
    for (const [where, layer] of [[[], link], [["up"], link.up], [["down"], link.down]]) {
      const both = ["delay", "jitter", "loss", "duplicate", "corrupt"].filter((f) => layer?.[f] !== void 0);
      if (layer?.impairment !== void 0 && both.length > 0)
        found.push({ path: ["links", i, ...where, "impairment"], issue: `give impairment or ${both.join(", ")}, not both` });
    }
    for (const d of ["up", "down"]) {
      const layers = [preset2, preset2?.[d], link, link[d]];
      if (layers.every((l) => l?.bandwidth === void 0))
        found.push({ path: ["links", i], issue: `the ${d} direction of link "${link.id}" has no bandwidth; give bandwidth or a preset` });
      const limited = layers.some((l) => l?.queue?.shape !== void 0 || l?.queue?.police !== void 0);
      const discipline = layers.reduce((last, l) => l?.queue?.discipline ?? last, void 0);
      if (limited && discipline !== "priority")
        found.push({ path: ["links", i, "queue"], issue: `shape and police act on priority classes: set discipline: priority` });
    }
  });
  return found;
}
var reachableFrom = (s, from) => {
  const seen = /* @__PURE__ */ new Set([from]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const { between: [a, b] } of s.links) {
      if (seen.has(a) !== seen.has(b)) {
        seen.add(a).add(b);
        grew = true;
      }
    }
  }
  return seen;
};
function badCalls(s) {
  const kinds = new Map(s.nodes.map((n) => [n.id, n.kind]));
  const found = [];
  s.calls.forEach((call, i) => {
    const ends = ["from", "to"].filter((end) => !kinds.has(call[end]));
    for (const end of ends) found.push({ path: ["calls", i, end], issue: unknownNode(s, call[end]) });
    for (const end of ["from", "to"]) {
      const kind = kinds.get(call[end]);
      if (kind !== void 0 && !ENDPOINT_KINDS.includes(kind))
        found.push({ path: ["calls", i, end], issue: `"${call[end]}" is a ${kind}; calls run between ${ENDPOINT_KINDS.join(", ")} nodes` });
    }
    if (call.from === call.to) {
      found.push({ path: ["calls", i, "to"], issue: `a call joins two different phones, but from and to are both "${call.from}"` });
    } else if (ends.length === 0 && !reachableFrom(s, call.from).has(call.to)) {
      found.push({ path: ["calls", i], issue: `no route between ${call.from} and ${call.to}: no chain of links joins them` });
    }
    const scenarioEnd = formatDuration(s.duration);
    if (call.start >= s.duration) {
      found.push({ path: ["calls", i, "start"], issue: `the call starts at ${formatDuration(call.start)}, but the scenario ends at ${scenarioEnd}` });
    } else if (call.duration !== void 0 && call.start + call.duration > s.duration) {
      const end = formatDuration(call.start + call.duration);
      found.push({ path: ["calls", i, "duration"], issue: `the call would end at ${end}, after the scenario ends at ${scenarioEnd}` });
    }
  });
  return found;
}

// src/scenario/schema.ts
var Scenario = ScenarioFile.check(Schema5.makeFilter(findInconsistencies)).pipe(
  Schema5.decodeTo(ScenarioModel, {
    decode: SchemaGetter3.transform(toModel),
    encode: SchemaGetter3.forbidden(() => "turning a scenario back into a file is not supported")
  })
);
var SCENARIO_PARSE_OPTIONS = { errors: "all", onExcessProperty: "error", reportInput: true };

// src/scenario/load.ts
var decode = Schema6.decodeUnknownResult(Scenario);
var EXPECTED_TOP = `a scenario: a mapping with ${Object.keys(ScenarioFile.fields).join(", ")}`;
function parseScenario(text, fileName) {
  const read = readDocument(text, /\.json$/iu.test(fileName) ? "JSON" : "YAML");
  const at = (offset, path, message) => {
    const { line, col } = read.lines.linePos(offset);
    return new ScenarioError({ file: fileName, line, column: col, path, message });
  };
  if (!read.ok) return failed(fileName, read.problems.map((p) => at(p.offset, DOCUMENT_PATH, p.message)));
  const { doc, lines, value } = read;
  if (doc.contents === null) return failed(fileName, [at(0, DOCUMENT_PATH, `the file is empty; expected ${EXPECTED_TOP}`)]);
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    const what = Array.isArray(value) ? "a list" : show2(value);
    return failed(fileName, [at(doc.contents.range?.[0] ?? 0, DOCUMENT_PATH, `expected ${EXPECTED_TOP}; got ${what}`)]);
  }
  const result = decode(value, SCENARIO_PARSE_OPTIONS);
  if (result._tag === "Success") return { ok: true, scenario: result.success };
  return failed(
    fileName,
    describeIssue(result.failure.issue).map(({ path, message, atKey }) => {
      const { line, column } = locate(doc, lines, path, atKey);
      return new ScenarioError({ file: fileName, line, column, path: formatPath(path), message });
    })
  );
}
function failed(file, errors) {
  const unique = [...new Map(errors.map((e) => [e.format(), e])).values()];
  unique.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  const [first, ...rest] = unique;
  return first === void 0 ? { ok: false, errors: [new ScenarioError({ file, path: DOCUMENT_PATH, message: "invalid scenario" })] } : { ok: false, errors: [first, ...rest] };
}

// sim/random/murmur3.ts
function murmur3x86_32(bytes, seed) {
  const c1 = 3432918353;
  const c2 = 461845907;
  const length = bytes.length;
  const blockEnd = length & ~3;
  let h = seed | 0;
  for (let i = 0; i < blockEnd; i += 4) {
    let k2 = bytes[i] | bytes[i + 1] << 8 | bytes[i + 2] << 16 | bytes[i + 3] << 24;
    k2 = Math.imul(k2, c1);
    k2 = k2 << 15 | k2 >>> 17;
    k2 = Math.imul(k2, c2);
    h ^= k2;
    h = h << 13 | h >>> 19;
    h = Math.imul(h, 5) + 3864292196 | 0;
  }
  let k = 0;
  switch (length & 3) {
    case 3:
      k ^= bytes[blockEnd + 2] << 16;
    // falls through
    case 2:
      k ^= bytes[blockEnd + 1] << 8;
    // falls through
    case 1:
      k ^= bytes[blockEnd];
      k = Math.imul(k, c1);
      k = k << 15 | k >>> 17;
      k = Math.imul(k, c2);
      h ^= k;
  }
  h ^= length;
  return fmix32(h);
}
function fmix32(h) {
  h ^= h >>> 16;
  h = Math.imul(h, 2246822507);
  h ^= h >>> 13;
  h = Math.imul(h, 3266489909);
  h ^= h >>> 16;
  return h >>> 0;
}
function utf8Bytes(text) {
  const out = [];
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 55296 && code <= 56319 && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 56320 && low <= 57343) {
        code = 65536 + (code - 55296 << 10) + (low - 56320);
        i++;
      }
    }
    if (code >= 55296 && code <= 57343) code = 65533;
    if (code < 128) {
      out.push(code);
    } else if (code < 2048) {
      out.push(192 | code >> 6, 128 | code & 63);
    } else if (code < 65536) {
      out.push(224 | code >> 12, 128 | code >> 6 & 63, 128 | code & 63);
    } else {
      out.push(240 | code >> 18, 128 | code >> 12 & 63, 128 | code >> 6 & 63, 128 | code & 63);
    }
  }
  return Uint8Array.from(out);
}

// sim/random/xoshiro128.ts
function xoshiro128StarStarNext(state) {
  let s0 = state[0];
  let s1 = state[1];
  let s2 = state[2];
  let s3 = state[3];
  const m = Math.imul(s1, 5);
  const result = Math.imul(m << 7 | m >>> 25, 9) >>> 0;
  const t = s1 << 9;
  s2 ^= s0;
  s3 ^= s1;
  s1 ^= s2;
  s0 ^= s3;
  s2 ^= t;
  s3 = s3 << 11 | s3 >>> 21;
  state[0] = s0;
  state[1] = s1;
  state[2] = s2;
  state[3] = s3;
  return result;
}

// sim/random.ts
var LANE_SEEDS = [608135816, 2242054355, 320440878, 57701188];
var TAG_ROOT = 1;
var TAG_SPLIT = 2;
var TWO_POW_32 = 4294967296;
var TWO_POW_53 = 9007199254740992;
function deriveKey(tag, identity, name) {
  const nameBytes = utf8Bytes(name);
  const bytes = new Uint8Array(1 + identity.length + nameBytes.length);
  bytes[0] = tag;
  bytes.set(identity, 1);
  bytes.set(nameBytes, 1 + identity.length);
  const key = new Int32Array(4);
  for (let lane = 0; lane < 4; lane++) key[lane] = murmur3x86_32(bytes, LANE_SEEDS[lane]);
  if ((key[0] | key[1] | key[2] | key[3]) === 0) key[0] = 1;
  return key;
}
function littleEndianBytes(words2) {
  const bytes = new Uint8Array(words2.length * 4);
  for (let i = 0; i < words2.length; i++) {
    const w = words2[i];
    bytes[4 * i] = w & 255;
    bytes[4 * i + 1] = w >>> 8 & 255;
    bytes[4 * i + 2] = w >>> 16 & 255;
    bytes[4 * i + 3] = w >>> 24 & 255;
  }
  return bytes;
}
var RandomSource = class {
  seed;
  seedBytes;
  streams = /* @__PURE__ */ new Map();
  /** `seed`: any safe integer ≥ 0. */
  constructor(seed) {
    if (!Number.isSafeInteger(seed) || seed < 0) {
      throw new RangeError(`seed must be a safe integer \u2265 0, got ${seed}`);
    }
    this.seed = seed;
    const words2 = new Int32Array(2);
    words2[0] = seed % TWO_POW_32;
    words2[1] = Math.floor(seed / TWO_POW_32);
    this.seedBytes = littleEndianBytes(words2);
  }
  /** The stream called `name`, created on first use; later calls return the same stream. */
  stream(name) {
    let stream = this.streams.get(name);
    if (stream === void 0) {
      stream = new RandomStream(deriveKey(TAG_ROOT, this.seedBytes, name));
      this.streams.set(name, stream);
    }
    return stream;
  }
};
var RandomStream = class _RandomStream {
  state;
  key;
  children;
  /** `key`: four 32-bit words, not all zero (normally from RandomSource). */
  constructor(key) {
    if (key.length !== 4 || (key[0] | key[1] | key[2] | key[3]) === 0) {
      throw new RangeError("a stream key is four 32-bit words, not all zero");
    }
    this.key = Int32Array.from(key);
    this.state = Int32Array.from(key);
  }
  /** Uniform integer in [0, 2^32). */
  nextUint32() {
    return xoshiro128StarStarNext(this.state);
  }
  /** Uniform in [0, 1) with 53 random bits (two draws, as in genrand_res53). */
  nextFloat() {
    const high = xoshiro128StarStarNext(this.state) >>> 5;
    const low = xoshiro128StarStarNext(this.state) >>> 6;
    return (high * 67108864 + low) / TWO_POW_53;
  }
  /** Uniform integer in [0, bound) for 1 ≤ bound ≤ 2^32, unbiased (rejection). */
  nextInt(bound) {
    if (!Number.isInteger(bound) || bound < 1 || bound > TWO_POW_32) {
      throw new RangeError(`bound must be an integer in [1, 2^32], got ${bound}`);
    }
    const limit = TWO_POW_32 - TWO_POW_32 % bound;
    for (; ; ) {
      const x = xoshiro128StarStarNext(this.state);
      if (x < limit) return x % bound;
    }
  }
  /**
   * Child stream named `name`. It depends only on this stream's key and the
   * name, not on how many numbers were drawn; repeated calls return the same child.
   */
  split(name) {
    this.children ??= /* @__PURE__ */ new Map();
    let child = this.children.get(name);
    if (child === void 0) {
      child = new _RandomStream(deriveKey(TAG_SPLIT, littleEndianBytes(this.key), name));
      this.children.set(name, child);
    }
    return child;
  }
};

// sim/event-slots.ts
var SLOT_FREE = 0;
var SLOT_PENDING = 1;
var SLOT_CANCELLED = 2;
var SLOT_BITS = 24;
var SLOT_LIMIT = 2 ** SLOT_BITS;
var GENERATION_LIMIT = 2 ** (53 - SLOT_BITS);
var INITIAL_CAPACITY = 256;
var EventSlots = class {
  numbers = new Float64Array(2 * INITIAL_CAPACITY);
  objects = new Array(2 * INITIAL_CAPACITY).fill(void 0);
  freeStack = new Int32Array(INITIAL_CAPACITY);
  freeCount = 0;
  /** Slots [0, used) have been handed out at least once. */
  used = 0;
  /** Claims a slot, fills it and returns its index. */
  allocate(handler, arg, ref) {
    let slot;
    if (this.freeCount > 0) {
      slot = this.freeStack[--this.freeCount];
    } else {
      if (2 * this.used === this.numbers.length) this.grow();
      slot = this.used++;
    }
    const numbers = this.numbers;
    numbers[2 * slot] = arg;
    numbers[2 * slot + 1] += SLOT_PENDING;
    this.objects[2 * slot] = handler;
    this.objects[2 * slot + 1] = ref;
    return slot;
  }
  /** SLOT_FREE, SLOT_PENDING or SLOT_CANCELLED. */
  stateOf(slot) {
    return this.numbers[2 * slot + 1] & 3;
  }
  handlerOf(slot) {
    return this.objects[2 * slot];
  }
  argOf(slot) {
    return this.numbers[2 * slot];
  }
  refOf(slot) {
    return this.objects[2 * slot + 1];
  }
  idOf(slot) {
    return (this.numbers[2 * slot + 1] >>> 2) * SLOT_LIMIT + slot;
  }
  /** Slot named by a still-valid id in the given state, or -1. */
  slotOf(id, state) {
    if (!Number.isSafeInteger(id) || id < 0) return -1;
    const slot = id % SLOT_LIMIT;
    if (slot >= this.used) return -1;
    const generation = (id - slot) / SLOT_LIMIT;
    return this.numbers[2 * slot + 1] === generation * 4 + state ? slot : -1;
  }
  /** Drops the references held by a pending slot; it stays queued until popped. */
  markCancelled(slot) {
    this.numbers[2 * slot + 1] += SLOT_CANCELLED - SLOT_PENDING;
    this.objects[2 * slot] = void 0;
    this.objects[2 * slot + 1] = void 0;
  }
  release(slot) {
    const generation = (this.numbers[2 * slot + 1] >>> 2) + 1;
    this.objects[2 * slot] = void 0;
    this.objects[2 * slot + 1] = void 0;
    this.numbers[2 * slot + 1] = generation * 4 + SLOT_FREE;
    if (generation === GENERATION_LIMIT) return;
    this.freeStack[this.freeCount++] = slot;
  }
  grow() {
    const capacity = this.used * 2;
    if (capacity > SLOT_LIMIT) {
      throw new RangeError(`more than ${SLOT_LIMIT} simultaneously pending events`);
    }
    const numbers = new Float64Array(2 * capacity);
    numbers.set(this.numbers);
    this.numbers = numbers;
    const freeStack = new Int32Array(capacity);
    freeStack.set(this.freeStack);
    this.freeStack = freeStack;
    for (let i = this.objects.length; i < 2 * capacity; i++) this.objects.push(void 0);
  }
};

// sim/queue/binary-heap.ts
var INITIAL_CAPACITY2 = 64;
var BinaryHeapQueue = class {
  times = new Float64Array(INITIAL_CAPACITY2);
  seqs = new Float64Array(INITIAL_CAPACITY2);
  payloads = new Int32Array(INITIAL_CAPACITY2);
  count = 0;
  nextSeq = 0;
  get size() {
    return this.count;
  }
  push(timeNs, payload) {
    if (this.count === this.times.length) this.grow();
    const seq = this.nextSeq++;
    const times = this.times;
    const seqs = this.seqs;
    const payloads = this.payloads;
    let i = this.count++;
    while (i > 0) {
      const parent = i - 1 >> 1;
      const pt = times[parent];
      if (pt < timeNs || pt === timeNs && seqs[parent] < seq) break;
      times[i] = pt;
      seqs[i] = seqs[parent];
      payloads[i] = payloads[parent];
      i = parent;
    }
    times[i] = timeNs;
    seqs[i] = seq;
    payloads[i] = payload;
  }
  peekTimeNs() {
    return this.count === 0 ? Infinity : this.times[0];
  }
  peekPayload() {
    return this.count === 0 ? -1 : this.payloads[0];
  }
  pop() {
    if (this.count === 0) return -1;
    const times = this.times;
    const seqs = this.seqs;
    const payloads = this.payloads;
    const top = payloads[0];
    const n = --this.count;
    if (n === 0) return top;
    const t = times[n];
    const s = seqs[n];
    const p = payloads[n];
    let i = 0;
    for (; ; ) {
      let child = 2 * i + 1;
      if (child >= n) break;
      let ct = times[child];
      let cs = seqs[child];
      const right = child + 1;
      if (right < n) {
        const rt = times[right];
        const rs = seqs[right];
        if (rt < ct || rt === ct && rs < cs) {
          child = right;
          ct = rt;
          cs = rs;
        }
      }
      if (t < ct || t === ct && s < cs) break;
      times[i] = ct;
      seqs[i] = cs;
      payloads[i] = payloads[child];
      i = child;
    }
    times[i] = t;
    seqs[i] = s;
    payloads[i] = p;
    return top;
  }
  clear() {
    this.count = 0;
  }
  grow() {
    const capacity = this.times.length * 2;
    const times = new Float64Array(capacity);
    const seqs = new Float64Array(capacity);
    const payloads = new Int32Array(capacity);
    times.set(this.times);
    seqs.set(this.seqs);
    payloads.set(this.payloads);
    this.times = times;
    this.seqs = seqs;
    this.payloads = payloads;
  }
};

// sim/queue/sort-entries.ts
var INSERTION_SORT_MAX = 24;
var scratchTime = new Float64Array(0);
var scratchSeq = new Float64Array(0);
var scratchPayload = new Int32Array(0);
function before(t1, s1, t2, s2) {
  return t1 < t2 || t1 === t2 && s1 < s2;
}
function sortEntries(time, seq, payload, n) {
  let ascending = true;
  let descending = true;
  for (let i = 1; i < n && (ascending || descending); i++) {
    if (before(time[i], seq[i], time[i - 1], seq[i - 1])) ascending = false;
    else descending = false;
  }
  if (ascending) return;
  if (descending) {
    for (let i = 0, j = n - 1; i < j; i++, j--) {
      const t = time[i];
      time[i] = time[j];
      time[j] = t;
      const s = seq[i];
      seq[i] = seq[j];
      seq[j] = s;
      const p = payload[i];
      payload[i] = payload[j];
      payload[j] = p;
    }
    return;
  }
  for (let lo = 0; lo < n; lo += INSERTION_SORT_MAX) {
    insertionSort(time, seq, payload, lo, Math.min(lo + INSERTION_SORT_MAX, n));
  }
  if (n <= INSERTION_SORT_MAX) return;
  if (scratchTime.length < n) {
    scratchTime = new Float64Array(n);
    scratchSeq = new Float64Array(n);
    scratchPayload = new Int32Array(n);
  }
  let srcTime = time;
  let srcSeq = seq;
  let srcPayload = payload;
  let dstTime = scratchTime;
  let dstSeq = scratchSeq;
  let dstPayload = scratchPayload;
  for (let width = INSERTION_SORT_MAX; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) {
        if (before(srcTime[j], srcSeq[j], srcTime[i], srcSeq[i])) {
          dstTime[k] = srcTime[j];
          dstSeq[k] = srcSeq[j];
          dstPayload[k++] = srcPayload[j++];
        } else {
          dstTime[k] = srcTime[i];
          dstSeq[k] = srcSeq[i];
          dstPayload[k++] = srcPayload[i++];
        }
      }
      while (i < mid) {
        dstTime[k] = srcTime[i];
        dstSeq[k] = srcSeq[i];
        dstPayload[k++] = srcPayload[i++];
      }
      while (j < hi) {
        dstTime[k] = srcTime[j];
        dstSeq[k] = srcSeq[j];
        dstPayload[k++] = srcPayload[j++];
      }
    }
    const t = srcTime;
    srcTime = dstTime;
    dstTime = t;
    const s = srcSeq;
    srcSeq = dstSeq;
    dstSeq = s;
    const p = srcPayload;
    srcPayload = dstPayload;
    dstPayload = p;
  }
  if (srcTime !== time) {
    time.set(srcTime.subarray(0, n));
    seq.set(srcSeq.subarray(0, n));
    payload.set(srcPayload.subarray(0, n));
  }
}
function insertionSort(time, seq, payload, lo, hi) {
  for (let i = lo + 1; i < hi; i++) {
    const t = time[i];
    const s = seq[i];
    const p = payload[i];
    let j = i - 1;
    while (j >= lo && before(t, s, time[j], seq[j])) {
      time[j + 1] = time[j];
      seq[j + 1] = seq[j];
      payload[j + 1] = payload[j];
      j--;
    }
    time[j + 1] = t;
    seq[j + 1] = s;
    payload[j + 1] = p;
  }
}

// sim/queue/ladder-queue.ts
var SPAWN_THRESHOLD = 16;
var ENTRIES_PER_BUCKET = 4;
var MAX_RUNGS = 24;
var BOTTOM_LIMIT = 512;
var INITIAL_NODES = 1024;
var NIL = -1;
var LadderQueue = class {
  count = 0;
  nextSeq = 0;
  /**
   * Node pool for top and rung entries, as two interleaved arrays so a node
   * touches two cache lines, not four: keys[2n] = time, keys[2n+1] = seq;
   * links[2n] = payload, links[2n+1] = next node (lists end with NIL).
   */
  keys = new Float64Array(2 * INITIAL_NODES);
  links = new Int32Array(2 * INITIAL_NODES);
  nodesUsed = 0;
  freeNode = NIL;
  topHead = NIL;
  topCount = 0;
  topMinNs = Infinity;
  topMaxNs = -Infinity;
  /** Entries at or after this time go to top. */
  topStartNs = -Infinity;
  rungCount = 0;
  rungHeads = [];
  rungStartNs = new Float64Array(MAX_RUNGS);
  rungWidthNs = new Float64Array(MAX_RUNGS);
  rungBuckets = new Int32Array(MAX_RUNGS);
  /** Index of the first bucket not yet handed down. */
  rungCurrent = new Int32Array(MAX_RUNGS);
  /** Start time of that bucket: later entries of this rung's range land at or after it. */
  rungCurrentNs = new Float64Array(MAX_RUNGS);
  rungEntries = new Float64Array(MAX_RUNGS);
  // Bottom: entries [bottomHead, bottomEnd) sorted by (time, seq).
  bottomTime = new Float64Array(256);
  bottomSeq = new Float64Array(256);
  bottomPayload = new Int32Array(256);
  bottomHead = 0;
  bottomEnd = 0;
  constructor() {
    for (let r = 0; r < MAX_RUNGS; r++) this.rungHeads.push(new Int32Array(0));
  }
  get size() {
    return this.count;
  }
  push(timeNs, payload) {
    this.count++;
    this.place(timeNs, this.nextSeq++, payload);
  }
  /** Routes an entry to top, a rung or bottom. */
  place(timeNs, seq, payload) {
    if (timeNs >= this.topStartNs) {
      const node = this.allocateNode(timeNs, seq, payload);
      this.links[2 * node + 1] = this.topHead;
      this.topHead = node;
      this.topCount++;
      if (timeNs < this.topMinNs) this.topMinNs = timeNs;
      if (timeNs > this.topMaxNs) this.topMaxNs = timeNs;
      return;
    }
    const rungs = this.rungCount;
    for (let r = 0; r < rungs; r++) {
      if (timeNs >= this.rungCurrentNs[r]) {
        this.insertIntoRung(r, timeNs, seq, payload);
        return;
      }
    }
    this.insertIntoBottom(timeNs, seq, payload);
  }
  peekTimeNs() {
    if (this.bottomHead === this.bottomEnd && !this.refillBottom()) return Infinity;
    return this.bottomTime[this.bottomHead];
  }
  peekPayload() {
    if (this.bottomHead === this.bottomEnd && !this.refillBottom()) return -1;
    return this.bottomPayload[this.bottomHead];
  }
  pop() {
    if (this.bottomHead === this.bottomEnd && !this.refillBottom()) return -1;
    const payload = this.bottomPayload[this.bottomHead++];
    if (this.bottomHead === this.bottomEnd) {
      this.bottomHead = 0;
      this.bottomEnd = 0;
    }
    this.count--;
    return payload;
  }
  clear() {
    this.count = 0;
    this.nodesUsed = 0;
    this.freeNode = NIL;
    this.topHead = NIL;
    this.topCount = 0;
    this.topMinNs = Infinity;
    this.topMaxNs = -Infinity;
    this.topStartNs = -Infinity;
    this.rungCount = 0;
    this.bottomHead = 0;
    this.bottomEnd = 0;
  }
  allocateNode(timeNs, seq, payload) {
    let node = this.freeNode;
    if (node !== NIL) {
      this.freeNode = this.links[2 * node + 1];
    } else {
      if (2 * this.nodesUsed === this.keys.length) this.growNodes();
      node = this.nodesUsed++;
    }
    this.keys[2 * node] = timeNs;
    this.keys[2 * node + 1] = seq;
    this.links[2 * node] = payload;
    return node;
  }
  insertIntoRung(r, timeNs, seq, payload) {
    let b = Math.floor((timeNs - this.rungStartNs[r]) / this.rungWidthNs[r]);
    const last = this.rungBuckets[r] - 1;
    if (b > last) b = last;
    const node = this.allocateNode(timeNs, seq, payload);
    const heads = this.rungHeads[r];
    this.links[2 * node + 1] = heads[b];
    heads[b] = node;
    this.rungEntries[r]++;
  }
  /**
   * Opens rung `r` over [minNs, maxNs] for `entries` entries; its last bucket
   * also takes anything later, up to the bound set by the rung above.
   */
  openRung(r, minNs, maxNs, entries) {
    const span = maxNs - minNs + 1;
    let buckets = Math.ceil(entries / ENTRIES_PER_BUCKET);
    if (buckets > span) buckets = span;
    const widthNs = Math.ceil(span / buckets);
    buckets = Math.ceil(span / widthNs);
    let heads = this.rungHeads[r];
    if (heads.length < buckets) {
      let capacity = Math.max(64, heads.length);
      while (capacity < buckets) capacity *= 2;
      heads = new Int32Array(capacity);
      this.rungHeads[r] = heads;
    }
    heads.fill(NIL, 0, buckets);
    this.rungStartNs[r] = minNs;
    this.rungWidthNs[r] = widthNs;
    this.rungBuckets[r] = buckets;
    this.rungCurrent[r] = 0;
    this.rungCurrentNs[r] = minNs;
    this.rungEntries[r] = entries;
    this.rungCount = r + 1;
  }
  /** Distributes a linked list of nodes over the buckets of rung `r`. */
  spreadList(r, head) {
    const heads = this.rungHeads[r];
    const startNs = this.rungStartNs[r];
    const widthNs = this.rungWidthNs[r];
    const last = this.rungBuckets[r] - 1;
    const keys = this.keys;
    const links = this.links;
    let node = head;
    while (node !== NIL) {
      const next = links[2 * node + 1];
      let b = Math.floor((keys[2 * node] - startNs) / widthNs);
      if (b > last) b = last;
      links[2 * node + 1] = heads[b];
      heads[b] = node;
      node = next;
    }
  }
  /** Fills the empty bottom from the ladder (and top); false when the queue is empty. */
  refillBottom() {
    for (; ; ) {
      if (this.rungCount === 0) {
        if (this.topCount === 0) return false;
        const head2 = this.topHead;
        this.openRung(0, this.topMinNs, this.topMaxNs, this.topCount);
        this.spreadList(0, head2);
        this.topStartNs = this.rungStartNs[0] + this.rungBuckets[0] * this.rungWidthNs[0];
        this.topHead = NIL;
        this.topCount = 0;
        this.topMinNs = Infinity;
        this.topMaxNs = -Infinity;
      }
      const r = this.rungCount - 1;
      if (this.rungEntries[r] === 0) {
        this.dropLowestRung();
        continue;
      }
      const heads = this.rungHeads[r];
      let b = this.rungCurrent[r];
      while (heads[b] === NIL) b++;
      const head = heads[b];
      heads[b] = NIL;
      const keys = this.keys;
      const links = this.links;
      let bottomTime = this.bottomTime;
      let entries = 0;
      let minNs = Infinity;
      let maxNs = -Infinity;
      let tail = head;
      for (let node = head; node !== NIL; node = links[2 * node + 1]) {
        const t = keys[2 * node];
        if (t < minNs) minNs = t;
        if (t > maxNs) maxNs = t;
        if (entries === bottomTime.length) {
          this.growBottom(entries + 1, entries);
          bottomTime = this.bottomTime;
        }
        bottomTime[entries] = t;
        this.bottomSeq[entries] = keys[2 * node + 1];
        this.bottomPayload[entries] = links[2 * node];
        entries++;
        tail = node;
      }
      this.rungEntries[r] -= entries;
      this.rungCurrent[r] = b + 1;
      this.rungCurrentNs[r] = this.rungStartNs[r] + (b + 1) * this.rungWidthNs[r];
      const exhausted = b + 1 === this.rungBuckets[r];
      if (exhausted) this.rungCount = r;
      if (entries > SPAWN_THRESHOLD && maxNs > minNs && this.rungCount < MAX_RUNGS) {
        const child = this.rungCount;
        this.openRung(child, minNs, maxNs, entries);
        this.spreadList(child, head);
        continue;
      }
      links[2 * tail + 1] = this.freeNode;
      this.freeNode = head;
      this.bottomHead = 0;
      this.bottomEnd = entries;
      sortEntries(this.bottomTime, this.bottomSeq, this.bottomPayload, entries);
      if (this.rungCount === 0) {
        this.topStartNs = maxNs;
      }
      return true;
    }
  }
  /** Called with bottom empty: once the ladder is empty too, everything new goes to top. */
  dropLowestRung() {
    this.rungCount--;
    if (this.rungCount === 0) this.topStartNs = -Infinity;
  }
  insertIntoBottom(timeNs, seq, payload) {
    const size = this.bottomEnd - this.bottomHead;
    if (size >= BOTTOM_LIMIT && this.rungCount < MAX_RUNGS && this.bottomTime[this.bottomHead] < this.bottomTime[this.bottomEnd - 1]) {
      this.bottomToRung();
      this.place(timeNs, seq, payload);
      return;
    }
    const bottomTime = this.bottomTime;
    let lo = this.bottomHead;
    let hi = this.bottomEnd;
    if (hi > lo && bottomTime[hi - 1] <= timeNs) {
      lo = hi;
    } else {
      while (lo < hi) {
        const mid = lo + hi >>> 1;
        if (bottomTime[mid] <= timeNs) lo = mid + 1;
        else hi = mid;
      }
    }
    let at = lo;
    if (this.bottomHead > 0 && at - this.bottomHead < this.bottomEnd - at) {
      const head = this.bottomHead;
      this.bottomTime.copyWithin(head - 1, head, at);
      this.bottomSeq.copyWithin(head - 1, head, at);
      this.bottomPayload.copyWithin(head - 1, head, at);
      this.bottomHead = head - 1;
      at--;
    } else {
      if (this.bottomEnd === this.bottomTime.length) {
        if (this.bottomHead > 0) {
          at -= this.bottomHead;
          this.compactBottom();
        } else {
          this.growBottom(this.bottomEnd + 1, this.bottomEnd);
        }
      }
      const end = this.bottomEnd;
      if (at < end) {
        this.bottomTime.copyWithin(at + 1, at, end);
        this.bottomSeq.copyWithin(at + 1, at, end);
        this.bottomPayload.copyWithin(at + 1, at, end);
      }
      this.bottomEnd = end + 1;
    }
    this.bottomTime[at] = timeNs;
    this.bottomSeq[at] = seq;
    this.bottomPayload[at] = payload;
  }
  /** Turns an overgrown bottom into the lowest rung. */
  bottomToRung() {
    const headIndex = this.bottomHead;
    const endIndex = this.bottomEnd;
    let list = NIL;
    for (let i = endIndex - 1; i >= headIndex; i--) {
      const node = this.allocateNode(this.bottomTime[i], this.bottomSeq[i], this.bottomPayload[i]);
      this.links[2 * node + 1] = list;
      list = node;
    }
    const r = this.rungCount;
    this.openRung(r, this.bottomTime[headIndex], this.bottomTime[endIndex - 1], endIndex - headIndex);
    this.spreadList(r, list);
    this.bottomHead = 0;
    this.bottomEnd = 0;
  }
  compactBottom() {
    const head = this.bottomHead;
    const end = this.bottomEnd;
    this.bottomTime.copyWithin(0, head, end);
    this.bottomSeq.copyWithin(0, head, end);
    this.bottomPayload.copyWithin(0, head, end);
    this.bottomHead = 0;
    this.bottomEnd = end - head;
  }
  /** Grows bottom's arrays, keeping entries [0, keep). */
  growBottom(minCapacity, keep) {
    let capacity = this.bottomTime.length * 2;
    while (capacity < minCapacity) capacity *= 2;
    const time = new Float64Array(capacity);
    const seq = new Float64Array(capacity);
    const payload = new Int32Array(capacity);
    time.set(this.bottomTime.subarray(0, keep));
    seq.set(this.bottomSeq.subarray(0, keep));
    payload.set(this.bottomPayload.subarray(0, keep));
    this.bottomTime = time;
    this.bottomSeq = seq;
    this.bottomPayload = payload;
  }
  growNodes() {
    const keys = new Float64Array(this.keys.length * 2);
    const links = new Int32Array(this.links.length * 2);
    keys.set(this.keys);
    links.set(this.links);
    this.keys = keys;
    this.links = links;
  }
};

// sim/queue/create-queue.ts
function createEventQueue(kind) {
  switch (kind) {
    case "heap":
      return new BinaryHeapQueue();
    case "ladder":
      return new LadderQueue();
  }
}

// sim/simulator.ts
var COMPACT_MIN_CANCELLED = 4096;
var Simulator = class {
  queue;
  slots = new EventSlots();
  currentNs = 0;
  processed = 0;
  cancelledInQueue = 0;
  running = false;
  stopRequested = false;
  constructor(options = {}) {
    this.queue = createEventQueue(options.queue ?? "ladder");
  }
  get nowNs() {
    return this.currentNs;
  }
  /** Events scheduled and neither run nor cancelled yet. */
  get pendingEvents() {
    return this.queue.size - this.cancelledInQueue;
  }
  /** Events whose handler has been invoked. */
  get processedEvents() {
    return this.processed;
  }
  /** Time of the next event to run, or Infinity when none is pending. */
  get nextEventTimeNs() {
    this.skipCancelledHead();
    return this.queue.peekTimeNs();
  }
  scheduleAt(timeNs, handler, arg = 0, ref = void 0) {
    if (!(timeNs >= this.currentNs) || !Number.isSafeInteger(timeNs)) {
      throw new RangeError(`cannot schedule at ${timeNs} ns: must be an integer \u2265 now (${this.currentNs} ns)`);
    }
    const slot = this.slots.allocate(handler, arg, ref);
    this.queue.push(timeNs, slot);
    return this.slots.idOf(slot);
  }
  scheduleIn(delayNs, handler, arg = 0, ref = void 0) {
    if (!(delayNs >= 0) || !Number.isSafeInteger(delayNs)) {
      throw new RangeError(`cannot schedule after ${delayNs} ns: delay must be a non-negative integer`);
    }
    return this.scheduleAt(this.currentNs + delayNs, handler, arg, ref);
  }
  /** Returns true if the event was pending; it will then never run. */
  cancel(id) {
    const slot = this.slots.slotOf(id, SLOT_PENDING);
    if (slot < 0) return false;
    this.slots.markCancelled(slot);
    this.cancelledInQueue++;
    if (this.cancelledInQueue >= COMPACT_MIN_CANCELLED && this.cancelledInQueue * 2 > this.queue.size) {
      this.compact();
    }
    return true;
  }
  /** True while the event is scheduled and has neither run nor been cancelled. */
  isPending(id) {
    return this.slots.slotOf(id, SLOT_PENDING) >= 0;
  }
  /**
   * Runs every event with time ≤ endNs, then sets now = endNs.
   * After `stop()`, returns right after the stopping event with now at its time.
   */
  runUntil(endNs) {
    if (!(endNs >= this.currentNs) || !Number.isSafeInteger(endNs)) {
      throw new RangeError(`cannot run until ${endNs} ns: must be an integer \u2265 now (${this.currentNs} ns)`);
    }
    if (this.loop(endNs)) this.currentNs = endNs;
  }
  /** Runs until no event is pending (or `stop()`); now stays at the last event's time. */
  run() {
    this.loop(Number.MAX_SAFE_INTEGER);
  }
  /** From a handler: the current run/runUntil returns after this event. */
  stop() {
    this.stopRequested = true;
  }
  /** Returns false when stopped early. */
  loop(endNs) {
    if (this.running) throw new Error("run/runUntil called from inside a handler");
    this.running = true;
    this.stopRequested = false;
    const queue = this.queue;
    const slots = this.slots;
    try {
      for (; ; ) {
        const timeNs = queue.peekTimeNs();
        if (timeNs > endNs) return true;
        const slot = queue.pop();
        if (slots.stateOf(slot) === SLOT_CANCELLED) {
          slots.release(slot);
          this.cancelledInQueue--;
          continue;
        }
        const handler = slots.handlerOf(slot);
        const arg = slots.argOf(slot);
        const ref = slots.refOf(slot);
        slots.release(slot);
        this.currentNs = timeNs;
        this.processed++;
        handler.handleEvent(arg, ref);
        if (this.stopRequested) return false;
      }
    } finally {
      this.running = false;
    }
  }
  skipCancelledHead() {
    const queue = this.queue;
    const slots = this.slots;
    while (this.cancelledInQueue > 0 && queue.size > 0) {
      const slot = queue.peekPayload();
      if (slots.stateOf(slot) !== SLOT_CANCELLED) return;
      queue.pop();
      slots.release(slot);
      this.cancelledInQueue--;
    }
  }
  /** Rebuilds the queue without its cancelled entries; keeps (time, order). */
  compact() {
    const queue = this.queue;
    const slots = this.slots;
    const n = queue.size;
    const times = new Float64Array(n);
    const kept = new Int32Array(n);
    let count = 0;
    while (queue.size > 0) {
      const timeNs = queue.peekTimeNs();
      const slot = queue.pop();
      if (slots.stateOf(slot) === SLOT_CANCELLED) {
        slots.release(slot);
        continue;
      }
      times[count] = timeNs;
      kept[count++] = slot;
    }
    this.cancelledInQueue = 0;
    queue.clear();
    for (let i = 0; i < count; i++) queue.push(times[i], kept[i]);
  }
};

// src/media/headers.ts
var RTP_HEADER_BYTES = 12;
var UDP_HEADER_BYTES = 8;
var IPV4_HEADER_BYTES = 20;
var rtpPacketBytes = (payloadBytes2) => payloadBytes2 + RTP_HEADER_BYTES + UDP_HEADER_BYTES + IPV4_HEADER_BYTES;

// src/media/voice-packet.ts
var VoicePacket = class _VoicePacket {
  constructor(flow, destination, seq, rtpTimestamp, marker, sentNs, sizeBytes, dscp) {
    this.flow = flow;
    this.destination = destination;
    this.seq = seq;
    this.rtpTimestamp = rtpTimestamp;
    this.marker = marker;
    this.sentNs = sentNs;
    this.sizeBytes = sizeBytes;
    this.dscp = dscp;
  }
  flow;
  destination;
  seq;
  rtpTimestamp;
  marker;
  sentNs;
  sizeBytes;
  dscp;
  queuedAtNs = 0;
  arrivalNs = 0;
  /** RTP has no sender-side reaction to drops. */
  owner = void 0;
  /** A copy made by a duplicating channel: it travels and arrives on its own. */
  duplicate() {
    return new _VoicePacket(this.flow, this.destination, this.seq, this.rtpTimestamp, this.marker, this.sentNs, this.sizeBytes, this.dscp);
  }
};

// src/media/rtp-sender.ts
var RtpSender = class {
  constructor(sim, config, network) {
    this.sim = sim;
    this.config = config;
    this.network = network;
  }
  sim;
  config;
  network;
  packetsSent = 0;
  start(atNs) {
    if (this.config.packetCount > 0) this.sim.scheduleAt(atNs, this);
  }
  handleEvent() {
    const c = this.config;
    const n = this.packetsSent++;
    const seq = c.initialSeq + n & 65535;
    const timestamp = c.initialTimestamp + n * c.samplesPerPacket >>> 0;
    const packet = new VoicePacket(c.flow, c.destination, seq, timestamp, n === 0, this.sim.nowNs, c.packetBytes, c.dscp);
    this.network.receive(packet);
    if (this.packetsSent < c.packetCount) this.sim.scheduleIn(c.ptimeNs, this);
  }
};

// sim/math/portable-math.ts
var float = new Float64Array(1);
var words = new Int32Array(float.buffer);
var HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
var LO = 1 - HI;
function highWord(x) {
  float[0] = x;
  return words[HI];
}
function lowWord(x) {
  float[0] = x;
  return words[LO];
}
function withHighWord(x, high) {
  float[0] = x;
  words[HI] = high;
  return float[0];
}
var LN2_HI = 0.6931471803691238;
var LN2_LO = 19082149292705877e-26;
var TWO_POW_54 = 18014398509481984;
var LG1 = 0.6666666666666735;
var LG2 = 0.3999999999940942;
var LG3 = 0.2857142874366239;
var LG4 = 0.22222198432149784;
var LG5 = 0.1818357216161805;
var LG6 = 0.15313837699209373;
var LG7 = 0.14798198605116586;
function log(x) {
  let hx = highWord(x);
  const lx = lowWord(x);
  let k = 0;
  if (hx < 1048576) {
    if ((hx & 2147483647 | lx) === 0) return -Infinity;
    if (hx < 0) return NaN;
    k -= 54;
    x *= TWO_POW_54;
    hx = highWord(x);
  }
  if (hx >= 2146435072) return x + x;
  k += (hx >> 20) - 1023;
  hx &= 1048575;
  let i = hx + 614244 & 1048576;
  x = withHighWord(x, hx | i ^ 1072693248);
  k += i >> 20;
  const f = x - 1;
  if ((1048575 & 2 + hx) < 3) {
    if (f === 0) return k === 0 ? 0 : k * LN2_HI + k * LN2_LO;
    const r2 = f * f * (0.5 - 0.3333333333333333 * f);
    return k === 0 ? f - r2 : k * LN2_HI - (r2 - k * LN2_LO - f);
  }
  const s = f / (2 + f);
  const dk = k;
  const z = s * s;
  i = hx - 398458;
  const w = z * z;
  const j = 440401 - hx;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  i |= j;
  const r = t2 + t1;
  if (i > 0) {
    const hfsq = 0.5 * f * f;
    return k === 0 ? f - (hfsq - s * (hfsq + r)) : dk * LN2_HI - (hfsq - (s * (hfsq + r) + dk * LN2_LO) - f);
  }
  return k === 0 ? f - s * (f - r) : dk * LN2_HI - (s * (f - r) - dk * LN2_LO - f);
}
var E = 2.718281828459045;
var O_THRESHOLD = 709.782712893384;
var U_THRESHOLD = -745.1332191019411;
var INV_LN2 = 1.4426950408889634;
var TWO_POW_M1000 = 9332636185032189e-317;
var P1 = 0.16666666666666602;
var P2 = -0.0027777777777015593;
var P3 = 6613756321437934e-20;
var P4 = -16533902205465252e-22;
var P5 = 41381367970572385e-24;
function exp(x) {
  let hx = highWord(x);
  const negative = hx < 0;
  hx &= 2147483647;
  if (hx >= 1082535490) {
    if (hx >= 2146435072) {
      if ((hx & 1048575 | lowWord(x)) !== 0) return x + x;
      return negative ? 0 : x;
    }
    if (x > O_THRESHOLD) return Infinity;
    if (x < U_THRESHOLD) return 0;
  }
  let hi = 0;
  let lo = 0;
  let k = 0;
  if (hx > 1071001154) {
    if (hx < 1072734898) {
      if (x === 1) return E;
      hi = negative ? x + LN2_HI : x - LN2_HI;
      lo = negative ? -LN2_LO : LN2_LO;
      k = negative ? -1 : 1;
    } else {
      k = Math.trunc(INV_LN2 * x + (negative ? -0.5 : 0.5));
      hi = x - k * LN2_HI;
      lo = k * LN2_LO;
    }
    x = hi - lo;
  } else if (hx < 1043333120) {
    return 1 + x;
  }
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - (x * c / (c - 2) - x);
  const y = 1 - (lo - x * c / (2 - c) - hi);
  if (k >= -1021) {
    if (k === 1024) return y * 2 * 898846567431158e293;
    return y * withHighWord(0, 1023 + k << 20);
  }
  return y * withHighWord(0, 1023 + k + 1e3 << 20) * TWO_POW_M1000;
}

// sim/stats/log-histogram.ts
var LogHistogram = class {
  relativeAccuracy;
  minValue;
  maxValue;
  gamma;
  logGamma;
  minIndex;
  /** counts[0]: below minValue; counts[k]: bucket minIndex + k - 1; last: above maxValue. */
  counts;
  /** upperBounds[k]: the largest value of bucket k, γ^(minIndex + k - 1), from the portable exp. */
  upperBounds;
  n = 0;
  lowest = NaN;
  highest = NaN;
  total = 0;
  constructor(options = {}) {
    const alpha = options.relativeAccuracy ?? 0.01;
    const minValue = options.minValue ?? 1e-9;
    const maxValue = options.maxValue ?? 1e15;
    if (!(alpha > 0 && alpha < 1)) throw new RangeError(`relativeAccuracy must be in (0, 1), got ${alpha}`);
    if (!(minValue > 0) || !(maxValue >= minValue) || !Number.isFinite(maxValue)) {
      throw new RangeError(`need 0 < minValue \u2264 maxValue < \u221E, got ${minValue}, ${maxValue}`);
    }
    this.relativeAccuracy = alpha;
    this.minValue = minValue;
    this.maxValue = maxValue;
    this.gamma = (1 + alpha) / (1 - alpha);
    this.logGamma = log(this.gamma);
    this.minIndex = Math.ceil(log(minValue) / this.logGamma);
    const maxIndex = Math.ceil(log(maxValue) / this.logGamma);
    this.counts = new Float64Array(maxIndex - this.minIndex + 3);
    this.upperBounds = upperBoundsFor(this.minIndex, this.counts.length, this.logGamma);
  }
  /** Adds a non-negative observation. */
  add(x) {
    if (!(x >= 0)) throw new RangeError(`LogHistogram takes non-negative values, got ${x}`);
    const counts = this.counts;
    let k;
    if (x < this.minValue) k = 0;
    else if (x > this.maxValue) k = counts.length - 1;
    else {
      k = Math.ceil(Math.log(x) / this.logGamma) - this.minIndex + 1;
      const top = counts.length - 2;
      if (k < 1) k = 1;
      else if (k > top) k = top;
      const upper = this.upperBounds;
      while (k > 1 && x <= upper[k - 1]) k--;
      while (k < top && x > upper[k]) k++;
    }
    counts[k]++;
    if (this.n++ === 0) {
      this.lowest = x;
      this.highest = x;
    } else {
      if (x < this.lowest) this.lowest = x;
      if (x > this.highest) this.highest = x;
    }
    this.total += x;
  }
  get count() {
    return this.n;
  }
  /** Exact; NaN when empty. */
  get min() {
    return this.lowest;
  }
  /** Exact; NaN when empty. */
  get max() {
    return this.highest;
  }
  get sum() {
    return this.total;
  }
  /** NaN when empty. */
  get mean() {
    return this.n === 0 ? NaN : this.total / this.n;
  }
  /** Estimate of the element of rank floor(q·(n-1)); NaN when empty. */
  quantile(q) {
    if (!(q >= 0 && q <= 1)) throw new RangeError(`q must be in [0, 1], got ${q}`);
    if (this.n === 0) return NaN;
    const rank = Math.floor(q * (this.n - 1));
    const counts = this.counts;
    const last = counts.length - 1;
    let seen = 0;
    let k = 0;
    for (; k < last; k++) {
      seen += counts[k];
      if (seen > rank) break;
    }
    let estimate;
    if (k === 0) estimate = this.lowest;
    else if (k === last) estimate = this.highest;
    else estimate = 2 * exp((this.minIndex + k - 1) * this.logGamma) / (this.gamma + 1);
    return Math.min(Math.max(estimate, this.lowest), this.highest);
  }
  /** Adds every observation of `other`; both must have the same options. */
  merge(other) {
    if (other.relativeAccuracy !== this.relativeAccuracy || other.minValue !== this.minValue || other.maxValue !== this.maxValue) {
      throw new RangeError("cannot merge LogHistograms with different options");
    }
    if (other.n === 0) return;
    const counts = this.counts;
    for (let k = 0; k < counts.length; k++) counts[k] += other.counts[k];
    if (this.n === 0 || other.lowest < this.lowest) this.lowest = other.lowest;
    if (this.n === 0 || other.highest > this.highest) this.highest = other.highest;
    this.n += other.n;
    this.total += other.total;
  }
};
var boundsCache = /* @__PURE__ */ new Map();
function upperBoundsFor(minIndex, length, logGamma) {
  const key = `${minIndex}/${length}/${logGamma}`;
  let bounds = boundsCache.get(key);
  if (bounds === void 0) {
    bounds = new Float64Array(length);
    for (let k = 1; k < length - 1; k++) bounds[k] = exp((minIndex + k - 1) * logGamma);
    boundsCache.set(key, bounds);
  }
  return bounds;
}

// sim/stats/running-stats.ts
var RunningStats = class {
  n = 0;
  runningMean = 0;
  /** Sum of squared deviations from the running mean. */
  m2 = 0;
  total = 0;
  lowest = NaN;
  highest = NaN;
  add(x) {
    const n = ++this.n;
    const delta = x - this.runningMean;
    this.runningMean += delta / n;
    this.m2 += delta * (x - this.runningMean);
    this.total += x;
    if (n === 1) {
      this.lowest = x;
      this.highest = x;
    } else {
      if (x < this.lowest) this.lowest = x;
      if (x > this.highest) this.highest = x;
    }
  }
  /** Adds every observation of `other` as if each had been added here. */
  merge(other) {
    if (other.n === 0) return;
    if (this.n === 0) {
      this.n = other.n;
      this.runningMean = other.runningMean;
      this.m2 = other.m2;
      this.total = other.total;
      this.lowest = other.lowest;
      this.highest = other.highest;
      return;
    }
    const n = this.n + other.n;
    const delta = other.runningMean - this.runningMean;
    this.runningMean += delta * other.n / n;
    this.m2 += other.m2 + delta * delta * this.n * other.n / n;
    this.n = n;
    this.total += other.total;
    if (other.lowest < this.lowest) this.lowest = other.lowest;
    if (other.highest > this.highest) this.highest = other.highest;
  }
  get count() {
    return this.n;
  }
  /** NaN when empty. */
  get mean() {
    return this.n === 0 ? NaN : this.runningMean;
  }
  /** Sample variance (divisor n - 1); 0 when fewer than two observations. */
  get variance() {
    return this.n < 2 ? 0 : this.m2 / (this.n - 1);
  }
  /** Population variance (divisor n); 0 when empty. */
  get populationVariance() {
    return this.n === 0 ? 0 : this.m2 / this.n;
  }
  get stddev() {
    return Math.sqrt(this.variance);
  }
  get sum() {
    return this.total;
  }
  /** NaN when empty. */
  get min() {
    return this.lowest;
  }
  /** NaN when empty. */
  get max() {
    return this.highest;
  }
};

// sim/stats/time-series.ts
var MAX_BUCKETS = 1 << 24;

// src/network/delay-histogram.ts
var newDelayHistogramNs = () => new LogHistogram({ minValue: 1e3, maxValue: 1e12 });

// src/quality/loss-burstiness.ts
var LossBurstiness = class {
  total = 0;
  lost = 0;
  previousLost = false;
  fromReceived = 0;
  receivedToLost = 0;
  fromLost = 0;
  lostToReceived = 0;
  /** Records the next packet in sequence order: lost or received. */
  record(lost) {
    if (this.total > 0) {
      if (this.previousLost) {
        this.fromLost++;
        if (!lost) this.lostToReceived++;
      } else {
        this.fromReceived++;
        if (lost) this.receivedToLost++;
      }
    }
    this.previousLost = lost;
    this.total++;
    if (lost) this.lost++;
  }
  /** Records `count` consecutive packets with the same outcome; same result as `count` record() calls. */
  recordRun(lost, count) {
    if (!(count >= 1)) return;
    this.record(lost);
    const rest = Math.floor(count) - 1;
    if (rest <= 0) return;
    if (lost) {
      this.fromLost += rest;
      this.lost += rest;
    } else {
      this.fromReceived += rest;
    }
    this.total += rest;
  }
  /** G.107 BurstR = 1 / (p + r) from the observed transitions; 1 without loss. */
  get burstR() {
    if (this.lost === 0) return 1;
    const p = this.fromReceived > 0 ? this.receivedToLost / this.fromReceived : 0;
    const r = this.fromLost > 0 ? this.lostToReceived / this.fromLost : 0;
    const sum = p + r;
    return sum > 0 ? 1 / sum : 1;
  }
  /** Fraction of recorded packets that were lost, 0..1 (0 before any packet). */
  get lossRate() {
    return this.total > 0 ? this.lost / this.total : 0;
  }
  /** Loss in percent, the unit of the E-model's Ppl. */
  get lossPercent() {
    return this.lossRate * 100;
  }
  /** Packets recorded so far. */
  get packetsRecorded() {
    return this.total;
  }
  /** Forgets everything recorded. */
  reset() {
    this.total = 0;
    this.lost = 0;
    this.previousLost = false;
    this.fromReceived = 0;
    this.receivedToLost = 0;
    this.fromLost = 0;
    this.lostToReceived = 0;
  }
};

// src/quality/rtp-receiver-stats.ts
var RTP_SEQ_MOD = 65536;
var MAX_DROPOUT = 3e3;
var MAX_MISORDER = 100;
var NS_PER_S2 = 1e9;
var RtpReceiverStats = class {
  clockRateHz;
  started = false;
  baseSeq = 0;
  maxSeq = 0;
  cycles = 0;
  badSeq = RTP_SEQ_MOD + 1;
  received = 0;
  hasTransitReference = false;
  lastArrivalNs = 0;
  lastRtpTimestamp = 0;
  jitter = 0;
  constructor(clockRateHz) {
    if (!(Number.isFinite(clockRateHz) && clockRateHz > 0)) {
      throw new RangeError(`clockRateHz must be a positive finite number, got ${clockRateHz}`);
    }
    this.clockRateHz = clockRateHz;
  }
  /**
   * Feeds one received packet, in arrival order.
   * @param seq 16-bit RTP sequence number (masked to 16 bits)
   * @param rtpTimestamp 32-bit unsigned RTP timestamp (taken modulo 2^32)
   * @param arrivalNs arrival time at the receiver, nanoseconds on the simulation clock
   */
  onPacket(seq, rtpTimestamp, arrivalNs) {
    const seq16 = seq & 65535;
    const ts32 = rtpTimestamp >>> 0;
    if (!this.started) {
      this.started = true;
      this.initSeq(seq16);
      this.received = 1;
      this.setTransitReference(arrivalNs, ts32);
      return;
    }
    const udelta = seq16 - this.maxSeq & 65535;
    let resynced = false;
    if (udelta < MAX_DROPOUT) {
      if (seq16 < this.maxSeq) this.cycles += RTP_SEQ_MOD;
      this.maxSeq = seq16;
    } else if (udelta <= RTP_SEQ_MOD - MAX_MISORDER) {
      if (seq16 === this.badSeq) {
        this.initSeq(seq16);
        resynced = true;
      } else {
        this.badSeq = seq16 + 1 & 65535;
        return;
      }
    }
    this.received++;
    if (this.hasTransitReference && !resynced) this.updateJitter(arrivalNs, ts32);
    this.setTransitReference(arrivalNs, ts32);
  }
  /** Packets counted as received, duplicates included (RFC 3550 A.3). */
  get packetsReceived() {
    return this.received;
  }
  /** Extended highest sequence number received: cycles * 65536 + max_seq (RFC 3550 A.1). 0 before any packet. */
  get extendedHighestSeq() {
    return this.cycles + this.maxSeq;
  }
  /** RFC 3550 A.3: expected = extended max - base_seq + 1 (0 before any packet). */
  get packetsExpected() {
    return this.started ? this.cycles + this.maxSeq - this.baseSeq + 1 : 0;
  }
  /** RFC 3550 A.3 / §6.4.1: expected - received; negative when duplicates outnumber losses. */
  get packetsLost() {
    return this.packetsExpected - this.received;
  }
  /** RFC 3550 A.8 interarrival jitter J in RTP timestamp units (float). */
  get jitterRtpUnits() {
    return this.jitter;
  }
  /** Interarrival jitter J converted to milliseconds: J / clockRateHz * 1000. */
  get jitterMs() {
    return this.jitter * 1e3 / this.clockRateHz;
  }
  /** Forgets everything, as if newly constructed with the same clock rate. */
  reset() {
    this.started = false;
    this.baseSeq = 0;
    this.maxSeq = 0;
    this.cycles = 0;
    this.badSeq = RTP_SEQ_MOD + 1;
    this.received = 0;
    this.hasTransitReference = false;
    this.lastArrivalNs = 0;
    this.lastRtpTimestamp = 0;
    this.jitter = 0;
  }
  // RFC 3550 A.1 init_seq(); received is reset here and incremented by the caller.
  initSeq(seq16) {
    this.baseSeq = seq16;
    this.maxSeq = seq16;
    this.badSeq = RTP_SEQ_MOD + 1;
    this.cycles = 0;
    this.received = 0;
  }
  // RFC 3550 A.8 / §6.4.1: D(i,j) = (Rj - Ri) - (Sj - Si); J += (|D| - J) / 16.
  updateJitter(arrivalNs, ts32) {
    const arrivalDeltaRtpUnits = (arrivalNs - this.lastArrivalNs) * this.clockRateHz / NS_PER_S2;
    const timestampDeltaRtpUnits = ts32 - this.lastRtpTimestamp | 0;
    const d = arrivalDeltaRtpUnits - timestampDeltaRtpUnits;
    const absD = d < 0 ? -d : d;
    this.jitter += (absD - this.jitter) / 16;
  }
  setTransitReference(arrivalNs, ts32) {
    this.hasTransitReference = true;
    this.lastArrivalNs = arrivalNs;
    this.lastRtpTimestamp = ts32;
  }
};

// src/media/stream-receiver.ts
var StreamReceiver = class {
  constructor(sim, config, jitterBuffer, observer) {
    this.sim = sim;
    this.config = config;
    this.jitterBuffer = jitterBuffer;
    this.observer = observer;
    this.rtp = new RtpReceiverStats(config.clockRateHz);
  }
  sim;
  config;
  jitterBuffer;
  observer;
  rtp;
  oneWayDelayNs = new RunningStats();
  oneWayDelayHistogramNs = newDelayHistogramNs();
  jitterBufferDelayNs = new RunningStats();
  jitterBufferDelayHistogramNs = newDelayHistogramNs();
  /** Playout outcome per frame (played or concealed), in playout order: network and late loss together. */
  playoutLoss = new LossBurstiness();
  packetsLate = 0;
  /** Copies of packets already held or played (network duplication). */
  packetsDuplicate = 0;
  framesPlayed = 0;
  framesConcealed = 0;
  framesLeft = -1;
  // unknown until the first packet arrives
  nextTickNs = Infinity;
  receive(packet) {
    const nowNs = this.sim.nowNs;
    this.playUntil(nowNs);
    packet.arrivalNs = nowNs;
    this.rtp.onPacket(packet.seq, packet.rtpTimestamp, nowNs);
    const delayNs = nowNs - packet.sentNs;
    this.oneWayDelayNs.add(delayNs);
    this.oneWayDelayHistogramNs.add(delayNs);
    const outcome = this.jitterBuffer.insert(packet, nowNs);
    if (outcome === "duplicate") this.packetsDuplicate++;
    else if (outcome !== "accepted") this.packetsLate++;
    this.observer?.arrived(packet, outcome === "late" || outcome === "overflow");
    if (this.framesLeft < 0) this.startPlayout(packet);
  }
  /** Runs the playout ticks due at or before `endNs` (the end of the run, for the last ones). */
  playUntil(endNs) {
    while (this.framesLeft > 0 && this.nextTickNs <= endNs) {
      this.tick(this.nextTickNs);
      this.nextTickNs += this.config.ptimeNs;
      this.framesLeft--;
    }
  }
  /** One playout tick: play the due frame or conceal it. */
  tick(nowNs) {
    const packet = this.jitterBuffer.pull(nowNs);
    if (packet === null) {
      this.framesConcealed++;
      this.playoutLoss.record(true);
    } else {
      this.framesPlayed++;
      this.playoutLoss.record(false);
      this.jitterBufferDelayNs.add(nowNs - packet.arrivalNs);
      this.jitterBufferDelayHistogramNs.add(nowNs - packet.arrivalNs);
    }
  }
  startPlayout(first) {
    const startNs = this.jitterBuffer.playoutStartNs;
    if (startNs === void 0) return;
    const c = this.config;
    const firstFrame = Math.round((first.rtpTimestamp - c.initialTimestamp | 0) / c.samplesPerPacket);
    this.framesLeft = c.packetCount - firstFrame;
    this.nextTickNs = Math.max(startNs, this.sim.nowNs);
  }
};

// src/jitter/fixed.ts
var SLOTS = 256;
var FixedJitterBuffer = class {
  constructor(delayNs, frameNs, samplesPerFrame) {
    this.delayNs = delayNs;
    this.frameNs = frameNs;
    this.samplesPerFrame = samplesPerFrame;
  }
  delayNs;
  frameNs;
  samplesPerFrame;
  slots = new Array(SLOTS);
  firstTimestamp = 0;
  startNs;
  nextFrame = 0;
  // index of the next frame to play, counted from the first packet
  buffered = 0;
  get playoutStartNs() {
    return this.startNs;
  }
  insert(packet, nowNs) {
    if (this.startNs === void 0) {
      this.startNs = nowNs + this.delayNs;
      this.firstTimestamp = packet.rtpTimestamp;
    }
    const frame = Math.round((packet.rtpTimestamp - this.firstTimestamp | 0) / this.samplesPerFrame);
    if (frame < this.nextFrame || nowNs > this.startNs + frame * this.frameNs) return "late";
    if (frame >= this.nextFrame + SLOTS) return "overflow";
    const slot = frame & SLOTS - 1;
    if (this.slots[slot] !== void 0) return "duplicate";
    this.slots[slot] = packet;
    this.buffered++;
    return "accepted";
  }
  pull(_nowNs) {
    const slot = this.nextFrame & SLOTS - 1;
    const packet = this.slots[slot];
    this.nextFrame++;
    if (packet === void 0) return null;
    this.slots[slot] = void 0;
    this.buffered--;
    return packet;
  }
  snapshot() {
    return { bufferedPackets: this.buffered, targetDelayNs: this.delayNs };
  }
};

// src/traffic/flow-meter.ts
var FlowMeter = class {
  constructor(sim, listener = void 0) {
    this.sim = sim;
    this.listener = listener;
  }
  sim;
  listener;
  packetsReceived = 0;
  bytesReceived = 0;
  /** Copies made by duplicating channels; not counted in packetsReceived or bytesReceived. */
  packetsDuplicated = 0;
  firstArrivalNs = -1;
  lastArrivalNs = -1;
  oneWayDelayNs = new RunningStats();
  receive(packet) {
    if (packet.isCopy) {
      this.packetsDuplicated++;
      return;
    }
    const nowNs = this.sim.nowNs;
    if (this.packetsReceived === 0) this.firstArrivalNs = nowNs;
    this.lastArrivalNs = nowNs;
    this.packetsReceived++;
    this.bytesReceived += packet.sizeBytes;
    this.oneWayDelayNs.add(nowNs - packet.sentNs);
    this.listener?.delivered(packet);
  }
};

// src/traffic/data-packet.ts
var DataPacket = class _DataPacket {
  constructor(sizeBytes, dscp, destination, flow, owner, seq, sentNs, isCopy = false) {
    this.sizeBytes = sizeBytes;
    this.dscp = dscp;
    this.destination = destination;
    this.flow = flow;
    this.owner = owner;
    this.seq = seq;
    this.sentNs = sentNs;
    this.isCopy = isCopy;
  }
  sizeBytes;
  dscp;
  destination;
  flow;
  owner;
  seq;
  sentNs;
  isCopy;
  /** Set by each egress queue the packet enters. */
  queuedAtNs = 0;
  /** A copy made by a duplicating channel: it travels and arrives on its own. */
  duplicate() {
    return new _DataPacket(this.sizeBytes, this.dscp, this.destination, this.flow, this.owner, this.seq, this.sentNs, true);
  }
};

// src/traffic/packet-emitter.ts
var PacketEmitter = class {
  constructor(sim, firstHop, destination, flow, dscp, sizes, sizeRng, owner) {
    this.sim = sim;
    this.firstHop = firstHop;
    this.destination = destination;
    this.flow = flow;
    this.dscp = dscp;
    this.sizes = sizes;
    this.sizeRng = sizeRng;
    this.owner = owner;
  }
  sim;
  firstHop;
  destination;
  flow;
  dscp;
  sizes;
  sizeRng;
  owner;
  packetsSent = 0;
  bytesSent = 0;
  /** The seq the next packet will carry. */
  get nextSeq() {
    return this.packetsSent;
  }
  /** Counters are updated before the hand-off, so a drop reported synchronously finds them current. */
  emit() {
    const sizeBytes = this.sizes.sampleBytes(this.sizeRng);
    const packet = new DataPacket(sizeBytes, this.dscp, this.destination, this.flow, this.owner, this.packetsSent, this.sim.nowNs);
    this.packetsSent++;
    this.bytesSent += sizeBytes;
    this.firstHop.receive(packet);
    return packet;
  }
};

// src/traffic/reno-window.ts
var RenoWindow = class {
  constructor(initialCwndPackets, maxCwndPackets = Infinity, initialSsthreshPackets = Infinity) {
    this.maxCwndPackets = maxCwndPackets;
    if (!(initialCwndPackets >= 1) || !Number.isFinite(initialCwndPackets)) {
      throw new RangeError(`the initial window must be finite and \u2265 1 packet, got ${initialCwndPackets}`);
    }
    if (!(maxCwndPackets >= initialCwndPackets)) throw new RangeError(`the window limit (${maxCwndPackets}) is below the initial window`);
    this.cwndPackets = initialCwndPackets;
    this.ssthreshPackets = initialSsthreshPackets;
  }
  maxCwndPackets;
  cwndPackets;
  ssthreshPackets;
  get inSlowStart() {
    return this.cwndPackets < this.ssthreshPackets;
  }
  /** An ACK of new data. RFC 5681 §3.1: slow start +1 SMSS, congestion avoidance +SMSS·SMSS/cwnd (eq. 3). */
  onAck() {
    const grown = this.inSlowStart ? this.cwndPackets + 1 : this.cwndPackets + 1 / this.cwndPackets;
    this.cwndPackets = Math.min(grown, this.maxCwndPackets);
  }
  /** A loss found by (duplicate) ACKs: ssthresh = max(FlightSize/2, 2) (RFC 5681 eq. 4, FlightSize ≈ cwnd), cwnd = ssthresh. */
  onLoss() {
    this.ssthreshPackets = Math.max(this.cwndPackets / 2, 2);
    this.cwndPackets = this.ssthreshPackets;
  }
  /** A retransmission timeout: the same ssthresh, and cwnd = the loss window, 1 packet (RFC 5681 §3.1). */
  onTimeout() {
    this.ssthreshPackets = Math.max(this.cwndPackets / 2, 2);
    this.cwndPackets = 1;
  }
};

// src/traffic/rto-estimator.ts
var RFC6298_RTO = { initialRtoNs: 1e9, minRtoNs: 1e9, maxRtoNs: 6e10 };
var RtoEstimator = class {
  constructor(settings = RFC6298_RTO) {
    this.settings = settings;
    const { initialRtoNs, minRtoNs, maxRtoNs } = settings;
    if (!(minRtoNs > 0 && minRtoNs <= maxRtoNs && initialRtoNs > 0)) {
      throw new RangeError(`RTO settings need 0 < min \u2264 max and initial > 0, got ${minRtoNs}, ${maxRtoNs}, ${initialRtoNs}`);
    }
    this.rtoNs = initialRtoNs;
  }
  settings;
  srttNs = NaN;
  rttvarNs = NaN;
  rtoNs;
  addSample(rttNs) {
    if (Number.isNaN(this.srttNs)) {
      this.srttNs = rttNs;
      this.rttvarNs = rttNs / 2;
    } else {
      this.rttvarNs = 0.75 * this.rttvarNs + 0.25 * Math.abs(this.srttNs - rttNs);
      this.srttNs = 0.875 * this.srttNs + 0.125 * rttNs;
    }
    this.rtoNs = this.clamp(this.srttNs + 4 * this.rttvarNs);
  }
  backoff() {
    this.rtoNs = this.clamp(2 * this.rtoNs);
  }
  clamp(rtoNs) {
    return Math.min(this.settings.maxRtoNs, Math.max(this.settings.minRtoNs, rtoNs));
  }
};

// src/traffic/aimd-bulk.ts
var START = 0;
var STOP = 1;
var ACK = 2;
var RTO_TIMER = 3;
var AimdBulkSource = class {
  kind = "bulk";
  meter;
  window;
  rto;
  /** RTT per ACKed packet: send → delivery → ACK back. */
  rttNs = new RunningStats();
  /** cwnd just before each halving: the peaks of the sawtooth. */
  cwndPeakPackets = new RunningStats();
  packetsDropped = 0;
  packetsAcked = 0;
  /** Halvings (fast recovery). */
  lossEvents = 0;
  timeouts = 0;
  sim;
  emitter;
  ackDelayNs;
  running = false;
  inFlight = 0;
  /** Seqs reported dropped and not yet revealed by a later ACK. */
  unrevealedLosses = [];
  /** Losses of packets with a smaller seq belong to a window already halved. */
  recoverSeq = 0;
  /** Packets with a smaller seq were written off by a timeout; their ACKs and drops are ignored. */
  writtenOffBelowSeq = 0;
  rtoDeadlineNs = 0;
  timerPending = false;
  constructor(deps, settings) {
    if (!Number.isSafeInteger(settings.ackDelayNs) || settings.ackDelayNs < 0) {
      throw new RangeError(`ackDelayNs must be a whole number of ns \u2265 0, got ${settings.ackDelayNs}`);
    }
    this.sim = deps.sim;
    this.ackDelayNs = settings.ackDelayNs;
    this.window = new RenoWindow(settings.initialCwndPackets, settings.maxCwndPackets);
    this.rto = new RtoEstimator(settings.rto);
    this.emitter = new PacketEmitter(deps.sim, deps.firstHop, deps.destination, deps.flow, settings.dscp, settings.sizes, deps.rng.split("size"), this);
    this.meter = new FlowMeter(deps.sim, this);
    deps.destinationNode.attachFlow(deps.flow, this.meter);
  }
  get packetsSent() {
    return this.emitter.packetsSent;
  }
  get bytesSent() {
    return this.emitter.bytesSent;
  }
  get cwndPackets() {
    return this.window.cwndPackets;
  }
  /** Sent and neither ACKed, revealed lost nor written off. */
  get packetsInFlight() {
    return this.inFlight;
  }
  start(atNs) {
    this.sim.scheduleAt(atNs, this, START);
  }
  stop(atNs) {
    this.sim.scheduleAt(atNs, this, STOP);
  }
  /** Called by the destination's meter: the ACK leaves now and arrives after the return delay. */
  delivered(packet) {
    this.sim.scheduleIn(this.ackDelayNs, this, ACK, packet);
  }
  packetDropped(packet) {
    const p = packet;
    if (p.isCopy || p.seq < this.writtenOffBelowSeq) return;
    this.packetsDropped++;
    this.unrevealedLosses.push(p.seq);
  }
  handleEvent(kind, ref) {
    if (kind === ACK) return this.onAck(ref);
    if (kind === RTO_TIMER) return this.onTimer();
    if (kind === START && !this.running) {
      this.running = true;
      this.rtoDeadlineNs = this.sim.nowNs + Math.round(this.rto.rtoNs);
      this.sendWhileWindowOpen();
    } else if (kind === STOP) {
      this.running = false;
    }
  }
  onAck(packet) {
    if (packet.seq < this.writtenOffBelowSeq) return;
    const nowNs = this.sim.nowNs;
    this.inFlight--;
    this.packetsAcked++;
    const rttNs = nowNs - packet.sentNs;
    this.rttNs.add(rttNs);
    this.rto.addSample(rttNs);
    this.rtoDeadlineNs = nowNs + Math.round(this.rto.rtoNs);
    if (this.unrevealedLosses.length > 0) this.revealLossesBefore(packet.seq);
    if (packet.seq >= this.recoverSeq) this.window.onAck();
    this.sendWhileWindowOpen();
  }
  /** The losses of packets sent before the ACKed one are now known; halve once per window. */
  revealLossesBefore(ackedSeq) {
    const losses = this.unrevealedLosses;
    let kept = 0;
    for (let i = 0; i < losses.length; i++) {
      const seq = losses[i];
      if (seq >= ackedSeq) {
        losses[kept++] = seq;
        continue;
      }
      this.inFlight--;
      if (seq >= this.recoverSeq) {
        this.cwndPeakPackets.add(this.window.cwndPackets);
        this.window.onLoss();
        this.lossEvents++;
        this.recoverSeq = this.emitter.nextSeq;
      }
    }
    losses.length = kept;
  }
  onTimer() {
    this.timerPending = false;
    if (!this.running || this.inFlight === 0) return;
    if (this.sim.nowNs < this.rtoDeadlineNs) return this.armTimer();
    this.timeouts++;
    this.window.onTimeout();
    this.rto.backoff();
    this.writtenOffBelowSeq = this.emitter.nextSeq;
    this.recoverSeq = this.emitter.nextSeq;
    this.inFlight = 0;
    this.unrevealedLosses.length = 0;
    this.rtoDeadlineNs = this.sim.nowNs + Math.round(this.rto.rtoNs);
    this.sendWhileWindowOpen();
  }
  sendWhileWindowOpen() {
    if (!this.running) return;
    while (this.inFlight < this.window.cwndPackets) {
      this.inFlight++;
      this.emitter.emit();
    }
    if (this.inFlight > 0) this.armTimer();
  }
  /** One pending timer event at most; it re-arms itself if the deadline moved on meanwhile. */
  armTimer() {
    if (this.timerPending) return;
    this.timerPending = true;
    this.sim.scheduleAt(Math.max(this.sim.nowNs, this.rtoDeadlineNs), this, RTO_TIMER);
  }
};

// src/traffic/open-loop-source.ts
var START2 = 0;
var STOP2 = 1;
var SCALE = 2;
var FIRST_OWN_EVENT = 3;
var NO_EVENT = -1;
var OpenLoopSource = class {
  meter;
  nominalRateBps;
  packetsDropped = 0;
  sim;
  emitter;
  running = false;
  scale = 1;
  constructor(deps, settings) {
    if (!(settings.nominalRateBps > 0) || !Number.isFinite(settings.nominalRateBps)) {
      throw new RangeError(`rate must be finite and > 0 bit/s, got ${settings.nominalRateBps}`);
    }
    this.sim = deps.sim;
    this.nominalRateBps = settings.nominalRateBps;
    this.emitter = new PacketEmitter(deps.sim, deps.firstHop, deps.destination, deps.flow, settings.dscp, settings.sizes, deps.rng.split("size"), this);
    this.meter = new FlowMeter(deps.sim);
    deps.destinationNode.attachFlow(deps.flow, this.meter);
  }
  get packetsSent() {
    return this.emitter.packetsSent;
  }
  get bytesSent() {
    return this.emitter.bytesSent;
  }
  get rateScale() {
    return this.scale;
  }
  start(atNs) {
    this.sim.scheduleAt(atNs, this, START2);
  }
  stop(atNs) {
    this.sim.scheduleAt(atNs, this, STOP2);
  }
  setRateScale(atNs, scale) {
    if (!(scale >= 0) || !Number.isFinite(scale)) throw new RangeError(`rate scale must be finite and \u2265 0, got ${scale}`);
    this.sim.scheduleAt(atNs, this, SCALE, scale);
  }
  setRate(atNs, rateBps) {
    this.setRateScale(atNs, rateBps / this.nominalRateBps);
  }
  packetDropped(packet) {
    if (!packet.isCopy) this.packetsDropped++;
  }
  handleEvent(kind, ref) {
    if (kind === START2) {
      if (this.running) return;
      this.running = true;
      this.onStart();
    } else if (kind === STOP2) {
      if (!this.running) return;
      this.running = false;
      this.onStop();
    } else if (kind === SCALE) {
      const oldScale = this.scale;
      this.scale = ref;
      if (this.running) this.onScale(oldScale);
    } else {
      this.onOwnEvent(kind);
    }
  }
};
var gapNsAt = (meanBytes, rateBps) => rateBps > 0 ? meanBytes * 8e9 / rateBps : Infinity;

// src/traffic/cbr.ts
var SEND = FIRST_OWN_EVENT;
var CbrSource = class extends OpenLoopSource {
  kind = "cbr";
  meanBytes;
  phaseNs = 0;
  k = 0;
  pending = NO_EVENT;
  /** Fraction of a gap left before the next packet, kept while the rate is 0. */
  fractionLeft = 0;
  constructor(deps, settings) {
    super(deps, { dscp: settings.dscp, sizes: settings.sizes, nominalRateBps: settings.rateBps });
    this.meanBytes = settings.sizes.meanBytes;
  }
  get meanRateBps() {
    return this.nominalRateBps * this.rateScale;
  }
  /** Current gap between packets, ns (Infinity at rate 0). */
  get gapNs() {
    return gapNsAt(this.meanBytes, this.meanRateBps);
  }
  onStart() {
    this.fractionLeft = 0;
    this.startPhase();
  }
  onStop() {
    this.sim.cancel(this.pending);
    this.pending = NO_EVENT;
  }
  onScale(oldScale) {
    if (this.pending !== NO_EVENT) {
      const oldGapNs = gapNsAt(this.meanBytes, this.nominalRateBps * oldScale);
      const nextNs = this.phaseNs + this.k * oldGapNs;
      this.fractionLeft = Math.min(1, Math.max(0, (nextNs - this.sim.nowNs) / oldGapNs));
      this.sim.cancel(this.pending);
      this.pending = NO_EVENT;
    }
    this.startPhase();
  }
  onOwnEvent(kind) {
    if (kind !== SEND) return;
    this.emitter.emit();
    this.k++;
    this.scheduleNext();
  }
  startPhase() {
    const gapNs = this.gapNs;
    if (gapNs === Infinity) return;
    this.phaseNs = this.sim.nowNs + this.fractionLeft * gapNs;
    this.k = 0;
    this.scheduleNext();
  }
  scheduleNext() {
    this.pending = this.sim.scheduleAt(Math.round(this.phaseNs + this.k * this.gapNs), this, SEND);
  }
};

// sim/distributions.ts
function requirePositive(name, value) {
  if (!(value > 0) || !Number.isFinite(value)) throw new RangeError(`${name} must be finite and > 0, got ${value}`);
}
function exponential(mean) {
  requirePositive("mean", mean);
  return {
    mean,
    variance: mean * mean,
    sample: (rng) => -mean * log(1 - rng.nextFloat())
    // 1 - u ∈ (0, 1]
  };
}
function pareto(scale, shape) {
  requirePositive("scale", scale);
  requirePositive("shape", shape);
  const mean = shape > 1 ? shape * scale / (shape - 1) : Infinity;
  const variance = shape > 2 ? scale * scale * shape / ((shape - 1) * (shape - 1) * (shape - 2)) : Infinity;
  return {
    mean,
    variance,
    sample: (rng) => scale * exp(-log(1 - rng.nextFloat()) / shape)
  };
}

// src/traffic/on-off.ts
var SEND2 = FIRST_OWN_EVENT;
var TOGGLE = FIRST_OWN_EVENT + 1;
var paretoWithMean = (meanNs, shape) => {
  if (!(shape > 1)) throw new RangeError(`a Pareto shape must be > 1 for a finite mean, got ${shape}`);
  if (!(meanNs > 0) || !Number.isFinite(meanNs)) throw new RangeError(`a mean period must be finite and > 0 ns, got ${meanNs}`);
  return pareto(meanNs * (shape - 1) / shape, shape);
};
var OnOffSource = class extends OpenLoopSource {
  kind = "on-off";
  onPeriodNs;
  offPeriodNs;
  meanBytes;
  periodRng;
  on = false;
  periodEndNs = 0;
  /** Fraction of a gap still to pass, in on time, before the next packet. */
  fraction = 0;
  nextIdealNs = 0;
  pendingSend = NO_EVENT;
  pendingToggle = NO_EVENT;
  onPeriods = 0;
  constructor(deps, settings) {
    super(deps, { dscp: settings.dscp, sizes: settings.sizes, nominalRateBps: settings.peakRateBps });
    this.meanBytes = settings.sizes.meanBytes;
    this.onPeriodNs = paretoWithMean(settings.onMeanNs, settings.onShape);
    this.offPeriodNs = settings.offDistribution === "pareto" ? paretoWithMean(settings.offMeanNs, settings.offShape) : exponential(settings.offMeanNs);
    this.periodRng = deps.rng.split("periods");
  }
  /** Fraction of time on: E[on]/(E[on] + E[off]). */
  get onFraction() {
    return this.onPeriodNs.mean / (this.onPeriodNs.mean + this.offPeriodNs.mean);
  }
  get meanRateBps() {
    return this.nominalRateBps * this.rateScale * this.onFraction;
  }
  get isOn() {
    return this.running && this.on;
  }
  get gapNs() {
    return gapNsAt(this.meanBytes, this.nominalRateBps * this.rateScale);
  }
  onStart() {
    const startOn = this.periodRng.nextFloat() < this.onFraction;
    this.fraction = this.periodRng.nextFloat();
    if (startOn) this.beginOn();
    else this.beginOff();
  }
  onStop() {
    this.sim.cancel(this.pendingSend);
    this.sim.cancel(this.pendingToggle);
    this.pendingSend = NO_EVENT;
    this.pendingToggle = NO_EVENT;
  }
  onScale(oldScale) {
    if (!this.on) return;
    if (oldScale > 0) {
      this.fraction = this.fractionAt(gapNsAt(this.meanBytes, this.nominalRateBps * oldScale));
      this.sim.cancel(this.pendingSend);
      this.pendingSend = NO_EVENT;
    }
    this.planSend();
  }
  onOwnEvent(kind) {
    if (kind === SEND2) {
      this.emitter.emit();
      this.nextIdealNs += this.gapNs;
      this.scheduleSendInPeriod();
    } else if (kind === TOGGLE) {
      if (!this.on) return this.beginOn();
      if (this.rateScale > 0) this.fraction = this.fractionAt(this.gapNs);
      this.beginOff();
    }
  }
  beginOn() {
    this.on = true;
    this.onPeriods++;
    this.periodEndNs = this.sim.nowNs + Math.round(this.onPeriodNs.sample(this.periodRng));
    this.pendingToggle = this.sim.scheduleAt(this.periodEndNs, this, TOGGLE);
    this.planSend();
  }
  beginOff() {
    this.on = false;
    this.pendingSend = NO_EVENT;
    this.periodEndNs = this.sim.nowNs + Math.round(this.offPeriodNs.sample(this.periodRng));
    this.pendingToggle = this.sim.scheduleAt(this.periodEndNs, this, TOGGLE);
  }
  /** While on: the next packet after `fraction` of a gap at the current rate. */
  planSend() {
    const gapNs = this.gapNs;
    if (gapNs === Infinity) return;
    this.nextIdealNs = this.sim.nowNs + this.fraction * gapNs;
    this.scheduleSendInPeriod();
  }
  scheduleSendInPeriod() {
    const atNs = Math.round(this.nextIdealNs);
    this.pendingSend = atNs < this.periodEndNs ? this.sim.scheduleAt(atNs, this, SEND2) : NO_EVENT;
  }
  fractionAt(gapNs) {
    return Math.min(1, Math.max(0, (this.nextIdealNs - this.sim.nowNs) / gapNs));
  }
};

// src/traffic/poisson.ts
var SEND3 = FIRST_OWN_EVENT;
var UNIT_EXPONENTIAL = exponential(1);
var PoissonSource = class extends OpenLoopSource {
  kind = "poisson";
  meanBytes;
  gapRng;
  /** Ideal (unrounded) time of the next packet: rounding each time, not each gap, cannot drift. */
  nextIdealNs = 0;
  pending = NO_EVENT;
  constructor(deps, settings) {
    super(deps, { dscp: settings.dscp, sizes: settings.sizes, nominalRateBps: settings.rateBps });
    this.meanBytes = settings.sizes.meanBytes;
    this.gapRng = deps.rng.split("gaps");
  }
  get meanRateBps() {
    return this.nominalRateBps * this.rateScale;
  }
  onStart() {
    this.scheduleFrom(this.sim.nowNs);
  }
  onStop() {
    this.sim.cancel(this.pending);
    this.pending = NO_EVENT;
  }
  onScale() {
    this.sim.cancel(this.pending);
    this.scheduleFrom(this.sim.nowNs);
  }
  onOwnEvent(kind) {
    if (kind !== SEND3) return;
    this.emitter.emit();
    this.scheduleFrom(this.nextIdealNs);
  }
  scheduleFrom(fromNs) {
    const meanGapNs = gapNsAt(this.meanBytes, this.meanRateBps);
    if (meanGapNs === Infinity) {
      this.pending = NO_EVENT;
      return;
    }
    this.nextIdealNs = fromNs + meanGapNs * UNIT_EXPONENTIAL.sample(this.gapRng);
    this.pending = this.sim.scheduleAt(Math.max(this.sim.nowNs, Math.round(this.nextIdealNs)), this, SEND3);
  }
};

// src/traffic/traffic-config.ts
var TRAFFIC_DEFAULTS = {
  startNs: 0,
  paretoShape: 1.5,
  offDistribution: "exponential",
  initialCwndPackets: 2,
  maxCwndPackets: Infinity,
  minRtoNs: 1e9,
  initialRtoNs: 1e9,
  maxRtoNs: 6e10
};

// src/traffic/make-traffic-source.ts
var makeTrafficSource = (config, deps) => {
  const sizes = makePacketSize(config.packetSize);
  const d = TRAFFIC_DEFAULTS;
  switch (config.kind) {
    case "poisson":
      return new PoissonSource(deps, { dscp: config.dscp, sizes, rateBps: config.rateBps });
    case "cbr":
      return new CbrSource(deps, { dscp: config.dscp, sizes, rateBps: config.rateBps });
    case "on-off": {
      const onShape = config.paretoShape ?? d.paretoShape;
      return new OnOffSource(deps, {
        dscp: config.dscp,
        sizes,
        peakRateBps: config.peakRateBps,
        onMeanNs: config.onMeanNs,
        onShape,
        offMeanNs: config.offMeanNs,
        offDistribution: config.offDistribution ?? d.offDistribution,
        offShape: config.offParetoShape ?? onShape
      });
    }
    case "bulk":
      return new AimdBulkSource(deps, {
        dscp: config.dscp,
        sizes,
        ackDelayNs: config.ackDelayNs,
        initialCwndPackets: config.initialCwndPackets ?? d.initialCwndPackets,
        maxCwndPackets: config.maxCwndPackets ?? d.maxCwndPackets,
        rto: {
          minRtoNs: config.minRtoNs ?? d.minRtoNs,
          initialRtoNs: config.initialRtoNs ?? d.initialRtoNs,
          maxRtoNs: config.maxRtoNs ?? d.maxRtoNs
        }
      });
  }
};
var scheduleTrafficSource = (source, config) => {
  source.start(config.startNs ?? TRAFFIC_DEFAULTS.startNs);
  if (config.kind !== "bulk" && config.rateSchedule !== void 0) {
    for (const step of config.rateSchedule) source.setRateScale?.(step.atNs, step.scale);
  }
  if (config.stopNs !== void 0) source.stop(config.stopNs);
};

// src/network/channel.ts
var Channel = class {
  constructor(config) {
    this.config = config;
  }
  config;
  lastArrivalNs = 0;
  isLost() {
    return this.config.loss.isLost();
  }
  isCorrupted() {
    return this.config.corruptRate > 0 && this.config.rng.nextFloat() < this.config.corruptRate;
  }
  isDuplicated() {
    return this.config.duplicateRate > 0 && this.config.rng.nextFloat() < this.config.duplicateRate;
  }
  /** The packet's arrival time at the far end if it left the transmitter at `nowNs`. */
  arrivalNs(nowNs) {
    let arrivalNs = nowNs + this.config.delay.sampleNs();
    if (this.config.keepOrder && arrivalNs < this.lastArrivalNs) arrivalNs = this.lastArrivalNs;
    this.lastArrivalNs = arrivalNs;
    return arrivalNs;
  }
};

// src/network/netem/correlated-uniform.ts
var BELOW_ONE = 1 - 2 ** -53;
function requireFraction(name, value) {
  if (!(value >= 0 && value <= 1)) throw new RangeError(`${name} must be in [0, 1], got ${value}`);
}
var CorrelatedUniform = class {
  constructor(correlation, rng) {
    this.correlation = correlation;
    this.rng = rng;
    requireFraction("correlation", correlation);
    this.last = correlation > 0 ? rng.nextFloat() : 0;
  }
  correlation;
  rng;
  last;
  /** The next value in [0, 1). */
  next() {
    const u = this.rng.nextFloat();
    if (this.correlation === 0) return u;
    const mixed = (1 - this.correlation) * u + this.correlation * this.last;
    const value = mixed < 1 ? mixed : BELOW_ONE;
    this.last = value;
    return value;
  }
};

// src/network/delay/normal-quantile.ts
var A = [
  3.3871328727963665,
  133.14166789178438,
  1971.5909503065513,
  13731.69376550946,
  45921.95393154987,
  67265.7709270087,
  33430.57558358813,
  2509.0809287301227
];
var B = [
  1,
  42.31333070160091,
  687.1870074920579,
  5394.196021424751,
  21213.794301586597,
  39307.89580009271,
  28729.085735721943,
  5226.495278852854
];
var C = [
  1.4234371107496835,
  4.630337846156546,
  5.769497221460691,
  3.6478483247632045,
  1.2704582524523684,
  0.2417807251774506,
  0.022723844989269184,
  7745450142783414e-19
];
var D = [
  1,
  2.053191626637759,
  1.6763848301838038,
  0.6897673349851,
  0.14810397642748008,
  0.015198666563616457,
  5475938084995345e-19,
  10507500716444169e-25
];
var E2 = [
  6.657904643501103,
  5.463784911164114,
  1.7848265399172913,
  0.29656057182850487,
  0.026532189526576124,
  0.0012426609473880784,
  27115555687434876e-21,
  20103343992922881e-23
];
var F = [
  1,
  0.599832206555888,
  0.1369298809227358,
  0.014875361290850615,
  7868691311456133e-19,
  18463183175100548e-21,
  1421511758316446e-22,
  20442631033899397e-31
];
var poly = (c, x) => ((((((c[7] * x + c[6]) * x + c[5]) * x + c[4]) * x + c[3]) * x + c[2]) * x + c[1]) * x + c[0];
function normalQuantile(p) {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`p must be in [0, 1], got ${p}`);
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r2 = 0.180625 - q * q;
    return q * poly(A, r2) / poly(B, r2);
  }
  const tail = q < 0 ? p : 1 - p;
  if (tail === 0) return q < 0 ? -Infinity : Infinity;
  let r = Math.sqrt(-log(tail));
  let value;
  if (r <= 5) {
    r -= 1.6;
    value = poly(C, r) / poly(D, r);
  } else {
    r -= 5;
    value = poly(E2, r) / poly(F, r);
  }
  return q < 0 ? -value : value;
}

// src/network/delay/netem-quantiles.ts
var DIST_SCALE = 8192;
var T_MIN = -32768 / DIST_SCALE;
var T_MAX = 32767 / DIST_SCALE;
var PARETO_SHAPE = 3;
var clampToTable = (t) => t < T_MIN ? T_MIN : t > T_MAX ? T_MAX : t;
var uniformT = (u) => 2 * u - 1;
var normalT = (u) => clampToTable(normalQuantile(u));
var paretoT = (u) => {
  const x = exp(-log(1 - u) / PARETO_SHAPE);
  const t = (x - 1.5) * (4 / 3);
  return t < T_MAX ? t : T_MAX;
};
var paretoNormalT = (u) => clampToTable(0.25 * normalT(u) + 0.75 * paretoT(u));
var NETEM_QUANTILES = {
  uniform: uniformT,
  normal: normalT,
  pareto: paretoT,
  paretonormal: paretoNormalT
};

// src/network/delay/netem-delay.ts
var NetemDelay = class {
  constructor(spec, rng) {
    this.spec = spec;
    if (!(spec.delayNs >= 0 && Number.isFinite(spec.delayNs))) throw new RangeError(`delayNs must be finite and \u2265 0, got ${spec.delayNs}`);
    if (!(spec.jitterNs >= 0 && Number.isFinite(spec.jitterNs))) throw new RangeError(`jitterNs must be finite and \u2265 0, got ${spec.jitterNs}`);
    requireFraction("delay correlation", spec.correlation);
    this.draw = spec.jitterNs > 0 ? new CorrelatedUniform(spec.correlation, rng) : void 0;
    this.quantile = NETEM_QUANTILES[spec.distribution];
  }
  spec;
  draw;
  quantile;
  sampleNs() {
    const { delayNs, jitterNs } = this.spec;
    if (this.draw === void 0) return Math.round(delayNs);
    const sampleNs = Math.round(delayNs + jitterNs * this.quantile(this.draw.next()));
    return sampleNs > 0 ? sampleNs : 0;
  }
};

// src/network/delay/make-delay-model.ts
function makeDelayModel(spec, rng) {
  return new NetemDelay(spec, rng);
}

// src/network/link-direction.ts
var TRANSMIT_DONE = 0;
var ARRIVE = 1;
var ARRIVE_CORRUPTED = 2;
var WAKE_UP = 3;
var KINDS = 4;
var serializationNs = (sizeBytes, bandwidthBps) => Math.round(sizeBytes * 8 * 1e9 / bandwidthBps);
var ClassStats = class {
  packetsSent = 0;
  packetsDropped = 0;
  queueDelayNs = new RunningStats();
  queueDelayHistogramNs = newDelayHistogramNs();
};
var LinkDirection2 = class {
  constructor(sim, config, sink) {
    this.sim = sim;
    this.sink = sink;
    this.linkId = config.linkId;
    this.direction = config.direction;
    this.bandwidthBps = config.bandwidthBps;
    this.queue = config.queue;
    this.channel = config.channel;
  }
  sim;
  sink;
  linkId;
  direction;
  bandwidthBps;
  queue;
  channel;
  /** The transmitter is busy until then. */
  busyUntilNs = 0;
  /** A TRANSMIT_DONE is scheduled to serve the queue. */
  donePending = false;
  wakeUpPending = false;
  epoch = 0;
  down = false;
  packetsSent = 0;
  packetsDelivered = 0;
  /** Refused by the egress queue (full, or policed). */
  packetsDropped = 0;
  packetsLost = 0;
  packetsCorrupted = 0;
  packetsDuplicated = 0;
  /** Offered while down, or queued, on the wire or propagating when the link went down. */
  packetsDroppedDown = 0;
  busyNs = 0;
  queueDelayNs = new RunningStats();
  classes = PRIORITY_CLASSES.map(() => new ClassStats());
  get isUp() {
    return !this.down;
  }
  /** Packets accepted but not yet delivered or lost: queued, on the wire, or propagating. */
  get packetsInFlight() {
    return this.packetsSent + this.packetsDuplicated - this.packetsDelivered - this.packetsLost - this.packetsCorrupted - this.packetsDropped - this.packetsDroppedDown;
  }
  /** A packet enters the link from the transmitting node. */
  receive(packet) {
    this.packetsSent++;
    this.classes[priorityClassOf(packet.dscp)].packetsSent++;
    if (this.down) return this.discardDown(packet);
    packet.queuedAtNs = this.sim.nowNs;
    if (!this.queue.offer(packet, this.sim.nowNs)) {
      this.packetsDropped++;
      this.classes[priorityClassOf(packet.dscp)].packetsDropped++;
      packet.owner?.packetDropped(packet);
      return;
    }
    if (this.donePending) return;
    if (this.sim.nowNs >= this.busyUntilNs) this.transmitNext();
    else this.scheduleDone();
  }
  /** The link fails: what is queued, on the wire or propagating is lost; new packets are dropped. */
  goDown() {
    if (this.down) return;
    this.down = true;
    this.epoch++;
    this.busyUntilNs = this.sim.nowNs;
    this.donePending = false;
    this.queue.flush((p) => this.discardDown(p));
  }
  goUp() {
    this.down = false;
  }
  /** New impairments from now on; packets already propagating keep the delays they drew. */
  setChannel(channel) {
    this.channel = channel;
  }
  handleEvent(arg, ref) {
    const kind = arg % KINDS;
    if (kind === WAKE_UP) {
      this.wakeUpPending = false;
      if (!this.down && !this.donePending && this.sim.nowNs >= this.busyUntilNs) this.transmitNext();
      return;
    }
    const stale = (arg - kind) / KINDS !== this.epoch;
    if (kind === TRANSMIT_DONE) {
      if (stale) return;
      this.donePending = false;
      this.transmitNext();
      return;
    }
    const packet = ref;
    if (stale) return this.discardDown(packet);
    if (kind === ARRIVE) {
      this.packetsDelivered++;
      this.sink.receive(packet);
    } else if (kind === ARRIVE_CORRUPTED) {
      this.packetsCorrupted++;
      packet.owner?.packetDropped(packet);
    }
  }
  /** Serialization ends at `departNs`: the channel decides the packet's fate (and maybe a copy's). */
  launch(packet, departNs) {
    if (this.channel.isLost()) {
      this.packetsLost++;
      packet.owner?.packetDropped(packet);
      return;
    }
    this.propagate(packet, departNs);
    if (this.channel.isDuplicated()) {
      this.packetsDuplicated++;
      this.propagate(packet.duplicate(), departNs);
    }
  }
  propagate(packet, departNs) {
    const kind = this.channel.isCorrupted() ? ARRIVE_CORRUPTED : ARRIVE;
    this.sim.scheduleAt(this.channel.arrivalNs(departNs), this, this.epoch * KINDS + kind, packet);
  }
  scheduleDone() {
    this.donePending = true;
    this.sim.scheduleAt(this.busyUntilNs, this, this.epoch * KINDS + TRANSMIT_DONE);
  }
  transmitNext() {
    const nowNs = this.sim.nowNs;
    const packet = this.queue.poll(nowNs);
    if (packet === void 0) {
      const releaseNs = this.queue.length > 0 ? this.queue.nextReleaseNs(nowNs) : Infinity;
      if (releaseNs !== Infinity && !this.wakeUpPending) {
        this.wakeUpPending = true;
        this.sim.scheduleAt(releaseNs, this, WAKE_UP);
      }
      return;
    }
    const waitedNs = nowNs - packet.queuedAtNs;
    this.queueDelayNs.add(waitedNs);
    const stats = this.classes[priorityClassOf(packet.dscp)];
    stats.queueDelayNs.add(waitedNs);
    stats.queueDelayHistogramNs.add(waitedNs);
    const durationNs = serializationNs(packet.sizeBytes, this.bandwidthBps);
    this.busyNs += durationNs;
    this.busyUntilNs = nowNs + durationNs;
    this.launch(packet, this.busyUntilNs);
    if (this.queue.length > 0) this.scheduleDone();
  }
  discardDown(packet) {
    this.packetsDroppedDown++;
    packet.owner?.packetDropped(packet);
  }
};

// src/network/loss/bernoulli.ts
var BernoulliLoss = class {
  constructor(rate, rng, correlation = 0) {
    this.rate = rate;
    this.rng = rng;
    requireFraction("loss rate", rate);
    requireFraction("loss correlation", correlation);
    this.draw = correlation > 0 ? new CorrelatedUniform(correlation, rng) : void 0;
  }
  rate;
  rng;
  draw;
  isLost() {
    const u = this.draw === void 0 ? this.rng.nextFloat() : this.draw.next();
    return u < this.rate;
  }
};

// src/network/loss/gilbert-elliott.ts
var GilbertElliottLoss = class {
  constructor(params, rng) {
    this.params = params;
    this.rng = rng;
    requireFraction("p", params.p);
    requireFraction("r", params.r);
    requireFraction("lossInBad (1-h)", params.lossInBad);
    requireFraction("lossInGood (1-k)", params.lossInGood);
  }
  params;
  rng;
  bad = false;
  isLost() {
    const { p, r, lossInBad, lossInGood } = this.params;
    if (this.bad) {
      if (this.rng.nextFloat() < r) this.bad = false;
      return this.rng.nextFloat() < lossInBad;
    }
    if (this.rng.nextFloat() < p) this.bad = true;
    return this.rng.nextFloat() < lossInGood;
  }
};

// src/network/loss/loss-model.ts
var noLoss = { isLost: () => false };

// src/network/loss/markov4.ts
var TX_IN_GAP = 1;
var TX_IN_BURST = 2;
var LOST_IN_BURST = 3;
var LOST_IN_GAP = 4;
var Markov4Loss = class {
  constructor(params, rng) {
    this.params = params;
    this.rng = rng;
    for (const name of ["p13", "p31", "p32", "p23", "p14"]) requireFraction(name, params[name]);
    if (params.p13 + params.p14 > 1) throw new RangeError(`p13 + p14 must not exceed 1, got ${params.p13} + ${params.p14}`);
    if (params.p31 + params.p32 > 1) throw new RangeError(`p31 + p32 must not exceed 1, got ${params.p31} + ${params.p32}`);
  }
  params;
  rng;
  state = TX_IN_GAP;
  isLost() {
    const { p13, p31, p32, p23, p14 } = this.params;
    const u = this.rng.nextFloat();
    switch (this.state) {
      case TX_IN_GAP:
        if (u < p14) this.state = LOST_IN_GAP;
        else if (u < p14 + p13) this.state = LOST_IN_BURST;
        break;
      case TX_IN_BURST:
        if (u < p23) this.state = LOST_IN_BURST;
        break;
      case LOST_IN_BURST:
        if (u < p32) this.state = TX_IN_BURST;
        else if (u < p32 + p31) this.state = TX_IN_GAP;
        break;
      case LOST_IN_GAP:
        this.state = TX_IN_GAP;
        break;
    }
    return this.state === LOST_IN_BURST || this.state === LOST_IN_GAP;
  }
};

// src/network/loss/make-loss-model.ts
function makeLossModel(spec, rng) {
  switch (spec.model) {
    case "none":
      return noLoss;
    case "bernoulli":
      return spec.rate > 0 ? new BernoulliLoss(spec.rate, rng, spec.correlation) : noLoss;
    case "gilbert-elliott":
      return new GilbertElliottLoss(spec, rng);
    case "markov4":
      return new Markov4Loss(spec, rng);
  }
}

// src/network/node.ts
var Node3 = class {
  constructor(id, index) {
    this.id = id;
    this.index = index;
  }
  id;
  index;
  nextHops = [];
  flows = /* @__PURE__ */ new Map();
  packetsUnroutable = 0;
  setRoute(destination, nextHop) {
    this.nextHops[destination] = nextHop;
  }
  attachFlow(flow, sink) {
    this.flows.set(flow, sink);
  }
  receive(packet) {
    const sink = packet.destination === this.index ? this.flows.get(packet.flow) : this.nextHops[packet.destination];
    if (sink === void 0) this.packetsUnroutable++;
    else sink.receive(packet);
  }
};

// src/network/queues/drop-tail.ts
var DropTailQueue = class {
  constructor(limits) {
    this.limits = limits;
  }
  limits;
  ring = new Array(16);
  head = 0;
  count = 0;
  bytes = 0;
  get length() {
    return this.count;
  }
  get backlogBytes() {
    return this.bytes;
  }
  /** The packet that `poll` would return, without removing it. */
  peek() {
    return this.count === 0 ? void 0 : this.ring[this.head];
  }
  offer(packet, _nowNs) {
    if (this.bytes + packet.sizeBytes > this.limits.limitBytes || this.count + 1 > this.limits.limitPackets) return false;
    if (this.count === this.ring.length) this.grow();
    this.ring[this.head + this.count & this.ring.length - 1] = packet;
    this.count++;
    this.bytes += packet.sizeBytes;
    return true;
  }
  poll(_nowNs) {
    if (this.count === 0) return void 0;
    const packet = this.ring[this.head];
    this.ring[this.head] = void 0;
    this.head = this.head + 1 & this.ring.length - 1;
    this.count--;
    this.bytes -= packet.sizeBytes;
    return packet;
  }
  nextReleaseNs() {
    return Infinity;
  }
  flush(discard) {
    for (let p = this.poll(); p !== void 0; p = this.poll()) discard(p);
  }
  grow() {
    const bigger = new Array(this.ring.length * 2);
    for (let i = 0; i < this.count; i++) bigger[i] = this.ring[this.head + i & this.ring.length - 1];
    this.ring = bigger;
    this.head = 0;
  }
};

// src/network/queues/strict-priority.ts
var StrictPriorityQueue = class {
  constructor(limits, rateLimits = []) {
    this.rateLimits = rateLimits;
    this.classes = PRIORITY_CLASSES.map(() => new DropTailQueue(limits));
  }
  rateLimits;
  classes;
  get length() {
    let n = 0;
    for (const q of this.classes) n += q.length;
    return n;
  }
  get backlogBytes() {
    let bytes = 0;
    for (const q of this.classes) bytes += q.backlogBytes;
    return bytes;
  }
  offer(packet, nowNs) {
    const c = priorityClassOf(packet.dscp);
    const limit = this.rateLimits[c];
    if (limit?.mode === "police") {
      if (!limit.bucket.conforms(packet.sizeBytes, nowNs)) return false;
      limit.bucket.take(packet.sizeBytes, nowNs);
    }
    return this.classes[c].offer(packet);
  }
  poll(nowNs) {
    for (let c = 0; c < this.classes.length; c++) {
      const queue = this.classes[c];
      const head = queue.peek();
      if (head === void 0) continue;
      const limit = this.rateLimits[c];
      if (limit?.mode === "shape") {
        if (!limit.bucket.conforms(head.sizeBytes, nowNs)) continue;
        limit.bucket.take(head.sizeBytes, nowNs);
      }
      return queue.poll();
    }
    return void 0;
  }
  nextReleaseNs(nowNs) {
    let earliest = Infinity;
    for (let c = 0; c < this.classes.length; c++) {
      const head = this.classes[c].peek();
      const limit = this.rateLimits[c];
      if (head !== void 0 && limit?.mode === "shape")
        earliest = Math.min(earliest, limit.bucket.readyAtNs(head.sizeBytes, nowNs));
    }
    return earliest;
  }
  flush(discard) {
    for (const q of this.classes) q.flush(discard);
  }
};

// src/network/queues/token-bucket.ts
var TokenBucket = class {
  constructor(rateBps, burstBytes) {
    this.rateBps = rateBps;
    this.burstBytes = burstBytes;
    this.tokensBytes = burstBytes;
  }
  rateBps;
  burstBytes;
  tokensBytes;
  updatedNs = 0;
  refill(nowNs) {
    this.tokensBytes = Math.min(this.burstBytes, this.tokensBytes + (nowNs - this.updatedNs) * this.rateBps / 8e9);
    this.updatedNs = nowNs;
  }
  conforms(sizeBytes, nowNs) {
    this.refill(nowNs);
    return this.tokensBytes >= sizeBytes;
  }
  take(sizeBytes, nowNs) {
    this.refill(nowNs);
    this.tokensBytes -= sizeBytes;
  }
  /** The earliest time the bucket holds `sizeBytes` (now if it already does). */
  readyAtNs(sizeBytes, nowNs) {
    this.refill(nowNs);
    const missingBytes = sizeBytes - this.tokensBytes;
    return missingBytes <= 0 ? nowNs : nowNs + Math.ceil(missingBytes * 8e9 / this.rateBps);
  }
};

// src/network/routing.ts
var shortestPathFirstHops = (nodeCount, edges) => {
  const outgoing = Array.from({ length: nodeCount }, () => []);
  edges.forEach((e, i) => outgoing[e.from].push(i));
  const firstHops = [];
  for (let source = 0; source < nodeCount; source++) {
    const distance2 = new Float64Array(nodeCount).fill(Infinity);
    const firstHop = new Int32Array(nodeCount).fill(-1);
    const settled = new Uint8Array(nodeCount);
    distance2[source] = 0;
    for (; ; ) {
      let u = -1;
      for (let v = 0; v < nodeCount; v++) if (!settled[v] && distance2[v] < Infinity && (u < 0 || distance2[v] < distance2[u])) u = v;
      if (u < 0) break;
      settled[u] = 1;
      for (const i of outgoing[u]) {
        const e = edges[i];
        const d = distance2[u] + e.cost;
        if (d < distance2[e.to]) {
          distance2[e.to] = d;
          firstHop[e.to] = u === source ? i : firstHop[u];
        }
      }
    }
    firstHops.push(firstHop);
  }
  return firstHops;
};

// src/engine/build-network.ts
var buildNetwork = (sim, random, scenario2) => {
  const nodes = new Map(scenario2.nodes.map((n, index) => [n.id, new Node3(n.id, index)]));
  const nodeOf = (id) => nodes.get(id);
  const directions = [];
  const edges = [];
  const linksById = /* @__PURE__ */ new Map();
  for (const link of scenario2.links) {
    const [a, b] = link.between;
    const make = (from, to, spec) => {
      const name = `link/${link.id}/${from}->${to}`;
      const direction = new LinkDirection2(
        sim,
        { linkId: link.id, direction: `${from}->${to}`, bandwidthBps: spec.bandwidthBps, queue: queueOf(spec), channel: channelOf(spec, random, name) },
        nodeOf(to)
      );
      directions.push(direction);
      edges.push({ from: nodeOf(from).index, to: nodeOf(to).index, cost: link.cost });
      return direction;
    };
    linksById.set(link.id, { up: make(a, b, link.up), down: make(b, a, link.down) });
  }
  const firstHops = shortestPathFirstHops(scenario2.nodes.length, edges);
  for (const node of nodes.values())
    firstHops[node.index].forEach((edge, destination) => {
      if (edge >= 0) node.setRoute(destination, directions[edge]);
    });
  return { nodes, directions, linksById };
};
var queueOf = (spec) => {
  const { discipline, limitBytes, limitPackets, shape, police } = spec.queue;
  if (discipline === "fifo") return new DropTailQueue({ limitBytes, limitPackets });
  const rateLimits = PRIORITY_CLASSES.map((c) => {
    const s = shape.find((r) => r.class === c);
    if (s !== void 0) return { mode: "shape", bucket: new TokenBucket(s.rateBps, s.burstBytes) };
    const p = police.find((r) => r.class === c);
    return p === void 0 ? void 0 : { mode: "police", bucket: new TokenBucket(p.rateBps, p.burstBytes) };
  });
  return new StrictPriorityQueue({ limitBytes, limitPackets }, rateLimits);
};
var channelOf = (spec, random, name) => new Channel({
  delay: makeDelayModel(spec.delay, random.stream(`${name}/delay`)),
  loss: makeLossModel(spec.loss, random.stream(`${name}/loss`)),
  duplicateRate: spec.duplicateRate,
  corruptRate: spec.corruptRate,
  keepOrder: spec.keepOrder,
  rng: random.stream(`${name}/channel`)
});

// src/engine/schedule-events.ts
var ScenarioEvents = class {
  constructor(sim, random, network, events) {
    this.random = random;
    this.network = network;
    this.events = events;
    events.forEach((event, index) => sim.scheduleAt(event.atNs, this, index));
  }
  random;
  network;
  events;
  handleEvent(index) {
    const event = this.events[index];
    const link = this.network.linksById.get(event.link);
    for (const d of event.directions) {
      const direction = link[d];
      if (event.state === "down") direction.goDown();
      else if (event.state === "up") direction.goUp();
      const spec = event[d];
      if (spec !== void 0) {
        direction.bandwidthBps = spec.bandwidthBps;
        direction.setChannel(channelOf(spec, this.random, `link/${event.link}/${direction.direction}/event-${index}`));
      }
    }
  }
};

// src/engine/build-model.ts
var buildModel = (scenario2, seed, observerFor = () => void 0) => {
  const sim = new Simulator();
  const random = new RandomSource(seed);
  const network = buildNetwork(sim, random, scenario2);
  new ScenarioEvents(sim, random, network, scenario2.events);
  const nodeOf = (id) => network.nodes.get(id);
  const streams = [];
  for (const call of scenario2.calls) {
    const codec = findCodec(call.codec);
    for (const [from, to] of [[call.from, call.to], [call.to, call.from]]) {
      const streamIndex = streams.length;
      const rtpRandom = random.stream(`call/${call.id}/${from}->${to}/rtp`);
      const spp = samplesPerPacket(codec, call.ptimeNs);
      const packetCount = Math.floor(call.durationNs / call.ptimeNs);
      const initialSeq = rtpRandom.nextUint32() & 65535;
      const initialTimestamp = rtpRandom.nextUint32();
      const sender = new RtpSender(
        sim,
        {
          flow: streamIndex,
          destination: nodeOf(to).index,
          ptimeNs: call.ptimeNs,
          samplesPerPacket: spp,
          packetBytes: rtpPacketBytes(payloadBytes(codec, call.ptimeNs)),
          dscp: DSCP.ef,
          packetCount,
          initialSeq,
          initialTimestamp
        },
        nodeOf(from)
      );
      const receiver = new StreamReceiver(
        sim,
        { clockRateHz: codec.rtpClockRateHz, ptimeNs: call.ptimeNs, samplesPerPacket: spp, initialTimestamp, packetCount },
        new FixedJitterBuffer(call.jitterBuffer.delayNs, call.ptimeNs, spp),
        observerFor(streamIndex)
      );
      nodeOf(to).attachFlow(streamIndex, receiver);
      sender.start(call.startNs);
      streams.push({ callId: call.id, from, to, codec, call, sender, receiver });
    }
  }
  const traffic = scenario2.traffic.map((t, i) => {
    const destinationNode = nodeOf(t.to);
    const source = makeTrafficSource(t.config, {
      sim,
      rng: random.stream(`traffic/${t.id}`),
      firstHop: nodeOf(t.from),
      destination: destinationNode.index,
      flow: streams.length + i,
      destinationNode
    });
    scheduleTrafficSource(source, t.config);
    return { id: t.id, from: t.from, to: t.to, source };
  });
  return { sim, links: network.directions, streams, traffic };
};

// src/report/round.ts
var round = (x, digits) => {
  const scale = 10 ** digits;
  const r = Math.round(x * scale) / scale;
  return Object.is(r, -0) ? 0 : r;
};
var nsToMsRounded = (ns) => Number.isFinite(ns) ? round(ns / 1e6, 3) : null;

// src/quality/emodel-id.ts
function echoRoe(No, RLR) {
  return -1.5 * (No - RLR);
}
function weightedEchoTERV(TELR, TMs) {
  return TELR - 40 * Math.log10((1 + TMs / 10) / (1 + TMs / 150)) + 6 * Math.exp(-0.3 * TMs * TMs);
}
function lowSidetoneTERVs(TERV, Ist) {
  return TERV + Ist / 2;
}
function echoRe(TERV) {
  return 80 + 2.5 * (TERV - 14);
}
function talkerEchoIdte(Roe, Re, TMs) {
  if (TMs < 1) return 0;
  const x = Roe - Re;
  return (x / 2 + Math.sqrt(x * x / 4 + 100) - 1) * (1 - Math.exp(-TMs));
}
function highSidetoneIdtes(Idte, Ist) {
  return Math.sqrt(Idte * Idte + Ist * Ist);
}
function listenerEchoRle(WEPL, TrMs) {
  return 10.5 * (WEPL + 7) * (TrMs + 1) ** -0.25;
}
function listenerEchoIdle(Ro, Rle) {
  const x = Ro - Rle;
  return x / 2 + Math.sqrt(x * x / 4 + 169);
}
function absoluteDelayX(TaMs, mTMs) {
  return Math.log10(TaMs / mTMs) / Math.log10(2);
}
function absoluteDelayIdd(TaMs, mTMs, sT) {
  if (TaMs <= mTMs) return 0;
  const X = absoluteDelayX(TaMs, mTMs);
  const e = 6 * sT;
  return 25 * ((1 + X ** e) ** (1 / e) - 3 * (1 + (X / 3) ** e) ** (1 / e) + 2);
}

// src/quality/emodel-ie.ts
function effectiveEquipmentImpairment(Ie, PplPercent, BurstR, Bpl) {
  if (PplPercent === 0) return Ie;
  return Ie + (95 - Ie) * PplPercent / (PplPercent / BurstR + Bpl);
}

// src/quality/emodel-is.ts
function loudnessXolr(OLR, No, RLR) {
  return OLR + 0.2 * (64 + No - RLR);
}
function loudnessImpairmentIolr(Xolr) {
  const x = Xolr / 8;
  return 20 * ((1 + x ** 8) ** (1 / 8) - x);
}
function sidetoneSTMRo(STMR, TMs, TELR) {
  return -10 * Math.log10(10 ** (-STMR / 10) + Math.exp(-TMs / 4) * 10 ** (-TELR / 10));
}
function sidetoneImpairmentIst(STMRo) {
  return 12 * (1 + ((STMRo - 13) / 6) ** 8) ** (1 / 8) - 28 * (1 + ((STMRo + 1) / 19.4) ** 35) ** (1 / 35) - 13 * (1 + ((STMRo - 3) / 33) ** 13) ** (1 / 13) + 29;
}
function quantizingQ(qdu) {
  return 37 - 15 * Math.log10(qdu);
}
function quantizingG(Q) {
  return 1.07 + 0.258 * Q + 0.0602 * Q * Q;
}
function quantizingY(Ro, G) {
  return (Ro - 100) / 15 + 46 / 8.4 - G / 9;
}
function quantizingZ(G) {
  return 46 / 30 - G / 40;
}
function quantizingImpairmentIq(Y, Z) {
  return 15 * Math.log10(1 + 10 ** Y + 10 ** Z);
}

// src/quality/emodel-ro.ts
function basicSignalToNoiseRo(SLR, No) {
  return 15 - 1.5 * (SLR + No);
}
function totalNoiseNo(Nc, Nos, Nor, Nfo) {
  return 10 * Math.log10(10 ** (Nc / 10) + 10 ** (Nos / 10) + 10 ** (Nor / 10) + 10 ** (Nfo / 10));
}
function sendRoomNoiseNos(Ps, SLR, Ds, OLR) {
  const x = Ps - OLR - Ds - 14;
  return Ps - SLR - Ds - 100 + 4e-3 * x * x;
}
function receiveRoomNoisePre(Pr, LSTR) {
  return Pr + 10 * Math.log10(1 + 10 ** ((10 - LSTR) / 10));
}
function receiveRoomNoiseNor(RLR, Pre) {
  const x = Pre - 35;
  return RLR - 121 + Pre + 8e-3 * x * x;
}
function receiveNoiseFloorNfo(Nfor, RLR) {
  return Nfor + RLR;
}

// src/quality/mos.ts
var R_AT_MOS_1 = 80 - Math.sqrt(5400);
function mosFromR(R) {
  if (R < 0) return 1;
  if (R > 100) return 4.5;
  return 1 + 0.035 * R + R * (R - 60) * (100 - R) * 7e-6;
}

// src/quality/emodel.ts
var G107_DEFAULTS = Object.freeze({
  SLR: 8,
  RLR: 2,
  STMR: 15,
  LSTR: 18,
  Ds: 3,
  Dr: 3,
  TELR: 65,
  WEPL: 110,
  T: 0,
  Tr: 0,
  Ta: 0,
  qdu: 1,
  Ie: 0,
  Bpl: 4.3,
  Ppl: 0,
  BurstR: 1,
  Nc: -70,
  Nfor: -64,
  Ps: 35,
  Pr: 35,
  A: 0,
  mT: 100,
  sT: 1
});
function eModel(input = {}) {
  const p = { ...G107_DEFAULTS, ...input };
  const LSTR = input.LSTR ?? p.STMR + p.Dr;
  const OLR = p.SLR + p.RLR;
  const Nos = sendRoomNoiseNos(p.Ps, p.SLR, p.Ds, OLR);
  const Pre = receiveRoomNoisePre(p.Pr, LSTR);
  const Nor = receiveRoomNoiseNor(p.RLR, Pre);
  const Nfo = receiveNoiseFloorNfo(p.Nfor, p.RLR);
  const No = totalNoiseNo(p.Nc, Nos, Nor, Nfo);
  const Ro = basicSignalToNoiseRo(p.SLR, No);
  const Xolr = loudnessXolr(OLR, No, p.RLR);
  const Iolr = loudnessImpairmentIolr(Xolr);
  const STMRo = sidetoneSTMRo(p.STMR, p.T, p.TELR);
  const Ist = sidetoneImpairmentIst(STMRo);
  const Q = quantizingQ(p.qdu);
  const G = quantizingG(Q);
  const Y = quantizingY(Ro, G);
  const Z = quantizingZ(G);
  const Iq = quantizingImpairmentIq(Y, Z);
  const Is = Iolr + Ist + Iq;
  const Roe = echoRoe(No, p.RLR);
  const baseTERV = weightedEchoTERV(p.TELR, p.T);
  const TERV = p.STMR < 9 ? lowSidetoneTERVs(baseTERV, Ist) : baseTERV;
  const Re = echoRe(TERV);
  const talkerEcho = talkerEchoIdte(Roe, Re, p.T);
  const Idte = p.STMR > 20 ? highSidetoneIdtes(talkerEcho, Ist) : talkerEcho;
  const Rle = listenerEchoRle(p.WEPL, p.Tr);
  const Idle = listenerEchoIdle(Ro, Rle);
  const Idd = absoluteDelayIdd(p.Ta, p.mT, p.sT);
  const Id2 = Idte + Idle + Idd;
  const IeEff = effectiveEquipmentImpairment(p.Ie, p.Ppl, p.BurstR, p.Bpl);
  const R = Ro - Is - Id2 - IeEff + p.A;
  return {
    R,
    MOS: mosFromR(R),
    Ro,
    Is,
    Id: Id2,
    IeEff,
    A: p.A,
    No,
    Nos,
    Nor,
    Nfo,
    Pre,
    OLR,
    LSTR,
    Iolr,
    Xolr,
    Ist,
    STMRo,
    Iq,
    Q,
    G,
    Y,
    Z,
    Idte,
    Roe,
    Re,
    TERV,
    Idle,
    Rle,
    Idd
  };
}

// src/quality/g113.ts
var T_I1 = "ITU-T G.113 (11/2007) App. I Table I.1";
var T_I3 = "Table I.3";
var G113_IMPAIRMENTS = {
  "G.711": {
    ie: 0,
    bplNoPlc: 4.3,
    bplWithPlc: 25.1,
    bplPacketMs: 10,
    source: `${T_I1} (Ie 0); ${T_I3}: Bpl 4.3 without PLC, 25.1 with the PLC of G.711 App. I, 10 ms packets, random loss`
  },
  "G.726-40": { ie: 2, source: `${T_I1}: ADPCM 40 kbit/s` },
  "G.726-32": { ie: 7, source: `${T_I1}: ADPCM 32 kbit/s` },
  "G.726-24": { ie: 25, source: `${T_I1}: ADPCM 24 kbit/s` },
  "G.726-16": { ie: 50, source: `${T_I1}: ADPCM 16 kbit/s` },
  "G.728-16": { ie: 7, source: `${T_I1}: LD-CELP 16 kbit/s` },
  "G.728-12.8": { ie: 20, source: `${T_I1}: LD-CELP 12.8 kbit/s` },
  "G.729": { ie: 10, source: `${T_I1}: CS-ACELP 8 kbit/s` },
  "G.729A": {
    ie: 11,
    bplWithPlc: 19,
    bplPacketMs: 20,
    source: `${T_I1} / ${T_I3}: G.729A + VAD 8 kbit/s, 2 x 10 ms frames per packet, codec-internal PLC`
  },
  "G.723.1-6.3": {
    ie: 15,
    bplWithPlc: 16.1,
    bplPacketMs: 30,
    source: `${T_I1} / ${T_I3}: G.723.1 + VAD, MP-MLQ 6.3 kbit/s, 30 ms packets, codec-internal PLC`
  },
  "G.723.1-5.3": { ie: 19, source: `${T_I1}: G.723.1 ACELP 5.3 kbit/s` },
  "GSM-FR": { ie: 20, source: `${T_I1}: GSM 06.10 RPE-LTP full rate 13 kbit/s` },
  "GSM-HR": { ie: 23, source: `${T_I1}: GSM 06.20 VSELP half rate 5.6 kbit/s` },
  "GSM-EFR": {
    ie: 5,
    bplWithPlc: 10,
    bplPacketMs: 20,
    source: `${T_I1} / ${T_I3}: GSM 06.60 ACELP enhanced full rate 12.2 kbit/s, 20 ms packets (Bpl not cross-checked)`
  }
};

// src/engine/stream-quality.ts
var streamQuality = (stream) => {
  const r = stream.receiver;
  const frames = r.framesPlayed + r.framesConcealed;
  const effectiveLossPercent = frames > 0 ? 100 * r.framesConcealed / frames : 100;
  const meanOrZero = (x) => Number.isFinite(x) && r.framesPlayed > 0 ? x : 0;
  const mouthToEarDelayMs = (stream.call.ptimeNs + stream.codec.lookaheadNs + meanOrZero(r.oneWayDelayNs.mean) + meanOrZero(r.jitterBufferDelayNs.mean)) / 1e6;
  const burstRatio = r.playoutLoss.burstR;
  const { ie, bpl } = codecImpairment(stream.codec, stream.call.plc);
  return {
    effectiveLossPercent,
    burstRatio,
    mouthToEarDelayMs,
    eModel: eModel({
      Ta: mouthToEarDelayMs,
      T: mouthToEarDelayMs,
      Tr: 2 * mouthToEarDelayMs,
      Ie: ie,
      Bpl: bpl,
      Ppl: effectiveLossPercent,
      BurstR: burstRatio
    })
  };
};
var codecImpairment = (codec, plc) => {
  const row = G113_IMPAIRMENTS[codec.g113Name];
  const bpl = plc ? row?.bplWithPlc : row?.bplNoPlc;
  if (row === void 0 || bpl === void 0)
    throw new Error(`ITU-T G.113 gives no Ie/Bpl for ${codec.name} ${plc ? "with" : "without"} PLC`);
  return { ie: row.ie, bpl };
};

// src/engine/build-report.ts
var buildReport = (name, seed, model, elapsedNs) => {
  const streamsByCall = /* @__PURE__ */ new Map();
  for (const stream of model.streams) {
    const streams = streamsByCall.get(stream.callId);
    if (streams === void 0) streamsByCall.set(stream.callId, [stream]);
    else streams.push(stream);
  }
  const calls = [...streamsByCall].map(([id, streams]) => ({
    id,
    codec: streams[0].codec.name,
    ptimeMs: streams[0].call.ptimeNs / 1e6,
    streams: streams.map(streamReport)
  }));
  return {
    scenario: name,
    seed,
    simulatedSeconds: nsToSeconds(elapsedNs),
    calls,
    links: model.links.map((link) => linkReport(link, elapsedNs)),
    traffic: model.traffic.map((t) => trafficReport(t, elapsedNs))
  };
};
var trafficReport = (t, elapsedNs) => {
  const { source } = t;
  const meter = source.meter;
  return {
    id: t.id,
    kind: source.kind,
    from: t.from,
    to: t.to,
    packetsSent: source.packetsSent,
    packetsReceived: meter.packetsReceived,
    packetsDropped: source.packetsDropped,
    goodputBps: elapsedNs > 0 ? Math.round(meter.bytesReceived * 8e9 / elapsedNs) : 0,
    oneWayDelayMs: {
      mean: meter.oneWayDelayNs.count > 0 ? nsToMsRounded(meter.oneWayDelayNs.mean) : null,
      max: meter.oneWayDelayNs.count > 0 ? nsToMsRounded(meter.oneWayDelayNs.max) : null
    }
  };
};
var streamReport = (stream) => {
  const r = stream.receiver;
  const q = streamQuality(stream);
  const expected = r.rtp.packetsExpected;
  return {
    from: stream.from,
    to: stream.to,
    packetsSent: stream.sender.packetsSent,
    packetsReceived: r.rtp.packetsReceived,
    packetsLost: r.rtp.packetsLost,
    packetsLate: r.packetsLate,
    lossPercent: expected > 0 ? round(100 * r.rtp.packetsLost / expected, 3) : 0,
    effectiveLossPercent: round(q.effectiveLossPercent, 3),
    burstRatio: round(q.burstRatio, 3),
    jitterMs: round(r.rtp.jitterMs, 3),
    oneWayDelayMs: delaySummary(r.oneWayDelayNs, r.oneWayDelayHistogramNs),
    jitterBufferDelayMs: {
      mean: nsToMsRounded(r.jitterBufferDelayNs.mean),
      p95: quantileMs(r.jitterBufferDelayHistogramNs, 0.95)
    },
    mouthToEarDelayMs: round(q.mouthToEarDelayMs, 3),
    rFactor: round(q.eModel.R, 2),
    mos: round(q.eModel.MOS, 2)
  };
};
var linkReport = (d, elapsedNs) => {
  return {
    id: d.linkId,
    direction: d.direction,
    bandwidthBps: d.bandwidthBps,
    utilization: elapsedNs > 0 ? round(Math.min(1, d.busyNs / elapsedNs), 4) : 0,
    packetsSent: d.packetsSent,
    packetsDelivered: d.packetsDelivered,
    packetsDropped: d.packetsDropped,
    packetsLost: d.packetsLost,
    packetsCorrupted: d.packetsCorrupted,
    packetsDuplicated: d.packetsDuplicated,
    packetsDroppedDown: d.packetsDroppedDown,
    packetsInFlight: d.packetsInFlight,
    queueDelayMs: queueDelay(d.queueDelayNs, mergedHistogram(d.classes.map((c) => c.queueDelayHistogramNs))),
    classes: d.classes.map(
      (c, i) => ({
        class: PRIORITY_CLASSES[i],
        packetsSent: c.packetsSent,
        packetsDropped: c.packetsDropped,
        queueDelayMs: queueDelay(c.queueDelayNs, c.queueDelayHistogramNs)
      })
    )
  };
};
var mergedHistogram = (parts) => {
  const all = newDelayHistogramNs();
  for (const h of parts) all.merge(h);
  return all;
};
var queueDelay = (stats, h) => ({
  mean: stats.count > 0 ? nsToMsRounded(stats.mean) : null,
  p95: quantileMs(h, 0.95),
  max: stats.count > 0 ? nsToMsRounded(stats.max) : null
});
var quantileMs = (h, q) => h.count > 0 ? nsToMsRounded(h.quantile(q)) : null;
var delaySummary = (stats, h) => ({
  mean: stats.count > 0 ? nsToMsRounded(stats.mean) : null,
  p50: quantileMs(h, 0.5),
  p95: quantileMs(h, 0.95),
  p99: quantileMs(h, 0.99),
  max: stats.count > 0 ? nsToMsRounded(stats.max) : null
});

// src/engine/simulate.ts
var simulate = (scenario2, options = {}) => {
  const seed = options.seed ?? scenario2.seed;
  const model = buildModel(scenario2, seed, options.observerFor);
  model.sim.runUntil(scenario2.durationNs);
  for (const stream of model.streams) stream.receiver.playUntil(scenario2.durationNs);
  return buildReport(scenario2.name, seed, model, scenario2.durationNs);
};

// bench/trunk-scenario.ts
var trunkScenarioText = (calls, durationS) => {
  const callLines = Array.from(
    { length: calls },
    (_, i) => `  - { id: c${i}, from: pbx-a, to: pbx-b, codec: G.711u, ptime: 20ms, start: ${i % 50 * 0.4}ms }`
  );
  return `name: ${calls} calls over a shared bottleneck
seed: 7
duration: ${durationS}s
nodes:
  - { id: pbx-a, kind: pbx }
  - { id: edge-a, kind: router }
  - { id: edge-b, kind: router }
  - { id: pbx-b, kind: pbx }
  - { id: cloud, kind: host }
links:
  - { id: lan-a, between: [pbx-a, edge-a], bandwidth: 1Gbit/s, delay: 0.2ms }
  - id: core
    between: [edge-a, edge-b]
    bandwidth: 100Mbit/s
    delay: 15ms
    jitter: 1ms
    loss: 0.05%
    queue: { discipline: priority, limit: 512KB }
  - { id: lan-b, between: [edge-b, pbx-b], bandwidth: 1Gbit/s, delay: 0.2ms }
  - { id: lan-c, between: [edge-b, cloud], bandwidth: 1Gbit/s, delay: 0.2ms }
calls:
${callLines.join("\n")}
traffic:
  - { id: web, kind: poisson, from: edge-a, to: cloud, rate: 10Mbit/s, packetSize: imix }
`;
};

// ../../tmp/quick.ts
import { createHash } from "node:crypto";

// src/report/format-json.ts
import { Schema as Schema8 } from "effect";

// src/report/schema.ts
import { Schema as Schema7 } from "effect";
var Ms = Schema7.NullOr(Schema7.Number);
var DelaySummaryMs = Schema7.Struct({ mean: Ms, p50: Ms, p95: Ms, p99: Ms, max: Ms });
var StreamReport = Schema7.Struct({
  from: Schema7.String,
  to: Schema7.String,
  packetsSent: Schema7.Number,
  packetsReceived: Schema7.Number,
  /** RFC 3550 cumulative number of packets lost in the network (expected − received). */
  packetsLost: Schema7.Number,
  /** Arrived after their playout time: discarded by the jitter buffer. */
  packetsLate: Schema7.Number,
  /** Network loss, RFC 3550: packetsLost / expected, in percent. */
  lossPercent: Schema7.Number,
  /** Frames concealed at playout (network loss and late loss together), in percent: the E-model's Ppl. */
  effectiveLossPercent: Schema7.Number,
  /** G.107 BurstR estimated from the playout loss pattern (1 = random loss). */
  burstRatio: Schema7.Number,
  /** RFC 3550 interarrival jitter at the end of the stream. */
  jitterMs: Schema7.Number,
  oneWayDelayMs: DelaySummaryMs,
  jitterBufferDelayMs: Schema7.Struct({ mean: Ms, p95: Ms }),
  /** Packetization + codec lookahead + mean network delay + mean jitter-buffer delay: the E-model's Ta. */
  mouthToEarDelayMs: Schema7.Number,
  rFactor: Schema7.Number,
  mos: Schema7.Number
});
var CallReport = Schema7.Struct({
  id: Schema7.String,
  codec: Schema7.String,
  ptimeMs: Schema7.Number,
  streams: Schema7.Array(StreamReport)
});
var QueueDelayMs = Schema7.Struct({ mean: Ms, p95: Ms, max: Ms });
var LinkClassReport = Schema7.Struct({
  class: Schema7.String,
  packetsSent: Schema7.Number,
  packetsDropped: Schema7.Number,
  queueDelayMs: QueueDelayMs
});
var LinkReport = Schema7.Struct({
  id: Schema7.String,
  direction: Schema7.String,
  bandwidthBps: Schema7.Number,
  /** Fraction of the simulated time the transmitter was busy, 0..1. */
  utilization: Schema7.Number,
  packetsSent: Schema7.Number,
  packetsDelivered: Schema7.Number,
  /** Refused by the full egress queue. */
  packetsDropped: Schema7.Number,
  /** Lost by the channel's loss model. */
  packetsLost: Schema7.Number,
  /** Arrived damaged and discarded by the receiver's checksum. */
  packetsCorrupted: Schema7.Number,
  /** Extra copies the channel made. */
  packetsDuplicated: Schema7.Number,
  /** Offered while the link was down, or queued, on the wire or propagating when it went down. */
  packetsDroppedDown: Schema7.Number,
  /** Still queued, on the wire or propagating when the run ended. */
  packetsInFlight: Schema7.Number,
  queueDelayMs: QueueDelayMs,
  classes: Schema7.Array(LinkClassReport)
});
var TrafficReport = Schema7.Struct({
  id: Schema7.String,
  kind: Schema7.String,
  from: Schema7.String,
  to: Schema7.String,
  packetsSent: Schema7.Number,
  packetsReceived: Schema7.Number,
  /** Reported dropped by the network: queues, channel loss, corruption, link down. */
  packetsDropped: Schema7.Number,
  /** Bits received per simulated second. */
  goodputBps: Schema7.Number,
  oneWayDelayMs: Schema7.Struct({ mean: Ms, max: Ms })
});
var Report = Schema7.Struct({
  scenario: Schema7.String,
  seed: Schema7.Number,
  simulatedSeconds: Schema7.Number,
  calls: Schema7.Array(CallReport),
  links: Schema7.Array(LinkReport),
  traffic: Schema7.Array(TrafficReport)
});

// src/report/format-json.ts
var encodeReport = Schema8.encodeSync(Report);
var formatReportJson = (report) => `${JSON.stringify(encodeReport(report), null, 2)}
`;

// ../../tmp/quick.ts
var dur = Number(process.argv[2] ?? 20);
var reps = Number(process.argv[3] ?? 1);
var parsed = parseScenario(trunkScenarioText(1e3, dur), "trunk.yaml");
if (!parsed.ok) throw new Error(parsed.errors[0].format());
var scenario = parsed.scenario;
for (let r = 0; r < reps; r++) {
  const t0 = performance.now();
  const model = buildModel(scenario, scenario.seed);
  const t1 = performance.now();
  model.sim.runUntil(scenario.durationNs);
  const t2 = performance.now();
  console.log(`build ${(t1 - t0).toFixed(0)} ms, run ${(t2 - t1).toFixed(0)} ms, events ${model.sim.processedEvents}, ${(dur / ((t2 - t1) / 1e3)).toFixed(1)}x rt`);
}
if (process.env.HASH) {
  const report = simulate(scenario);
  const json = formatReportJson(report);
  console.log("report sha", createHash("sha256").update(json).digest("hex").slice(0, 16));
}
