import { readApiTable } from './harness/api-typings'
import { createWx, type AppJson } from './harness/wx'

/** The recording wx flags exactly what WeChat would refuse (each check is also proven on a planted fault in a page). */
const app: AppJson = {
  pages: ['pages/index/index', 'pages/bills/index'],
  subPackages: [{ root: 'staff', pages: ['home/index'] }],
  tabBar: { list: [{ pagePath: 'pages/index/index' }, { pagePath: 'pages/bills/index' }] },
}
const make = (inTap = () => false) =>
  createWx(readApiTable(), app, { callFunction: async () => ({ ok: true, data: {} }), uploadFile: async () => 'local://x.png' }, { inTap })

it('the API table is WeChat’s, read from miniprogram-api-typings', () => {
  const t = readApiTable()
  expect(t.apis.size).toBeGreaterThan(400)
  expect([...t.apis]).toEqual(expect.arrayContaining(['navigateTo', 'requestPayment', 'requestSubscribeMessage', 'makePhoneCall', 'createSelectorQuery', 'chooseMedia']))
  expect(t.required.get('makePhoneCall')).toEqual(['phoneNumber'])
  expect([...(t.required.get('requestPayment') ?? [])].sort()).toEqual(['nonceStr', 'package', 'paySign', 'timeStamp'])
  // A generic option (`<T extends RequestOption>`) and an option with only optional fields.
  expect(t.required.get('request')).toEqual(['url'])
  expect(t.required.get('showModal')).toEqual([])
  expect(t.cloudRequired.get('callFunction')).toEqual(['name'])
  expect(t.cloudRequired.get('uploadFile')).toEqual(['cloudPath', 'filePath'])
})

it('an API that does not exist is flagged when called', () => {
  const { wx, findings } = make()
  ;(wx as any).openBluetoothPrinter({})
  ;(wx as any).showToast({ title: '已提交' })
  ;(wx as any).cloud.callFunctions({ name: 'tickets' })
  expect(findings.unknownApis).toEqual(['openBluetoothPrinter', 'cloud.callFunctions'])
})

it('a call without a required option is flagged, with the option WeChat needs', () => {
  const { wx, findings } = make()
  ;(wx as any).makePhoneCall({ number: '0571-88889999' })
  ;(wx as any).makePhoneCall({ phoneNumber: '0571-88889999' })
  ;(wx as any).requestPayment({ timeStamp: '1', nonceStr: 'n', package: 'prepay_id=1' })
  ;(wx as any).cloud.callFunction({ data: { action: 'mine' } })
  expect(findings.missingOptions).toEqual(['makePhoneCall 缺少 phoneNumber', 'requestPayment 缺少 paySign', 'cloud.callFunction 缺少 name'])
})

it('routes: navigateTo a tab page, switchTab to a non-tab page, a page outside app.json', () => {
  const { wx, findings } = make()
  ;(wx as any).navigateTo({ url: '/pages/bills/index' })
  ;(wx as any).switchTab({ url: '/staff/home/index' })
  ;(wx as any).navigateTo({ url: '/staff/nowhere/index?id=1' })
  ;(wx as any).redirectTo({ url: '/pages/index/index?from=x' })
  ;(wx as any).navigateTo({ url: '/staff/home/index?x=1' })
  ;(wx as any).switchTab({ url: '/pages/bills/index' })
  ;(wx as any).reLaunch({ url: '/pages/index/index' })
  expect(findings.badRoutes).toEqual([
    'navigateTo → /pages/bills/index（tabBar 页面只能用 switchTab）',
    'switchTab → /staff/home/index（不是 tabBar 页面）',
    'navigateTo → /staff/nowhere/index?id=1（不在 app.json 中）',
    'redirectTo → /pages/index/index?from=x（tabBar 页面只能用 switchTab）',
  ])
})

it('the subscribe panel outside a tap is refused, as WeChat refuses it', async () => {
  let tapping = false
  const { wx, findings } = make(() => tapping)
  await expect((wx as any).requestSubscribeMessage({ tmplIds: ['t1'] })).rejects.toMatchObject({ errMsg: expect.stringContaining('TAP gesture') })
  tapping = true
  const asked = (wx as any).requestSubscribeMessage({ tmplIds: ['t1'] })
  tapping = false
  await expect(asked).resolves.toMatchObject({ t1: 'accept' })
  expect(findings.outsideTap).toEqual(['requestSubscribeMessage'])
})

it('Taro sees exactly WeChat’s APIs on wx', () => {
  const { wx } = make()
  expect(Object.keys(wx)).toEqual(expect.arrayContaining(['navigateTo', 'requestSubscribeMessage', 'cloud']))
  expect('makePhoneCall' in wx).toBe(true)
  expect('openBluetoothPrinter' in wx).toBe(false)
})
