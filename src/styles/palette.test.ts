import { execSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { palette } from './palette'

const tokens = new Map(
  [...readFileSync(join(__dirname, 'tokens.scss'), 'utf8').matchAll(/^\$([\w-]+):\s*(#[0-9a-f]+);/gim)].map((m) => [m[1], m[2].toLowerCase()]),
)
const tokenName = (key: string) => key.replace(/[A-Z0-9]/g, (c) => `-${c.toLowerCase()}`)

test.each(Object.entries(palette))('palette.%s is the token of the same name in tokens.scss', (key, value) => {
  expect(tokens.get(tokenName(key))).toBe(value)
})

test('no colour is written out in a stylesheet or script beside the tokens', () => {
  const files = execSync("git ls-files 'src/*.scss' 'src/*.ts' 'src/*.tsx'", { cwd: join(__dirname, '../..'), encoding: 'utf8' })
    .split('\n')
    .filter((f) => f && !/(tokens\.scss|palette\.ts|\.test\.tsx?)$/.test(f))
  const offenders = files.filter((f) =>
    readFileSync(join(__dirname, '../..', f), 'utf8')
      .split('\n')
      .some((line) => !line.trim().startsWith('//') && /#[0-9a-f]{3}(?:[0-9a-f]{3})?\b/i.test(line)),
  )
  expect(offenders).toEqual([])
})
