import { View, Button } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { api } from '../../services/api'
import { useRequestId } from '../../services/request-id'
import { ApiError, messageOf } from '../../services/errors'
import { needsSignIn, useLoad } from '../../services/session'
import { Empty, ErrorView, Loading } from '../../components/page-state'
import { ComposeForm } from './compose'
import { NoticeItem } from './item'
import './index.scss'
import { withLargeText } from '../../services/large-text'

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
