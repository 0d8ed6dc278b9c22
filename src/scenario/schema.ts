/**
 * The scenario schema: decodes the parsed YAML/JSON of a scenario file into
 * the model the simulator runs (see model.ts for the shape and units).
 *
 *   file.ts         fields, units and local defaults, as written in the file
 *   consistency.ts  rules across fields (ids, references, timing)
 *   normalize.ts    renames to unit-named keys, fills context defaults
 *
 * Decode with SCENARIO_PARSE_OPTIONS: effect applies parse options per call,
 * not per schema, and unknown fields must be errors.
 */
import { Schema, SchemaGetter, type SchemaAST } from "effect"
import { findInconsistencies } from "./consistency.ts"
import { ScenarioFile } from "./file.ts"
import { ScenarioModel } from "./model.ts"
import { toModel } from "./normalize.ts"

export const Scenario = ScenarioFile.check(Schema.makeFilter(findInconsistencies)).pipe(
  Schema.decodeTo(ScenarioModel, {
    decode: SchemaGetter.transform(toModel),
    encode: SchemaGetter.forbidden(() => "turning a scenario back into a file is not supported"),
  }),
)

/**
 * ```ts
 * {
 *   name: string; seed: number; durationNs: number
 *   nodes: { id: string; kind: "phone" }[]
 *   links: {
 *     id: string; between: [string, string]; bandwidthBps: number; delayNs: number
 *     jitter: { distribution: "none" } | { distribution: "uniform"; rangeNs: number } | { distribution: "normal"; stddevNs: number }
 *     loss: { model: "bernoulli"; rate: number }   // rate in 0..1
 *     queue: { limitBytes: number }
 *   }[]
 *   calls: {
 *     id: string; from: string; to: string; codec: "G.711u" | "G.711a"; ptimeNs: number
 *     jitterBuffer: { kind: "fixed"; delayNs: number }; plc: boolean; startNs: number; durationNs: number
 *   }[]
 * }   // all readonly
 * ```
 */
export type Scenario = typeof Scenario.Type

export const SCENARIO_PARSE_OPTIONS: SchemaAST.ParseOptions = { errors: "all", onExcessProperty: "error", reportInput: true }
