import { View, Text, Button } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { api } from '../../../services/api'
import { useAction } from '../../../services/use-action'
import { needsSignIn, useLoad } from '../../../services/session'
import { askSubscribe } from '../../../services/subscribe'
import { go } from '../../../services/nav'
import { formatTime } from '../../../core/shared/time'
import { ErrorView, Loading } from '../../../components/page-state'
import { VacancyChecks } from '../../../components/vacancy-checks'
import './index.scss'
import { withLargeText } from '../../../services/large-text'

/**
 * 空置房托管: an owner whose house stands empty says so, and may ask the office to look in every
 * month (门窗、漏水、异味、水电表); each month's result comes to 消息, and by WeChat when he allowed it.
 */
function VacancyPage() {
  const houseId = useRouter().params.houseId ?? ''
  const mine = useLoad(() => api.vacancy.mine({ houseId }), [houseId])
  const { busy, apply } = useAction({ reload: mine.reload, reloadOnSuccess: false })
  useDidShow(() => {
    if (!needsSignIn()) mine.reload()
  })
  const v = mine.data

  const set = async (vacant: boolean, care: boolean, ok: string) => {
    // WeChat asks only from a tap, and one accept is good for one message: asked each time he turns it on.
    if (care) await askSubscribe(['inspectionReport'])
    await apply('set', () => api.vacancy.setMine({ houseId, vacant, care }), mine.setData, ok)
  }
  const end = async () => {
    const { confirm } = await Taro.showModal({ title: '已入住', content: '结束空置后，物业不再每月上门检查。', confirmText: '确定' })
    if (confirm) set(false, false, '已结束空置')
  }

  if (mine.loading && !v) return <Loading />
  if (mine.error) return <ErrorView message={mine.error} code={mine.errorCode} onRetry={mine.reload} />
  if (!v) return null

  return (
    <View className='page'>
      <View className='card va-head' data-testid='vacancy-head'>
        <View className='row between'>
          <Text className='va-label'>{v.label}</Text>
          <Text className={v.vacant ? 'tag tag-warn' : 'tag tag-gray'}>{v.vacant ? '空置中' : '自住或出租'}</Text>
        </View>
        {v.vacant ? (
          <Text className='va-text'>
            {formatTime(v.since!, 'YYYY年M月D日')}起空置。
            {v.care ? '已开通托管巡查：物业每月上门查看一次，结果发给您。' : '物业每月上门查看一次，结果会发到您的消息。'}
          </Text>
        ) : (
          <Text className='va-text'>房屋长期无人居住时，可登记为空置房。物业每月上门查看门窗、漏水、异味和水电表读数，并把结果和照片发给您。</Text>
        )}
        {v.isOwner ? (
          v.vacant ? (
            <View className='va-actions'>
              <Button
                className={v.care ? 'btn btn-ghost btn-block' : 'btn btn-primary btn-block'}
                disabled={busy === 'set' || undefined}
                onClick={() => set(true, !v.care, v.care ? '已取消托管' : '已开通托管')}
                data-testid='vacancy-care'
              >
                {v.care ? '取消托管巡查' : '开通托管巡查（微信提醒结果）'}
              </Button>
              <Button className='btn btn-ghost btn-block' disabled={busy === 'set' || undefined} onClick={end} data-testid='vacancy-end'>
                已入住，结束空置
              </Button>
            </View>
          ) : (
            <Button
              className='btn btn-primary btn-block'
              disabled={busy === 'set' || undefined}
              onClick={() => set(true, true, '已登记')}
              data-testid='vacancy-start'
            >
              登记空置并申请托管巡查
            </Button>
          )
        ) : (
          <Text className='muted'>空置房由业主登记；如有需要请联系业主或物业。</Text>
        )}
      </View>
      <View className='card'>
        <Text className='va-label'>检查记录</Text>
        <VacancyChecks checks={v.checks} urls={v.photoUrls} onTicket={(id) => go('ticket', { id })} />
      </View>
    </View>
  )
}

export default withLargeText(VacancyPage)
