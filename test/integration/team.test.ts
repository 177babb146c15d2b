import { billReminders } from '../../cloudfunctions/lib/bills/jobs'
import { decidePrompt, DAY_MS, DEFAULT_POLICY, dueDatesToday, type ReminderPolicy } from '../../src/core/bills/reminders'
import { teamContract } from '../../src/core/supervisor/team-contracts'
import { harness, T0, type Harness } from '../helpers/harness'

let h: Harness
beforeEach(async () => {
  h = await harness()
})
afterEach(() => h.close())

const LIU = 'dev-supervisor-liu'
const SUN = 'dev-cleaner-sun'
const ZHAO = 'dev-tech-zhao'
const WANG = 'dev-resident-wang'

const ok = (action: string, data?: unknown, who = 'supervisor-liu') => h.ok(who, 'supervisor', action, data)
const call = (action: string, data?: unknown, who = 'supervisor-liu') => h.call(who, 'supervisor', action, data)
const trail = async (kind?: string) => (await ok('audit', kind ? { kind } : {})).items
const member = async (openid: string) => (await ok('team', {})).members.find((m: { openid: string }) => m.openid === openid)

/** Everything a team or settings change could touch, as stored. */
async function snapshot() {
  const out: Record<string, unknown> = {}
  for (const c of ['users', 'audit', 'savedReplies', 'settings', 'billSettings'])
    out[c] = await h.store.collection(c).find({ orderBy: [['_id', 'asc']], limit: 1000 })
  return JSON.stringify(out)
}

/** Refused with these field messages, and nothing written at all. */
async function refused(action: string, data: unknown, code: string, fields: Record<string, string>) {
  const before = await snapshot()
  const writes = h.store.stats.writes
  const r = await call(action, data)
  expect(r).toMatchObject({ ok: false, error: { code, fields } })
  expect(h.store.stats.writes).toBe(writes)
  expect(await snapshot()).toBe(before)
}

const sunProfile = { openid: SUN, name: '孙丽', roles: ['handler'], department: 'cleaning', zone: [], onDuty: false }
const policy = { daysBefore: 2, onDue: false, overdueDays: [24, 40], minGapDays: 5, hour: 9, quiet: { start: 21, end: 8 } }

