import { View, Text, Button, Input } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { api, type Output } from '../../services/api'
import { useLoad, useMe } from '../../services/session'
import { useAction } from '../../services/use-action'
import { useRequestId } from '../../services/request-id'
import type { vendorsContract } from '../../core/vendors/contracts'
import type { ItemResult } from '../../core/inspections/checklist'
import { FIX_STATE_LABELS } from '../../core/vendors/score'
import { SERVICE_LABELS } from '../../core/vendors/types'
import { formatTime, monthName } from '../../core/shared/time'
import { ErrorView, Loading } from '../../components/page-state'
import { ReasonSheet } from '../../components/sheet'
import { Photos } from '../../components/ticket-parts'
import { ChecklistForm } from '../checklist-form'
import { ScoreText } from '../vendor-score'
import { VendorForm, type VendorDraft } from '../vendor-form'
import '../zone.scss'
import { withLargeText } from '../../services/large-text'

type Vendor = Output<typeof vendorsContract.vendor>
type Fix = Vendor['fixes'][number]

const FIX_TAG: Record<Fix['state'], string> = { open: 'tag tag-warn', overdue: 'tag tag-danger', passed: 'tag' }
const DEADLINES = [1, 3, 7]

/** One firm: its score and trend, its open 整改单 to re-check, and a 品质检查 on the spot. */
function VendorPage() {
  const id = useRouter().params.id ?? ''
  const vendor = useLoad(() => api.vendors.vendor({ vendorId: id }), [id])
  const [checking, setChecking] = useState(false)
  const [editing, setEditing] = useState(false)
  const { me } = useMe()
  const [place, setPlace] = useState('')
  const [days, setDays] = useState(3)
  const [failing, setFailing] = useState<Fix | null>(null)
  const request = useRequestId()
  const { busy, apply } = useAction({ reloadOnSuccess: false, reload: vendor.reload })
  useDidShow(() => vendor.reload())
  const v = vendor.data

  const act = (key: string, fn: () => Promise<Vendor>, ok: string) => apply(key, fn, vendor.setData, ok)
  const submit = async (results: ItemResult[]) => {
    if (!place.trim()) return Taro.showToast({ title: '请填写检查地点', icon: 'none' })
    if (await act('check', () => api.vendors.check({ vendorId: id, requestId: request.current(), place: place.trim(), days, results }), '已记录')) {
      setChecking(false)
      request.renew()
    }
  }
  const pass = (f: Fix) => act(`fix-${f.id}`, () => api.vendors.recheck({ fixId: f.id, ok: true, photos: [] }), '已复查通过')
  const fail = async (note: string) => {
    if (failing && (await act('fail', () => api.vendors.recheck({ fixId: failing.id, ok: false, note, photos: [], days: 3 }), '已要求继续整改')))
      setFailing(null)
  }

  if (vendor.loading && !v) return <Loading />
  if (vendor.error) return <ErrorView message={vendor.error} code={vendor.errorCode} onRetry={vendor.reload} />
  if (!v) return null

  const edit = async (d: VendorDraft) => {
    if (await act('save', () => api.vendors.save({ ...d, id, requestId: request.current() }), '已保存')) {
      setEditing(false)
      request.renew()
    }
  }
  if (editing)
    return (
      <View className='page'>
        <VendorForm
          initial={{ ...v, standards: v.items.map((i) => ({ id: i.id, label: i.label, max: i.max ?? 10, pass: i.pass ?? 6 })) }}
          busy={busy === 'save'}
          onSave={edit}
          onCancel={() => setEditing(false)}
        />
      </View>
    )

  return (
    <View className='page'>
      <View className='card zr' data-testid='vendor-head'>
        <View className='row between'>
          <Text className='zr-name'>{v.name}</Text>
          <Text className='tag tag-gray'>{SERVICE_LABELS[v.service]}</Text>
        </View>
        <View className='row between'>
          <Text className='muted'>
            {v.contact} · 合同 {v.contractStart} 至 {v.contractEnd}
          </Text>
          <Text className='zp-link' onClick={() => Taro.makePhoneCall({ phoneNumber: v.phone })}>
            拨打
          </Text>
        </View>
        <Text className='zr-progress' data-testid='vendor-month'>
          本月 <ScoreText s={v.month.total} ticketsOnly={v.month.quality === null} />
          {v.month.quality !== null ? ` · 品质检查 ${v.month.quality} 分（${v.month.checks} 次）` : ' · 本月还未检查'}
          {v.month.service !== null ? ` · 工单按时完成 ${v.month.service}%` : ''}
        </Text>
        <Text className='muted'>得分 = 品质检查 70% + 本部门工单按时完成率 30%</Text>
        {me?.staff?.roles.includes('supervisor') && (
          <Text className='zp-link' onClick={() => setEditing(true)} data-testid='vendor-edit'>
            修改合同与标准 ›
          </Text>
        )}
      </View>

      {checking ? (
        <>
          <View className='card zp'>
            <Text className='zp-label'>检查地点</Text>
            <Input
              className='field-input zp-input'
              placeholder='如 2栋、中心绿化带'
              value={place}
              onInput={(e) => setPlace(e.detail.value)}
              data-testid='vendor-place'
            />
            <Text className='zp-label'>不合格项整改期限</Text>
            <View className='zp-choices'>
              {DEADLINES.map((d) => (
                <Text key={d} className={`zp-choice ${days === d ? 'zp-choice-ok' : ''}`} onClick={() => setDays(d)}>
                  {d} 天
                </Text>
              ))}
            </View>
          </View>
          <ChecklistForm
            title='品质检查'
            subtitle={SERVICE_LABELS[v.service]}
            items={v.items}
            busy={busy === 'check'}
            findingHint={`低于合格分的项目生成整改单，限 ${days} 天内整改后复查`}
            onSubmit={submit}
            onCancel={() => setChecking(false)}
          />
        </>
      ) : (
        <Button className='btn btn-primary btn-block zp-scan' onClick={() => setChecking(true)} data-testid='vendor-start'>
          开始品质检查
        </Button>
      )}

      <View className='card'>
        <Text className='zp-name'>整改单</Text>
        {v.fixes.length === 0 && <Text className='muted'>没有整改单</Text>}
        {v.fixes.map((f) => (
          <View className='zv-fix' key={f.id} data-testid='vendor-fix'>
            <View className='row between'>
              <Text className='zp-label'>{f.label}</Text>
              <Text className={FIX_TAG[f.state]}>{FIX_STATE_LABELS[f.state]}</Text>
            </View>
            <Text className='muted'>
              {f.place} · {f.note}
            </Text>
            <Photos ids={f.photos} urls={v.photoUrls} testid='fix-photos' />
            {f.rechecks.map((r) => (
              <Text key={r.at} className='muted'>
                {formatTime(r.at, 'M月D日')} {r.byName}复查：{r.ok ? '通过' : `未通过，${r.note ?? ''}`}
              </Text>
            ))}
            {f.state !== 'passed' && (
              <View className='row between'>
                <Text className={f.state === 'overdue' ? 'zp-finding' : 'muted'}>{formatTime(f.dueAt, 'M月D日 HH:mm')} 前整改</Text>
                <View className='row zp-actions'>
                  <Button className='btn btn-ghost btn-small' onClick={() => setFailing(f)} data-testid='fix-fail'>
                    未改好
                  </Button>
                  <Button className='btn btn-primary btn-small' disabled={busy === `fix-${f.id}` || undefined} onClick={() => pass(f)} data-testid='fix-pass'>
                    复查通过
                  </Button>
                </View>
              </View>
            )}
          </View>
        ))}
      </View>

      <View className='card zv-trend' data-testid='vendor-trend'>
        <Text className='zp-name'>近六个月</Text>
        <Text className='muted'>未做品质检查的月份只按工单按时完成率计</Text>
        {v.trend.map((t) => (
          <View className='zv-bar-row' key={t.month}>
            <Text className='zv-bar-month'>{monthName(t.month)}</Text>
            <View className='zv-bar'>
              <View className='zv-bar-fill' style={{ width: `${t.total ?? 0}%` }} />
            </View>
            <Text className='zv-bar-num'>{t.total === null ? '暂无' : t.quality === null ? `工单 ${t.total}` : `${t.total} 分`}</Text>
          </View>
        ))}
      </View>

      <View className='card'>
        <Text className='zp-name'>检查记录</Text>
        {v.checks.length === 0 && <Text className='muted'>还没有检查记录</Text>}
        {v.checks.map((c) => (
          <View className='row between zv-check' key={c.id}>
            <Text>
              {formatTime(c.at, 'M月D日')} · {c.place} · {c.byName}
            </Text>
            <ScoreText s={c.score} />
          </View>
        ))}
      </View>

      {failing && (
        <ReasonSheet
          title='复查未通过'
          hint={`「${failing.label}」还没改好：写明情况，整改期限延长 3 天`}
          chips={['仍未整改', '整改不彻底', '又出现同样问题']}
          submit='要求继续整改'
          busy={busy === 'fail'}
          onClose={() => setFailing(null)}
          onSubmit={fail}
          testid='fix-fail'
        />
      )}
    </View>
  )
}

export default withLargeText(VendorPage)
