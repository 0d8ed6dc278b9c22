import { Console, Effect, Option } from "effect"
import { Argument, Command, Flag } from "effect/cli"
import { simulate } from "../engine/simulate.ts"
import { formatReportJson } from "../report/format-json.ts"
import { formatReportTable } from "../report/format-table.ts"
import { bandwidth } from "./bandwidth-command.ts"
import { codecs } from "./codecs-command.ts"
import { erlang } from "./erlang-command.ts"
import { InputError } from "./input-error.ts"
import { quality } from "./quality-command.ts"
import { readScenario } from "./read-scenario.ts"

const scenarioFile = Argument.String("scenario").pipe(Argument.withDescription("Scenario file (YAML or JSON)"))

const run = Command.make(
  "run",
  {
    file: scenarioFile,
    seed: Flag.Int("seed").pipe(Flag.withDescription("Seed for the random streams (overrides the scenario's)"), Flag.optional),
    json: Flag.Boolean("json").pipe(Flag.withDescription("Print the report as JSON"), Flag.withDefault(false)),
  },
  Effect.fn(function* ({ file, seed, json }) {
    const seedOverride = Option.getOrUndefined(seed)
    if (seedOverride !== undefined && !(seedOverride >= 0 && Number.isSafeInteger(seedOverride)))
      return yield* new InputError({ message: `--seed: expected an integer ≥ 0, got ${seedOverride}` })
    const scenario = yield* readScenario(file)
    const report = simulate(scenario, seedOverride === undefined ? {} : { seed: seedOverride })
    yield* Console.log(json ? formatReportJson(report).trimEnd() : formatReportTable(report))
  }),
).pipe(Command.withDescription("Simulate a scenario and print its report"))

const validate = Command.make(
  "validate",
  { file: scenarioFile },
  Effect.fn(function* ({ file }) {
    const scenario = yield* readScenario(file)
    yield* Console.log(
      `${file}: valid (${scenario.nodes.length} nodes, ${scenario.links.length} links, ${scenario.calls.length} calls)`,
    )
  }),
).pipe(Command.withDescription("Check a scenario file without running it"))

export const voiplab = Command.make("voiplab").pipe(
  Command.withDescription("Deterministic VoIP network simulator and call-quality lab"),
  Command.withSubcommands([run, validate, codecs, bandwidth, erlang, quality]),
)

export const VERSION = "0.1.0"
