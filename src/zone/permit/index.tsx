import { View, Text, Button, Input } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { api, type Output } from '../../services/api'
import { messageOf } from '../../services/errors'
import type { decorationContract } from '../../core/decoration/contracts'
import { periodText, WORK_LABELS } from '../../core/decoration/types'
import '../zone.scss'
import { withLargeText } from '../../services/large-text'

type Verdict = Output<typeof decorationContract.verify>
const weapp = process.env.TARO_ENV === 'weapp'

/**
 * The gate: the 保安 scans the permit a worker shows and sees at once whether work is allowed
 * today, for which house, by whom, and within which hours. Off WeChat the code is typed in.
 */
function PermitPage() {
  const [code, setCode] = useState(useRouter().params.code ?? '')
  const [verdict, setVerdict] = useState<Verdict | null>(null)
  const [busy, setBusy] = useState(false)

  const check = async (scanned: string) => {
    setBusy(true)
    try {
      setVerdict(await api.decoration.verify({ code: scanned.trim() }))
    } catch (e) {
      setVerdict(null)
      Taro.showToast({ title: messageOf(e), icon: 'none' })
    } finally {
      setBusy(false)
    }
  }
  const scan = async () => {
    try {
      const { result } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
      await check(result)
    } catch (e) {
      if (!/cancel/.test(String((e as { errMsg?: string })?.errMsg ?? ''))) Taro.showToast({ title: messageOf(e), icon: 'none' })
    }
  }
  const ok = verdict?.permit === 'valid'

  return (
    <View className='page'>
      {weapp ? (
        <Button className='btn btn-primary btn-block zp-scan' disabled={busy || undefined} onClick={scan} data-testid='permit-scan'>
          扫描装修许可证
        </Button>
      ) : (
        <View className='card zp'>
          <Text className='field-label'>许可证二维码内容</Text>
          <Input className='field-input' value={code} onInput={(e) => setCode(e.detail.value)} placeholder='wuye-permit:…' data-testid='permit-code' />
          <Button className='btn btn-primary btn-block' disabled={busy || !code.trim() || undefined} onClick={() => check(code)} data-testid='permit-verify'>
            核验
          </Button>
        </View>
      )}
      {verdict && (
        <View className='card zd-permit' data-testid='permit-verdict'>
          <Text className={`zd-verdict ${ok ? 'zd-ok' : 'zd-no'}`}>{verdict.permitText}</Text>
          <Text className='zr-name'>{verdict.label}</Text>
          <Text className='zr-progress'>
            施工期 {periodText(verdict)} · {verdict.works.map((w) => WORK_LABELS[w]).join('、')}
          </Text>
          <Text className='zr-progress'>施工时间：{verdict.hours}</Text>
          {verdict.conditions && <Text className='zr-progress'>附加条件：{verdict.conditions}</Text>}
          <View className='row between'>
            <Text className='zr-progress'>
              {verdict.contractor.company} · {verdict.contractor.leader}
            </Text>
            <Text className='zp-link' onClick={() => Taro.makePhoneCall({ phoneNumber: verdict.contractor.phone })}>
              致电负责人
            </Text>
          </View>
          <Text className='zp-label'>登记的施工人员</Text>
          {verdict.workers.map((w, i) => (
            <Text key={i} className='zr-progress'>
              {w.name} {w.phone}
            </Text>
          ))}
        </View>
      )}
    </View>
  )
}

export default withLargeText(PermitPage)
