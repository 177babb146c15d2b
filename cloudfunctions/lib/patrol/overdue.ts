import { periodOf } from '../../../src/core/inspections/schedule'
import { pageUrl } from '../../../src/core/shared/pages'
import { formatTime } from '../../../src/core/shared/time'
import type { Deps } from '../runtime/deps'
import { notify } from '../outbox/notify'

/**
 * The scheduler's pass over routes: a round not finished by its due time is told to its owner,
 * once per round (alerts/<route>_<period>, written with the message). It says when the next
 * due time comes, so a quiet day costs no reads between them.
 */
export async function alertOverdueRounds(deps: Deps) {
  const now = deps.clock.now()
  const routes = await deps.store.c.routes.find({ where: {}, orderBy: [['communityId', 'asc']], limit: 1000 })
  let nextAt = Infinity
  let alerted = 0
  for (const r of routes) {
    const p = periodOf(r.schedule, now)
    if (now <= p.dueAt) {
      nextAt = Math.min(nextAt, p.dueAt + 1)
      continue
    }
    nextAt = Math.min(nextAt, periodOf(r.schedule, p.end).dueAt + 1)
    const id = `${r._id}_${p.key}`
    const round = await deps.store.c.rounds.get(id)
    if (round?.finishedAt !== undefined) continue
    const left = r.checkpointIds.length - (round?.points.length ?? 0)
    await deps.store.transaction(async (tx) => {
      if (await tx.c.patrolAlerts.get(id)) return
      await tx.c.patrolAlerts.set({ _id: id, communityId: r.communityId, routeId: r._id, period: p.key, at: now })
      await notify(tx, now, {
        openid: r.ownerOpenid,
        title: `巡查已逾期：${r.name}`,
        body: `本次巡查应在 ${formatTime(p.dueAt, 'M月D日 HH:mm')} 前完成，${round ? `还有 ${left} 个点位未查` : '还没有开始'}。`,
        page: pageUrl('zonePatrol'),
      })
      alerted++
    })
  }
  return { alerted, ...(Number.isFinite(nextAt) ? { nextAt } : {}) }
}
