/**
 * Subscribe-message templates by our own key: title and fields, each field named by the
 * template's keyword id (`thing1`, `amount2` …), whose prefix is WeChat's kind for it. The ids
 * are per deployment and live on the server (cloudfunctions/lib/templates.ts); the client asks
 * for templates by these keys.
 */
export type FieldKind = 'thing' | 'phrase' | 'character_string' | 'name' | 'time' | 'amount' | 'phone_number' | 'number' | 'date'
type Keyword = `${FieldKind}${number}`

export const TEMPLATES = {
  billReminder: { title: '缴费提醒', fields: { house: 'thing1', amount: 'amount2', due: 'date3', note: 'thing4' } },
  paymentReceipt: { title: '缴费成功通知', fields: { amount: 'amount1', items: 'thing2', receiptNo: 'character_string3', time: 'time4' } },
  ticketProgress: { title: '工单进度通知', fields: { no: 'character_string1', status: 'phrase2', note: 'thing3', time: 'time4' } },
  ticketDone: { title: '维修完成通知', fields: { no: 'character_string1', handler: 'name2', note: 'thing3', time: 'time4' } },
  ticketSurvey: { title: '服务评价提醒', fields: { no: 'character_string1', note: 'thing2' } },
  newOrder: { title: '派单提醒', fields: { no: 'character_string1', place: 'thing2', note: 'thing3', time: 'time4' } },
  ticketAlert: { title: '工单预警通知', fields: { no: 'character_string1', level: 'phrase2', note: 'thing3', time: 'time4' } },
  noticePublished: { title: '社区公告通知', fields: { title: 'thing1', category: 'phrase2', time: 'time3', note: 'thing4' } },
  outageUpdate: { title: '停水停电通知', fields: { area: 'thing1', status: 'phrase2', eta: 'time3', note: 'thing4' } },
  bindingResult: { title: '房屋绑定结果通知', fields: { house: 'thing1', result: 'phrase2', note: 'thing3' } },
  inspectionReport: { title: '巡检结果通知', fields: { house: 'thing1', result: 'phrase2', time: 'time3', note: 'thing4' } },
} as const satisfies Record<string, { title: string; fields: Record<string, Keyword> }>

export type TemplateKey = keyof typeof TEMPLATES
/** The data a push of this template carries: every field, by our name. */
export type TemplateData<K extends TemplateKey> = Record<keyof (typeof TEMPLATES)[K]['fields'], string>
/** A push of some template with its data, checked together. */
export type Push = { [K in TemplateKey]: { templateKey: K; data: TemplateData<K> } }[TemplateKey]

export const isTemplateKey = (k: string): k is TemplateKey => Object.prototype.hasOwnProperty.call(TEMPLATES, k)
export const kindOf = (keyword: string) => keyword.replace(/\d+$/, '') as FieldKind

/** A template's fields as [our name, keyword id, kind]. */
export const fieldsOf = (key: TemplateKey) =>
  Object.entries(TEMPLATES[key].fields as Record<string, Keyword>).map(([name, keyword]) => ({ name, keyword, kind: kindOf(keyword) }))
