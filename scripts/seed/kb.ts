import type { Store } from '../../cloudfunctions/lib/ports/store'
import { indexArticle } from '../../src/core/kb/search'
import { COMPANY_WIDE, type ArticleDoc, type KbCategory } from '../../src/core/kb/types'

interface Seed {
  id: string
  companyWide?: boolean
  category: KbCategory
  title: string
  keywords: string[]
  body: string
  draft?: boolean
}

/** What the front desk is asked every day, answered once: the demo's 小百科. */
const ARTICLES: Seed[] = [
  {
    id: 'pets',
    category: 'pets',
    title: '小区养犬须知',
    keywords: ['养狗', '遛狗', '养猫'],
    body: '小区允许饲养宠物，请遵守以下规定：\n1. 犬只须办理犬证，每年按时注射狂犬疫苗；\n2. 出门遛犬必须拴绳，绳长不超过 1.5 米，乘电梯时请抱起或贴身牵好；\n3. 宠物粪便请随手清理，服务中心可免费领取拾便袋；\n4. 禁止饲养烈性犬，禁止在阳台、楼道散养。\n被宠物打扰可在「报事」里选择投诉，客服会联系宠物主人。',
  },
  {
    id: 'parcels',
    category: 'parcels',
    title: '快递怎么取？',
    keywords: ['快递放哪', '包裹', '驿站', '代收'],
    body: '快递统一放在南门菜鸟驿站（每天 8:00–21:00），凭取件码领取。\n生鲜、药品请当天取走；大件或不便下楼的老人，可在「报事」里选择咨询，管家会安排送上门。\n快递员不得进入楼栋，如发现快递被放在门口或楼道，请告诉我们。',
  },
  {
    id: 'parking',
    category: 'parking',
    title: '停车月卡与临时停车',
    keywords: ['车位', '月卡', '访客停车'],
    body: '地下车库车位可月租，月卡 300 元/月，请带行驶证到物业服务中心办理，当天生效。\n访客临时停车前 30 分钟免费，之后 5 元/小时，当日封顶 30 元。\n请勿占用消防通道，占用将被通知挪车。',
  },
  {
    id: 'fees',
    companyWide: true,
    category: 'fees',
    title: '物业费的缴纳方式',
    keywords: ['交物业费', '怎么缴费', '发票'],
    body: '物业费按季度收取，可以：\n1. 在小程序「账单」里用微信支付，即时到账并生成电子收据；\n2. 到物业服务中心刷卡、扫码或转账。\n逾期 30 天后会收到催缴提醒。对账单有疑问，可在账单详情里点「对账单有疑问」。',
  },
  {
    id: 'emergency',
    companyWide: true,
    category: 'emergency',
    title: '家里漏水、停电、被困电梯怎么办',
    keywords: ['漏水', '跳闸', '电梯困人', '燃气味'],
    body: '遇到紧急情况请先保证安全：\n· 家中漏水：先关闭总水阀，再报修；\n· 闻到燃气味：不要开关电器，打开门窗，离开后拨打燃气公司电话；\n· 被困电梯：按下轿厢内的警铃，耐心等待，不要扒门。\n报事时选择「紧急」，或直接拨打首页的 24 小时应急电话，值班人员 15 分钟内响应。',
  },
  {
    id: 'renovation',
    category: 'renovation',
    title: '装修时间与申请',
    keywords: ['装修申请', '电钻', '周末装修'],
    body: '装修前请在「我的 › 装修办理」提交申请，审批后领取施工许可证。\n施工时间：工作日 8:00–12:00、14:00–18:00；周末和法定节假日不得进行电钻、切割等有噪音的施工。\n装修垃圾须装袋后运至指定堆放点。',
  },
  {
    id: 'garbage',
    category: 'living',
    title: '垃圾分类投放时间',
    keywords: ['扔垃圾', '厨余'],
    body: '每天 7:00–9:00、18:00–20:00 在各楼栋旁的分类亭定时投放；厨余垃圾请破袋投放。大件家具请预约清运。',
    draft: true,
  },
]

export async function seedKbDemo(store: Store, communityId: string, by: string, now: number) {
  for (const s of ARTICLES) {
    const fields = { category: s.category, title: s.title, body: s.body, keywords: s.keywords }
    const doc: ArticleDoc = {
      _id: s.companyWide ? `kb-${s.id}` : `${communityId}-kb-${s.id}`,
      communityId: s.companyWide ? COMPANY_WIDE : communityId,
      ...fields,
      status: s.draft ? 'draft' : 'published',
      terms: indexArticle(fields),
      useful: 0,
      useless: 0,
      deflected: 0,
      byName: by,
      createdAt: now,
      updatedAt: now,
      ...(s.draft ? {} : { publishedAt: now }),
    }
    await store.c.kbArticles.set(doc)
  }
}
