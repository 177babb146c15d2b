import { View, Text, Button } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { api, type Output } from '../../services/api'
import { useLoad } from '../../services/session'
import { useAction } from '../../services/use-action'
import { go } from '../../services/nav'
import type { vacancyContract } from '../../core/vacancy/contracts'
import type { ItemResult } from '../../core/inspections/checklist'
import { formatTime, monthName } from '../../core/shared/time'
import { ErrorView, Loading } from '../../components/page-state'
import { VacancyChecks } from '../../components/vacancy-checks'
import { ChecklistForm } from '../checklist-form'
import '../zone.scss'
import { withLargeText } from '../../services/large-text'

type Vacancy = Output<typeof vacancyContract.house>

/** One vacant house: this month's check on the spot, whether its owner gets each result, and what earlier checks found. */
function VacancyPage() {
  const houseId = useRouter().params.houseId ?? ''
  const house = useLoad(() => api.vacancy.house({ houseId }), [houseId])
  const [checking, setChecking] = useState(false)
  const { busy, apply } = useAction({ reloadOnSuccess: false, reload: house.reload })
  useDidShow(() => house.reload())
  const v = house.data

  const act = (key: string, fn: () => Promise<Vacancy>, ok: string) => apply(key, fn, house.setData, ok)
  const submit = (results: ItemResult[]) =>
    act(
      'check',
      async () => {
        const r = await api.vacancy.check({ houseId, results })
        setChecking(false)
        return r
      },
      '已记录本月检查',
    )
  const end = async () => {
    const { confirm } = await Taro.showModal({ title: '结束空置', content: `${v!.label} 已有人入住？结束后不再每月检查。`, confirmText: '结束空置' })
    if (confirm) act('end', () => api.vacancy.end({ houseId }), '已结束空置')
  }

  if (house.loading && !v) return <Loading />
  if (house.error) return <ErrorView message={house.error} code={house.errorCode} onRetry={house.reload} />
  if (!v) return null
  const checkedThisMonth = v.checks.some((c) => c.month === v.month)

  return (
    <View className='page'>
      <View className='card zr' data-testid='vacancy-head'>
        <View className='row between'>
          <Text className='zr-name'>{v.label}</Text>
          <Text className={v.vacant ? 'tag tag-warn' : 'tag tag-gray'}>{v.vacant ? '空置中' : '已入住'}</Text>
        </View>
        {v.vacant && (
          <Text className='muted'>
            {formatTime(v.since!, 'YYYY年M月D日')}起空置 · {v.by === 'owner' ? '业主登记' : `${v.byName}登记`}
          </Text>
        )}
        {v.vacant && (
          <View className='row between zr-foot'>
            <Text className='zr-progress'>{v.care ? '业主托管：每月结果发微信提醒' : '未托管：结果只发到业主的消息'}</Text>
            <Button
              className='btn btn-ghost btn-small'
              disabled={busy === 'care' || undefined}
              onClick={() => act('care', () => api.vacancy.mark({ houseId, care: !v.care }), v.care ? '已取消托管' : '已开通托管')}
              data-testid='vacancy-care'
            >
              {v.care ? '取消托管' : '开通托管'}
            </Button>
          </View>
        )}
      </View>

      {v.vacant &&
        (checking ? (
          <ChecklistForm
            title={`${monthName(v.month)}检查`}
            subtitle={v.label}
            items={v.items}
            busy={busy === 'check'}
            findingHint='提交后自动为这套房屋登记报修，业主会收到通知'
            onSubmit={submit}
            onCancel={() => setChecking(false)}
          />
        ) : checkedThisMonth ? (
          <View className='card'>
            <Text className='zr-progress'>本月已检查</Text>
          </View>
        ) : (
          <Button className='btn btn-primary btn-block zp-scan' onClick={() => setChecking(true)} data-testid='vacancy-start'>
            开始本月检查
          </Button>
        ))}

      <View className='card'>
        <Text className='zp-name'>检查记录</Text>
        <VacancyChecks checks={v.checks} urls={v.photoUrls} onTicket={(id) => go('staffTicket', { id })} />
      </View>
      {v.vacant && (
        <Button className='btn btn-danger-ghost btn-block' disabled={busy === 'end' || undefined} onClick={end} data-testid='vacancy-end'>
          已入住，结束空置
        </Button>
      )}
    </View>
  )
}

export default withLargeText(VacancyPage)
