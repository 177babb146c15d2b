import { EJSON } from 'bson'
import { Query, update } from 'mingo'

/**
 * CloudBase's database, standing where its HTTP endpoint would: it answers the requests the real
 * SDK (@cloudbase/database, under wx-server-sdk) serializes — EJSON queries, orders, projections,
 * the 100 default and 1000 cap, transactions by id — and evaluates them with MongoDB semantics
 * (mingo), not with our SQLite translation. Failures are thrown the way the SDK's requester
 * throws them, with CloudBase's codes and wording.
 */
type Doc = Record<string, unknown> & { _id: string }
type Params = Record<string, unknown>

export class CloudBaseError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

interface Tx {
  /** version of each document read, keyed collection/id: commit fails if one moved meanwhile. */
  reads: Map<string, number>
  /** buffered writes (null: delete) */
  writes: Map<string, Doc | null>
}

const parse = (s: unknown) => (typeof s === 'string' ? EJSON.parse(s, { relaxed: true }) : {}) as Record<string, unknown>
const dump = (d: Doc) => EJSON.stringify(d, { relaxed: false })
const clone = <T>(d: T): T => structuredClone(d)

export class MemoryCloudDb {
  private readonly docs = new Map<string, Map<string, Doc>>()
  private readonly versions = new Map<string, number>()
  private readonly txs = new Map<string, Tx>()
  private seq = 0
  /** Every request, for tests that count what a call cost. */
  readonly calls: { api: string; collection?: string }[] = []

  private coll(name: string) {
    let c = this.docs.get(name)
    if (!c) this.docs.set(name, (c = new Map()))
    return c
  }

  private tx(params: Params): Tx | null {
    const id = params.transactionId as string | undefined
    if (!id) return null
    const t = this.txs.get(id)
    if (!t) throw new CloudBaseError('DATABASE_TRANSACTION_FAIL', `transaction ${id} not found`)
    return t
  }

  /** The document as this caller sees it: its own transaction's writes first. */
  private read(name: string, id: string, t: Tx | null): Doc | undefined {
    const key = `${name}/${id}`
    if (t?.writes.has(key)) return t.writes.get(key) ?? undefined
    // The first read is the transaction's snapshot: a document moved after it is a conflict at commit.
    if (t && !t.reads.has(key)) t.reads.set(key, this.versions.get(key) ?? 0)
    const d = this.coll(name).get(id)
    return d ? clone(d) : undefined
  }

  private write(name: string, doc: Doc | null, id: string, t: Tx | null) {
    const key = `${name}/${id}`
    if (t) return void t.writes.set(key, doc)
    if (doc) this.coll(name).set(id, clone(doc))
    else this.coll(name).delete(id)
    this.versions.set(key, (this.versions.get(key) ?? 0) + 1)
  }

  /** The documents a query matches, as a transaction or a plain read sees them. */
  private matching(name: string, query: Record<string, unknown>, t: Tx | null): Doc[] {
    const byId = typeof query._id === 'string' && Object.keys(query).length === 1
    if (byId) {
      const d = this.read(name, query._id as string, t)
      return d ? [d] : []
    }
    if (t) throw new CloudBaseError('DATABASE_TRANSACTION_FAIL', 'transactions allow operations by _id only')
    return new Query(query).find<Doc>([...this.coll(name).values()].map(clone)).all()
  }

  handle(api: string, params: Params = {}): unknown {
    const name = params.collectionName as string
    this.calls.push({ api, collection: name })
    const t = this.tx(params)
    switch (api) {
      case 'database.getDocument': {
        const query = parse(params.query)
        const limit = Math.min(Number(params.limit ?? 100), 1000)
        let cursor = new Query(query).find<Doc>(this.matching(name, query, t), params.projection ? parse(params.projection) : undefined)
        if (params.order) cursor = cursor.sort(parse(params.order) as Record<string, 1 | -1>)
        const list = cursor
          .skip(Number(params.offset ?? 0))
          .limit(limit)
          .all()
        return { data: { list: list.map(dump), limit, offset: Number(params.offset ?? 0) }, requestId: this.requestId() }
      }
      case 'database.calculateDocument':
        return { data: { total: this.matching(name, parse(params.query), t).length }, requestId: this.requestId() }
      case 'database.insertDocument': {
        const ids: string[] = []
        for (const raw of params.data as string[]) {
          const doc = parse(raw) as Doc
          doc._id ??= this.newId()
          if (this.read(name, doc._id, t)) {
            throw new CloudBaseError('DATABASE_REQUEST_FAILED', `E11000 duplicate key error collection: ${name} index: _id_ dup key: { _id: "${doc._id}" }`)
          }
          this.write(name, doc, doc._id, t)
          ids.push(doc._id)
        }
        return { data: { insertedIds: ids }, requestId: this.requestId() }
      }
      case 'database.modifyDocument': {
        const query = parse(params.query)
        if (params.multi) throw new CloudBaseError('DATABASE_REQUEST_FAILED', 'stand-in: multi-document update is not used by this product')
        const [found] = this.matching(name, query, t)
        const data = parse(params.data)
        if (!found) {
          if (!params.upsert) return { data: { updated: 0 }, requestId: this.requestId() }
          const id = (query._id as string) ?? this.newId()
          this.write(name, { ...data, _id: id }, id, t)
          return { data: { updated: 0, upsert_id: id }, requestId: this.requestId() }
        }
        let next: Doc
        if (params.merge === false) next = { ...(data as object), _id: found._id } as Doc
        else {
          next = clone(found)
          if (Object.keys(data).some((k) => !k.startsWith('$')))
            throw new CloudBaseError('DATABASE_REQUEST_FAILED', 'update needs operators ($set …) when merging')
          update(next, data as never)
        }
        this.write(name, next, found._id, t)
        return { data: { updated: 1 }, requestId: this.requestId() }
      }
      case 'database.removeDocument': {
        const found = this.matching(name, parse(params.query), t)
        const gone = params.multi ? found : found.slice(0, 1)
        for (const d of gone) this.write(name, null, d._id, t)
        return { data: { deleted: gone.length }, requestId: this.requestId() }
      }
      case 'database.startTransaction': {
        const id = `tx-${++this.seq}`
        this.txs.set(id, { reads: new Map(), writes: new Map() })
        return { transactionId: id, requestId: this.requestId() }
      }
      case 'database.commitTransaction': {
        const id = params.transactionId as string
        const tx = this.tx(params)!
        this.txs.delete(id)
        for (const [key, v] of tx.reads) {
          if ((this.versions.get(key) ?? 0) !== v) throw new CloudBaseError('DATABASE_TRANSACTION_CONFLICT', 'database transaction conflict')
        }
        for (const [key, doc] of tx.writes) {
          const [c, ...rest] = key.split('/')
          this.write(c, doc, rest.join('/'), null)
        }
        return { requestId: this.requestId() }
      }
      case 'database.abortTransaction':
        this.txs.delete(params.transactionId as string)
        return { requestId: this.requestId() }
      case 'database.addCollection':
        this.coll(name)
        return { requestId: this.requestId() }
      default:
        throw new CloudBaseError('DATABASE_REQUEST_FAILED', `stand-in: ${api} is not a request this product makes`)
    }
  }

  /** Open transactions: a finished test should leave none behind. */
  get openTransactions() {
    return this.txs.size
  }

  private requestId() {
    return `req-${++this.seq}`
  }

  private newId() {
    return `auto${(++this.seq).toString(36).padStart(8, '0')}`
  }
}
