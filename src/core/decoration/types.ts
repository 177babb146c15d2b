import type { ChecklistItem, ItemResult } from '../inspections/checklist'

/**
 * 装修: a resident's renovation, from the application to the deposit coming back. The office
 * approves it (with conditions) or refuses it; once the 装修押金 is paid the 装修许可证 is valid for
 * the period, checked by QR at the gate; the neighbours are told; inspections are booked and
 * recorded; a violation is recorded and may stop the work; the passed 完工验收 releases the deposit.
 */

export const WORKS = ['wiring', 'walls', 'waterproof', 'ceiling', 'tiling', 'painting', 'windows', 'other'] as const
export type Work = (typeof WORKS)[number]
export const WORK_LABELS: Record<Work, string> = {
  wiring: '水电改造',
  walls: '拆改非承重墙',
  waterproof: '防水',
  ceiling: '吊顶',
  tiling: '铺贴地砖',
  painting: '墙面粉刷',
  windows: '门窗更换',
  other: '其他',
}

export const INSPECTIONS = ['hidden', 'waterproof', 'final'] as const
export type InspectionKind = (typeof INSPECTIONS)[number]
export const INSPECTION_LABELS: Record<InspectionKind, string> = { hidden: '水电隐蔽验收', waterproof: '闭水试验', final: '完工验收' }

/** The inspections a renovation of these works must pass, in the order the work reaches them. */
export const requiredInspections = (works: readonly Work[]): InspectionKind[] => [
  ...(works.includes('wiring') ? (['hidden'] as const) : []),
  ...(works.includes('waterproof') ? (['waterproof'] as const) : []),
  'final',
]

/** What the 管理员 looks at in each inspection; a 不合格 item must be put right and the inspection booked again. */
export const INSPECTION_CHECKLISTS: Record<InspectionKind, readonly ChecklistItem[]> = {
  hidden: [
    { id: 'conduit', label: '电线穿管敷设，强弱电分管', kind: 'check' },
    { id: 'pressure', label: '给水管打压试验合格，无渗漏', kind: 'check' },
    { id: 'structure', label: '开槽未破坏承重结构', kind: 'check' },
  ],
  waterproof: [
    { id: 'coat', label: '防水层涂刷完整（墙面上翻到位）', kind: 'check' },
    { id: 'flood', label: '蓄水 48 小时，楼下无渗漏', kind: 'check' },
    { id: 'drain', label: '地漏、管根处理到位', kind: 'check' },
  ],
  final: [
    { id: 'structure', label: '未改动承重墙、外立面和外窗', kind: 'check' },
    { id: 'common', label: '公共部位和设施无损坏', kind: 'check' },
    { id: 'fire', label: '烟感、喷淋等消防设施完好', kind: 'check' },
    { id: 'waste', label: '装修垃圾已清运', kind: 'check' },
  ],
}

export const SLOTS = ['am', 'pm'] as const
export type Slot = (typeof SLOTS)[number]
export const SLOT_LABELS: Record<Slot, string> = { am: '上午', pm: '下午' }

/** One inspection: booked by the owner for a day and half-day, then recorded by the 管理员 on site. */
export interface InspectionEntry {
  kind: InspectionKind
  date: string
  slot: Slot
  bookedAt: number
  result?: { at: number; byOpenid: string; byName: string; passed: boolean; results: ItemResult[]; note?: string }
}

export const VIOLATIONS = ['hours', 'structure', 'permit', 'waste', 'safety', 'other'] as const
export type ViolationKind = (typeof VIOLATIONS)[number]
export const VIOLATION_LABELS: Record<ViolationKind, string> = {
  hours: '超时施工',
  structure: '拆改承重结构',
  permit: '施工人员无证',
  waste: '垃圾乱堆乱放',
  safety: '违规动火或用电',
  other: '其他违规',
}

export interface ViolationEntry {
  id: string
  kind: ViolationKind
  note: string
  photos: string[]
  at: number
  byName: string
  /** The work was stopped until 复工. */
  stop: boolean
}

/** pending → approved | rejected | withdrawn; approved ⇄ stopped; approved → completed (完工验收 passed) → closed (deposit settled). */
export const STATUSES = ['pending', 'approved', 'stopped', 'completed', 'closed', 'rejected', 'withdrawn'] as const
export type Status = (typeof STATUSES)[number]

/** The deposit coming back: over WeChat Pay when it was paid there (three steps, one refund number), else as recorded by the desk. */
export interface DepositRefund {
  amount: number
  deducted: number
  reason?: string
  via: 'wechat' | 'offline'
  state: 'refunding' | 'refunded' | 'failed'
  outRefundNo?: string
  refundId?: string
  error?: string
  at: number
  byOpenid: string
  byName: string
}

/** decorations/<id> */
export interface DecorationDoc {
  _id: string
  communityId: string
  building: string
  unit: string
  floor: number
  houseId: string
  label: string
  applicant: { openid: string; name: string }
  contractor: { company: string; leader: string; phone: string }
  workers: { name: string; phone: string }[]
  /** YYYY-MM-DD, both days included. */
  start: string
  end: string
  works: Work[]
  description: string
  drawings: string[]
  status: Status
  submittedAt: number
  decided?: { at: number; byOpenid: string; byName: string; conditions?: string; reason?: string }
  /** Fen; 0 when the community takes none. */
  deposit: number
  depositBillId?: string
  inspections: InspectionEntry[]
  violations: ViolationEntry[]
  refund?: DepositRefund
  updatedAt: number
}

