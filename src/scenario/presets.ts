/**
 * Link presets (src/network/presets.ts) are written in the file's own syntax; here they are
 * decoded once with the same schema as user input, so a preset obeys every rule a file does.
 */
import { Schema } from "effect"
import { LINK_PRESETS } from "../network/presets.ts"
import { PresetLink } from "./file.ts"

export type DecodedPreset = typeof PresetLink.Type

const decoded = new Map<string, DecodedPreset>()

export const presetNames = (): string[] => Object.keys(LINK_PRESETS)

/** The decoded preset, or undefined for an unknown name. Throws only if a built-in preset is invalid (a test guards that). */
export const presetLink = (name: string): DecodedPreset | undefined => {
  const preset = LINK_PRESETS[name]
  if (preset === undefined) return undefined
  let link = decoded.get(name)
  if (link === undefined) {
    link = Schema.decodeUnknownSync(PresetLink)(preset.link, { onExcessProperty: "error" })
    decoded.set(name, link)
  }
  return link
}
