import { statusLabel, stepsDone, stepsOf } from './progress'

const repair = { type: 'repair' as const, rated: false }

describe('a ticket at a glance', () => {
  it('walks a repair through its six steps', () => {
    expect(stepsOf('repair')).toEqual(['提交', '受理', '派单', '上门', '完工', '评价'])
    expect(stepsDone({ ...repair, status: 'new' })).toBe(1)
    expect(stepsDone({ ...repair, status: 'new', respondedAt: 1 })).toBe(2)
    expect(stepsDone({ ...repair, status: 'accepted', respondedAt: 1 })).toBe(3)
    expect(stepsDone({ ...repair, status: 'in_progress' })).toBe(4)
    expect(stepsDone({ ...repair, status: 'paused', pausedFrom: 'in_progress' })).toBe(4)
    expect(stepsDone({ ...repair, status: 'resolved' })).toBe(5)
    expect(stepsDone({ ...repair, status: 'closed' })).toBe(5)
    expect(stepsDone({ ...repair, status: 'closed', rated: true })).toBe(6)
    expect(stepsDone({ ...repair, status: 'cancelled' })).toBeNull()
  })

  it('has no visit for a question', () => {
    expect(stepsOf('question')).toEqual(['提交', '受理', '处理', '完成', '评价'])
    expect(stepsDone({ type: 'question', rated: false, status: 'resolved', respondedAt: 1 })).toBe(4)
  })

  it('never says 待受理 once the desk has answered', () => {
    expect(statusLabel({ status: 'new' })).toBe('待受理')
    expect(statusLabel({ status: 'new', respondedAt: 5 })).toBe('已受理')
    expect(statusLabel({ status: 'dispatched', respondedAt: 5 })).toBe('已派单')
  })
})
