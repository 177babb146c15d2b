import { EVENTS, transition, canCause, type TicketEvent, REOPEN_DAYS } from './machine'
import { STATUSES, type Status } from './types'
import type { ActorRole } from '../shared/roles'

const ROLES: ActorRole[] = ['resident', 'agent', 'handler', 'manager', 'supervisor', 'system']
const NOW = Date.UTC(2026, 10, 24, 2)

const ticket = (status: Status) => ({
  status,
  pausedFrom: 'in_progress' as Status,
  assignee: 'h1',
  reporterOpenid: 'r1',
  followers: ['f1'],
  resolvedAt: NOW - 3600_000,
})
const actor = (role: ActorRole) => ({ role, openid: role === 'handler' ? 'h1' : role === 'resident' ? 'r1' : `${role}-1` })

describe('ticket state machine', () => {
  // Every (state, event, role): allowed exactly when the table says so, refused with the right code otherwise.
  for (const status of STATUSES) {
    for (const event of Object.keys(EVENTS) as TicketEvent[]) {
      for (const role of ROLES) {
        const spec = EVENTS[event]
        const allowed = canCause(event, role) && (spec.from as readonly Status[]).includes(status)
        it(`${status} --${event}--> as ${role}: ${allowed ? 'allowed' : 'refused'}`, () => {
          const run = () => transition(ticket(status), event, actor(role), NOW)
          if (allowed) {
            const to = run()
            expect(to).toBe(spec.to === 'resume' ? 'in_progress' : spec.to)
          } else {
            expect(run).toThrow(expect.objectContaining({ code: canCause(event, role) ? 'INVALID_STATE' : 'FORBIDDEN' }))
          }
        })
      }
    }
  }

  it('lets a handler act only on tickets assigned to them', () => {
    expect(() => transition(ticket('dispatched'), 'accept', { role: 'handler', openid: 'other' }, NOW)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }))
  })

  it('lets a resident act only on tickets they reported or follow', () => {
    expect(() => transition(ticket('resolved'), 'confirm', { role: 'resident', openid: 'stranger' }, NOW)).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    )
    expect(transition(ticket('resolved'), 'confirm', { role: 'resident', openid: 'f1' }, NOW)).toBe('closed')
  })

  it('reopens within 7 days of resolution, not after', () => {
    const t = { ...ticket('closed'), resolvedAt: NOW - REOPEN_DAYS * 86400_000 + 1000 }
    expect(transition(t, 'reopen', actor('resident'), NOW)).toBe('new')
    expect(() => transition({ ...t, resolvedAt: NOW - REOPEN_DAYS * 86400_000 - 1000 }, 'reopen', actor('resident'), NOW)).toThrow(
      expect.objectContaining({ code: 'INVALID_STATE' }),
    )
  })

  it('resumes to where the ticket was paused from', () => {
    expect(transition({ ...ticket('paused'), pausedFrom: 'accepted' }, 'resume', actor('handler'), NOW)).toBe('accepted')
  })
})
