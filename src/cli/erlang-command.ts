import { Console, Effect, Option } from "effect"
import { Command, Flag } from "effect/cli"
import {
  agentsForServiceLevel,
  averageSpeedOfAnswer,
  busyHourErlangs,
  erlangB,
  erlangC,
  occupancy,
  serviceLevel,
  trafficForBlocking,
  trunksForBlocking,
} from "../planning/erlang.ts"
import { InputError } from "./input-error.ts"
import { attempt, durationMs, fraction, percent, positiveDurationMs, requireThat, round } from "./flag-values.ts"

/** Offered traffic and where it came from: --traffic, or --calls-per-hour × --holding. */
interface Offered {
  readonly erlangs: number
  readonly callsPerHour: number | null
  /** Mean holding (handling) time, when given */
  readonly holdingSeconds: number | null
  /** How the text output states it */
  readonly text: string
}

const trafficFlag = Flag.Finite("traffic").pipe(Flag.withMetavar("ERLANGS"), Flag.withDescription("Offered traffic in Erlangs"), Flag.optional)
const callsPerHourFlag = Flag.Finite("calls-per-hour").pipe(
  Flag.withMetavar("N"),
  Flag.withDescription("Busy-hour call attempts, with --holding, instead of --traffic"),
  Flag.optional,
)
const jsonFlag = Flag.Boolean("json").pipe(Flag.withDescription("Print the result as JSON"), Flag.withDefault(false))

const durationText = (ms: number): string => (ms % 60_000 === 0 && ms > 0 ? `${ms / 60_000} min` : `${round(ms / 1000, 3)} s`)

/** The offered traffic from the flags; undefined when neither way was given. */
const offeredTraffic = (
  traffic: number | undefined,
  callsPerHour: number | undefined,
  holding: string | undefined,
  holdingRole: "traffic" | "handling",
): Effect.Effect<Offered | undefined, InputError> =>
  Effect.gen(function* () {
    yield* requireThat(traffic === undefined || callsPerHour === undefined, "--traffic", "give --traffic or --calls-per-hour with --holding, not both")
    const holdingMs = holding === undefined ? undefined : yield* positiveDurationMs("--holding", holding)
    if (traffic !== undefined) {
      yield* requireThat(traffic >= 0, "--traffic", `expected Erlangs ≥ 0, got ${traffic}`)
      yield* requireThat(holdingRole === "handling" || holdingMs === undefined, "--holding", "goes with --calls-per-hour (or give --traffic alone)")
      return { erlangs: traffic, callsPerHour: null, holdingSeconds: holdingMs === undefined ? null : holdingMs / 1000, text: `${traffic} E` }
    }
    if (callsPerHour === undefined) return undefined
    yield* requireThat(callsPerHour >= 0, "--calls-per-hour", `expected a number ≥ 0, got ${callsPerHour}`)
    if (holdingMs === undefined) return yield* new InputError({ message: "--calls-per-hour: needs --holding, the mean call duration (e.g. 3min)" })
    const erlangs = busyHourErlangs(callsPerHour, holdingMs / 1000)
    return { erlangs, callsPerHour, holdingSeconds: holdingMs / 1000, text: `${callsPerHour} calls/h × ${durationText(holdingMs)} = ${round(erlangs, 4)} E` }
  })

const count = (flag: string, value: number | undefined, min: number): Effect.Effect<number | undefined, InputError> =>
  value === undefined
    ? Effect.succeed(undefined)
    : Effect.as(requireThat(Number.isSafeInteger(value) && value >= min, flag, `expected a whole number ≥ ${min}, got ${value}`), value)

const lines = (rows: readonly (readonly [string, string])[]): string => {
  const width = Math.max(...rows.map(([name]) => name.length))
  return rows.map(([name, value]) => `${name.padEnd(width)}  ${value}`).join("\n")
}

