import type * as z from '../../../src/core/shared/zod'
import type { RoundView } from '../../../src/core/patrol/contracts'
import { findings } from '../../../src/core/inspections/checklist'
import { itemView } from '../../../src/core/inspections/contracts'
import { roundState } from '../../../src/core/inspections/schedule'
import type { CheckpointDoc, RoundDoc, RouteDoc } from '../../../src/core/patrol/types'
import type { Ctx } from '../runtime/context'

export async function checkpointsOf(ctx: Ctx, route: RouteDoc) {
  const found = route.checkpointIds.length
    ? await ctx.store.c.checkpoints.find({ where: { _id: { $in: route.checkpointIds } }, limit: route.checkpointIds.length })
    : []
  const byId = new Map(found.map((c) => [c._id, c]))
  return route.checkpointIds.flatMap((id) => byId.get(id) ?? [])
}

/** A round as the walker's page shows it: every point of the route in walking order, what it found, and where it went. */
export async function roundView(ctx: Ctx, round: RoundDoc, route: RouteDoc, points?: CheckpointDoc[]): Promise<z.output<typeof RoundView>> {
  const cps = points ?? (await checkpointsOf(ctx, route))
  const done = new Map(round.points.map((p) => [p.checkpointId, p]))
  const ticketIds = round.points.flatMap((p) => p.ticketIds)
  const tickets = ticketIds.length ? await ctx.store.c.tickets.find({ where: { _id: { $in: ticketIds } }, limit: ticketIds.length }) : []
  const noOf = new Map(tickets.map((t) => [t._id, t.no]))
  const photos = round.points.flatMap((p) => p.results.flatMap((r) => r.photos))
  return {
    id: round._id,
    routeId: round.routeId,
    routeName: round.routeName,
    period: round.period,
    dueAt: round.dueAt,
    state: roundState(round, round, ctx.now),
    byName: round.byName,
    startedAt: round.startedAt,
    ...(round.finishedAt !== undefined ? { finishedAt: round.finishedAt } : {}),
    points: cps.map((cp) => {
      const p = done.get(cp._id)
      const state = p ? (findings(cp.items, p.results).length ? 'findings' : 'ok') : round.missed.includes(cp._id) ? 'missed' : 'pending'
      return {
        id: cp._id,
        name: cp.name,
        building: cp.building,
        items: cp.items.map(itemView),
        state,
        ...(p ? { at: p.at, via: p.via } : {}),
        results: p?.results ?? [],
        tickets: (p?.ticketIds ?? []).map((id) => ({ id, no: noOf.get(id) ?? '' })),
      }
    }),
    findings: round.findings,
    photoUrls: photos.length ? await ctx.files.urls([...new Set(photos)]) : {},
  }
}
