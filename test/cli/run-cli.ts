import { spawnSync } from "node:child_process"

export interface CliResult {
  readonly status: number | null
  readonly stdout: string
  readonly stderr: string
}

/** Runs the bundled CLI as a user would. */
export const runCli = (...args: string[]): CliResult => {
  const r = spawnSync(process.execPath, ["dist-cli/cli.js", ...args], { encoding: "utf8", timeout: 30_000 })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}
