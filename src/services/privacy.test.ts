import { requirePrivacy } from './privacy'

jest.mock('@tarojs/taro', () => ({ __esModule: true, default: {} }), { virtual: true })
const taro: { requirePrivacyAuthorize?: jest.Mock } = jest.requireMock('@tarojs/taro').default

const env = process.env.TARO_ENV
afterEach(() => {
  process.env.TARO_ENV = env
  delete taro.requirePrivacyAuthorize
})

describe('requirePrivacy', () => {
  it('in WeChat asks the platform first and goes on only when the person agrees', async () => {
    process.env.TARO_ENV = 'weapp'
    taro.requirePrivacyAuthorize = jest.fn((o) => o.success({ errMsg: 'requirePrivacyAuthorize:ok' }))
    await expect(requirePrivacy()).resolves.toBeUndefined()
    expect(taro.requirePrivacyAuthorize).toHaveBeenCalledTimes(1)
  })

  it('in WeChat refuses when the person declines', async () => {
    process.env.TARO_ENV = 'weapp'
    taro.requirePrivacyAuthorize = jest.fn((o) => o.fail({ errMsg: 'requirePrivacyAuthorize:fail privacy permission is not authorized' }))
    await expect(requirePrivacy()).rejects.toThrow('隐私保护指引')
  })

  it('on an old base library without the API, and on H5, asks nothing', async () => {
    process.env.TARO_ENV = 'weapp'
    await expect(requirePrivacy()).resolves.toBeUndefined()
    process.env.TARO_ENV = 'h5'
    taro.requirePrivacyAuthorize = jest.fn()
    await expect(requirePrivacy()).resolves.toBeUndefined()
    expect(taro.requirePrivacyAuthorize).not.toHaveBeenCalled()
  })
})

describe('privacy APIs in the app', () => {
  // WeChat lets a mini-program call a privacy API (photos, phone, location) only after wx.requirePrivacyAuthorize. A scan, so a new picker cannot forget it.
  const { readdirSync, readFileSync, statSync } = jest.requireActual<typeof import('node:fs')>('node:fs')
  const { join } = jest.requireActual<typeof import('node:path')>('node:path')
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) =>
      statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) ? [join(dir, f)] : [],
    )

  it('chooseMedia and chooseMessageFile run only after requirePrivacy()', () => {
    const bare: string[] = []
    for (const file of walk(join(__dirname, '..'))) {
      const src = readFileSync(file, 'utf8')
      for (const m of src.matchAll(/Taro\.(chooseMedia|chooseMessageFile)\(/g)) {
        const fnStart = Math.max(src.lastIndexOf('function ', m.index), src.lastIndexOf('=>', m.index))
        if (!src.slice(fnStart, m.index).includes('await requirePrivacy()')) bare.push(`${file}: ${m[1]}`)
      }
    }
    expect(bare).toEqual([])
  })
})