const b = Command.make(
  "b",
  {
    traffic: trafficFlag,
    callsPerHour: callsPerHourFlag,
    holding: Flag.String("holding").pipe(Flag.withMetavar("DURATION"), Flag.withDescription("Mean call duration, e.g. 2min (with --calls-per-hour)"), Flag.optional),
    blocking: Flag.String("blocking").pipe(Flag.withMetavar("PERCENT"), Flag.withDescription("Target blocking (grade of service), e.g. 1%"), Flag.optional),
    trunks: Flag.Int("trunks").pipe(Flag.withMetavar("N"), Flag.withDescription("Number of trunks (channels)"), Flag.optional),
    json: jsonFlag,
  },
  Effect.fn(function* (flags) {
    const offered = yield* offeredTraffic(
      Option.getOrUndefined(flags.traffic),
      Option.getOrUndefined(flags.callsPerHour),
      Option.getOrUndefined(flags.holding),
      "traffic",
    )
    const trunks = yield* count("--trunks", Option.getOrUndefined(flags.trunks), 0)
    const blockingText = Option.getOrUndefined(flags.blocking)
    const target = blockingText === undefined ? undefined : yield* fraction("--blocking", blockingText, "excluded")
    const given = [offered, trunks, target].filter((x) => x !== undefined).length
    if (given !== 2) {
      return yield* new InputError({
        message:
          "give two of the traffic (--traffic, or --calls-per-hour and --holding), --trunks and --blocking; the third is computed",
      })
    }

    if (offered === undefined) {
      // Capacity: the most traffic the trunks carry at the target.
      yield* requireThat(trunks! >= 1, "--trunks", "at least 1 trunk carries traffic")
      yield* requireThat(target! < 1, "--blocking", "expected less than 100%")
      const erlangs = yield* attempt(() => trafficForBlocking(trunks!, target!))
      const report = { model: "Erlang B", trunks: trunks!, targetBlocking: target!, trafficErlangs: erlangs, carriedErlangs: erlangs * (1 - target!) }
      return yield* Console.log(
        flags.json
          ? JSON.stringify(report, null, 2)
          : [
              `Erlang B (blocked calls cleared): ${trunks} trunks at ${percent(target!)} blocking`,
              "",
              lines([
                ["offered traffic they carry", `${round(erlangs, 4)} E`],
                ["carried traffic", `${round(report.carriedErlangs, 4)} E`],
              ]),
            ].join("\n"),
      )
    }

    const n = trunks ?? (yield* attempt(() => trunksForBlocking(offered.erlangs, target!)))
    const blocking = yield* attempt(() => erlangB(offered.erlangs, n))
    const report = {
      model: "Erlang B",
      trafficErlangs: offered.erlangs,
      callsPerHour: offered.callsPerHour,
      holdingSeconds: offered.holdingSeconds,
      ...(target === undefined ? {} : { targetBlocking: target }),
      trunks: n,
      blocking,
      ...(target === undefined || n === 0 ? {} : { blockingWithOneTrunkLess: erlangB(offered.erlangs, n - 1) }),
      carriedErlangs: offered.erlangs * (1 - blocking),
      lostErlangs: offered.erlangs * blocking,
    }
    if (flags.json) return yield* Console.log(JSON.stringify(report, null, 2))
    const rows: [string, string][] =
      target === undefined
        ? [["blocking", percent(blocking)]]
        : [
            [`trunks for ≤ ${percent(target)} blocking`, `${n}`],
            [`blocking on ${n} trunks`, percent(blocking)],
            ...(report.blockingWithOneTrunkLess === undefined
              ? []
              : [[`blocking on ${n - 1} trunks`, percent(report.blockingWithOneTrunkLess)] as [string, string]]),
          ]
    rows.push(["carried traffic", `${round(report.carriedErlangs, 4)} E`], ["lost traffic", `${round(report.lostErlangs, 4)} E`])
    yield* Console.log(
      [`Erlang B (blocked calls cleared): ${offered.text} offered${trunks === undefined ? "" : ` to ${n} trunks`}`, "", lines(rows)].join("\n"),
    )
  }),
).pipe(
  Command.withDescription("Erlang B: trunks needed for a blocking target, the blocking of N trunks, or the traffic N trunks carry"),
  Command.withExamples([
    { command: "voiplab erlang b --traffic 10 --blocking 1%", description: "trunks needed for 10 E at 1% blocking" },
    { command: "voiplab erlang b --traffic 10 --trunks 15", description: "blocking of 15 trunks offered 10 E" },
    { command: "voiplab erlang b --calls-per-hour 300 --holding 2min --blocking 1%", description: "busy-hour calls instead of Erlangs" },
    { command: "voiplab erlang b --trunks 15 --blocking 1%", description: "the traffic 15 trunks carry at 1% blocking" },
  ]),
)

