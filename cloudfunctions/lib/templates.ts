import { fieldsOf, TEMPLATES, type FieldKind, type TemplateKey } from '../../src/core/shared/templates'

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

/**
 * The deployment's template id for a key, from the mini-program admin console (订阅消息 → 我的模板),
 * set in the function's environment as TPL_<KEY> (TPL_BILL_REMINDER …); empty until configured.
 */
export const envNameOf = (key: TemplateKey) => `TPL_${key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`
export const templateId = (key: TemplateKey) => process.env[envNameOf(key)] || ''

export const templateTitle = (key: TemplateKey) => TEMPLATES[key].title

/** Our data → WeChat's `{keyword: {value}}`, each value cut to its kind's limit. */
export function renderTemplateData(key: TemplateKey, data: Record<string, string>) {
  const out: Record<string, { value: string }> = {}
  for (const { name, keyword, kind } of fieldsOf(key)) {
    const v = data[name] ?? ''
    const limit = FIELD_LIMITS[kind]
    out[keyword] = { value: [...v].length > limit ? [...v].slice(0, limit - 1).join('') + '…' : v }
  }
  return out
}
