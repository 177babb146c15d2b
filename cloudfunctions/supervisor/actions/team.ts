import type { StaffProfile, UserDoc } from '../../../src/core/account/types'
import { AppError, type FieldErrors } from '../../../src/core/shared/errors'
import { maskPhone } from '../../../src/core/shared/phone'
import type { supervisorContract } from '../../../src/core/supervisor/contracts'
import {
  describeMember,
  memberChangeSummary,
  memberErrors,
  normalizeProfile,
  rosterErrors,
  type MemberProfile,
  type RosterEntry,
} from '../../../src/core/supervisor/team'
import { MAX_LIMIT, type Tx } from '../../lib/ports/store'
import type { Handler } from '../../lib/runtime/handler'
import type { Ctx } from '../../lib/runtime/context'
import { auditChange } from '../../lib/runtime/audit'
import { communityOf } from '../../lib/runtime/scope'

type User = UserDoc & { _id: string }

const profileOf = (s: StaffProfile): MemberProfile =>
  normalizeProfile({ name: s.name, roles: s.roles, ...(s.department ? { department: s.department } : {}), zone: s.zone ?? [], onDuty: Boolean(s.onDuty) })

const staffOf = (communityId: string, p: MemberProfile): StaffProfile => ({
  name: p.name,
  roles: p.roles,
  communityId,
  ...(p.department ? { department: p.department } : {}),
  ...(p.zone.length ? { zone: p.zone } : {}),
  onDuty: p.onDuty,
})

const view = (ctx: Ctx, u: User) => ({ openid: u._id, ...profileOf(u.staff!), ...(u.phone ? { phone: maskPhone(u.phone) } : {}), isMe: u._id === ctx.openid })

const RANK = ['supervisor', 'manager', 'agent', 'handler'] as const
const rankOf = (p: MemberProfile) => Math.min(...p.roles.map((r) => RANK.indexOf(r)), RANK.length)

/** By the staff.communityId index. A community's team is tens of people, far under one page. */
const staffQuery = (ctx: Ctx, communityId: string) => ctx.store.c.users.find({ where: { 'staff.communityId': communityId }, limit: MAX_LIMIT })

async function buildingsOf(ctx: Ctx, communityId: string) {
  const c = await ctx.store.c.communities.get(communityId)
  return (c?.buildings ?? []).map((b) => b.no)
}

const invalid = (fields: FieldErrors, code: 'INVALID_INPUT' | 'INVALID_STATE' = 'INVALID_INPUT') => {
  if (Object.keys(fields).length) throw new AppError(code, Object.values(fields)[0], fields)
}

async function checkProfile(ctx: Ctx, communityId: string, input: MemberProfile) {
  const next = normalizeProfile(input)
  invalid(memberErrors(next, await buildingsOf(ctx, communityId)))
  return next
}

/** Jobs in someone's hands stay theirs: taking away the handler role first needs them handed over. */
async function assertNoOpenJobs(ctx: Ctx, openid: string, field: 'roles' | 'openid') {
  const open = await ctx.store.c.tickets.count({ assignee: openid, open: true })
  if (open) throw new AppError('INVALID_STATE', `该员工还有 ${open} 张未完成的工单，请先转派给其他人`, { [field]: `还有 ${open} 张未完成的工单，请先转派` })
}

/**
 * The members who keep the team's invariants (客服主任, on duty), re-read by id inside `tx`.
 * Transactions may only read by id, so the index query picks them beforehand; reading them in
 * the transaction makes two concurrent changes (two people taken off duty at once) conflict
 * instead of both passing. A member who joined the roster meanwhile can only make it safer.
 */
async function guardsIn(tx: Tx, communityId: string, ids: string[]): Promise<RosterEntry[]> {
  const users = await Promise.all(ids.map((id) => tx.c.users.get(id)))
  return users.flatMap((u) => (u?.staff?.communityId === communityId ? [{ openid: u._id, ...profileOf(u.staff) }] : []))
}

const guardIds = async (ctx: Ctx, communityId: string) =>
  (await staffQuery(ctx, communityId)).filter((u) => u.staff?.onDuty || u.staff?.roles.includes('supervisor')).map((u) => u._id)

/** Refuse only what this change breaks: a community that already lacked someone on duty can still be edited. */
function assertRosterKept(before: RosterEntry[], after: RosterEntry[]) {
  const was = rosterErrors(before)
  invalid(Object.fromEntries(Object.entries(rosterErrors(after)).filter(([k]) => !was[k])), 'INVALID_STATE')
}

async function memberIn(tx: Tx, communityId: string, openid: string) {
  const u = await tx.c.users.get(openid)
  if (!u?.staff || u.staff.communityId !== communityId) throw new AppError('NOT_FOUND', '本小区没有这位员工', { openid: '本小区没有这位员工' })
  return u
}

