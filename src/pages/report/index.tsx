import type { TemplateKey } from '../../core/shared/templates'
import { View, Text, Button } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { api } from '../../services/api'
import { useRequestId } from '../../services/request-id'
import { useAction } from '../../services/use-action'
import { currentHouse, pickHouse, useMe } from '../../services/session'
import { askSubscribe, preloadTemplates } from '../../services/subscribe'
import { refreshUnreadBadge } from '../../services/badge'
import type { ticketsContract } from '../../core/tickets/contracts'
import type { Output } from '../../core/shared/contract'
import type { accountContract } from '../../core/account/contracts'
import { Empty, ErrorView, Loading } from '../../components/page-state'
import { draftErrors, draftInput, emptyDraft, TicketForm, type TicketDraft } from '../../components/ticket-form'
import { CreateTicket } from '../../core/tickets/inputs'
import { OutageBanner, type OutageItem } from '../../components/outage-banner'
import './index.scss'
import { go } from '../../services/nav'
import { withLargeText } from '../../services/large-text'

type Community = Output<typeof accountContract.communities>[number]
type Created = Output<typeof ticketsContract.create>

/** The templates of the steps a reporter waits for, asked at the submit tap (WeChat: ≤ 3). */
const TICKET_TEMPLATES: TemplateKey[] = ['ticketProgress', 'ticketDone', 'ticketSurvey']

function Report() {
  const { me, error, loading, reload } = useMe()
  const [communities, setCommunities] = useState<Community[]>([])
  const [draft, setDraft] = useState<TicketDraft>(emptyDraft())
  const [errors, setErrors] = useState<Record<string, string>>({})
  const { busy, run } = useAction({ onFields: setErrors })
  const request = useRequestId()
  const [done, setDone] = useState<Created | null>(null)
  // An active outage that explains this repair: shown first; filing anyway links the ticket to it.
  const [outage, setOutage] = useState<OutageItem[]>([])
  const outageKey = me && draft.type === 'repair' && draft.category ? `${currentHouse(me)?.houseId}|${draft.category}` : ''
  useEffect(() => {
    const [houseId, category] = outageKey.split('|')
    setOutage([])
    if (houseId)
      api.notices.activeOutages({ houseId, category: category as never }).then(
        (r) => setOutage(r.items),
        () => null,
      )
  }, [outageKey])

  useDidShow(() => {
    preloadTemplates(TICKET_TEMPLATES)
    refreshUnreadBadge()
  })

  useEffect(() => {
    if (!me?.houses.length) return
    api.account
      .communities()
      .then(setCommunities)
      .catch(() => setCommunities([]))
  }, [me])

  if (loading && !me) return <Loading />
  if (error && !me) return <ErrorView message={error} onRetry={reload} />
  if (!me) return null

  const house = currentHouse(me)
  if (!house) {
    return (
      <View className='page'>
        <View className='card'>
          <Empty
            title='绑定房屋后即可报事'
            text='报修、投诉、建议、咨询都需要先绑定您的房屋，方便物业上门和联系您'
            action={
              <Button className='btn btn-primary btn-small' onClick={() => go('bind')} data-testid='go-bind'>
                去绑定房屋
              </Button>
            }
          />
        </View>
      </View>
    )
  }
  const community = communities.find((c) => c.id === house.communityId)

  const submit = async () => {
    const f = draftErrors(draft, CreateTicket.safeParse(draftInput(draft, house.houseId)).error?.issues)
    if (Object.keys(f).length) {
      setErrors(f)
      Taro.showToast({ title: Object.values(f)[0], icon: 'none' })
      return
    }
    setErrors({})
    await run('submit', async () => {
      // First await of the tap: WeChat opens its subscribe panel only from a tap.
      await askSubscribe(TICKET_TEMPLATES)
      setDone(await api.tickets.create({ ...draftInput(draft, house.houseId), ...(outage[0] ? { outageId: outage[0].id } : {}), requestId: request.current() }))
      request.renew()
      setDraft(emptyDraft())
    })
  }

  if (done) {
    const urgent = done.priority === 'emergency'
    return (
      <View className='page'>
        <View className='card report-done' data-testid='report-done'>
          <View className={`report-done-icon ${urgent ? 'report-done-urgent' : ''}`}>{urgent ? '!' : '✓'}</View>
          <Text className='report-done-title'>{urgent ? '紧急事件已上报' : '提交成功'}</Text>
          <Text className='report-done-no' data-testid='ticket-no'>
            工单号 {done.no}
          </Text>
          <Text className='report-done-promise'>{done.promise}</Text>
          {urgent && community && (
            <View className='report-call' onClick={() => Taro.makePhoneCall({ phoneNumber: community.emergencyPhone })}>
              <Text>24 小时应急电话</Text>
              <Text className='report-call-phone'>{community.emergencyPhone}</Text>
            </View>
          )}
          <Text className='muted'>每一步进展都会通过「消息」通知您</Text>
          <View className='report-done-actions'>
            <Button className='btn btn-ghost report-done-btn' onClick={() => setDone(null)}>
              继续报事
            </Button>
            <Button className='btn btn-primary report-done-btn' onClick={() => go('ticket', { id: done.id })} data-testid='view-ticket'>
              查看进度
            </Button>
          </View>
        </View>
      </View>
    )
  }

  return (
    <View className='page report'>
      {/* Which house this is for, always in view; several houses: tap to change. */}
      <View className='card report-house' onClick={async () => (await pickHouse(me)) && setDraft({ ...draft })} data-testid='report-house'>
        <Text className='muted'>报事房屋</Text>
        <Text className='report-house-label'>
          {house.communityName} {house.label}
          {me.houses.length > 1 ? <Text className='report-house-switch'> 切换 ›</Text> : null}
        </Text>
      </View>
      <View className='card report-head' onClick={() => go('myTickets')} data-testid='my-tickets'>
        <View>
          <Text className='report-head-title'>我的工单</Text>
          <Text className='muted'>查看进度、催单、确认完成</Text>
        </View>
        <Text className='muted'>›</Text>
      </View>

      {outage.length > 0 && <OutageBanner items={outage} />}
      <TicketForm
        draft={draft}
        onChange={(next) => {
          setDraft(next)
          if (Object.keys(errors).length) setErrors({})
        }}
        errors={errors}
        buildings={community?.buildings.map((b) => b.no) ?? []}
        emergencyPhone={community?.emergencyPhone}
      />

      <Button
        className={`btn btn-block ${draft.urgent ? 'report-submit-urgent' : 'btn-primary'}`}
        disabled={!!busy || undefined}
        loading={!!busy}
        onClick={submit}
        data-testid='submit'
      >
        {draft.urgent ? '紧急上报' : '提交'}
      </Button>
      <Text className='muted report-hint'>提交后客服会尽快受理；非工作时间的普通报修将在次日上班后处理。</Text>
    </View>
  )
}

export default withLargeText(Report)
