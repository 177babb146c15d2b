import { View, Text, Button, Textarea } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { api } from '../../services/api'
import { useAction } from '../../services/use-action'
import { needsSignIn, useLoad } from '../../services/session'
import { BINDING_STATUS_LABELS, HOUSE_ROLE_LABELS, REMOVED_BY_LABELS } from '../../core/account/types'
import { BILL_STATUS_LABELS, HOUSE_TYPE_LABELS } from '../../core/bills/types'
import { CATEGORY_LABELS, TYPE_LABELS } from '../../core/tickets/types'
import { yuan } from '../../core/shared/money'
import { formatTime } from '../../core/shared/time'
import { ErrorView, Loading } from '../../components/page-state'
import { HomeLink, StatusTag } from '../../components/ticket-parts'
import { go } from '../../services/nav'
import { withLargeText } from '../../services/large-text'
import './index.scss'

/** 一户一档: what the office knows of one house, so the desk answers a call without asking twice. */
function HouseFile() {
  const houseId = useRouter().params.houseId ?? ''
  const file = useLoad(() => api.account.houseFile({ houseId }), [houseId])
  const { busy, run } = useAction({ reload: file.reload })
  const [note, setNote] = useState('')

  useDidShow(() => {
    if (!needsSignIn()) file.reload()
  })
  usePullDownRefresh(async () => {
    await file.reload()
    Taro.stopPullDownRefresh()
  })

  if (file.loading && !file.data) return <Loading />
  if (file.error || !file.data) return <ErrorView message={file.error} code={file.errorCode} onRetry={file.reload} />
  const d = file.data
  const { house, bills, tickets } = d
  const vacant = d.vacancy && !d.vacancy.endedAt
  const renovating = d.decorations.find((x) => x.open)

  const call = (key: string) => run(`call-${key}`, async () => Taro.makePhoneCall({ phoneNumber: (await api.account.callHouseMember({ houseId, key })).phone }))
  const saveNote = async () => {
    if (await run('note', () => api.account.addHouseNote({ houseId, text: note.trim() }), '已保存')) setNote('')
  }

  return (
    <View className='page hf'>
      <HomeLink staff />
      <View className='card'>
        <Text className='hf-label'>{house.label}</Text>
        <Text className='muted hf-sub'>
          {HOUSE_TYPE_LABELS[house.type]} · {house.area.toFixed(2)} m² · {house.floor} 层
        </Text>
        <View className='row hf-tags'>
          {tickets.open > 0 && <Text className='tag'>在办工单 {tickets.open}</Text>}
          {d.disputes.length > 0 && <Text className='tag tag-danger'>未结投诉/异议 {d.disputes.length}</Text>}
          {bills.unpaid > 0 && (
            <Text className={`tag ${bills.overdue ? 'tag-danger' : 'tag-warn'}`}>
              待缴 {bills.unpaid} 笔 ¥{yuan(bills.unpaidAmount)}
              {bills.overdue ? `（逾期 ${bills.overdue}）` : ''}
            </Text>
          )}
          {vacant && <Text className='tag tag-gray'>空置{d.vacancy!.care ? ' · 托管巡查' : ''}</Text>}
          {renovating && <Text className='tag tag-warn'>装修 · {renovating.statusText}</Text>}
        </View>
      </View>

      <View className='card' data-testid='hf-people'>
        <Text className='card-title'>住户档案</Text>
        {d.people.length === 0 && <Text className='muted'>档案中还没有住户，也没有人绑定</Text>}
        {d.people.map((p) => (
          <View key={p.key} className='row between hf-line'>
            <View className='hf-person'>
              <Text className='hf-name'>{p.name}</Text>
              <Text className='muted'>
                {HOUSE_ROLE_LABELS[p.role]} · {p.phone}
                {p.bound ? ' · 已绑定' : ' · 未绑定小程序'}
              </Text>
            </View>
            <Button className='btn btn-ghost btn-small' disabled={busy === `call-${p.key}` || undefined} onClick={() => call(p.key)} data-testid='hf-call'>
              拨打
            </Button>
          </View>
        ))}
      </View>

      <View className='card' data-testid='hf-notes'>
        <Text className='card-title'>备注</Text>
        {d.notes.map((n) => (
          <View key={n.id} className='hf-note'>
            <Text className='hf-note-text'>{n.text}</Text>
            <Text className='muted'>
              {n.byName} · {formatTime(n.at, 'YYYY-MM-DD HH:mm')}
            </Text>
          </View>
        ))}
        <Textarea
          className='text-box hf-note-box'
          value={note}
          maxlength={300}
          placeholder='只有工作人员能看到，如：老人独居、白天家中无人'
          onInput={(e) => setNote(e.detail.value)}
          data-testid='hf-note-input'
        />
        <View className='row hf-note-foot'>
          <Button
            className='btn btn-primary btn-small'
            disabled={note.trim().length < 2 || busy === 'note' || undefined}
            onClick={saveNote}
            data-testid='hf-note-save'
          >
            添加备注
          </Button>
        </View>
      </View>

      {d.disputes.length > 0 && (
        <View className='card' data-testid='hf-disputes'>
          <Text className='card-title'>未结投诉与异议</Text>
          {d.disputes.map((x) => (
            <View key={x.ticketId} className='hf-line hf-tap' onClick={() => go('staffTicket', { id: x.ticketId })}>
              <Text className='tag tag-danger'>{x.kind === 'bill' ? '账单异议' : '投诉'}</Text>
              <Text className='hf-desc'>{x.description}</Text>
              <Text className='muted'>
                {x.no} · {formatTime(x.createdAt, 'MM-DD HH:mm')} ›
              </Text>
            </View>
          ))}
        </View>
      )}

      <View className='card' data-testid='hf-tickets'>
        <Text className='card-title'>
          <Text>工单</Text>
          <Text className='muted'>
            共 {tickets.total} 单{tickets.total > tickets.items.length ? `，显示最近 ${tickets.items.length} 单` : ''}
          </Text>
        </Text>
        {tickets.items.length === 0 && <Text className='muted'>这户还没有报过事</Text>}
        {tickets.items.map((t) => (
          <View key={t.id} className='hf-line hf-tap' onClick={() => go('staffTicket', { id: t.id })} data-testid='hf-ticket'>
            <View className='row between'>
              <Text className='hf-name'>
                {TYPE_LABELS[t.type]} · {CATEGORY_LABELS[t.category]}
              </Text>
              <StatusTag t={t} />
            </View>
            <Text className='hf-desc'>{t.description}</Text>
            {t.completionNote && <Text className='hf-outcome'>处理结果：{t.completionNote}</Text>}
            <Text className='muted'>
              {t.no} · {formatTime(t.createdAt, 'YYYY-MM-DD')}
              {t.assigneeName ? ` · ${t.assigneeName}` : ''}
              {t.rating ? ` · 评价 ${'★'.repeat(t.rating)}` : ''}
            </Text>
          </View>
        ))}
      </View>

      <View className='card' data-testid='hf-bills'>
        <Text className='card-title'>
          <Text>账单</Text>
          <Text className='link' onClick={() => go('staffHouseBills', { houseId })} data-testid='hf-house-bills'>
            {bills.unpaid ? '收款与调整 ›' : '全部账单 ›'}
          </Text>
        </Text>
        {bills.items.length === 0 && <Text className='muted'>还没有账单</Text>}
        {bills.items.map((b) => (
          <View key={b.id} className='row between hf-line'>
            <View className='hf-person'>
              <Text>
                {b.itemName} · {b.periodLabel}
              </Text>
              <Text className='muted'>
                {b.status === 'paid' && b.paidAt ? `${formatTime(b.paidAt, 'YYYY-MM-DD')} 已缴` : `到期 ${b.dueDate}`}
                {b.status === 'unpaid' && b.overdueDays > 0 ? ` · 逾期 ${b.overdueDays} 天` : ''}
              </Text>
            </View>
            <View className='hf-bill-right'>
              <Text className='hf-amount'>¥{yuan(b.payable)}</Text>
              <Text className={`tag ${b.status === 'unpaid' ? 'tag-warn' : 'tag-gray'}`}>{BILL_STATUS_LABELS[b.status]}</Text>
            </View>
          </View>
        ))}
      </View>

      {(d.decorations.length > 0 || d.vacancy) && (
        <View className='card' data-testid='hf-records'>
          <Text className='card-title'>装修与空置</Text>
          {d.decorations.map((x) => (
            <View key={x.id} className='hf-line hf-tap' onClick={() => go('zoneDecoration', { id: x.id })}>
              <View className='row between'>
                <Text className='hf-name'>装修 · {x.company}</Text>
                <Text className='tag'>{x.statusText}</Text>
              </View>
              <Text className='muted'>
                {x.start} 至 {x.end} ›
              </Text>
            </View>
          ))}
          {d.vacancy && (
            <View className='hf-line hf-tap' onClick={() => go('zoneVacancy', { houseId })}>
              <Text className='hf-name'>{d.vacancy.endedAt ? '曾空置' : '空置中'}</Text>
              <Text className='muted'>
                {formatTime(d.vacancy.since, 'YYYY-MM-DD')} 起{d.vacancy.endedAt ? `，${formatTime(d.vacancy.endedAt, 'YYYY-MM-DD')} 结束` : ''}
                {d.vacancy.care ? ' · 业主委托托管巡查' : ''} ›
              </Text>
            </View>
          )}
        </View>
      )}

      <View className='card' data-testid='hf-bindings'>
        <Text className='card-title'>
          <Text>绑定记录</Text>
          <Text className='link' onClick={() => go('members', { houseId })}>
            管理成员 ›
          </Text>
        </Text>
        {d.bindings.length === 0 && <Text className='muted'>还没有人申请绑定</Text>}
        {d.bindings.map((b) => (
          <View key={b.id} className='hf-line'>
            <View className='row between'>
              <Text className='hf-name'>
                {b.name}（{HOUSE_ROLE_LABELS[b.role]}）
              </Text>
              <Text className={`tag ${b.status === 'approved' ? '' : b.status === 'pending' ? 'tag-warn' : 'tag-gray'}`}>
                {BINDING_STATUS_LABELS[b.status]}
              </Text>
            </View>
            <Text className='muted'>
              {b.phone}
              {b.phoneVerified ? ' · 微信验证' : ''} · {formatTime(b.createdAt, 'YYYY-MM-DD')} 申请
              {b.removedAt ? ` · ${formatTime(b.removedAt, 'YYYY-MM-DD')} ${b.removedBy ? REMOVED_BY_LABELS[b.removedBy] : '解除'}` : ''}
              {b.reason ? `：${b.reason}` : ''}
            </Text>
          </View>
        ))}
      </View>
    </View>
  )
}

export default withLargeText(HouseFile)
