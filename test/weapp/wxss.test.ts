import { readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { WEAPP } from './harness'
import { allPages, readAppJson } from './harness/wx'

/* eslint-disable @typescript-eslint/no-require-imports -- WeChat's own WXSS compiler (wcsc), CommonJS */
const wcsc = require('miniprogram-compiler/src/wcsc')

const wxssFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) => {
    const p = join(dir, n)
    return statSync(p).isDirectory() ? wxssFiles(p) : p.endsWith('.wxss') ? [relative(WEAPP, p).replace(/\.wxss$/, '')] : []
  })

/** Every WXSS file of the build goes through the official WXSS compiler, as DevTools and the upload do. */
it('the official WXSS compiler accepts every stylesheet of the build', () => {
  const files = wxssFiles(WEAPP)
  expect(files.length).toBeGreaterThan(20)
  const r = wcsc(WEAPP, files, { maxBuffer: 64 << 20 })
  expect(r instanceof Error ? r.message : 'compiled').toBe('compiled')
  // Every page gets its compiled stylesheet (imported files are folded into the shared part).
  const compiled = new Set(Object.keys(r))
  expect(['app', ...allPages(readAppJson(WEAPP))].filter((p) => !compiled.has(`${p}.wxss`) && !compiled.has(`./${p}.wxss`))).toEqual([])
})
