import type * as z from '../../../src/core/shared/zod'
import type { DecorationView } from '../../../src/core/decoration/contracts'
import { itemView } from '../../../src/core/inspections/contracts'
import {
  DEFAULT_RULES,
  hoursText,
  INSPECTION_CHECKLISTS,
  INSPECTION_LABELS,
  nextInspection,
  permitCode,
  permitState,
  requiredInspections,
  statusText,
  VIOLATION_LABELS,
  type DecorationDoc,
  type DecorationRules,
} from '../../../src/core/decoration/types'
import type { BillDoc } from '../../../src/core/bills/types'
import { AppError } from '../../../src/core/shared/errors'
import { covers, scopeOf } from '../../../src/core/access/scope'
import { shanghaiDate } from '../../../src/core/shared/time'
import type { Store } from '../ports/store'
import type { Ctx } from '../runtime/context'

/** settings/<communityId>.decoration, or the defaults. */
export async function rulesOf(store: Store, communityId: string): Promise<DecorationRules & { isDefault: boolean }> {
  const r = (await store.c.settings.get(communityId))?.decoration
  return r ? { periods: r.periods, weekend: r.weekend, deposit: r.deposit, isDefault: false } : { ...DEFAULT_RULES, isDefault: true }
}

export const rulesView = (r: DecorationRules & { isDefault: boolean }) => ({ ...r, text: hoursText(r) })

/** A renovation the caller serves as staff: the community, or a 管理员's zone. */
export async function staffDecoration(ctx: Ctx, id: string) {
  const d = await ctx.store.c.decorations.get(id)
  if (!d || d.communityId !== ctx.user?.staff?.communityId) throw new AppError('NOT_FOUND', '装修申请不存在')
  if (!covers(scopeOf(ctx.user?.staff), d)) throw new AppError('FORBIDDEN', '这套房屋不在您的管辖范围')
  return d
}

/** A renovation of a house the caller is bound to; only its owner acts on it. */
export async function ownDecoration(ctx: Ctx, id: string, act = false) {
  const d = await ctx.store.c.decorations.get(id)
  const binding = d && ctx.houses.find((b) => b.houseId === d.houseId)
  if (!d || !binding) throw new AppError('NOT_FOUND', '装修申请不存在')
  if (act && binding.role !== 'owner') throw new AppError('FORBIDDEN', '只有业主可以办理装修手续')
  return d
}

const depositOf = (bill: BillDoc | null | undefined) => ({ paid: bill?.status === 'paid', bill })

/** Today's standing of a renovation's permit: it depends on its deposit bill, read with it. */
export const permitOf = (ctx: Pick<Ctx, 'now'>, d: DecorationDoc, bill: BillDoc | null | undefined) =>
  permitState(d, depositOf(bill).paid, shanghaiDate(ctx.now))

export async function decorationView(ctx: Ctx, d: DecorationDoc, rules?: DecorationRules): Promise<z.output<typeof DecorationView>> {
  const [bill, r] = await Promise.all([d.depositBillId ? ctx.store.c.bills.get(d.depositBillId) : null, rules ?? rulesOf(ctx.store, d.communityId)])
  const photos = [...d.drawings, ...d.inspections.flatMap((i) => i.result?.results.flatMap((x) => x.photos) ?? []), ...d.violations.flatMap((v) => v.photos)]
  const permit = permitOf(ctx, d, bill)
  const { refund } = d
  return {
    id: d._id,
    houseId: d.houseId,
    label: d.label,
    applicantName: d.applicant.name,
    contractor: d.contractor,
    workers: d.workers,
    start: d.start,
    end: d.end,
    works: d.works,
    description: d.description,
    drawings: d.drawings,
    status: d.status,
    statusText: statusText(d.status, permit),
    submittedAt: d.submittedAt,
    ...(d.decided
      ? {
          decided: {
            at: d.decided.at,
            byName: d.decided.byName,
            ...(d.decided.conditions ? { conditions: d.decided.conditions } : {}),
            ...(d.decided.reason ? { reason: d.decided.reason } : {}),
          },
        }
      : {}),
    permit,
    ...(d.decided && d.status !== 'rejected' && d.status !== 'withdrawn' ? { permitCode: permitCode(d._id) } : {}),
    hours: hoursText(r),
    deposit: {
      amount: d.deposit,
      ...(bill ? { billId: bill._id, status: bill.status, ...(bill.paidVia ? { paidVia: bill.paidVia } : {}) } : {}),
      ...(refund
        ? {
            refund: {
              amount: refund.amount,
              deducted: refund.deducted,
              ...(refund.reason ? { reason: refund.reason } : {}),
              via: refund.via,
              state: refund.state,
              at: refund.at,
              byName: refund.byName,
              ...(refund.error ? { error: refund.error } : {}),
            },
          }
        : {}),
    },
    required: requiredInspections(d.works),
    next: nextInspection(d),
    inspections: d.inspections.map((i) => ({
      kind: i.kind,
      label: INSPECTION_LABELS[i.kind],
      date: i.date,
      slot: i.slot,
      bookedAt: i.bookedAt,
      ...(i.result
        ? {
            result: {
              at: i.result.at,
              byName: i.result.byName,
              passed: i.result.passed,
              results: i.result.results,
              ...(i.result.note ? { note: i.result.note } : {}),
            },
          }
        : {}),
    })),
    violations: d.violations.map((v) => ({ ...v, label: VIOLATION_LABELS[v.kind] })),
    photoUrls: photos.length ? await ctx.files.urls(photos) : {},
  }
}

/** Staff see the checklist of the inspection the work waits for. */
export async function staffDecorationView(ctx: Ctx, d: DecorationDoc) {
  const next = nextInspection(d)
  return {
    ...(await decorationView(ctx, d)),
    items: next && (d.status === 'approved' || d.status === 'stopped') ? INSPECTION_CHECKLISTS[next].map(itemView) : [],
  }
}
