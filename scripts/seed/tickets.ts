import type { Store } from '../../cloudfunctions/lib/ports/store'

/** What agents say most, so a reply is one tap (per community; the 客服主任 edits them later). */
export const SAVED_REPLIES = [
  { title: '已收到·安排师傅', text: '您好，您反映的问题已收到，我们正在安排师傅尽快上门处理，请保持电话畅通。' },
  { title: '已收到·跟进中', text: '您好，已收到您的反馈，我们正在核实处理，有进展会第一时间告诉您。' },
  { title: '上门前联系', text: '师傅上门前会先电话联系您，如时间不便可以回复改约。' },
  { title: '公共区域已报修', text: '感谢提醒！该公共区域问题已安排工程部处理，预计今天内修复。' },
  { title: '咨询答复', text: '您好，物业服务中心工作时间为每天 09:00–18:00，紧急情况请拨打 24 小时应急电话。' },
]

export async function seedTicketsDemo(store: Store, communityId: string) {
  for (const [i, r] of SAVED_REPLIES.entries()) {
    await store.c.savedReplies.set({ _id: `${communityId}-reply-${i + 1}`, communityId, order: i + 1, ...r })
  }
}
