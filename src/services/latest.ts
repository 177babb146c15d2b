/**
 * Tells whether a call is still the latest one started: a page that reloads on every filter change
 * keeps only the answer to the last question, however the answers arrive.
 */
export function latestCalls() {
  let started = 0
  return () => {
    const call = ++started
    return () => call === started
  }
}
