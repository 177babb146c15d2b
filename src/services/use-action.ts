import Taro from '@tarojs/taro'
import { useState } from 'react'
import { ApiError, messageOf } from './errors'

/** Codes that mean the record moved on meanwhile (someone else acted, or it is gone): show it as it is now. */
const STALE = ['CONFLICT', 'INVALID_STATE', 'NOT_FOUND']

interface Options {
  /** Reload the page's data: after a success, and whenever the record turned out stale. */
  reload?: () => unknown
  /** The page updates itself after a success (drops the row it acted on): reload only when stale. */
  reloadOnSuccess?: boolean
  /** A form's field errors from the server (INVALID_INPUT), shown beside the fields they name. */
  onFields?: (fields: Record<string, string>) => void
}

/**
 * A page's actions, one at a time. `busy` names the running one so its button can show it; a
 * success says `ok`; a refusal shows the server's own message (longer when it says when to try
 * again); the caller learns which it was from the returned boolean.
 */
export function useAction({ reload, reloadOnSuccess = true, onFields }: Options = {}) {
  const [busy, setBusy] = useState('')
  const run = async (key: string, fn: () => Promise<unknown>, ok?: string) => {
    setBusy(key)
    try {
      await fn()
      if (ok) Taro.showToast({ title: ok, icon: 'success' })
      if (reload && reloadOnSuccess) await reload()
      return true
    } catch (e) {
      const code = e instanceof ApiError ? e.code : ''
      if (e instanceof ApiError && e.fields) onFields?.(e.fields)
      Taro.showToast({ title: messageOf(e), icon: 'none', duration: code === 'RATE_LIMITED' ? 2500 : 1500 })
      if (reload && STALE.includes(code)) reload()
      return false
    } finally {
      setBusy('')
    }
  }
  /** `run`, then show the record the action answered with (the page's setData) instead of loading it again. */
  const apply = async <T>(key: string, fn: () => Promise<T>, show: (answer: T) => void, ok?: string) => {
    let answer: T | undefined
    const done = await run(key, async () => (answer = await fn()), ok)
    if (done) show(answer as T)
    return done
  }
  return { busy, run, apply }
}
