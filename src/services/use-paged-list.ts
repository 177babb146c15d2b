import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { messageOf } from './errors'
import { needsSignIn, useLoad } from './session'

/** One page of a list as the API returns it: `more`, or a `total` to compare against. */
interface Page {
  items: unknown[]
  total?: number
  more?: boolean
}

const hasMoreOf = (p: Page) => p.more ?? p.items.length < (p.total ?? 0)

/**
 * A list a page shows and grows: the first page on every show and whenever `deps` (its filters)
 * change, pull down to refresh, the next page when the reader nears the bottom. The page's own
 * config must enable pull-down refresh.
 */
export function usePagedList<P extends Page>(fetch: (offset: number, limit: number) => Promise<P>, deps: unknown[] = [], limit = 20) {
  const list = useLoad(() => fetch(0, limit), deps)
  const [loadingMore, setLoadingMore] = useState(false)

  useDidShow(() => {
    if (!needsSignIn()) list.reload()
  })
  // The first load comes from useDidShow; a change of filter loads again once it is in.
  const first = useRef(true)
  useEffect(() => {
    if (first.current) {
      first.current = false
      return
    }
    list.reload()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps)
  usePullDownRefresh(async () => {
    await list.reload()
    Taro.stopPullDownRefresh()
  })
  useReachBottom(async () => {
    const d = list.data
    if (!d || loadingMore || !hasMoreOf(d)) return
    setLoadingMore(true)
    try {
      const next = await fetch(d.items.length, limit)
      list.setData({ ...next, items: [...d.items, ...next.items] })
    } catch (e) {
      Taro.showToast({ title: messageOf(e), icon: 'none' })
    } finally {
      setLoadingMore(false)
    }
  })

  return { ...list, loadingMore, hasMore: list.data ? hasMoreOf(list.data) : false }
}
