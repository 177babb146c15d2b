import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { WEAPP } from './harness'
import { allPages, readAppJson } from './harness/wx'

/* eslint-disable @typescript-eslint/no-require-imports -- WeChat's own WXSS compiler (wcsc), CommonJS */
const wcsc = require('miniprogram-compiler/src/wcsc')

const wxssFiles = (root: string, dir = root): string[] =>
  readdirSync(dir).flatMap((n) => {
    const p = join(dir, n)
    return statSync(p).isDirectory() ? wxssFiles(root, p) : p.endsWith('.wxss') ? [relative(root, p).replace(/\.wxss$/, '')] : []
  })
const compile = (root: string, files: string[]): Record<string, string> | Error => wcsc(root, files, { maxBuffer: 64 << 20 })

/** Every WXSS file of the build goes through the official WXSS compiler, as DevTools and the upload do. */
it('the official WXSS compiler accepts every stylesheet of the build', () => {
  const files = wxssFiles(WEAPP)
  expect(files.length).toBeGreaterThan(20)
  const r = compile(WEAPP, files)
  expect(r instanceof Error ? r.message : 'compiled').toBe('compiled')
  // Every page gets its compiled stylesheet (imported files are folded into the shared part).
  const compiled = new Set(Object.keys(r))
  expect(['app', ...allPages(readAppJson(WEAPP))].filter((p) => !compiled.has(`${p}.wxss`) && !compiled.has(`./${p}.wxss`))).toEqual([])
})

it('the compiler refuses what WeChat refuses: a bare pseudo-class after a child combinator', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wuye-wxss-'))
  try {
    writeFileSync(join(dir, 'bad.wxss'), '.tk-line > :last-child { text-align: right; }\n')
    writeFileSync(join(dir, 'good.wxss'), '.tk-line > text:last-child { text-align: right; }\n')
    expect(compile(dir, ['good'])).not.toBeInstanceOf(Error)
    const bad = compile(dir, ['bad'])
    expect(bad).toBeInstanceOf(Error)
    expect((bad as Error).message).toMatch(/error at token/)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
