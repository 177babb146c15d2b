import { View, Text, Button, Picker } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { api, type Output } from '../../../services/api'
import { useAction } from '../../../services/use-action'
import { needsSignIn, useLoad } from '../../../services/session'
import { go } from '../../../services/nav'
import { yuan } from '../../../core/shared/money'
import { shanghaiDate } from '../../../core/shared/time'
import type { decorationContract } from '../../../core/decoration/contracts'
import { dayText, INSPECTION_LABELS, isOpen, periodText, SLOT_LABELS, SLOTS, WORK_LABELS, type Slot } from '../../../core/decoration/types'
import { ErrorView, Loading } from '../../../components/page-state'
import { QrCode } from '../../../components/qr-code'
import '../decoration.scss'
import { withLargeText } from '../../../services/large-text'

type Mine = Output<typeof decorationContract.mine>
type Item = Mine['items'][number]

const tagOf = (d: Item) =>
  d.status === 'stopped' || d.status === 'rejected' ? 'tag tag-danger' : d.status === 'closed' || d.status === 'withdrawn' ? 'tag tag-gray' : 'tag tag-warn'

/** The next inspection: a day and half-day he chooses; the 管理员 is told and comes then. */
function Booking({ d, busy, onBook }: { d: Item; busy: boolean; onBook(date: string, slot: Slot): void }) {
  const booked = d.inspections.find((i) => !i.result)
  // Not before the work starts, nor before tomorrow: the 管理员 needs a day's notice.
  const first = [shanghaiDate(Date.now() + 86_400_000), d.start].sort()[1]
  const [date, setDate] = useState(booked?.date ?? first)
  const [slot, setSlot] = useState<Slot>(booked?.slot ?? 'am')
  if (!d.next) return null
  return (
    <View className='dc-book' data-testid='decoration-book'>
      <Text className='dc-sub'>
        {booked ? `已预约${INSPECTION_LABELS[booked.kind]}：${dayText(booked.date)}${SLOT_LABELS[booked.slot]}` : `下一步：预约${INSPECTION_LABELS[d.next]}`}
      </Text>
      <View className='row dc-book-row'>
        <Picker mode='date' value={date} start={first} onChange={(e) => setDate(e.detail.value)}>
          <View className='dc-pick' data-testid='book-date'>
            {dayText(date)}
          </View>
        </Picker>
        <View className='chips'>
          {SLOTS.map((s) => (
            <View key={s} className={`chip ${slot === s ? 'chip-active' : ''}`} onClick={() => setSlot(s)}>
              {SLOT_LABELS[s]}
            </View>
          ))}
        </View>
      </View>
      <Button className='btn btn-primary btn-block' disabled={busy || undefined} onClick={() => onBook(date, slot)} data-testid='book-submit'>
        {booked ? '改约' : '预约验收'}
      </Button>
    </View>
  )
}

