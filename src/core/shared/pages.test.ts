import { PAGES, TAB_PAGES, pageUrl, type PageName } from './pages'

interface AppConfig {
  pages: string[]
  subPackages: { root: string; pages: string[] }[]
  tabBar: { list: { pagePath: string }[] }
}

function appConfig(env: 'h5' | 'weapp'): AppConfig {
  const g = globalThis as { defineAppConfig?: (c: AppConfig) => AppConfig }
  g.defineAppConfig = (c) => c
  const before = process.env.TARO_ENV
  process.env.TARO_ENV = env
  try {
    let config!: AppConfig
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the config reads TARO_ENV when it loads
      config = require('../../app.config').default
    })
    return config
  } finally {
    process.env.TARO_ENV = before
  }
}

const declared = (c: AppConfig) => new Set([...c.pages.map((p) => `/${p}`), ...c.subPackages.flatMap((s) => s.pages.map((p) => `/${s.root}/${p}`))])

describe('the page table', () => {
  it('names every page the H5 app declares, and nothing else', () => {
    expect([...declared(appConfig('h5'))].sort()).toEqual(Object.values(PAGES).sort())
  })

  it('holds the weapp build to the same pages, less the dev sign-in', () => {
    const weapp = declared(appConfig('weapp'))
    expect(weapp.has(PAGES.login)).toBe(false)
    for (const [name, path] of Object.entries(PAGES)) if (name !== 'login') expect(weapp.has(path)).toBe(true)
  })

  it('knows the tab bar: its pages, in order', () => {
    expect(appConfig('weapp').tabBar.list.map((t) => `/${t.pagePath}`)).toEqual(TAB_PAGES.map((n: PageName) => PAGES[n]))
  })

  it('builds links with their query encoded and empty values left out', () => {
    expect(pageUrl('ticket', { id: 'T1' })).toBe('/resident/tickets/detail/index?id=T1')
    expect(pageUrl('staffInbox', { title: '超时 工单', tab: undefined, q: '' })).toBe('/staff/inbox/index?title=%E8%B6%85%E6%97%B6%20%E5%B7%A5%E5%8D%95')
    expect(pageUrl('mine')).toBe('/pages/mine/index')
  })
})
