import { View, Text, Button, Input, Switch } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { api, type Output } from '../../services/api'
import { useLoad } from '../../services/session'
import { useAction } from '../../services/use-action'
import { useRequestId } from '../../services/request-id'
import type { decorationContract } from '../../core/decoration/contracts'
import type { ItemResult } from '../../core/inspections/checklist'
import { dayText, INSPECTION_LABELS, periodText, SLOT_LABELS, VIOLATION_LABELS, VIOLATIONS, WORK_LABELS, type ViolationKind } from '../../core/decoration/types'
import { yuan } from '../../core/shared/money'
import { formatTime } from '../../core/shared/time'
import { ErrorView, Loading } from '../../components/page-state'
import { ReasonSheet } from '../../components/sheet'
import { Photos } from '../../components/ticket-parts'
import { PhotoPicker } from '../../components/photo-picker'
import { ChecklistForm } from '../checklist-form'
import { palette } from '../../styles/palette'
import '../zone.scss'
import { withLargeText } from '../../services/large-text'

type Decoration = Output<typeof decorationContract.detail>
type Sheet = 'approve' | 'reject' | 'violation' | 'resume' | 'release' | null

const TAG: Partial<Record<Decoration['status'], string>> = {
  stopped: 'tag tag-danger',
  rejected: 'tag tag-danger',
  closed: 'tag tag-gray',
  withdrawn: 'tag tag-gray',
}

