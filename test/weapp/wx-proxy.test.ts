import { readApiTable } from './harness/api-typings'
import { createWx, type AppJson } from './harness/wx'

/** The recording wx flags exactly what WeChat would refuse (each check is also proven on a planted fault in a page). */
const app: AppJson = {
  pages: ['pages/index/index', 'pages/bills/index'],
  subPackages: [{ root: 'staff', pages: ['home/index'] }],
  tabBar: { list: [{ pagePath: 'pages/index/index' }, { pagePath: 'pages/bills/index' }] },
}
const make = () => createWx(readApiTable(), app, { callFunction: async () => ({ ok: true, data: {} }) })

it('an API that does not exist is flagged when called', () => {
  const { wx, findings } = make()
  ;(wx as any).openBluetoothPrinter({})
  ;(wx as any).showToast({ title: '已提交' })
  expect(findings.unknownApis).toEqual(['openBluetoothPrinter'])
})

it('a call without a required option is flagged, with the option WeChat needs', () => {
  const { wx, findings } = make()
  ;(wx as any).makePhoneCall({ number: '0571-88889999' })
  ;(wx as any).makePhoneCall({ phoneNumber: '0571-88889999' })
  ;(wx as any).requestPayment({ timeStamp: '1', nonceStr: 'n', package: 'prepay_id=1' })
  expect(findings.missingOptions).toEqual(['makePhoneCall 缺少 phoneNumber', 'requestPayment 缺少 paySign'])
})

it('routes: navigateTo a tab page, switchTab to a non-tab page, a page outside app.json', () => {
  const { wx, findings } = make()
  ;(wx as any).navigateTo({ url: '/pages/bills/index' })
  ;(wx as any).switchTab({ url: '/staff/home/index' })
  ;(wx as any).navigateTo({ url: '/staff/nowhere/index?id=1' })
  ;(wx as any).navigateTo({ url: '/staff/home/index?x=1' })
  ;(wx as any).switchTab({ url: '/pages/bills/index' })
  expect(findings.badRoutes).toEqual([
    'navigateTo → /pages/bills/index（tabBar 页面只能用 switchTab）',
    'switchTab → /staff/home/index（不是 tabBar 页面）',
    'navigateTo → /staff/nowhere/index?id=1（不在 app.json 中）',
  ])
})

it('Taro sees exactly WeChat’s APIs on wx', () => {
  const { wx } = make()
  expect(Object.keys(wx)).toEqual(expect.arrayContaining(['navigateTo', 'requestSubscribeMessage', 'cloud']))
  expect('makePhoneCall' in wx).toBe(true)
  expect('openBluetoothPrinter' in wx).toBe(false)
})
