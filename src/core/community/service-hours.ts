import { shanghai } from '../shared/time'

/** Is the service desk staffed at `now` (Shanghai wall clock)? Emergencies are answered 24 h regardless. */
export function isServiceOpen(now: number, hours: { open: string; close: string }): boolean {
  const t = shanghai(now).format('HH:mm')
  return t >= hours.open && t < hours.close
}