/** One renovation for the 管理员: decide it, inspect it on site, record a violation or a stop, and return the deposit. */
function DecorationPage() {
  const id = useRouter().params.id ?? ''
  const deco = useLoad(() => api.decoration.detail({ id }), [id])
  const [sheet, setSheet] = useState<Sheet>(null)
  const [inspecting, setInspecting] = useState(false)
  const [kind, setKind] = useState<ViolationKind>('hours')
  const [photos, setPhotos] = useState<string[]>([])
  const [stop, setStop] = useState(false)
  const [deduct, setDeduct] = useState('')
  const request = useRequestId()
  const { busy, apply } = useAction({ reloadOnSuccess: false, reload: deco.reload })
  useDidShow(() => deco.reload())
  const d = deco.data

  const act = async (key: string, fn: () => Promise<Decoration>, ok: string) => {
    const done = await apply(key, fn, deco.setData, ok)
    if (done) setSheet(null)
    return done
  }
  const inspect = async (results: ItemResult[]) => {
    if (await act('inspect', () => api.decoration.inspect({ id, results }), '已记录验收')) setInspecting(false)
  }
  const violation = async (note: string) => {
    if (!photos.length) return Taro.showToast({ title: '请拍一张现场照片', icon: 'none' })
    if (
      await act('violation', () => api.decoration.violation({ id, requestId: request.current(), kind, note, photos, stop }), stop ? '已责令停工' : '已登记违规')
    ) {
      request.renew()
      setPhotos([])
      setStop(false)
    }
  }
  const release = (reason: string) => {
    const fen = Math.round(Number(deduct || '0') * 100)
    if (!(fen >= 0)) return Taro.showToast({ title: '请填写扣款金额', icon: 'none' })
    return act('release', () => api.decoration.release({ id, deducted: fen, ...(reason ? { reason } : {}) }), '已退还押金')
  }

  if (deco.loading && !d) return <Loading />
  if (deco.error) return <ErrorView message={deco.error} code={deco.errorCode} onRetry={deco.reload} />
  if (!d) return null
  const booked = d.inspections.find((i) => !i.result)

  return (
    <View className='page'>
      <View className='card zr' data-testid='decoration-head'>
        <View className='row between'>
          <Text className='zr-name'>{d.label}</Text>
          <Text className={TAG[d.status] ?? 'tag tag-warn'} data-testid='decoration-status'>
            {d.statusText}
          </Text>
        </View>
        <Text className='zr-progress'>
          {d.applicantName} · {periodText(d)} · {d.works.map((w) => WORK_LABELS[w]).join('、')}
        </Text>
        <Text className='zr-progress'>{d.description}</Text>
        <View className='row between'>
          <Text className='zr-progress'>
            {d.contractor.company} · {d.contractor.leader} · 施工人员 {d.workers.length} 人
          </Text>
          <Text className='zp-link' onClick={() => Taro.makePhoneCall({ phoneNumber: d.contractor.phone })} data-testid='call-contractor'>
            致电负责人
          </Text>
        </View>
        <Photos ids={d.drawings} urls={d.photoUrls} testid='decoration-drawings' />
        {d.decided?.conditions && <Text className='zr-progress'>附加条件：{d.decided.conditions}</Text>}
        {d.decided?.reason && <Text className='zr-progress'>未批准：{d.decided.reason}</Text>}
        <Text className='zr-progress'>
          押金 ¥{yuan(d.deposit.amount)}
          {d.deposit.status === 'paid' ? ' · 已缴' : d.deposit.status === 'unpaid' ? ' · 待缴' : ''}
          {d.deposit.refund
            ? ` · ${d.deposit.refund.state === 'refunded' ? `已退 ¥${yuan(d.deposit.refund.amount)}` : d.deposit.refund.state === 'failed' ? `退还未成功：${d.deposit.refund.error ?? ''}` : '退还中'}`
            : ''}
        </Text>
      </View>

      {d.status === 'pending' && (
        <View className='zp-actions'>
          <Button className='btn btn-ghost' onClick={() => setSheet('reject')} data-testid='decoration-reject'>
            不批准
          </Button>
          <Button className='btn btn-primary' onClick={() => setSheet('approve')} data-testid='decoration-approve'>
            批准
          </Button>
        </View>
      )}

      {d.status === 'approved' &&
        d.next &&
        d.items.length > 0 &&
        (inspecting ? (
          <ChecklistForm
            title={INSPECTION_LABELS[d.next]}
            subtitle={d.label}
            items={d.items}
            busy={busy === 'inspect'}
            findingHint='不合格项会发给业主整改，整改后需重新预约验收'
            onSubmit={inspect}
            onCancel={() => setInspecting(false)}
          />
        ) : (
          <View className='card zr'>
            <Text className='zp-name'>
              {booked
                ? `${INSPECTION_LABELS[booked.kind]}：业主预约 ${dayText(booked.date)}${SLOT_LABELS[booked.slot]}`
                : `下一步：${INSPECTION_LABELS[d.next]}`}
            </Text>
            <Button
              className='btn btn-primary btn-block'
              disabled={d.permit === 'unpaid' || undefined}
              onClick={() => setInspecting(true)}
              data-testid='decoration-inspect'
            >
              {d.permit === 'unpaid' ? '业主缴纳押金后可验收' : `开始${INSPECTION_LABELS[d.next]}`}
            </Button>
          </View>
        ))}

      {(d.status === 'approved' || d.status === 'stopped') && (
        <View className='zp-actions'>
          <Button className='btn btn-danger-ghost' onClick={() => setSheet('violation')} data-testid='decoration-violation'>
            登记违规
          </Button>
          {d.status === 'stopped' && (
            <Button className='btn btn-primary' onClick={() => setSheet('resume')} data-testid='decoration-resume'>
              整改完成，复工
            </Button>
          )}
        </View>
      )}
      {d.status === 'completed' && (
        <Button className='btn btn-primary btn-block' onClick={() => setSheet('release')} data-testid='decoration-release'>
          {d.deposit.refund?.state === 'failed' ? '重试退还押金' : '退还装修押金'}
        </Button>
      )}

      <View className='card'>
        <Text className='zp-name'>验收与违规记录</Text>
        {d.inspections.length === 0 && d.violations.length === 0 && (
          <View className='zv-check'>
            <Text className='muted'>暂无记录</Text>
          </View>
        )}
        {d.inspections.map((i, k) => (
          <View className='zv-check' key={`i${k}`}>
            <Text>
              {i.label} · {dayText(i.date)}
              {SLOT_LABELS[i.slot]} · {i.result ? `${i.result.passed ? '合格' : '不合格'}（${i.result.byName}）` : '待上门'}
            </Text>
            {i.result?.results
              .filter((r) => r.ok === false)
              .map((r) => (
                <Text key={r.itemId} className='muted'>
                  {d.items.find((x) => x.id === r.itemId)?.label ?? ''} {r.note}
                </Text>
              ))}
          </View>
        ))}
        {d.violations.map((v) => (
          <View className='zv-check' key={v.id}>
            <Text className={v.stop ? 'zr-danger' : ''}>
              {formatTime(v.at, 'M月D日 HH:mm')} {v.label}
              {v.stop ? ' · 责令停工' : ''}（{v.byName}）
            </Text>
            <Text className='muted'>{v.note}</Text>
            <Photos ids={v.photos} urls={d.photoUrls} testid='violation-photos' />
          </View>
        ))}
      </View>

      {sheet === 'approve' && (
        <ReasonSheet
          title='批准装修'
          hint={`批准后业主缴纳押金 ¥${yuan(d.deposit.amount)} 即可施工；同单元上下楼邻居会收到施工告知。`}
          chips={['电梯内须铺设保护垫', '垃圾袋装后运至指定地点', '空调外机按统一位置安装']}
          placeholder='附加条件（选填）'
          min={0}
          maxLength={300}
          submit='批准'
          busy={busy === 'approve'}
          onClose={() => setSheet(null)}
          onSubmit={(conditions) => act('approve', () => api.decoration.approve({ id, conditions }), '已批准')}
          testid='approve'
        />
      )}
      {sheet === 'reject' && (
        <ReasonSheet
          title='不予批准'
          hint='原因会发给业主，修改方案后可重新申请。'
          chips={['方案涉及承重墙，请重新出图', '请补充施工图纸', '施工期过长，请分期申请']}
          min={4}
          maxLength={300}
          submit='不批准'
          busy={busy === 'reject'}
          onClose={() => setSheet(null)}
          onSubmit={(reason) => act('reject', () => api.decoration.reject({ id, reason }), '已告知业主')}
          testid='reject'
        />
      )}
      {sheet === 'violation' && (
        <ReasonSheet
          title='登记装修违规'
          hint='业主会收到提醒；责令停工后，许可证在门岗显示为禁止施工。'
          min={4}
          maxLength={300}
          placeholder='违规情况，如：周日上午电钻施工'
          submit={stop ? '登记并责令停工' : '登记违规'}
          busy={busy === 'violation'}
          onClose={() => setSheet(null)}
          onSubmit={violation}
          testid='violation'
        >
          <View className='chips sheet-chips'>
            {VIOLATIONS.map((k) => (
              <View key={k} className={`chip ${kind === k ? 'chip-active' : ''}`} onClick={() => setKind(k)}>
                {VIOLATION_LABELS[k]}
              </View>
            ))}
          </View>
          <PhotoPicker value={photos} onChange={setPhotos} max={6} folder='decoration' testid='violation-photo' />
          {d.status === 'approved' && (
            <View className='row between zv-check'>
              <Text>责令停工</Text>
              <Switch checked={stop} color={palette.danger} onChange={(e) => setStop(e.detail.value)} data-testid='violation-stop' />
            </View>
          )}
        </ReasonSheet>
      )}
      {sheet === 'resume' && (
        <ReasonSheet
          title='准予复工'
          hint='业主会收到复工通知。'
          chips={['已整改到位', '已承诺按规定时间施工']}
          min={2}
          submit='复工'
          busy={busy === 'resume'}
          onClose={() => setSheet(null)}
          onSubmit={(note) => act('resume', () => api.decoration.resume({ id, note }), '已复工')}
          testid='resume'
        />
      )}
      {sheet === 'release' && (
        <ReasonSheet
          title='退还装修押金'
          hint={`押金 ¥${yuan(d.deposit.amount)}${d.deposit.paidVia === 'wechat' ? '，将原路退回业主的微信支付账户' : '，请线下退还业主后确认'}。有损坏需扣款时填写金额和原因。`}
          placeholder='扣款原因（无扣款可不填）'
          min={0}
          submit='确认退还'
          busy={busy === 'release'}
          onClose={() => setSheet(null)}
          onSubmit={release}
          testid='release'
        >
          <Input
            className='field-input'
            type='digit'
            value={deduct}
            onInput={(e) => setDeduct(e.detail.value)}
            placeholder='扣款金额（元），无则不填'
            data-testid='release-deduct'
          />
        </ReasonSheet>
      )}
    </View>
  )
}

export default withLargeText(DecorationPage)
