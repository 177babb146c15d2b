import type { Handler } from '../../lib/runtime/handler'
import type { billsContract } from '../../../src/core/bills/contracts'
import { arrearsByBuilding } from '../../../src/core/bills/aging'
import { DEPOSIT_ITEM } from '../../../src/core/bills/types'
import { daysOverdue, payable } from '../../../src/core/bills/fees'
import { yuan } from '../../../src/core/shared/money'
import { toCsv } from '../../../src/core/shared/csv'
import { houseLabel } from '../../../src/core/community/types'
import { AppError } from '../../../src/core/shared/errors'
import { formatTime } from '../../../src/core/shared/time'
import type { Ctx } from '../../lib/runtime/context'
import { assertInScope, scopeWhere } from '../../lib/runtime/scope'
import type { Filter } from '../../lib/ports/store'
import { scanBills } from '../../lib/bills/scan'
import { billView } from '../../lib/bills/views'

/**
 * What a staff member may see of unpaid bills: their community; a 管理员 only their zone. An unpaid
 * 装修押金 is not arrears (the permit waits for it instead), so 欠费 and 催缴 leave it out.
 */
export function unpaidScope(ctx: Ctx, building?: string): Filter {
  return { ...scopeWhere(ctx, building), status: 'unpaid', itemId: { $ne: DEPOSIT_ITEM } }
}

export const arrears: Handler<typeof billsContract.arrears> = async (ctx) => {
  const slim: { houseId: string; building: string; amount: number; dueDate: string }[] = []
  await scanBills(ctx.store, unpaidScope(ctx), (page) => {
    for (const b of page) slim.push({ houseId: b.houseId, building: b.building, amount: payable(b, ctx.now), dueDate: b.dueDate })
  })
  const rows = arrearsByBuilding(slim, ctx.now)
  const sum = (k: 'd0_30' | 'd31_90' | 'd90_plus') => rows.reduce((s, r) => s + r.bands[k], 0)
  return {
    total: rows.reduce((s, r) => s + r.total, 0),
    houses: new Set(slim.map((b) => b.houseId)).size,
    bands: { d0_30: sum('d0_30'), d31_90: sum('d31_90'), d90_plus: sum('d90_plus') },
    rows,
  }
}

export const exportArrears: Handler<typeof billsContract.exportArrears> = async (ctx, { building }) => {
  const lines: (string | number)[][] = [['房屋', '收费项目', '账期', '计费依据', '应缴(元)', '到期日', '逾期天数']]
  await scanBills(ctx.store, unpaidScope(ctx, building), (page) => {
    for (const b of page) {
      lines.push([
        b.target ? `${b.houseLabel} 车位${b.target}` : b.houseLabel,
        b.itemName,
        b.periodLabel,
        b.basis,
        yuan(payable(b, ctx.now)),
        b.dueDate,
        Math.max(0, daysOverdue(b.dueDate, ctx.now)),
      ])
    }
  })
  const filename = `欠费明细-${building ? `${building}栋-` : ''}${formatTime(ctx.now, 'YYYYMMDD')}.csv`
  return { filename, csv: toCsv(lines), rows: lines.length - 1 }
}

export const houseBills: Handler<typeof billsContract.houseBills> = async (ctx, { houseId }) => {
  const house = await ctx.store.c.houses.get(houseId)
  if (!house) throw new AppError('NOT_FOUND', '房屋不存在')
  assertInScope(ctx, house)
  const bills = await ctx.store.c.bills.find({ where: { houseId }, orderBy: [['dueDate', 'desc']], limit: 100 })
  bills.sort((a, b) => Number(b.status === 'unpaid') - Number(a.status === 'unpaid'))
  return { houseId, label: houseLabel(house), bills: bills.map((b) => billView(b, ctx.now, { staff: true })) }
}
