import Taro from '@tarojs/taro'
import { api } from './api'
import { getToken } from './token'

/** Position of 消息 in app.config.ts tabBar.list — keep in step when tabs change. */
const MESSAGES_TAB = 3

/** The unread count on the 消息 tab; tab pages refresh it when they show. Never throws. */
export async function refreshUnreadBadge(known?: number) {
  if (process.env.TARO_ENV === 'h5' && !getToken()) return
  try {
    const unread = known ?? (await api.account.unreadCount()).unread
    if (unread > 0) await Taro.setTabBarBadge({ index: MESSAGES_TAB, text: unread > 99 ? '99+' : String(unread) })
    else await Taro.removeTabBarBadge({ index: MESSAGES_TAB })
  } catch {
    // A badge is a hint; the list itself is the truth.
  }
}
