import { View, Text, Button } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { api } from '../../../services/api'
import { messageOf } from '../../../services/errors'
import { currentHouse, needsSignIn, useLoad, useMe } from '../../../services/session'
import { NOTICE_CATEGORY_LABELS } from '../../../core/notices/types'
import { formatTime } from '../../../core/shared/time'
import { ErrorView, Loading } from '../../../components/page-state'
import { categoryTag, STATE_LABELS, stateTag } from '../labels'
import '../parts.scss'
import { go } from '../../../services/nav'
import { withLargeText } from '../../../services/large-text'

function NoticeDetail() {
  const id = useRouter().params.id ?? ''
  const detail = useLoad(() => api.notices.detail({ noticeId: id }), [id])
  const [busy, setBusy] = useState(false)
  const { me } = useMe()
  useDidShow(() => {
    if (!needsSignIn()) detail.reload()
  })
  const n = detail.data
  if (!n && detail.error) return <ErrorView message={detail.error} code={detail.errorCode} onRetry={detail.reload} />
  if (!n) return <Loading />

  const run = async (fn: () => Promise<unknown>, ok: string) => {
    setBusy(true)
    try {
      await fn()
      Taro.showToast({ title: ok, icon: 'none' })
      await detail.reload()
    } catch (e) {
      Taro.showToast({ title: messageOf(e), icon: 'none' })
    } finally {
      setBusy(false)
    }
  }
  const toggleSignUp = async () => {
    setBusy(true)
    try {
      const r = n.signUp?.mine ? await api.notices.cancelSignUp({ noticeId: id }) : await api.notices.signUp({ noticeId: id })
      Taro.showToast({ title: r.mine ? '报名成功' : '已取消报名', icon: 'none' })
      await detail.reload()
    } catch (e) {
      Taro.showToast({ title: messageOf(e), icon: 'none' })
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='page' data-testid='notice-detail'>
      <View className='card nt-item'>
        <View className='nt-head'>
          <Text className={categoryTag(n.category)}>{NOTICE_CATEGORY_LABELS[n.category]}</Text>
          {n.outage && (
            <Text className={stateTag(n.outage.state)} data-testid='outage-state'>
              {STATE_LABELS[n.outage.state]}
            </Text>
          )}
        </View>
        <Text className='nt-title' data-testid='notice-title'>
          {n.title}
        </Text>
        <Text className='muted'>
          {formatTime(n.publishAt)} · {n.audienceLabel}
        </Text>
        {n.outage && (
          <View>
            <Text className='nt-line' data-testid='notice-outage-line'>
              {n.outage.line}
            </Text>
            <View className='nt-update'>
              <Text className='muted'>影响范围：{n.outage.area}</Text>
              <Text className='muted'>开始时间：{formatTime(n.outage.startAt)}</Text>
              <Text className='muted'>预计恢复：{formatTime(n.outage.etaAt)}</Text>
              <Text className='muted'>原因：{n.outage.cause}</Text>
            </View>
          </View>
        )}
        <Text className='nt-body'>{n.body}</Text>
        {n.following && <Text className='tag'>已关注，恢复时会通知您</Text>}
        {n.outage && n.outage.state !== 'restored' && !n.following && me && currentHouse(me) && (
          <View className='nt-head'>
            <Button
              className='btn btn-primary btn-small'
              disabled={busy || undefined}
              onClick={() => run(() => api.notices.follow({ noticeId: id, houseId: currentHouse(me)!.houseId }), '已关注，恢复时会通知您')}
              data-testid='outage-follow'
            >
              关注恢复进度
            </Button>
            <Button className='btn btn-ghost btn-small' onClick={() => Taro.navigateBack()} data-testid='outage-file'>
              仍要报修
            </Button>
          </View>
        )}
      </View>

      {n.outage && n.outage.updates.length > 0 && (
        <View className='card' data-testid='outage-updates'>
          <Text className='card-title'>进展</Text>
          {[...n.outage.updates].reverse().map((u) => (
            <View key={u.at} className='nt-update'>
              <Text>{u.text}</Text>
              <Text className='muted'>{formatTime(u.at)}</Text>
            </View>
          ))}
        </View>
      )}

      {n.signUp && (
        <View className='card nt-item' data-testid='signup'>
          <Text className='card-title'>活动报名</Text>
          <Text className='muted'>
            名额 {n.signUp.taken}/{n.signUp.capacity} · 截止 {formatTime(n.signUp.deadline)}
          </Text>
          <Button
            className={`btn btn-block ${n.signUp.mine ? 'btn-ghost' : 'btn-primary'}`}
            disabled={busy || (!n.signUp.mine && !n.signUp.open) || undefined}
            loading={busy}
            onClick={toggleSignUp}
            data-testid='signup-toggle'
          >
            {n.signUp.mine ? '取消报名' : n.signUp.open ? '我要报名' : '名额已满或已截止'}
          </Button>
        </View>
      )}
      <Button className='btn btn-ghost btn-block' onClick={() => go('home')}>
        返回首页
      </Button>
    </View>
  )
}

export default withLargeText(NoticeDetail)
