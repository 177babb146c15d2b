/** Time is a port so rules can be tested at 03:00 on a holiday without waiting for one. */
export interface Clock {
  now(): number
}

export const systemClock: Clock = { now: () => Date.now() }

/** A clock tests and the bench move by hand. */
export function fixedClock(start: number) {
  let t = start
  return {
    now: () => t,
    set: (ms: number) => {
      t = ms
    },
    advance: (ms: number) => {
      t += ms
    },
  }
}
