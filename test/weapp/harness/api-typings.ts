import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * The real wx.* APIs and the options each requires, read from miniprogram-api-typings (the
 * typings WeChat publishes), so the harness can flag a call of an API that does not exist or a
 * call missing a required option — mistakes no H5 test can see.
 */
export interface ApiTable {
  apis: Set<string>
  /** API name → the option fields it cannot do without. */
  required: Map<string, string[]>
}

const FILE = join(__dirname, '../../../node_modules/miniprogram-api-typings/types/wx/lib.wx.api.d.ts')

export function readApiTable(): ApiTable {
  const src = readFileSync(FILE, 'utf8')
  const start = src.indexOf('    interface Wx {')
  // Code samples inside the doc comments close braces at any indent: the interface ends at the next declaration.
  const end = src.slice(start + 1).search(/\n {4}(interface|type|namespace) /) + start + 1
  const lines = src.slice(start, end).split('\n')
  const apis = new Set<string>()
  const optionOf = new Map<string, { type: string; optional: boolean }>()
  for (let i = 0; i < lines.length; i++) {
    let m = /^ {8}([a-zA-Z]\w*)(<.*>)?\((.*)$/.exec(lines[i])
    // A generic written over several lines: `name<`, `T extends XOption = XOption`, `>(`.
    if (!m && /^ {8}[a-zA-Z]\w*<$/.test(lines[i])) {
      const close = lines.findIndex((l, k) => k > i && /^ {8}>\(/.test(l))
      const generic = `<${lines.slice(i + 1, close).join(' ')}>`
      m = [lines[i], lines[i].trim().slice(0, -1), generic, lines[close].trim().slice(2)] as unknown as RegExpExecArray
      i = close
    }
    if (!m) continue
    apis.add(m[1])
    const generic = /extends (\w+)/.exec(m[2] ?? '')
    // The first parameter: on the same line, or the first non-comment line after it.
    let param = /^(\w+)(\?)?:\s*(\w+)/.exec(m[3])
    for (let j = i + 1; !param && j < lines.length && !/^ {8}\)/.test(lines[j]) && !/\)\s*:/.test(m[3]); j++) {
      param = /^ {12}(\w+)(\?)?:\s*(\w+)/.exec(lines[j])
    }
    if (param) optionOf.set(m[1], { type: generic?.[1] ?? param[3], optional: Boolean(param[2]) })
  }
  const fieldsOf = (iface: string): string[] => {
    const at = src.indexOf(`    interface ${iface} {`)
    if (at < 0) return []
    const block = src.slice(at, src.indexOf('\n    }', at))
    return [...block.matchAll(/^ {8}(\w+): /gm)].map((x) => x[1])
  }
  const required = new Map<string, string[]>()
  for (const [api, o] of optionOf) if (!o.optional) required.set(api, fieldsOf(o.type))
  return { apis, required }
}
