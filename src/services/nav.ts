import Taro from '@tarojs/taro'
import { isTab, pageUrl, PAGES, type PageArgs, type PageName, type TabPage } from '../core/shared/pages'

/**
 * Page navigation by name (the one page table in core/shared/pages): tab pages open with
 * switchTab, which takes no query; every other page with navigateTo.
 */
export function go<N extends PageName>(name: N, ...query: PageArgs<N>) {
  if (isTab(name)) return Taro.switchTab({ url: PAGES[name] })
  return Taro.navigateTo({ url: pageUrl(name, ...query) })
}

/** Replace the current page (a result page leading on to the record it made). */
export function replace<N extends PageName>(name: N, ...query: PageArgs<N>) {
  if (isTab(name)) return Taro.switchTab({ url: PAGES[name] })
  return Taro.redirectTo({ url: pageUrl(name, ...query) })
}

/** Start over on a page, dropping the whole page stack (signing in or out). */
export const restart = (name: PageName) => Taro.reLaunch({ url: PAGES[name] })

/** Back one page; a page opened directly (a shared link, H5 reload) goes to the tab `fallback` instead. */
export const back = (fallback: TabPage) => Taro.navigateBack().catch(() => Taro.switchTab({ url: PAGES[fallback] }))

/** Open a link the server built (a message's page): tab pages by switchTab, the rest by navigateTo. */
export function openLink(url: string) {
  const path = url.split('?')[0]
  const tab = Object.entries(PAGES).find(([name, p]) => p === path && isTab(name as PageName))
  if (tab) return Taro.switchTab({ url: path })
  // navigateTo refuses once ten pages are stacked; the link still opens in place of this one.
  return Taro.navigateTo({ url }).catch(() => Taro.redirectTo({ url }))
}
