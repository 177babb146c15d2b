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