export const team: Handler<typeof supervisorContract.team> = async (ctx) => {
  const communityId = communityOf(ctx)
  const [users, buildings] = await Promise.all([staffQuery(ctx, communityId), buildingsOf(ctx, communityId)])
  const members = users
    .filter((u) => u.staff?.roles.length)
    .map((u) => view(ctx, u))
    .sort((a, b) => rankOf(a) - rankOf(b) || a.name.localeCompare(b.name, 'zh-CN'))
  return { members, buildings, supervisors: members.filter((m) => m.roles.includes('supervisor')).length, onDuty: members.filter((m) => m.onDuty).length }
}

/** Someone who has opened the mini-program (so users/<openid> exists) becomes staff here. */
export const addMember: Handler<typeof supervisorContract.addMember> = async (ctx, { openid, ...input }) => {
  const communityId = communityOf(ctx)
  const next = await checkProfile(ctx, communityId, input)
  const saved = await ctx.store.transaction(async (tx) => {
    const users = tx.c.users
    const u = await users.get(openid)
    if (!u) throw new AppError('NOT_FOUND', '找不到该用户：请对方先打开一次小程序，再添加', { openid: '找不到该用户：请对方先打开一次小程序' })
    if (u.staff?.communityId === communityId) throw new AppError('CONFLICT', '该用户已是本小区员工', { openid: '该用户已是本小区员工' })
    if (u.staff) throw new AppError('CONFLICT', '该用户已是其他小区的员工', { openid: '该用户已是其他小区的员工' })
    const nu: User = { ...u, staff: staffOf(communityId, next), updatedAt: ctx.now }
    await users.set(nu)
    await auditChange(tx, ctx, communityId, {
      kind: 'team',
      summary: `新增员工 ${next.name}（${describeMember(next)}）`,
      before: null,
      after: { openid, ...next },
    })
    return nu
  })
  return view(ctx, saved)
}

/** Takes effect on the next call: roles are looked up server-side on every call, dispatch and escalation read users/. */
export const updateMember: Handler<typeof supervisorContract.updateMember> = async (ctx, { openid, ...input }) => {
  const communityId = communityOf(ctx)
  const next = await checkProfile(ctx, communityId, input)
  const guards = await guardIds(ctx, communityId)
  const current = await ctx.store.c.users.get(openid)
  if (current?.staff?.roles.includes('handler') && !next.roles.includes('handler')) await assertNoOpenJobs(ctx, openid, 'roles')
  const saved = await ctx.store.transaction(async (tx) => {
    const u = await memberIn(tx, communityId, openid)
    const before = profileOf(u.staff!)
    if (JSON.stringify(before) === JSON.stringify(next)) return u
    const roster = await guardsIn(tx, communityId, [...new Set([...guards, openid])])
    assertRosterKept(roster, [...roster.filter((m) => m.openid !== openid), { openid, ...next }])
    // Checked after the roster, so the last 客服主任 hears why that matters; otherwise another one can do it.
    if (openid === ctx.openid && !next.roles.includes('supervisor')) {
      throw new AppError('INVALID_STATE', '不能取消自己的客服主任角色：请由另一位客服主任操作', { roles: '不能取消自己的客服主任角色' })
    }
    const nu: User = { ...u, staff: staffOf(communityId, next), updatedAt: ctx.now }
    await tx.c.users.set(nu)
    await auditChange(tx, ctx, communityId, {
      kind: 'team',
      summary: memberChangeSummary(before, next),
      before: { openid, ...before },
      after: { openid, ...next },
    })
    return nu
  })
  return view(ctx, saved)
}

/** The person stays a user (and a resident, if bound to a house); only the staff profile goes. */
export const removeMember: Handler<typeof supervisorContract.removeMember> = async (ctx, { openid }) => {
  const communityId = communityOf(ctx)
  const guards = await guardIds(ctx, communityId)
  await assertNoOpenJobs(ctx, openid, 'openid')
  await ctx.store.transaction(async (tx) => {
    const u = await memberIn(tx, communityId, openid)
    const before = profileOf(u.staff!)
    const roster = await guardsIn(tx, communityId, [...new Set([...guards, openid])])
    assertRosterKept(
      roster,
      roster.filter((m) => m.openid !== openid),
    )
    if (openid === ctx.openid) throw new AppError('INVALID_STATE', '不能移除自己的员工身份：请由另一位客服主任操作', { openid: '不能移除自己的员工身份' })
    const { staff: _gone, ...rest } = u
    await tx.c.users.set({ ...rest, updatedAt: ctx.now })
    await auditChange(tx, ctx, communityId, {
      kind: 'team',
      summary: `移除员工 ${before.name}（${describeMember(before)}）`,
      before: { openid, ...before },
      after: null,
    })
  })
  return { openid }
}
