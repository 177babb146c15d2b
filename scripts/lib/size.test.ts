import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { BUDGETS, dirBytes, measure, measureWeapp, subpackageRoots } from './size'

let dir: string
const put = (path: string, bytes: number) => {
  const full = join(dir, path)
  mkdirSync(dirname(full), { recursive: true })
  writeFileSync(full, Buffer.alloc(bytes, 'x'))
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wuye-size-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('size', () => {
  it('splits a weapp build into main package and subpackages, ignoring source maps', () => {
    put('weapp/app.js', 1000)
    put('weapp/app.js.map', 5000)
    put('weapp/pages/index/index.js', 200)
    put('weapp/staff/home/index.js', 300)
    put('weapp/staff/home/index.js.map', 9000)
    put('weapp/staffing/index.js', 40) // shares a prefix with "staff" but is not under it
    const roots = subpackageRoots({ subPackages: [{ root: 'staff/' }] })
    expect(roots).toEqual(['staff'])
    expect(measureWeapp(join(dir, 'weapp'), roots)).toEqual({ main: 1240, subpackages: { staff: 300 } })
  })

  it('reads both spellings of subpackages in app.json', () => {
    expect(subpackageRoots({ subpackages: [{ root: 'a' }], subPackages: [{ root: '/b' }] })).toEqual(['b', 'a'])
    expect(subpackageRoots({})).toEqual([])
  })

  it('sums a function folder', () => {
    put('fn/account/index.js', 1234)
    put('fn/account/package.json', 100)
    expect(dirBytes(join(dir, 'fn/account'))).toBe(1334)
  })

  it('flags only what exceeds its budget', () => {
    expect(measure('main', 'main', BUDGETS.main)).toMatchObject({ over: false, budget: 360 * 1024 })
    expect(measure('main', 'main', BUDGETS.main + 1).over).toBe(true)
    expect(measure('subpackage', 'staff', 300 * 1024 + 1).over).toBe(true)
    expect(measure('function', 'account', 200 * 1024).over).toBe(false)
  })
})