describe('team: staff, roles, zones and the on-duty roster', () => {
  it('lists the community staff with roles, department, zone, duty and a masked phone', async () => {
    await h.store.c.users.update(ZHAO, { phone: '13912341234' })
    const t = await ok('team', {})
    expect(t).toMatchObject({ supervisors: 1, onDuty: 2, buildings: ['1', '2', '3', '4', '5', '6'] })
    expect(t.members.map((m: { name: string }) => m.name)).toEqual(['刘芳', '周明', '陈静', '孙丽', '赵强'])
    expect(t.members.find((m: { openid: string }) => m.openid === ZHAO)).toMatchObject({
      roles: ['handler'],
      department: 'engineering',
      onDuty: true,
      phone: '139****1234',
      isMe: false,
    })
    expect(t.members.find((m: { openid: string }) => m.openid === 'dev-manager-zhou')).toMatchObject({
      roles: ['manager'],
      zone: ['1', '2', '3'],
      onDuty: false,
    })
    expect(t.members.find((m: { openid: string }) => m.openid === LIU)).toMatchObject({ isMe: true })
  })

  it('an edit is audited with before and after and takes effect on the next call', async () => {
    expect(await h.call('cleaner-sun', 'supervisor', 'dashboard', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const saved = await ok('updateMember', { ...sunProfile, roles: ['manager', 'handler'], zone: ['5', '4', '5'], onDuty: true })
    expect(saved).toMatchObject({ roles: ['handler', 'manager'], zone: ['4', '5'], onDuty: true })

    const [a] = await trail('team')
    expect(a).toMatchObject({
      kind: 'team',
      actor: LIU,
      actorName: '刘芳',
      summary: '修改 孙丽：角色 维修/服务人员 → 维修/服务人员、管理员；负责楼栋 无 → 4、5 栋；加入值班',
      before: { openid: SUN, roles: ['handler'], department: 'cleaning', zone: [], onDuty: false },
      after: { openid: SUN, roles: ['handler', 'manager'], department: 'cleaning', zone: ['4', '5'], onDuty: true },
    })
    expect(a.at).toBeGreaterThan(T0)
    // Roles are looked up on every call: 孙丽 now opens the dashboard of her zone, and is on the roster.
    expect(await h.ok('cleaner-sun', 'supervisor', 'dashboard', {})).toMatchObject({ zone: ['4', '5'] })
    expect((await h.ok('agent-chen', 'tickets', 'handlers', { department: 'cleaning' }))[0]).toMatchObject({ name: '孙丽', onDuty: true })

    // The same profile again changes nothing and records nothing.
    const writes = h.store.stats.writes
    await ok('updateMember', { ...sunProfile, roles: ['handler', 'manager'], zone: ['4', '5'], onDuty: true })
    expect(h.store.stats.writes).toBe(writes)
    expect(await trail('team')).toHaveLength(1)
  })

  it('adds someone who has opened the mini-program, and removes the staff role again', async () => {
    await refused('addMember', { openid: 'wx-never-opened', name: '新人', roles: ['agent'], onDuty: false }, 'NOT_FOUND', {
      openid: '找不到该用户：请对方先打开一次小程序',
    })
    await refused('addMember', { ...sunProfile }, 'CONFLICT', { openid: '该用户已是本小区员工' })

    expect(await h.call('resident-wang', 'tickets', 'inbox', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const added = await ok('addMember', { openid: WANG, name: '王磊', roles: ['agent'], onDuty: false })
    expect(added).toMatchObject({ openid: WANG, name: '王磊', roles: ['agent'], zone: [], onDuty: false })
    expect(await h.call('resident-wang', 'tickets', 'inbox', {})).toMatchObject({ ok: true })
    expect((await h.ok('resident-wang', 'account', 'whoami', {})).staff).toMatchObject({ name: '王磊', roles: ['agent'] })

    await ok('removeMember', { openid: WANG })
    const user = await h.store.c.users.get(WANG)
    expect(user).not.toHaveProperty('staff')
    // Still a resident of his house; no longer staff.
    expect((await h.ok('resident-wang', 'account', 'whoami', {})).houses).toHaveLength(1)
    expect(await h.call('resident-wang', 'tickets', 'inbox', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await member(WANG)).toBeUndefined()

    const [removed, add] = await trail('team')
    expect(add).toMatchObject({ summary: '新增员工 王磊（客服）', before: null, after: { openid: WANG, name: '王磊', roles: ['agent'] } })
    expect(removed).toMatchObject({ summary: '移除员工 王磊（客服）', before: { openid: WANG, roles: ['agent'] }, after: null })
  })

  it('refuses invalid profiles field by field and writes nothing', async () => {
    await refused('updateMember', { ...sunProfile, department: undefined }, 'INVALID_INPUT', { department: '维修/服务人员须选择所属部门' })
    await refused('updateMember', { ...sunProfile, roles: ['manager'] }, 'INVALID_INPUT', { zone: '管理员须至少负责一栋楼' })
    await refused('updateMember', { ...sunProfile, roles: ['manager'], zone: ['1', '9'] }, 'INVALID_INPUT', { 'zone.1': '本小区没有 9 栋' })
    await refused('updateMember', { ...sunProfile, zone: ['1'] }, 'INVALID_INPUT', { zone: '只有管理员需要设置负责楼栋' })
    await refused('updateMember', { ...sunProfile, roles: [], name: ' ' }, 'INVALID_INPUT', { roles: '请至少选择一个角色', name: '请填写姓名' })
    await refused('updateMember', { ...sunProfile, roles: ['boss'] }, 'INVALID_INPUT', { 'roles.0': '角色只能是客服、维修/服务人员、管理员或客服主任' })
    await refused('updateMember', { ...sunProfile, name: '一二三四五六七八九十一' }, 'INVALID_INPUT', { name: '姓名最多 10 个字' })
    await refused('updateMember', { ...sunProfile, onDuty: 'yes' }, 'INVALID_INPUT', { onDuty: '请选择是否值班' })
    await refused('updateMember', { ...sunProfile, openid: 'a b' }, 'INVALID_INPUT', { openid: 'openid 只含字母、数字、- 和 _' })
    await refused('updateMember', { ...sunProfile, openid: 'dev-resident-zhang' }, 'NOT_FOUND', { openid: '本小区没有这位员工' })
  })

  it('protects the last 客服主任 and the last person on duty', async () => {
    // 刘芳 is the only 客服主任: she can neither drop the role nor leave.
    await refused('updateMember', { openid: LIU, name: '刘芳', roles: ['agent'], zone: [], onDuty: true }, 'INVALID_STATE', { roles: '至少保留一位客服主任' })
    await refused('removeMember', { openid: LIU }, 'INVALID_STATE', { roles: '至少保留一位客服主任' })

    // On duty: 赵强 and 刘芳. One may go off duty, not both.
    await ok('updateMember', { openid: ZHAO, name: '赵强', roles: ['handler'], department: 'engineering', zone: [], onDuty: false })
    await refused('updateMember', { openid: LIU, name: '刘芳', roles: ['supervisor'], zone: [], onDuty: false }, 'INVALID_STATE', {
      onDuty: '值班名单不能为空：请先安排其他人值班',
    })

    // 王磊 joins on duty and as a second 客服主任; now 刘芳 may go off duty, and he is the last one on it.
    await ok('addMember', { openid: WANG, name: '王磊', roles: ['supervisor'], zone: [], onDuty: true })
    await ok('updateMember', { openid: LIU, name: '刘芳', roles: ['supervisor'], zone: [], onDuty: false })
    expect((await ok('team', {})).onDuty).toBe(1)
    await refused('removeMember', { openid: WANG }, 'INVALID_STATE', { onDuty: '值班名单不能为空：请先安排其他人值班' })

    // With two 客服主任, one still cannot remove or demote themselves; the other can.
    await ok('updateMember', { openid: LIU, name: '刘芳', roles: ['supervisor'], zone: [], onDuty: true })
    await refused('removeMember', { openid: LIU }, 'INVALID_STATE', { openid: '不能移除自己的员工身份' })
    await refused('updateMember', { openid: LIU, name: '刘芳', roles: ['agent'], zone: [], onDuty: true }, 'INVALID_STATE', {
      roles: '不能取消自己的客服主任角色',
    })
    await h.ok('resident-wang', 'supervisor', 'updateMember', { openid: LIU, name: '刘芳', roles: ['agent'], zone: [], onDuty: true })
    expect(await call('team', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    // ... and the trail tells who did what.
    const byWang = (await h.ok('resident-wang', 'supervisor', 'audit', { actor: '王磊' })).items
    expect(byWang).toEqual([
      expect.objectContaining({ kind: 'team', summary: '修改 刘芳：角色 客服主任 → 客服', before: expect.objectContaining({ roles: ['supervisor'] }) }),
    ])
  })

  it('keeps a handler with open jobs until they are handed over', async () => {
    const t = await h.ok('resident-zhang', 'tickets', 'create', {
      type: 'repair',
      scope: 'home',
      houseId: 'sunshine-1-1-301',
      category: 'water_electric',
      description: '厨房水管接口漏水，地面已经积水',
      photos: [],
    })
    await ok('addMember', { openid: WANG, name: '王磊', roles: ['handler'], department: 'engineering', zone: [], onDuty: false })
    await h.ok('agent-chen', 'tickets', 'dispatch', { ticketId: t.id, assignee: WANG })
    await refused('removeMember', { openid: WANG }, 'INVALID_STATE', { openid: '还有 1 张未完成的工单，请先转派' })
    await refused('updateMember', { openid: WANG, name: '王磊', roles: ['agent'], zone: [], onDuty: false }, 'INVALID_STATE', {
      roles: '还有 1 张未完成的工单，请先转派',
    })
    await h.ok('agent-chen', 'tickets', 'reassign', { ticketId: t.id, assignee: ZHAO, reason: '换工程部赵师傅处理' })
    await ok('removeMember', { openid: WANG })
  })
})

describe('saved replies', () => {
  const agentSees = async () => (await h.ok('agent-chen', 'tickets', 'savedReplies', {})).map((r: { title: string; text: string }) => r.title)

  it('create, edit, delete and order — each audited, and agents see it at once', async () => {
    const start = await ok('replies', {})
    expect(start.map((r: { title: string }) => r.title)).toEqual(await agentSees())
    const [first, second] = start

    const made = await ok('saveReply', { title: '停车咨询', text: '您好，临时停车前 30 分钟免费，之后每小时 5 元。' })
    expect(made).toMatchObject({ title: '停车咨询', order: start.length + 1 })
    await ok('saveReply', { id: first.id, title: first.title, text: '您好，问题已收到，师傅 30 分钟内联系您。' })
    await ok('saveReply', { id: second.id, title: '跟进中', text: second.text })
    await ok('deleteReply', { id: start[2].id })
    const ids = [made.id, ...start.filter((_: unknown, i: number) => i !== 2).map((r: { id: string }) => r.id)]
    await ok('orderReplies', { ids })

    const seen = await h.ok('agent-chen', 'tickets', 'savedReplies', {})
    expect(seen.map((r: { id: string }) => r.id)).toEqual(ids)
    expect(seen[1]).toMatchObject({ id: first.id, text: '您好，问题已收到，师傅 30 分钟内联系您。' })
    expect(seen[2]).toMatchObject({ title: '跟进中' })
    expect(seen.some((r: { id: string }) => r.id === start[2].id)).toBe(false)

    const [order, del, retitle, edit, create] = await trail('savedReplies')
    expect(create).toMatchObject({ summary: '新增常用回复「停车咨询」', before: null, after: { id: made.id, title: '停车咨询' } })
    expect(edit).toMatchObject({
      summary: `修改常用回复「${first.title}」：内容`,
      before: { text: first.text },
      after: { text: '您好，问题已收到，师傅 30 分钟内联系您。' },
    })
    expect(retitle).toMatchObject({
      summary: `修改常用回复「${second.title}」：标题改为「跟进中」`,
      before: { title: second.title },
      after: { title: '跟进中' },
    })
    expect(del).toMatchObject({ summary: `删除常用回复「${start[2].title}」`, before: { id: start[2].id, title: start[2].title }, after: null })
    expect(order).toMatchObject({
      summary: '调整常用回复顺序：「停车咨询」移到第 1 位',
      after: ['停车咨询', first.title, '跟进中', start[3].title, start[4].title],
    })
    expect(order.before[0]).toBe(first.title)
  })

  it('refuses too long, empty, duplicate or incomplete input and writes nothing', async () => {
    const [first, second] = await ok('replies', {})
    await refused('saveReply', { title: '一二三四五六七八九十一二三', text: '好的' }, 'INVALID_INPUT', { title: '标题最多 12 个字' })
    await refused('saveReply', { title: '好', text: '长'.repeat(201) }, 'INVALID_INPUT', { text: '回复内容最多 200 个字' })
    await refused('saveReply', { title: '  ', text: '' }, 'INVALID_INPUT', { title: '请填写标题', text: '请填写回复内容' })
    await refused('saveReply', { id: second.id, title: first.title, text: '改个名' }, 'INVALID_INPUT', { title: '已有同名的常用回复' })
    await refused('orderReplies', { ids: [second.id, first.id] }, 'INVALID_INPUT', { ids: '顺序须包含全部常用回复，且每条只出现一次' })
    const r = await call('deleteReply', { id: 'no-such-reply' })
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })
})

describe('callback and reminder policies', () => {
  it('the callback policy: audited through either door, nothing for the same choice', async () => {
    expect((await ok('policies', {})).callback).toEqual({ policy: 'unrated', isDefault: true })
    await ok('saveSettings', { sla: (await ok('settings', {})).sla, calendar: { ...(await ok('settings', {})).calendar, holidays: ['2027-01-01'] } })
    expect(await ok('setCallbackPolicy', { policy: 'always' })).toEqual({ policy: 'always', isDefault: false })
    await h.ok('supervisor-liu', 'supervisor', 'setCallbackPolicy', { policy: 'never' })
    await ok('setCallbackPolicy', { policy: 'never' })
    // Merged into settings/<communityId>: the SLA change stays.
    expect(await h.store.c.settings.get('sunshine')).toMatchObject({ callbackPolicy: 'never', calendar: { holidays: ['2027-01-01'] } })
    const [never, always] = await trail('callbackPolicy')
    expect(always).toMatchObject({
      summary: '回访策略：72 小时未评价的回访 → 全部回访',
      before: { callbackPolicy: 'unrated' },
      after: { callbackPolicy: 'always' },
    })
    expect(never).toMatchObject({ summary: '回访策略：全部回访 → 不回访', actorName: '刘芳' })
    expect(await trail('callbackPolicy')).toHaveLength(2)
    await refused('setCallbackPolicy', { policy: 'sometimes' }, 'INVALID_INPUT', { policy: '回访策略只能是全部回访、72 小时未评价的回访或不回访' })
  })

  it('an invalid reminder policy is refused field by field and nothing changes', async () => {
    const base = (await ok('policies', {})).reminders.policy
    expect(base).toEqual({ ...DEFAULT_POLICY, quiet: { start: 22, end: 7 } })
    await refused('saveReminderPolicy', { ...base, overdueDays: [15, 7] }, 'INVALID_INPUT', { 'overdueDays.1': '逾期天数须从小到大排列' })
    await refused('saveReminderPolicy', { ...base, overdueDays: [7, 7, 30] }, 'INVALID_INPUT', { 'overdueDays.1': '逾期 7 天重复了' })
    await refused('saveReminderPolicy', { ...base, overdueDays: [0, 7] }, 'INVALID_INPUT', { 'overdueDays.0': '逾期天数须为 1–365 的正整数' })
    await refused('saveReminderPolicy', { ...base, overdueDays: [7.5] }, 'INVALID_INPUT', { 'overdueDays.0': '逾期天数须为 1–365 的正整数' })
    await refused('saveReminderPolicy', { ...base, minGapDays: 0 }, 'INVALID_INPUT', { minGapDays: '两次提醒的间隔须为 1–30 天' })
    await refused('saveReminderPolicy', { ...base, daysBefore: -1 }, 'INVALID_INPUT', { daysBefore: '提前天数须为 0–30 的整数（0 表示不提前提醒）' })
    await refused('saveReminderPolicy', { ...base, quiet: { start: 22, end: 22 } }, 'INVALID_INPUT', { 'quiet.end': '免打扰的开始和结束不能相同' })
    await refused('saveReminderPolicy', { ...base, quiet: { start: 18, end: 9 } }, 'INVALID_INPUT', { 'quiet.end': '免打扰时段最长 12 小时' })
    await refused('saveReminderPolicy', { ...base, hour: 23 }, 'INVALID_INPUT', { hour: '每日提醒时间不能在免打扰时段内' })
    await refused('saveReminderPolicy', { ...base, quiet: { start: 24, end: 7 } }, 'INVALID_INPUT', { 'quiet.start': '免打扰开始须为 0–23 点' })
    await refused('saveReminderPolicy', { ...base, daysBefore: 0, onDue: false, overdueDays: [] }, 'INVALID_INPUT', {
      onDue: '至少保留一个提醒时点（提前、到期当天或逾期）',
    })
    await refused('saveReminderPolicy', { ...base, extra: 1 }, 'INVALID_INPUT', {})
    expect((await ok('policies', {})).reminders).toMatchObject({ isDefault: true })
  })

  it('a saved reminder policy is audited and changes what the daily 催缴 job does', async () => {
    const now = h.clock.now()
    const unpaidDue = (p: ReminderPolicy) =>
      h.store.c.bills.count({ communityId: 'sunshine', status: 'unpaid', dueDate: { $in: dueDatesToday(now, p).map((d) => d.dueDate) } })
    const underDefault = await unpaidDue(DEFAULT_POLICY)

    const saved = await ok('saveReminderPolicy', policy)
    expect(saved).toMatchObject({ policy, isDefault: false, updatedByName: '刘芳' })
    const [a] = await trail('reminderPolicy')
    expect(a).toMatchObject({
      summary:
        '催缴提醒：提前提醒 3 天 → 2 天；到期当天 提醒 → 不提醒；逾期提醒 +7、+15、+30 天 → +24、+40 天；两次提醒至少间隔 3 天 → 5 天；每日提醒时间 10:00 → 09:00；免打扰 22:00–07:00 → 21:00–08:00',
      before: { ...DEFAULT_POLICY, quiet: { start: 22, end: 7 } },
      after: policy,
    })

    // The pure rule over what the job reads: +24 days is 2026-10-31, a month end with arrears.
    const stored = { ...DEFAULT_POLICY, ...(await h.store.c.billSettings.get('sunshine'))!.policy }
    expect(dueDatesToday(now, stored).map((d) => d.dueDate)).toEqual(['2026-11-26', '2026-10-31', '2026-10-15'])
    expect(decidePrompt({ now, unpaidTotal: 100, lastPromptAt: now - 4 * DAY_MS }, DEFAULT_POLICY).send).toBe(true)
    expect(decidePrompt({ now, unpaidTotal: 100, lastPromptAt: now - 4 * DAY_MS }, stored).send).toBe(false)
    const evening = Date.UTC(2026, 10, 24, 13, 30) // 21:30 Shanghai
    expect(decidePrompt({ now: evening, unpaidTotal: 100 }, DEFAULT_POLICY)).toEqual({ send: true, notBefore: evening })
    expect(decidePrompt({ now: evening, unpaidTotal: 100 }, stored)).toEqual({ send: true, notBefore: Date.UTC(2026, 10, 25, 0) })

    // And the job itself: it now reads exactly the bills the new prompt days select.
    const expected = await unpaidDue(stored)
    expect(expected).toBeGreaterThan(0)
    expect(expected).not.toBe(underDefault)
    expect(await billReminders(h.deps)).toMatchObject({ communities: 1, bills: expected })

    // Saving the same again writes nothing.
    const writes = h.store.stats.writes
    await ok('saveReminderPolicy', policy)
    expect(h.store.stats.writes).toBe(writes)
  })
})

describe('authorization and the audit search', () => {
  const valid: Record<string, unknown> = {
    team: {},
    addMember: { openid: WANG, name: '王磊', roles: ['agent'], onDuty: false },
    updateMember: sunProfile,
    removeMember: { openid: SUN },
    replies: {},
    saveReply: { title: '越权', text: '不应保存' },
    deleteReply: { id: 'sunshine-reply-1' },
    orderReplies: { ids: ['sunshine-reply-1'] },
    policies: {},
    setCallbackPolicy: { policy: 'never' },
    saveReminderPolicy: policy,
    saveOfflinePolicy: { reviewAbove: 0 },
  }

  it('only the 客服主任: agent, handler, manager and resident get FORBIDDEN and nothing is written', async () => {
    expect(Object.keys(valid).sort()).toEqual(Object.keys(teamContract).sort())
    const before = await snapshot()
    for (const who of ['agent-chen', 'tech-zhao', 'manager-zhou', 'resident-zhang']) {
      for (const [action, data] of Object.entries(valid)) {
        expect([who, action, await h.call(who, 'supervisor', action, data)]).toEqual([
          who,
          action,
          expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'FORBIDDEN' }) }),
        ])
      }
    }
    expect(await h.call(null, 'supervisor', 'team', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    expect(await snapshot()).toBe(before)
  })

  it('every kind is searchable by kind and by actor, with the SLA settings still there', async () => {
    const s = await ok('settings', {})
    await ok('saveSettings', { sla: { ...s.sla, question: { respond: 90 } }, calendar: s.calendar })
    await ok('updateMember', { ...sunProfile, onDuty: true })
    await ok('saveReply', { title: '停车咨询', text: '临时停车前 30 分钟免费。' })
    await ok('setCallbackPolicy', { policy: 'always' })
    await ok('saveReminderPolicy', policy)
    const all = await trail()
    expect(all.map((a: { kind: string }) => a.kind)).toEqual(['reminderPolicy', 'callbackPolicy', 'savedReplies', 'team', 'settings'])
    for (const kind of ['settings', 'team', 'savedReplies', 'callbackPolicy', 'reminderPolicy']) {
      expect((await trail(kind)).map((a: { kind: string }) => a.kind)).toEqual([kind])
    }
    expect((await ok('audit', { actor: '刘芳' })).items).toHaveLength(5)
    expect((await ok('audit', { actor: LIU, kind: 'team' })).items).toHaveLength(1)
    expect((await ok('audit', { actor: '陈静' })).items).toHaveLength(0)
  })
})
