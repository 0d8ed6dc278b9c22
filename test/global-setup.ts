import { build } from "vite"

/** Bundles the CLI once before the tests that spawn it, so they test what users run. */
export default async function setup(): Promise<void> {
  await build({ configFile: "vite.cli.config.ts", logLevel: "warn" })
}