const c = Command.make(
  "c",
  {
    traffic: trafficFlag,
    callsPerHour: callsPerHourFlag,
    holding: Flag.String("holding").pipe(Flag.withMetavar("DURATION"), Flag.withDescription("Mean handling time of a call, e.g. 3min")),
    agents: Flag.Int("agents").pipe(Flag.withMetavar("N"), Flag.withDescription("Number of agents (servers)"), Flag.optional),
    answerWithin: Flag.String("answer-within").pipe(
      Flag.withMetavar("DURATION"),
      Flag.withDescription("Target answer time for the service level, e.g. 20s"),
      Flag.optional,
    ),
    serviceLevel: Flag.String("service-level").pipe(
      Flag.withMetavar("PERCENT"),
      Flag.withDescription("Target share answered within --answer-within, e.g. 80%: prints the agents needed"),
      Flag.optional,
    ),
    json: jsonFlag,
  },
  Effect.fn(function* (flags) {
    const offered = yield* offeredTraffic(
      Option.getOrUndefined(flags.traffic),
      Option.getOrUndefined(flags.callsPerHour),
      flags.holding,
      "handling",
    )
    if (offered === undefined) return yield* new InputError({ message: "give --traffic, or --calls-per-hour with --holding" })
    const a = offered.erlangs
    const handlingSeconds = offered.holdingSeconds!
    const agentsGiven = yield* count("--agents", Option.getOrUndefined(flags.agents), 1)
    const answerText = Option.getOrUndefined(flags.answerWithin)
    const answerSeconds = answerText === undefined ? undefined : (yield* durationMs("--answer-within", answerText)) / 1000
    const levelText = Option.getOrUndefined(flags.serviceLevel)
    const targetLevel = levelText === undefined ? undefined : yield* fraction("--service-level", levelText)
    yield* requireThat(targetLevel === undefined || targetLevel < 1, "--service-level", "100% is never reached: some call always waits")
    if (agentsGiven === undefined && targetLevel === undefined) {
      return yield* new InputError({ message: "give --agents, or --service-level with --answer-within for the agents needed" })
    }
    if (targetLevel !== undefined && answerSeconds === undefined) {
      return yield* new InputError({ message: "--service-level: needs --answer-within, the target answer time (e.g. 20s)" })
    }
    if (agentsGiven !== undefined && !(agentsGiven > a)) {
      return yield* new InputError({
        message: `--agents: ${agentsGiven} agents cannot keep up with ${round(a, 4)} E, so the queue grows without bound; Erlang C needs more agents than Erlangs (at least ${Math.floor(a) + 1})`,
      })
    }
    const needed =
      targetLevel === undefined ? undefined : yield* attempt(() => agentsForServiceLevel(a, handlingSeconds, answerSeconds!, targetLevel))
    const n = agentsGiven ?? needed!
    const report = {
      model: "Erlang C",
      trafficErlangs: a,
      callsPerHour: offered.callsPerHour,
      holdingSeconds: handlingSeconds,
      agents: n,
      probabilityOfWaiting: yield* attempt(() => erlangC(a, n)),
      averageSpeedOfAnswerSeconds: yield* attempt(() => averageSpeedOfAnswer(a, n, handlingSeconds)),
      answerWithinSeconds: answerSeconds ?? null,
      serviceLevel: answerSeconds === undefined ? null : yield* attempt(() => serviceLevel(a, n, handlingSeconds, answerSeconds)),
      occupancy: yield* attempt(() => occupancy(a, n)),
      targetServiceLevel: targetLevel ?? null,
      agentsForServiceLevel: needed ?? null,
    }
    if (flags.json) return yield* Console.log(JSON.stringify(report, null, 2))
    const rows: [string, string][] = []
    if (needed !== undefined) rows.push([`agents for ${percent(targetLevel!)} answered within ${round(answerSeconds!, 3)} s`, `${needed}`])
    rows.push(
      [`probability of waiting`, percent(report.probabilityOfWaiting)],
      ["average speed of answer", `${round(report.averageSpeedOfAnswerSeconds, 2)} s`],
    )
    if (report.serviceLevel !== null) rows.push([`answered within ${round(answerSeconds!, 3)} s`, percent(report.serviceLevel)])
    rows.push(["occupancy", percent(report.occupancy)])
    yield* Console.log(
      [
        `Erlang C (blocked calls wait): ${offered.text} offered, ${durationText(handlingSeconds * 1000)} mean handling time, ${n} agents`,
        "",
        lines(rows),
      ].join("\n"),
    )
  }),
).pipe(
  Command.withDescription("Erlang C: waiting, average speed of answer, service level and occupancy of N agents, or the agents needed"),
  Command.withExamples([
    { command: "voiplab erlang c --traffic 17.5 --agents 21 --holding 3min --answer-within 20s", description: "a queue of 21 agents" },
    { command: "voiplab erlang c --traffic 17.5 --holding 3min --answer-within 20s --service-level 80%", description: "agents for 80% in 20 s" },
  ]),
)

export const erlang = Command.make("erlang").pipe(
  Command.withDescription("Teletraffic dimensioning: Erlang B for trunk groups, Erlang C for agent queues"),
  Command.withSubcommands([b, c]),
)
