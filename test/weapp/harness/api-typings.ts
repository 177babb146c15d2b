import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import ts from 'typescript'

/**
 * The real wx.* (and wx.cloud.*) APIs and the options each requires, read at test time from
 * miniprogram-api-typings — the typings WeChat publishes — with the TypeScript parser, so the
 * harness can flag a call of an API that does not exist or a call missing a required option:
 * mistakes no H5 test can see, and a list nobody has to keep up by hand.
 */
export interface ApiTable {
  /** Members of `interface Wx`: what `wx.<name>` may be. */
  apis: Set<string>
  /** Members of `interface Wx` that are values, not functions (`wx.env`, `wx.router`). */
  properties: Set<string>
  /** API name → the option fields it cannot do without (only APIs whose first parameter is a required option object). */
  required: Map<string, string[]>
  /** The same two for `interface WxCloud` (wx.cloud.*). */
  cloudApis: Set<string>
  cloudRequired: Map<string, string[]>
}

const TYPES = join(__dirname, '../../../node_modules/miniprogram-api-typings/types/wx')

function parse(file: string) {
  const sf = ts.createSourceFile(file, readFileSync(join(TYPES, file), 'utf8'), ts.ScriptTarget.Latest, true)
  const interfaces = new Map<string, ts.InterfaceDeclaration>()
  const visit = (n: ts.Node) => {
    if (ts.isInterfaceDeclaration(n)) interfaces.set(n.name.text, n)
    ts.forEachChild(n, visit)
  }
  visit(sf)
  return interfaces
}

const nameOf = (n: ts.PropertyName) => (ts.isIdentifier(n) || ts.isStringLiteral(n) ? n.text : n.getText())
/** `Foo`, `ICloud.Foo` → `Foo` (interfaces are looked up by their own name). */
const lastName = (n: ts.EntityName | ts.Expression): string => (ts.isIdentifier(n) ? n.text : ts.isQualifiedName(n) ? n.right.text : ts.isPropertyAccessExpression(n) ? n.name.text : n.getText())

/** Non-optional fields of an option interface, its base interfaces included. */
function requiredFields(interfaces: Map<string, ts.InterfaceDeclaration>, name: string, seen = new Set<string>()): string[] {
  const decl = interfaces.get(name)
  if (!decl || seen.has(name)) return []
  seen.add(name)
  const own = decl.members.filter((m): m is ts.PropertySignature => ts.isPropertySignature(m) && !m.questionToken).map((m) => nameOf(m.name))
  const inherited = (decl.heritageClauses ?? []).flatMap((h) => h.types.flatMap((t) => requiredFields(interfaces, lastName(t.expression), seen)))
  return [...new Set([...own, ...inherited])]
}

/**
 * The option interface a method's first parameter names: `option: FooOption`, a generic
 * `<T extends FooOption = FooOption>(option: T)`, or the cloud's `param: OQ<ICloud.FooParam>`.
 */
function optionType(m: ts.MethodSignature | ts.PropertySignature): string | null {
  const fn = ts.isMethodSignature(m) ? m : m.type && ts.isFunctionTypeNode(m.type) ? m.type : null
  const p = fn?.parameters[0]
  if (!fn || !p || p.questionToken || !p.type || !ts.isTypeReferenceNode(p.type)) return null
  let ref: ts.TypeReferenceNode = p.type
  const generic = fn.typeParameters?.find((t) => t.name.text === lastName(ref.typeName))
  if (generic?.constraint && ts.isTypeReferenceNode(generic.constraint)) ref = generic.constraint
  const outer = lastName(ref.typeName)
  if ((outer === 'OQ' || outer === 'RQ') && ref.typeArguments?.[0] && ts.isTypeReferenceNode(ref.typeArguments[0])) return lastName(ref.typeArguments[0].typeName)
  return outer
}

function table(file: string, iface: string) {
  const interfaces = parse(file)
  const decl = interfaces.get(iface)
  if (!decl) throw new Error(`miniprogram-api-typings: no interface ${iface} in ${file}`)
  const apis = new Set<string>()
  const properties = new Set<string>()
  const required = new Map<string, string[]>()
  for (const m of decl.members) {
    if (!ts.isMethodSignature(m) && !ts.isPropertySignature(m)) continue
    const name = nameOf(m.name)
    apis.add(name)
    if (ts.isPropertySignature(m) && !(m.type && ts.isFunctionTypeNode(m.type))) properties.add(name)
    const option = optionType(m)
    // Overloads (success-callback and promise forms) name the same option type: the first decides.
    if (option && !required.has(name)) required.set(name, requiredFields(interfaces, option))
  }
  return { apis, properties, required }
}

let cached: ApiTable | null = null
export function readApiTable(): ApiTable {
  if (cached) return cached
  const wx = table('lib.wx.api.d.ts', 'Wx')
  const cloud = table('lib.wx.cloud.d.ts', 'WxCloud')
  cached = { apis: wx.apis, properties: wx.properties, required: wx.required, cloudApis: cloud.apis, cloudRequired: cloud.required }
  return cached
}
