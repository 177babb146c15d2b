import { View, Text, Button, Input } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { api, type Output } from '../../services/api'
import { useRequestId } from '../../services/request-id'
import { messageOf } from '../../services/errors'
import { useAction } from '../../services/use-action'
import { needsSignIn, useMe } from '../../services/session'
import type { ticketsContract } from '../../core/tickets/contracts'
import { RecordTicket } from '../../core/tickets/record-input'
import { SOURCE_LABELS } from '../../core/tickets/types'
import type { accountContract } from '../../core/account/contracts'
import { Empty, ErrorView, Loading } from '../../components/page-state'
import { HousePicker } from '../../components/house-picker'
import { ReporterLookup } from './lookup'
import { draftErrors, draftInput, emptyDraft, TicketForm, type TicketDraft } from '../../components/ticket-form'
import './index.scss'
import { replace } from '../../services/nav'
import { withLargeText } from '../../services/large-text'

type Community = Output<typeof accountContract.communities>[number]
const SOURCES = ['phone', 'walkin', 'patrol'] as const

/** 代客报事: a call, a visit or a patrol finding, recorded for a house by the front desk. */
function RecordPage() {
  const { me, error, loading, reload } = useMe()
  const [community, setCommunity] = useState<Community | null>(null)
  const [source, setSource] = useState<(typeof SOURCES)[number]>('phone')
  const [houseId, setHouseId] = useState('')
  const request = useRequestId()
  const [name, setName] = useState('')
  const [phone, setPhone] = useState('')
  /** Found by 查找住户: the house as named there and, when a person was picked, their number on file. */
  const [found, setFound] = useState<{ label: string; key?: string; phone?: string } | null>(null)
  const [draft, setDraft] = useState<TicketDraft>(emptyDraft())
  const [errors, setErrors] = useState<Record<string, string>>({})
  const { busy, run } = useAction({ onFields: setErrors })
  const [done, setDone] = useState<Output<typeof ticketsContract.record> | null>(null)

  const cid = me?.staff?.communityId
  useEffect(() => {
    if (needsSignIn() || !cid) return
    api.account
      .communities()
      .then((cs) => setCommunity(cs.find((c) => c.id === cid) ?? null))
      .catch((e) => Taro.showToast({ title: messageOf(e), icon: 'none' }))
  }, [cid])

  if (loading && !me) return <Loading />
  if (error && !me) return <ErrorView message={error} onRetry={reload} />
  if (!me?.staff) {
    return (
      <View className='page'>
        <Empty title='仅限物业员工使用' />
      </View>
    )
  }
  if (!community) return <Loading />

  const submit = async () => {
    const reporter = found?.key ? { reporterKey: found.key } : { reporterPhone: phone }
    const parsed = RecordTicket.safeParse({ ...draftInput(draft, houseId), source, reporterName: name, ...reporter, requestId: request.current() })
    const f = draftErrors(draft, parsed.error?.issues)
    if (Object.keys(f).length || !parsed.success) {
      setErrors(f)
      Taro.showToast({ title: Object.values(f)[0] ?? '请检查填写的内容', icon: 'none' })
      return
    }
    setErrors({})
    await run('submit', async () => {
      setDone(await api.tickets.record(parsed.data))
      request.renew()
    })
  }

  if (done) {
    return (
      <View className='page'>
        <View className='card rec-done' data-testid='record-done'>
          <View className='rec-done-icon'>✓</View>
          <Text className='rec-done-title'>已登记</Text>
          <Text className='rec-done-no'>工单号 {done.no}</Text>
          <Text className='muted'>请把工单号告诉住户，方便查询进度</Text>
          <View className='rec-done-actions'>
            <Button
              className='btn btn-ghost rec-done-btn'
              onClick={() => {
                setDone(null)
                setDraft(emptyDraft())
                setName('')
                setPhone('')
                setHouseId('')
                setFound(null)
              }}
            >
              再登记一条
            </Button>
            <Button className='btn btn-primary rec-done-btn' onClick={() => replace('staffTicket', { id: done.id })} data-testid='view-recorded'>
              去处理
            </Button>
          </View>
        </View>
      </View>
    )
  }

  return (
    <View className='page rec'>
      <View className='card'>
        <View className='field'>
          <Text className='field-label'>来源</Text>
          <View className='chips'>
            {SOURCES.map((s) => (
              <View key={s} className={`chip ${source === s ? 'chip-active' : ''}`} onClick={() => setSource(s)} data-testid={`source-${s}`}>
                {SOURCE_LABELS[s]}
              </View>
            ))}
          </View>
        </View>
        <View className='field'>
          <Text className='field-label'>房屋（{community.name}）</Text>
          {found ? (
            <View className='rec-picked' data-testid='picked-house'>
              <Text className='rec-found-label'>{found.label}</Text>
              <Text
                className='rec-found-house'
                onClick={() => {
                  setFound(null)
                  setHouseId('')
                }}
                data-testid='repick'
              >
                重新选择
              </Text>
            </View>
          ) : (
            <>
              <ReporterLookup
                onPick={(p) => {
                  setHouseId(p.houseId)
                  setFound({ label: p.label, ...(p.person ? { key: p.person.key, phone: p.person.phone } : {}) })
                  if (p.person) setName(p.person.name)
                }}
              />
              <HousePicker community={community} value={houseId} onChange={setHouseId} testPrefix='house-' />
            </>
          )}
          {errors.houseId && <Text className='field-error'>{errors.houseId}</Text>}
        </View>
        <View className='field'>
          <Text className='field-label'>报事人</Text>
          <Input className='field-input' placeholder='姓名' value={name} maxlength={20} onInput={(e) => setName(e.detail.value)} data-testid='reporter-name' />
          {errors.reporterName && <Text className='field-error'>{errors.reporterName}</Text>}
        </View>
        <View className='field'>
          <Text className='field-label'>联系电话</Text>
          {found?.key ? (
            // The number on file is used as it stands; the desk need not read it out or type it.
            <View className='rec-picked' data-testid='phone-on-file'>
              <Text>{found.phone}（档案号码）</Text>
              <Text className='rec-found-house' onClick={() => setFound({ label: found.label })} data-testid='other-phone'>
                改填其他号码
              </Text>
            </View>
          ) : (
            <Input
              className='field-input'
              type='number'
              placeholder='11 位手机号'
              value={phone}
              maxlength={11}
              onInput={(e) => setPhone(e.detail.value)}
              data-testid='reporter-phone'
            />
          )}
          {(errors.reporterPhone || errors.reporterKey) && <Text className='field-error'>{errors.reporterPhone || errors.reporterKey}</Text>}
        </View>
      </View>

      <TicketForm
        draft={draft}
        onChange={(next) => {
          setDraft(next)
          if (Object.keys(errors).length) setErrors({})
        }}
        errors={errors}
        buildings={community.buildings.map((b) => b.no)}
        emergencyPhone={community.emergencyPhone}
      />

      <Button className='btn btn-primary btn-block' disabled={!!busy || undefined} loading={!!busy} onClick={submit} data-testid='submit-record'>
        登记工单
      </Button>
    </View>
  )
}

export default withLargeText(RecordPage)
