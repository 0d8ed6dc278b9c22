import { Schema } from "effect"
import { Report } from "./schema.ts"

const encodeReport = Schema.encodeSync(Report)

/** The report as JSON: checked against the Report schema, keys in the schema's order. */
export const formatReportJson = (report: Report): string => `${JSON.stringify(encodeReport(report), null, 2)}\n`
