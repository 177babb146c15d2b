import type { Department, StaffRole } from '../../../src/core/shared/roles'
import { shanghaiHour } from '../../../src/core/shared/time'
import type { CallOutcome } from '../../../src/core/surveys/types'
import { DEFAULT_CALENDAR } from '../../../src/core/tickets/calendar'
import type { Actor, Category, CostItem, Emergency, Scope } from '../../../src/core/tickets/types'

/** The history seed's vocabulary: time and randomness helpers, the words residents and staff use, the people of the past. */

export const MIN = 60_000
export const HOUR = 60 * MIN
export const DAY = 24 * HOUR
export const CAL = DEFAULT_CALENDAR
export const MONTHS_BACK = 6

// ——— time ———

/** Residents confirm and rate when they are up: a small-hours time moves to the morning. */
export const awake = (t: number) => (shanghaiHour(t) < 7 ? t + 7 * HOUR : t)

// ——— randomness ———

export type Rand = () => number
export const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]
export const between = (r: Rand, a: number, b: number) => a + (b - a) * r()
export const int = (r: Rand, a: number, b: number) => Math.floor(between(r, a, b + 1))
export function weighted<T extends string | number>(r: Rand, w: readonly (readonly [T, number])[]): T {
  let x = r() * w.reduce((s, [, n]) => s + n, 0)
  for (const [k, n] of w) if ((x -= n) < 0) return k
  return w[w.length - 1][0]
}
/** n distinct items, in their original order. */
export function sample<T>(r: Rand, xs: readonly T[], n: number): T[] {
  const idx = xs.map((_, i) => i)
  for (let i = idx.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1))
    ;[idx[i], idx[j]] = [idx[j], idx[i]]
  }
  return idx
    .slice(0, n)
    .sort((a, b) => a - b)
    .map((i) => xs[i])
}
export function hashOf(s: string) {
  let h = 2166136261
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619)
  return h >>> 0
}

// ——— what people write ———

export type Loc = [location: string, description: string]

