import Taro, { useDidShow } from '@tarojs/taro'
import { useCallback, useRef, useState } from 'react'
import type { Output } from '../core/shared/contract'
import type { accountContract } from '../core/account/contracts'
import { api } from './api'
import { ApiError, messageOf } from './errors'
import { getToken } from './token'
import { latestCalls } from './latest'
import { restart } from './nav'

export type Me = Output<typeof accountContract.whoami>

const HOUSE_KEY = 'current-house'

/** The house the resident is looking at; remembered per device, checked against their bindings. */
export function currentHouse(me: Me | null) {
  if (!me?.houses.length) return null
  const saved = Taro.getStorageSync(HOUSE_KEY)
  return me.houses.find((h) => h.houseId === saved) ?? me.houses[0]
}
export const chooseHouse = (houseId: string) => Taro.setStorageSync(HOUSE_KEY, houseId)

/** A resident with several houses picks the one he is looking at (WeChat's action sheet); false if he closes it. */
export async function pickHouse(me: Me): Promise<boolean> {
  if (me.houses.length < 2) return false
  try {
    const { tapIndex } = await Taro.showActionSheet({ itemList: me.houses.map((h) => `${h.communityName} ${h.label}`) })
    chooseHouse(me.houses[tapIndex].houseId)
    return true
  } catch {
    // He closed the sheet.
    return false
  }
}

/** On the local host, a visitor with no dev session is sent to sign in first. */
export function needsSignIn() {
  if (process.env.TARO_ENV === 'h5' && !getToken()) {
    restart('login')
    return true
  }
  return false
}

/** Load once per page show: the page always reflects decisions made elsewhere meanwhile. */
export function useMe() {
  const [me, setMe] = useState<Me | null>(null)
  const [error, setError] = useState('')
  const [loading, setLoading] = useState(true)
  const reload = useCallback(async () => {
    if (needsSignIn()) return
    setLoading(true)
    try {
      setMe(await api.account.whoami())
      setError('')
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setLoading(false)
    }
  }, [])
  useDidShow(() => {
    reload()
  })
  return { me, setMe, error, loading, reload }
}

/**
 * A one-shot loader for a page's data, with the three states every page shows. Only the latest
 * load counts: a slow answer to an earlier filter (the tab before the user's roles were known)
 * never overwrites the list the page asked for since.
 */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[] = []) {
  const [data, setData] = useState<T | null>(null)
  const [error, setError] = useState('')
  const [errorCode, setErrorCode] = useState('')
  const [loading, setLoading] = useState(true)
  const begin = useRef(latestCalls()).current
  const reload = useCallback(async () => {
    const isLatest = begin()
    setLoading(true)
    try {
      const d = await load()
      if (!isLatest()) return
      setData(d)
      setError('')
      setErrorCode('')
    } catch (e) {
      if (!isLatest()) return
      setError(messageOf(e))
      setErrorCode(e instanceof ApiError ? e.code : '')
    } finally {
      if (isLatest()) setLoading(false)
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps)
  return { data, setData, error, errorCode, loading, reload }
}
