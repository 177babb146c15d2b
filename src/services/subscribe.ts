import Taro from '@tarojs/taro'
import type { TemplateKey } from '../core/shared/templates'
import { api } from './api'

type Answer = 'accept' | 'reject' | 'ban' | 'filter'
const cache = new Map<string, string>() // template key → template id

/** Load template ids when the page shows, so the tap itself can open the panel without waiting. */
export async function preloadTemplates(keys: TemplateKey[]) {
  try {
    for (const t of await api.account.subscribeTemplates({ keys })) if (t.id) cache.set(t.key, t.id)
  } catch {
    // Without ids we simply won't ask; the in-app message center still works.
  }
}

/**
 * Ask for subscribe messages at a natural tap (submit, rating, payment). WeChat shows its panel
 * only from a tap, at most 3 templates for older clients, and never again once the resident ticks
 * "always keep this choice" — so we record what came back rather than assume. On H5 there is no
 * panel: the local host stands in for WeChat and grants each template, so quotas still count.
 * Never throws: a refused subscription must not block the action it accompanies.
 */
export async function askSubscribe(keys: TemplateKey[]): Promise<string[]> {
  try {
    const wanted = keys.slice(0, 3)
    let results: Record<string, Answer> = {}
    if (process.env.TARO_ENV === 'weapp') {
      const ids = wanted.filter((k) => cache.has(k))
      if (!ids.length) return []
      // First await of the tap handler: the panel may only open from a user's tap.
      const r = (await Taro.requestSubscribeMessage({ tmplIds: ids.map((k) => cache.get(k)!), entityIds: [] } as never)) as unknown as Record<string, string>
      for (const k of ids) results[k] = (r[cache.get(k)!] as Answer) ?? 'reject'
    } else {
      if (!wanted.every((k) => cache.has(k))) await preloadTemplates(wanted)
      results = Object.fromEntries(wanted.filter((k) => cache.has(k)).map((k) => [k, 'accept' as const]))
    }
    if (!Object.keys(results).length) return []
    return (await api.account.recordSubscriptions({ results })).granted
  } catch {
    return []
  }
}
