/**
 * Subscribe-message templates: the one place their ids and field mapping live. Fill in the ids
 * from the mini-program admin console (订阅消息 → 我的模板) before deploying. Keys are ours;
 * `fields` maps our data keys to the template's keyword ids and their WeChat kinds.
 */
export type FieldKind = 'thing' | 'phrase' | 'character_string' | 'name' | 'time' | 'amount' | 'phone_number' | 'number' | 'date'

export interface Template {
  id: string
  title: string
  fields: Record<string, { key: string; kind: FieldKind }>
}

/** WeChat's length limits per kind; longer values make send fail with 47003. */
export const FIELD_LIMITS: Record<FieldKind, number> = {
  thing: 20,
  phrase: 5,
  character_string: 32,
  name: 10,
  time: 32,
  date: 32,
  amount: 32,
  phone_number: 17,
  number: 32,
}

export const TEMPLATES: Record<string, Template> = {
  billReminder: {
    id: process.env.TPL_BILL_REMINDER || '',
    title: '缴费提醒',
    fields: {
      house: { key: 'thing1', kind: 'thing' },
      amount: { key: 'amount2', kind: 'amount' },
      due: { key: 'date3', kind: 'date' },
      note: { key: 'thing4', kind: 'thing' },
    },
  },
  paymentReceipt: {
    id: process.env.TPL_PAYMENT_RECEIPT || '',
    title: '缴费成功通知',
    fields: {
      amount: { key: 'amount1', kind: 'amount' },
      items: { key: 'thing2', kind: 'thing' },
      receiptNo: { key: 'character_string3', kind: 'character_string' },
      time: { key: 'time4', kind: 'time' },
    },
  },
  ticketProgress: {
    id: process.env.TPL_TICKET_PROGRESS || '',
    title: '工单进度通知',
    fields: {
      no: { key: 'character_string1', kind: 'character_string' },
      status: { key: 'phrase2', kind: 'phrase' },
      note: { key: 'thing3', kind: 'thing' },
      time: { key: 'time4', kind: 'time' },
    },
  },
  ticketDone: {
    id: process.env.TPL_TICKET_DONE || '',
    title: '维修完成通知',
    fields: {
      no: { key: 'character_string1', kind: 'character_string' },
      handler: { key: 'name2', kind: 'name' },
      note: { key: 'thing3', kind: 'thing' },
      time: { key: 'time4', kind: 'time' },
    },
  },
  ticketSurvey: {
    id: process.env.TPL_TICKET_SURVEY || '',
    title: '服务评价提醒',
    fields: {
      no: { key: 'character_string1', kind: 'character_string' },
      note: { key: 'thing2', kind: 'thing' },
    },
  },
  newOrder: {
    id: process.env.TPL_NEW_ORDER || '',
    title: '派单提醒',
    fields: {
      no: { key: 'character_string1', kind: 'character_string' },
      place: { key: 'thing2', kind: 'thing' },
      note: { key: 'thing3', kind: 'thing' },
      time: { key: 'time4', kind: 'time' },
    },
  },
  ticketAlert: {
    id: process.env.TPL_TICKET_ALERT || '',
    title: '工单预警通知',
    fields: {
      no: { key: 'character_string1', kind: 'character_string' },
      level: { key: 'phrase2', kind: 'phrase' },
      note: { key: 'thing3', kind: 'thing' },
      time: { key: 'time4', kind: 'time' },
    },
  },
  noticePublished: {
    id: process.env.TPL_NOTICE_PUBLISHED || '',
    title: '社区公告通知',
    fields: {
      title: { key: 'thing1', kind: 'thing' },
      category: { key: 'phrase2', kind: 'phrase' },
      time: { key: 'time3', kind: 'time' },
      note: { key: 'thing4', kind: 'thing' },
    },
  },
  outageUpdate: {
    id: process.env.TPL_OUTAGE_UPDATE || '',
    title: '停水停电通知',
    fields: {
      area: { key: 'thing1', kind: 'thing' },
      status: { key: 'phrase2', kind: 'phrase' },
      eta: { key: 'time3', kind: 'time' },
      note: { key: 'thing4', kind: 'thing' },
    },
  },
  bindingResult: {
    id: process.env.TPL_BINDING_RESULT || '',
    title: '房屋绑定结果通知',
    fields: {
      house: { key: 'thing1', kind: 'thing' },
      result: { key: 'phrase2', kind: 'phrase' },
      note: { key: 'thing3', kind: 'thing' },
    },
  },
}

/** Our data → WeChat's `{keyword: {value}}`, each value cut to its kind's limit. */
export function renderTemplateData(tpl: Template, data: Record<string, string>) {
  const out: Record<string, { value: string }> = {}
  for (const [name, { key, kind }] of Object.entries(tpl.fields)) {
    const v = data[name] ?? ''
    const limit = FIELD_LIMITS[kind]
    out[key] = { value: [...v].length > limit ? [...v].slice(0, limit - 1).join('') + '…' : v }
  }
  return out
}
