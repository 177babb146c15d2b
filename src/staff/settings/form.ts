/** Issues keyed by their path (the shape the server's INVALID_INPUT fields have): one message per field. */
export function issuesOf(issues: { path: PropertyKey[]; message: string }[]) {
  const out: Record<string, string> = {}
  for (const i of issues) out[i.path.map(String).join('.') || '_'] ??= i.message
  return out
}

/** The message for a field, or for any part of it (a holiday's own error shows under the holidays field). */
export const errorFor = (errors: Record<string, string>, key: string) =>
  errors[key] ?? Object.entries(errors).find(([k]) => k.startsWith(`${key}.`))?.[1]

/** Whole numbers typed by a person; an empty box is not zero. */
export const num = (s: string | undefined) => (s === undefined || s.trim() === '' ? Number.NaN : Number(s))