/** One renovation as the owner follows it: where it stands, what to do next, the permit to show at the gate. */
function Renovation({ d, owner, busy, act }: { d: Item; owner: boolean; busy: string; act(key: string, fn: () => Promise<Item>, ok: string): void }) {
  const showPermit = d.permitCode && ['valid', 'early', 'stopped', 'expired'].includes(d.permit)
  const withdraw = async () => {
    const { confirm } = await Taro.showModal({ title: '撤回申请', content: '撤回后物业不再审核这份申请，可修改后重新提交。', confirmText: '撤回' })
    if (confirm) act('withdraw', () => api.decoration.withdraw({ id: d.id }), '已撤回')
  }
  return (
    <View className='card dc' data-testid='decoration-item'>
      <View className='row between'>
        <Text className='dc-title'>{periodText(d)}</Text>
        <Text className={tagOf(d)} data-testid='decoration-status'>
          {d.statusText}
        </Text>
      </View>
      <Text className='dc-text'>
        {d.works.map((w) => WORK_LABELS[w]).join('、')} · {d.contractor.company}（{d.contractor.leader}）
      </Text>
      {d.status === 'pending' && <Text className='dc-text'>物业正在审核施工方案，一般 1–2 个工作日内答复。</Text>}
      {d.decided?.reason && <Text className='dc-warn'>未批准原因：{d.decided.reason}</Text>}
      {d.decided?.conditions && <Text className='dc-text'>附加要求：{d.decided.conditions}</Text>}
      {d.permit === 'unpaid' && (
        <View className='dc-step'>
          <Text className='dc-text'>请缴纳装修押金 ¥{yuan(d.deposit.amount)}，缴纳后装修许可证生效；完工验收合格后退还。</Text>
          <Button className='btn btn-primary btn-block' onClick={() => go('bills')} data-testid='decoration-pay'>
            去缴纳押金
          </Button>
        </View>
      )}
      {showPermit && (
        <View className='dc-permit' data-testid='decoration-permit'>
          <Text className='dc-sub'>装修许可证 · 请施工人员进门时出示</Text>
          <QrCode payload={d.permitCode!} size={200} id={`permit-${d.id.slice(-8)}`} />
          <Text className='dc-text'>{d.hours}</Text>
        </View>
      )}
      {d.inspections.map((i, k) => (
        <Text key={k} className={i.result && !i.result.passed ? 'dc-warn' : 'dc-text'}>
          {INSPECTION_LABELS[i.kind]} {dayText(i.date)}
          {SLOT_LABELS[i.slot]} · {i.result ? (i.result.passed ? '合格' : '未通过，请整改后重新预约') : '待上门'}
        </Text>
      ))}
      {d.violations.map((v) => (
        <Text key={v.id} className='dc-warn'>
          {v.label}：{v.note}
          {v.stop ? '（已责令停工）' : ''}
        </Text>
      ))}
      {d.deposit.refund && (
        <Text className='dc-text'>
          押金{d.deposit.refund.state === 'refunded' ? `已退还 ¥${yuan(d.deposit.refund.amount)}` : '正在退还'}
          {d.deposit.refund.deducted ? `，扣除 ¥${yuan(d.deposit.refund.deducted)}（${d.deposit.refund.reason ?? ''}）` : ''}
        </Text>
      )}
      {owner && d.status === 'approved' && d.permit !== 'unpaid' && (
        <Booking d={d} busy={busy === 'book'} onBook={(date, slot) => act('book', () => api.decoration.book({ id: d.id, date, slot }), '已预约')} />
      )}
      {owner && d.status === 'pending' && (
        <Button className='btn btn-ghost btn-block' disabled={busy === 'withdraw' || undefined} onClick={withdraw} data-testid='decoration-withdraw'>
          撤回申请
        </Button>
      )}
    </View>
  )
}

/**
 * 装修办理 for one house: how it works here (hours, deposit), each renovation with its permit
 * and next step, and 申请装修 for the owner when none is open.
 */
function DecorationHome() {
  const houseId = useRouter().params.houseId ?? ''
  const mine = useLoad(() => api.decoration.mine({ houseId }), [houseId])
  const { busy, apply } = useAction({ reload: mine.reload, reloadOnSuccess: false })
  useDidShow(() => {
    if (!needsSignIn()) mine.reload()
  })
  const m = mine.data
  if (mine.loading && !m) return <Loading />
  if (mine.error) return <ErrorView message={mine.error} code={mine.errorCode} onRetry={mine.reload} />
  if (!m) return null
  const act = (key: string, fn: () => Promise<Item>, ok: string) =>
    apply(key, fn, (d) => mine.setData({ ...m, items: m.items.map((x) => (x.id === d.id ? d : x)) }), ok)
  const open = m.items.some((d) => isOpen(d))

  return (
    <View className='page'>
      <View className='card dc' data-testid='decoration-head'>
        <Text className='dc-title'>{m.label}</Text>
        <Text className='dc-text'>施工时间：{m.rules.text}。</Text>
        <Text className='dc-text'>
          办理流程：提交申请 → 物业审核 → 缴纳装修押金{m.rules.deposit ? ` ¥${yuan(m.rules.deposit)}` : ''} → 凭许可证施工 → 预约验收 → 退还押金。
        </Text>
        {m.isOwner ? (
          !open && (
            <Button className='btn btn-primary btn-block' onClick={() => go('decorationApply', { houseId })} data-testid='decoration-apply'>
              申请装修
            </Button>
          )
        ) : (
          <Text className='muted'>装修申请须由业主提交。</Text>
        )}
      </View>
      {m.items.map((d) => (
        <Renovation key={d.id} d={d} owner={m.isOwner} busy={busy} act={act} />
      ))}
    </View>
  )
}

export default withLargeText(DecorationHome)