/** What the resident and the office read for where a renovation stands. */
export function statusText(status: Status, permit: PermitState): string {
  if (status === 'approved') return permit === 'unpaid' ? '待缴押金' : permit === 'early' ? '待开工' : permit === 'expired' ? '已过施工期' : '施工中'
  return STATUS_LABELS[status]
}
const STATUS_LABELS: Record<Status, string> = {
  pending: '待审批',
  approved: '施工中',
  stopped: '停工整改',
  completed: '已完工 · 待退押金',
  closed: '已办结',
  rejected: '未批准',
  withdrawn: '已撤回',
}

/** A renovation still going on: applied for, or under way. */
export const OPEN_STATUSES: readonly Status[] = ['pending', 'approved', 'stopped', 'completed']
export const isOpen = (d: Pick<DecorationDoc, 'status'>) => OPEN_STATUSES.includes(d.status)

/** decorations/<id>: one per application form, so a retried 提交 files it once. */
export const decorationId = (requestId: string) => `zx_${requestId}`

/**
 * The rules of 设置: when noisy work may be done, and the deposit. Absent means the defaults,
 * which follow the usual 装修管理规定 of a residential community.
 */
export interface DecorationRules {
  /** Weekdays' working hours, HH:mm pairs. */
  periods: { from: string; to: string }[]
  /** Weekends and holidays: no work, quiet work only, or the weekday hours. */
  weekend: 'closed' | 'quiet' | 'same'
  deposit: number
}
export const DEFAULT_RULES: DecorationRules = {
  periods: [
    { from: '08:00', to: '12:00' },
    { from: '14:00', to: '18:00' },
  ],
  weekend: 'quiet',
  deposit: 200_000,
}
export const WEEKEND_LABELS: Record<DecorationRules['weekend'], string> = {
  closed: '周末及节假日不得施工',
  quiet: '周末及节假日只可进行无噪音施工',
  same: '周末及节假日与工作日相同',
}

/** 12月10日, for a YYYY-MM-DD. */
export const dayText = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`
/** 12月10日–2月10日; the year is named when the work runs into the next one. */
export const periodText = (d: Pick<DecorationDoc, 'start' | 'end'>) =>
  `${dayText(d.start)}–${d.end.slice(0, 4) === d.start.slice(0, 4) ? '' : `${d.end.slice(0, 4)}年`}${dayText(d.end)}`

const hm = (s: string) => s.replace(/^0/, '')
/** 工作日 8:00–12:00、14:00–18:00；周末及节假日只可进行无噪音施工 */
export const hoursText = (r: DecorationRules) => `工作日 ${r.periods.map((p) => `${hm(p.from)}–${hm(p.to)}`).join('、')}；${WEEKEND_LABELS[r.weekend]}`

/** The rules' problems, by field, in the words of the 设置 form. */
export function rulesProblems(r: DecorationRules): Record<string, string> {
  const out: Record<string, string> = {}
  const sorted = [...r.periods].sort((a, b) => a.from.localeCompare(b.from))
  sorted.forEach((p, i) => {
    if (p.from >= p.to) out[`periods.${i}`] = `${p.from}–${p.to}：结束时间要晚于开始时间`
    else if (i > 0 && p.from < sorted[i - 1].to) out[`periods.${i}`] = '施工时段不能重叠'
  })
  return out
}

/** The houses that hear of a renovation: the same unit, on its floor and the floors just above and below. */
export const isNeighbour = (
  d: Pick<DecorationDoc, 'building' | 'unit' | 'floor' | 'houseId'>,
  h: { _id: string; building: string; unit: string; floor: number },
) => h._id !== d.houseId && h.building === d.building && h.unit === d.unit && Math.abs(h.floor - d.floor) <= 1

/** The 装修许可证 as the gate sees it on a day: valid, or why not. */
export type PermitState = 'pending' | 'unpaid' | 'early' | 'valid' | 'stopped' | 'expired' | 'completed' | 'void'
export const PERMIT_LABELS: Record<PermitState, string> = {
  pending: '审批中',
  unpaid: '待缴装修押金',
  early: '未到施工期',
  valid: '施工期内，准予施工',
  stopped: '停工整改中，禁止施工',
  expired: '已过施工期',
  completed: '已完工',
  void: '无效',
}

export function permitState(d: Pick<DecorationDoc, 'status' | 'start' | 'end' | 'deposit'>, depositPaid: boolean, today: string): PermitState {
  if (d.status === 'pending') return 'pending'
  if (d.status === 'rejected' || d.status === 'withdrawn') return 'void'
  if (d.status === 'completed' || d.status === 'closed') return 'completed'
  if (d.deposit > 0 && !depositPaid) return 'unpaid'
  if (d.status === 'stopped') return 'stopped'
  if (today < d.start) return 'early'
  if (today > d.end) return 'expired'
  return 'valid'
}

/** What the permit's QR holds: read by the staff view's scanner, meaningless to anyone else. */
export const PERMIT_PREFIX = 'wuye-permit:'
export const permitCode = (id: string) => `${PERMIT_PREFIX}${id}`
export const permitIdOf = (code: string) => (code.startsWith(PERMIT_PREFIX) ? code.slice(PERMIT_PREFIX.length) : null)

/** The next inspection the work is waiting for, in order; null when all have passed. */
export function nextInspection(d: Pick<DecorationDoc, 'works' | 'inspections'>): InspectionKind | null {
  const passed = new Set(d.inspections.filter((i) => i.result?.passed).map((i) => i.kind))
  return requiredInspections(d.works).find((k) => !passed.has(k)) ?? null
}

/** The booking waiting for the 管理员, if any: the latest entry without a result. */
export const openBooking = (d: Pick<DecorationDoc, 'inspections'>) => d.inspections.find((i) => !i.result) ?? null

/** The longest renovation one permit covers; longer needs a new application (延期). */
export const MAX_DAYS = 180
