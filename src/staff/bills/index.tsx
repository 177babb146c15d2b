import { View, Text, Button, Input, Textarea } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'
import { houseIdFromQuery } from '../../core/community/room-query'
import { api } from '../../services/api'
import { pickTextFile } from '../../services/files'
import { ApiError, messageOf } from '../../services/errors'
import { needsSignIn, useLoad, useMe } from '../../services/session'
import { AGING_BANDS, AGING_LABELS, type AgingBand } from '../../core/bills/types'
import { yuan } from '../../core/shared/money'
import { shanghaiMonth } from '../../core/shared/time'
import { ErrorView, Loading, Empty } from '../../components/page-state'
import { saveCsv } from '../components/save-csv'
import { MoneyReview } from './money-review'
import './index.scss'
import { go } from '../../services/nav'
import { withLargeText } from '../../services/large-text'

function StaffBills() {
  const { me } = useMe()
  const arrears = useLoad(() => api.bills.arrears())
  const [period, setPeriod] = useState(() => shanghaiMonth(Date.now()))
  const [running, setRunning] = useState('')
  const [kind, setKind] = useState<'water' | 'electricity'>('water')
  const [csv, setCsv] = useState('')
  const [csvErrors, setCsvErrors] = useState<Record<string, string> | null>(null)
  const [house, setHouse] = useState('')
  const [busy, setBusy] = useState('')
  const [shown, setShown] = useState(0)
  const supervisor = me?.staff?.roles.includes('supervisor')

  useDidShow(() => {
    if (needsSignIn()) return
    arrears.reload()
    setShown((n) => n + 1)
  })
  usePullDownRefresh(async () => {
    await arrears.reload()
    Taro.stopPullDownRefresh()
  })

  /** A run is chunked on the server (a function's time limit); the page drives it to the end. */
  const runBills = async () => {
    let created = 0
    setRunning('正在核算…')
    try {
      // 出账 writes bills residents are then asked to pay: say first how many, of what, for how much.
      const p = await api.bills.previewBills({ period })
      if (p.bills === 0) {
        setRunning('')
        return Taro.showToast({ title: `${period} 的账单已全部生成（${p.existing} 笔）`, icon: 'none' })
      }
      const { confirm } = await Taro.showModal({
        title: `${period} 出账`,
        content:
          `将为 ${p.houses} 户生成 ${p.bills} 笔账单，合计 ¥${yuan(p.amount)}：` +
          p.items.map((i) => `${i.name} ${i.bills} 笔`).join('、') +
          (p.existing ? `。已有的 ${p.existing} 笔不会重复生成。` : '。') +
          '出账后住户即可在小程序看到并缴费。',
        confirmText: '出账',
      })
      if (!confirm) return setRunning('')
      setRunning('正在出账…')
      for (;;) {
        const r = await api.bills.runBills({ period })
        created += r.created
        setRunning(`正在出账… 已生成 ${created} 笔`)
        if (r.done) break
      }
      Taro.showToast({ title: created ? `已生成 ${created} 笔账单` : '本期账单已全部生成', icon: 'none' })
      setRunning(`${period} 出账完成：新生成 ${created} 笔`)
      arrears.reload()
    } catch (e) {
      setRunning('')
      Taro.showToast({ title: messageOf(e), icon: 'none' })
    }
  }

  const importCsv = async () => {
    setBusy('import')
    setCsvErrors(null)
    try {
      const r = await api.bills.importReadings({ period, kind, csv })
      Taro.showToast({ title: `已导入 ${r.imported} 户读数`, icon: 'none' })
      setCsv('')
    } catch (e) {
      if (e instanceof ApiError && e.fields) setCsvErrors(e.fields)
      Taro.showToast({ title: messageOf(e), icon: 'none' })
    } finally {
      setBusy('')
    }
  }

  const campaign = async (target: { building?: string; band?: AgingBand }) => {
    const label = target.building ? `${target.building}栋` : AGING_LABELS[target.band!]
    const { confirm } = await Taro.showModal({
      title: '发起催缴',
      content: `向${label}仍有欠费的住户发送缴费提醒？3 天内已提醒过的住户会自动跳过，夜间的推送会在早上 7 点送达。`,
      confirmText: '发送',
    })
    if (!confirm) return
    setBusy(label)
    try {
      const c = await api.bills.startCampaign(target)
      go('staffCampaign', { id: c.id })
    } catch (e) {
      Taro.showToast({ title: messageOf(e), icon: 'none' })
    } finally {
      setBusy('')
    }
  }

  const exportCsv = async (building?: string) => {
    try {
      const r = await api.bills.exportArrears(building ? { building } : {})
      saveCsv(r.filename, r.csv)
      Taro.showToast({ title: process.env.TARO_ENV === 'h5' ? `已导出 ${r.rows} 条` : `已复制 ${r.rows} 条，可粘贴到电脑表格`, icon: 'none' })
    } catch (e) {
      Taro.showToast({ title: messageOf(e), icon: 'none' })
    }
  }

  const openHouse = () => {
    const id = me?.staff && houseIdFromQuery(me.staff.communityId, house)
    if (!id) return Taro.showToast({ title: '请按 楼栋-单元-房号 填写，如 1-1-301', icon: 'none' })
    go('staffHouseBills', { houseId: id })
  }

  if (arrears.loading && !arrears.data) return <Loading />
  if (arrears.error) return <ErrorView message={arrears.error} code={arrears.errorCode} onRetry={arrears.reload} />
  const a = arrears.data!

  return (
    <View className='page staff-bills'>
      <View className='card arrears-sum'>
        <Text className='muted'>欠费总额（元）</Text>
        <Text className='arrears-total' data-testid='arrears-total'>
          {yuan(a.total)}
        </Text>
        <Text className='muted'>{a.houses} 户未缴清 · 点账龄段可按段催缴</Text>
        <View className='arrears-bands'>
          {AGING_BANDS.map((b) => (
            <View key={b} className={`arrears-band arrears-${b}`} onClick={() => a.bands[b] && campaign({ band: b })} data-testid={`band-${b}`}>
              <Text className='arrears-band-label'>{AGING_LABELS[b]}</Text>
              <Text className='arrears-band-amount'>¥{yuan(a.bands[b])}</Text>
            </View>
          ))}
        </View>
      </View>

      <MoneyReview refreshKey={shown} onChange={arrears.reload} />

      <View className='section-title row between'>
        <Text>按楼栋</Text>
        <Text className='link' onClick={() => exportCsv()} data-testid='export-all'>
          导出全部 CSV
        </Text>
      </View>
      {a.rows.length === 0 ? (
        <View className='card'>
          <Empty title='没有欠费' text='所有账单均已缴清' />
        </View>
      ) : (
        a.rows.map((r) => (
          <View className='card building' key={r.building} data-testid={`building-${r.building}`}>
            <View className='row between'>
              <Text className='building-name'>{r.building}栋</Text>
              <Text className='building-total'>¥{yuan(r.total)}</Text>
            </View>
            <Text className='muted'>
              {r.houses} 户 · {r.bills} 笔 · 0–30 天 ¥{yuan(r.bands.d0_30)} · 31–90 天 ¥{yuan(r.bands.d31_90)} · 90 天以上 ¥{yuan(r.bands.d90_plus)}
            </Text>
            <View className='building-actions'>
              <Button className='btn btn-ghost btn-small' onClick={() => exportCsv(r.building)}>
                导出
              </Button>
              <Button
                className='btn btn-primary btn-small'
                disabled={Boolean(busy) || undefined}
                onClick={() => campaign({ building: r.building })}
                data-testid='campaign'
              >
                催缴
              </Button>
            </View>
          </View>
        ))
      )}

      <View className='section-title'>按户处理（线下收款、减免）</View>
      <View className='card row house-find'>
        <Input
          className='field-input house-input'
          placeholder='楼栋-单元-房号，如 1-1-301'
          value={house}
          onInput={(e) => setHouse(e.detail.value)}
          data-testid='house-input'
        />
        <Button className='btn btn-ghost btn-small' onClick={openHouse} data-testid='house-open'>
          查看
        </Button>
      </View>

      {supervisor && (
        <>
          <View className='section-title'>出账与抄表（客服主任）</View>
          <View className='card'>
            <View className='field'>
              <Text className='field-label'>账期</Text>
              <Input
                className='field-input'
                value={period}
                maxlength={7}
                placeholder='YYYY-MM'
                onInput={(e) => setPeriod(e.detail.value)}
                data-testid='period'
              />
            </View>
            <Button className='btn btn-primary btn-block' disabled={running.startsWith('正在') || undefined} onClick={runBills} data-testid='run-bills'>
              生成 {period} 账单
            </Button>
            {running && (
              <Text className='run-status' data-testid='run-status'>
                {running}
              </Text>
            )}
          </View>
          <View className='card'>
            <View className='chips'>
              {(['water', 'electricity'] as const).map((k) => (
                <View key={k} className={`chip ${kind === k ? 'chip-active' : ''}`} onClick={() => setKind(k)}>
                  {k === 'water' ? '水表读数' : '电表读数'}
                </View>
              ))}
            </View>
            <Textarea
              className='text-box csv-input'
              value={csv}
              maxlength={-1}
              placeholder={'粘贴 CSV：房号,上期读数,本期读数\n1-1-301,120.5,132.75'}
              onInput={(e) => setCsv(e.detail.value)}
              data-testid='csv'
            />
            {csvErrors && (
              <View className='csv-errors' data-testid='csv-errors'>
                {Object.entries(csvErrors).map(([row, msg]) => (
                  <Text key={row} className='field-error'>
                    {row}：{msg}
                  </Text>
                ))}
              </View>
            )}
            <View className='csv-actions'>
              <Text
                className='csv-pick'
                onClick={async () => {
                  const f = await pickTextFile(['csv', 'txt'])
                  if (f) {
                    setCsv(f.text.replace(/^\uFEFF/, ''))
                    setCsvErrors(null)
                    Taro.showToast({ title: `已读取 ${f.name}`, icon: 'none' })
                  }
                }}
                data-testid='csv-file'
              >
                选择 CSV 文件
              </Text>
              <Text className='csv-pick' onClick={() => go('staffFees')} data-testid='fee-items-link'>
                收费项目 ›
              </Text>
            </View>
            <Button className='btn btn-ghost btn-block' disabled={!csv.trim() || busy === 'import' || undefined} onClick={importCsv} data-testid='import'>
              导入 {period} 读数
            </Button>
          </View>
        </>
      )}
    </View>
  )
}

export default withLargeText(StaffBills)
