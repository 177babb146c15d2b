import { TEMPLATES } from '../core/shared/templates'
import { STAFF_ROLES } from '../core/shared/roles'
import { staffTemplates } from './subscribe'

describe('staffTemplates', () => {
  it('asks handlers for new orders and alerts, everyone else for alerts — real templates, ≤ 3 a call', () => {
    expect(staffTemplates(['handler'])).toEqual(['newOrder', 'ticketAlert'])
    expect(staffTemplates(['agent', 'supervisor'])).toEqual(['ticketAlert'])
    for (const r of STAFF_ROLES) {
      const keys = staffTemplates([r])
      expect(keys.length).toBeLessThanOrEqual(3)
      for (const k of keys) expect(TEMPLATES[k]).toBeDefined()
    }
  })
})
