import { View, Button } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { api } from '../../services/api'
import { useRequestId } from '../../services/request-id'
import { ApiError, messageOf } from '../../services/errors'
import { needsSignIn, useLoad } from '../../services/session'
import { Empty, ErrorView, Loading } from '../../components/page-state'
import { ComposeForm } from './compose'
import type { PublishInput } from './draft'
import { describeAt } from '../../core/notices/when'
import { NoticeItem } from './item'
import './index.scss'
import { withLargeText } from '../../services/large-text'

/**
 * 发布 cannot be taken back once messages are out: say first how many households it reaches and
 * when, from the same walk the send makes.
 */
async function confirmReach(input: PublishInput) {
  let reach: { households: number; residents: number }
  try {
    reach = await api.notices.reach({ audience: input.audience })
  } catch (e) {
    Taro.showToast({ title: messageOf(e), icon: 'none' })
    return false
  }
  const later = input.publishAt !== undefined && input.publishAt > Date.now()
  const when = later ? `将于${describeAt(input.publishAt!, Date.now())}` : '将立即'
  const content =
    reach.households === 0
      ? '该范围内还没有已绑定的住户，发布后暂时无人收到消息。仍要发布吗？'
      : `${when}通知 ${reach.households} 户（${reach.residents} 位住户），消息发出后无法收回。`
  const { confirm } = await Taro.showModal({ title: later ? '确认定时发布' : '确认发布', content, confirmText: later ? '定时发布' : '发布' })
  return confirm
}

/** 公告与停水停电: compose (form in compose.tsx) and the community's notices (rows in item.tsx). */
function StaffNotices() {
  const list = useLoad(() => api.notices.manage({ limit: 30 }), [])
  const [composing, setComposing] = useState(false)
  const request = useRequestId()
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  useDidShow(() => {
    if (!needsSignIn()) list.reload()
  })

  const run = async (fn: () => Promise<unknown>, ok: string) => {
    setBusy(true)
    try {
      await fn()
      Taro.showToast({ title: ok, icon: 'none' })
      await list.reload()
      return true
    } catch (e) {
      if (e instanceof ApiError && e.fields) setErrors(e.fields)
      Taro.showToast({ title: messageOf(e), icon: 'none' })
      return false
    } finally {
      setBusy(false)
    }
  }

  const d = list.data
  if (!d && list.error) return <ErrorView message={list.error} onRetry={list.reload} />
  if (!d) return <Loading />

  return (
    <View className='page sn'>
      {!composing ? (
        <Button className='btn btn-primary btn-block' onClick={() => setComposing(true)} data-testid='compose'>
          发布公告 / 停水停电通知
        </Button>
      ) : (
        <ComposeForm
          busy={busy}
          errors={errors}
          setErrors={setErrors}
          onPublish={async (input) => {
            if (!(await confirmReach(input))) return false
            const done = await run(
              () => api.notices.publish({ ...input, requestId: request.current() }),
              (input.publishAt ?? 0) > Date.now() ? '已定时发布' : '已发布',
            )
            if (done) {
              request.renew()
              setComposing(false)
            }
            return done
          }}
          onCancel={() => {
            setErrors({})
            setComposing(false)
          }}
        />
      )}

      {d.items.length === 0 && (
        <View className='card'>
          <Empty title='还没有公告' text='发布的公告和停水停电通知会显示在这里' />
        </View>
      )}
      {d.items.map((n) => (
        <NoticeItem key={n.id} n={n} busy={busy} run={run} />
      ))}
    </View>
  )
}

export default withLargeText(StaffNotices)