export const HOME_REPAIR: Partial<Record<Category, string[]>> = {
  water_electric: [
    '厨房水龙头关不紧，一直在滴水',
    '卫生间地漏堵塞，洗澡时积水排不下去',
    '客厅插座没电，空开合上又跳闸',
    '马桶水箱一直流水，止不住',
    '阳台下水管堵了，洗衣机排水往外冒',
    '卫生间吸顶灯不亮，换了灯泡也不行',
    '热水器进水管接头渗水，地上一摊水',
  ],
  door_window: ['入户门锁芯坏了，钥匙插进去拧不动', '卧室窗户关不严，刮风时漏风', '阳台推拉门滑轮坏了，推不动', '厨房纱窗破了，想更换'],
  gas: ['燃气灶右边打不着火，点了好几次都不行', '燃气表显示异常，担心计量不准'],
  other: ['空调外机支架松动，运行时有异响', '卫生间墙面渗水发霉，怀疑楼上漏水', '阳台晾衣架升降不了，钢丝绳卡住了'],
}
export const PUBLIC_REPAIR: Partial<Record<Category, Loc[]>> = {
  elevator: [
    ['{u}单元电梯', '电梯门关不上，反复开合'],
    ['{u}单元电梯', '电梯运行时有异响，感觉在抖'],
    ['{u}单元电梯', '电梯按钮失灵，按了楼层没反应'],
    ['{u}单元电梯', '电梯停在{f}楼不动了，显示屏黑屏'],
  ],
  water_electric: [
    ['{u}单元{f}楼楼道', '楼道灯坏了，晚上一片黑'],
    ['地下车库', '地下车库有一排灯不亮'],
    ['{u}单元大堂', '大堂吊灯闪烁，时亮时不亮'],
  ],
  facility: [
    ['{u}单元门禁', '单元门禁刷卡没反应，进不了门'],
    ['地下车库入口', '车库道闸抬杆抬不起来，车在排队'],
    ['楼前健身区', '健身器材螺丝松动，晃得厉害'],
    ['{u}单元信报箱', '信报箱门坏了，锁不上'],
  ],
  door_window: [
    ['{u}单元大堂门', '单元门闭门器坏了，门关不上'],
    ['{u}单元{f}楼消防通道门', '消防通道门合页松了，关门声音很大'],
  ],
  cleaning: [
    ['{u}单元楼道', '楼道里堆了很多装修垃圾，需要清运'],
    ['楼前垃圾分类点', '垃圾桶破了，垃圾撒了一地'],
  ],
  greening: [
    ['楼前绿化带', '大风把树枝刮断了，挡住了人行道'],
    ['楼后草坪', '草坪喷灌水管破裂，一直在喷水'],
  ],
}
export const PUBLIC_COMPLAINT: Partial<Record<Category, Loc[]>> = {
  cleaning: [
    ['{u}单元楼道', '楼道垃圾两天没人清理，有异味'],
    ['{u}单元电梯', '电梯轿厢很脏，地上有污渍没人打扫'],
    ['楼前垃圾分类点', '垃圾桶满了溢出来，一直没人收'],
  ],
  greening: [
    ['楼前绿化带', '草很久没修剪了，蚊虫特别多'],
    ['楼后草坪', '浇水时把停在路边的车淋湿了'],
  ],
  other: [
    ['消防通道', '消防通道经常被私家车占用'],
    ['地下车库出入口', '外来车辆乱停，堵住车库出口'],
    ['楼下', '夜里有人在楼下大声喧哗，影响休息'],
  ],
  elevator: [['{u}单元电梯', '电梯最近经常坏，希望彻底检修一次']],
  facility: [['楼前快递柜', '快递柜经常故障，快递取不出来']],
}
export const HOME_COMPLAINT: [Category, string][] = [
  ['other', '楼上装修超时施工，晚上九点还在用电钻'],
  ['water_electric', '楼上漏水渗到我家天花板，希望物业协调处理'],
  ['other', '邻居在楼道里堆放杂物，影响通行'],
]
export const PUBLIC_SUGGESTION: Partial<Record<Category, Loc[]>> = {
  greening: [
    ['楼前花园', '建议在儿童游乐区旁边多种几棵遮阴的树'],
    ['楼前绿化带', '建议补种一些开花的灌木'],
  ],
  facility: [
    ['{u}单元门口', '建议在单元门口加装雨棚'],
    ['地下车库', '建议增设电动车充电桩'],
    ['楼前健身区', '建议增加几张长椅，方便老人休息'],
  ],
  cleaning: [['楼前垃圾分类点', '建议在垃圾分类点旁边装个洗手池']],
  other: [['物业服务中心', '建议周末也开放物业活动室']],
}
export const HOME_SUGGESTION = ['建议小程序里增加缴费到期提醒', '建议快递能统一放到物业前台代收', '建议每季度公布一次物业费收支情况']
export const SUGGESTION_DONE = ['感谢您的建议，已提交物业经理，将纳入下季度改造计划', '感谢建议，已转相关部门评估，结果会在公告中通知大家']
export const QUESTIONS: { scope: Scope; category: Category; location?: string; q: string; a: string }[] = [
  { scope: 'home', category: 'other', q: '请问装修需要办理什么手续？', a: '装修前请携带房产证复印件和装修方案到物业服务中心登记，押金在验收后退还' },
  { scope: 'home', category: 'other', q: '物业费可以按年一次性缴纳吗？', a: '可以，在小程序“缴费”页面或物业前台都能按年缴纳' },
  { scope: 'home', category: 'other', q: '小区停车月卡怎么办理？', a: '请携带行驶证到物业服务中心办理，次日生效' },
  { scope: 'home', category: 'other', q: '宠物需要在哪里登记？', a: '请到物业服务中心登记，并携带犬类免疫证明' },
  { scope: 'home', category: 'water_electric', q: '家里电费怎么充值？', a: '电费可通过国家电网 App 充值，也可以到物业前台代缴' },
  { scope: 'home', category: 'facility', q: '小区的快递柜收费吗？', a: '超过 12 小时按快递柜公司标准收费，物业不另收费' },
  { scope: 'public', category: 'facility', location: '地下车库', q: '地下车库晚上几点关闭？', a: '地下车库 24 小时开放，夜间请走 1 号出入口' },
  { scope: 'public', category: 'greening', location: '楼前花园', q: '小区什么时候打药除虫？', a: '每月第一个周六上午打药，前一天会发公告提醒' },
]
export const DONE_NOTES: Record<Category, string[]> = {
  water_electric: ['更换水龙头阀芯，试水无渗漏', '疏通下水管，排水正常', '更换漏电开关，通电正常', '更换灯具镇流器，灯已恢复', '更换马桶进水阀，止水正常'],
  door_window: ['更换锁芯，开关顺畅', '调整窗扇并更换密封条', '更换推拉门滑轮', '更换闭门器，门可自动关闭'],
  gas: ['清理灶具点火针，点火正常', '检查燃气管路无泄漏，已请燃气公司复核表具'],
  elevator: ['调整门机皮带和门刀，开关门正常', '更换按钮板，试运行正常', '维保单位到场检修，更换门锁触点'],
  facility: ['更换门禁读卡器，刷卡正常', '道闸电机复位，抬杆正常', '紧固器材螺丝，已可正常使用', '更换信报箱锁具'],
  cleaning: ['已清运完毕，楼道已清扫', '已更换垃圾桶并清理地面', '已加派保洁，已清洁干净'],
  greening: ['已修剪并清理断枝', '已修复喷灌水管', '已修剪草坪并喷洒驱蚊药剂'],
  other: ['已加固支架，运行无异响', '已上门查看，协调楼上住户处理防水', '已现场劝导，并加强夜间巡逻', '已联系车主挪车，并张贴告示'],
}
export const COSTS: Partial<Record<Category, CostItem[]>> = {
  water_electric: [
    { name: '水龙头阀芯', amount: 3500 },
    { name: '漏电开关', amount: 6800 },
    { name: '进水阀', amount: 4500 },
  ],
  door_window: [
    { name: '锁芯', amount: 12000 },
    { name: '密封条', amount: 2500 },
    { name: '滑轮', amount: 3000 },
  ],
  gas: [{ name: '点火针', amount: 1500 }],
  other: [{ name: '膨胀螺丝', amount: 800 }],
}
export const EMERGENCY_SPEC: Record<Emergency, { scope: Scope; category: Category; location?: string; text: string }> = {
  elevator_trap: { scope: 'public', category: 'elevator', location: '{u}单元电梯', text: '电梯困人！卡在{f}楼和{g}楼之间，里面有老人' },
  severe_leak: { scope: 'home', category: 'water_electric', text: '家里水管爆了，水漫到客厅，总阀关不住' },
  gas_leak: { scope: 'home', category: 'gas', text: '厨房燃气味很重，已开窗，不敢开灯' },
  fire: { scope: 'public', category: 'facility', location: '{u}单元{f}楼楼道', text: '楼道电表箱冒烟，有焦糊味' },
}
export const CANCEL_REASONS = ['问题已自行解决', '重复提交了', '家里人已经修好了']
export const REOPEN_REASONS = ['师傅走后又开始漏了', '用了两天又坏了', '问题没有彻底解决']
export const COMMENTS: Record<number, string[]> = {
  5: ['师傅很专业，修得又快又好', '响应很及时，点赞', '服务很好，谢谢物业'],
  4: ['整体满意，上门再早一点就更好了', '修好了，师傅态度不错'],
  3: ['问题解决了，但等的时间有点长', '一般吧，沟通可以再及时一点'],
  2: ['拖了好几天才来处理', '师傅走了以后问题又出现了'],
  1: ['等了很久都没人来，非常不满意', '修完没多久又坏了，态度也不好'],
}
export const CALL_NOTES: Record<CallOutcome, string[]> = {
  satisfied: ['住户表示问题已解决，对服务满意', '住户表示师傅处理及时，很满意'],
  reached: ['住户表示基本满意，希望上门更快一些', '住户表示问题已解决，沟通可以更及时'],
  dissatisfied: ['住户表示问题没有彻底解决', '住户对处理时间很不满意'],
  unreached: ['电话无人接听', '对方关机', '占线，稍后再拨'],
}

// ——— people ———

export interface Staffer {
  openid: string
  name: string
  roles: StaffRole[]
  department?: Department
  onDuty?: boolean
  zone?: string[]
  /** A demo account someone signs in as: kept out of the current month's work. */
  login: boolean
}

/** Handlers of the past who cannot sign in; each department has one, so the current month can do without the demo accounts. */
export const HISTORY_STAFF: { openid: string; name: string; department: Department }[] = [
  { openid: 'staff-qian', name: '钱伟', department: 'engineering' },
  { openid: 'staff-feng', name: '冯霞', department: 'cleaning' },
  { openid: 'staff-wu', name: '吴芳', department: 'greening' },
  { openid: 'staff-zheng', name: '郑勇', department: 'security' },
]

export const SYSTEM: Actor = { openid: 'system', role: 'system', name: '系统' }
export const LEVEL_WORDS = { 1: '即将超时', 2: '已超时', 3: '严重超时' } as const
