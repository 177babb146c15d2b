import { View, Text, Button } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { api } from '../../services/api'
import { needsSignIn, useLoad } from '../../services/session'
import { go } from '../../services/nav'
import { dayText, INSPECTION_LABELS, periodText, SLOT_LABELS, WORK_LABELS } from '../../core/decoration/types'
import { Empty, ErrorView, Loading } from '../../components/page-state'
import '../zone.scss'
import { withLargeText } from '../../services/large-text'

type Tab = 'pending' | 'open' | 'done'
const TABS: Record<Tab, string> = { pending: '待审批', open: '施工中', done: '已办结' }

/** 装修管理: applications to decide, renovations under way (their bookings and stops), and what is done. */
function DecorationsPage() {
  const [tab, setTab] = useState<Tab>('open')
  const list = useLoad(() => api.decoration.list({ state: tab }), [tab])
  useDidShow(() => {
    if (!needsSignIn()) list.reload()
  })
  // Another tab is another list; the first one is loaded by the show above.
  const shown = useRef(tab)
  useEffect(() => {
    if (shown.current === tab) return
    shown.current = tab
    list.reload()
  }, [tab, list])
  usePullDownRefresh(async () => {
    await list.reload()
    Taro.stopPullDownRefresh()
  })
  const d = list.data

  return (
    <View className='page'>
      <View className='zd-tabs'>
        {(Object.keys(TABS) as Tab[]).map((t) => (
          <View key={t} className={`zd-tab ${tab === t ? 'zd-tab-active' : ''}`} onClick={() => setTab(t)} data-testid={`tab-${t}`}>
            {TABS[t]}
            {t !== 'done' && d ? ` ${d.counts[t]}` : ''}
          </View>
        ))}
      </View>
      <Button className='btn btn-ghost btn-block zp-scan' onClick={() => go('zonePermit')} data-testid='permit-check'>
        扫码核验装修许可证
      </Button>
      {list.loading && !d ? (
        <Loading />
      ) : list.error ? (
        <ErrorView message={list.error} code={list.errorCode} onRetry={list.reload} />
      ) : !d?.items.length ? (
        <View className='card'>
          <Empty title={tab === 'pending' ? '没有待审批的申请' : tab === 'open' ? '没有施工中的装修' : '暂无记录'} text='业主在「我的 → 装修办理」提交申请' />
        </View>
      ) : (
        d.items.map((r) => (
          <View className='card zr' key={r.id} onClick={() => go('zoneDecoration', { id: r.id })} data-testid='decoration-row'>
            <View className='row between'>
              <Text className='zr-name'>{r.label}</Text>
              <Text className={r.status === 'stopped' ? 'tag tag-danger' : r.status === 'pending' ? 'tag tag-warn' : 'tag'}>{r.statusText}</Text>
            </View>
            <Text className='muted'>
              {r.applicantName} · {periodText(r)} · {r.works.map((w) => WORK_LABELS[w]).join('、')}
            </Text>
            {r.booking && (
              <Text className='zr-progress'>
                已预约{INSPECTION_LABELS[r.booking.kind]}：{dayText(r.booking.date)}
                {SLOT_LABELS[r.booking.slot]}
              </Text>
            )}
            {r.violations > 0 && <Text className='zr-danger'>违规 {r.violations} 次</Text>}
          </View>
        ))
      )}
    </View>
  )
}

export default withLargeText(DecorationsPage)
