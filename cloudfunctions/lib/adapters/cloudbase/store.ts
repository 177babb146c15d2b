import { AppError } from '../../../../src/core/shared/errors'
import type { Collection, Doc, Filter, Store, StoreStats, Tx, TxCollection } from '../../ports/store'
import { applyPlan, planQuery, translateFilter, type Command, type CollectionRef } from './query'
import { byName } from '../../collections'

/** The slice of wx-server-sdk's database we use (typed here so the adapter compiles without it). */
export interface CloudDb {
  command: Command & { set(v: unknown): unknown }
  collection(name: string): CollectionRef & {
    doc(id: string): DocRef
    add(arg: { data: unknown }): Promise<unknown>
  }
  runTransaction<R>(fn: (t: { collection(name: string): { doc(id: string): DocRef } }) => Promise<R>, retries?: number): Promise<R>
}

interface DocRef {
  get(): Promise<{ data: unknown }>
  set(arg: { data: unknown }): Promise<unknown>
  update(arg: { data: unknown }): Promise<{ stats?: { updated: number } }>
  remove?(): Promise<unknown>
  delete?(): Promise<unknown>
}

const withoutId = ({ _id, ...rest }: Doc) => rest as Record<string, unknown>

/** CloudBase merges nested objects on update; our port replaces top-level fields, so wrap them in _.set. */
function shallowPatch(db: CloudDb, patch: Record<string, unknown>) {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(patch)) {
    if (k === '_id') continue
    out[k] = v !== null && typeof v === 'object' ? db.command.set(v) : v
  }
  return out
}

const notFound = (e: unknown) => /not exist|does not exist|-502001|DATABASE_DOCUMENT_NOT_EXIST/i.test(String((e as Error)?.message ?? e))

export function cloudbaseStore(db: CloudDb): Store {
  const stats: StoreStats = { reads: 0, writes: 0 }

  function collection<T extends Doc>(name: string): Collection<T> {
    const ref = () => db.collection(name)
    return {
      async get(id) {
        stats.reads++
        const { data } = await ref().where({ _id: id }).limit(1).get()
        return (data[0] as T) ?? null
      },
      async find(q = {}) {
        stats.reads++
        const { data } = await applyPlan(ref(), planQuery(q, db.command)).get()
        return data as T[]
      },
      async count(where?: Filter) {
        stats.reads++
        const r = ref()
        const { total } = await (where && Object.keys(where).length ? r.where(translateFilter(where, db.command)) : r).count()
        return total
      },
      async set(doc) {
        stats.writes++
        await ref()
          .doc(doc._id)
          .set({ data: withoutId(doc) })
      },
      async add(doc) {
        stats.writes++
        try {
          await ref().add({ data: doc })
        } catch (e) {
          if (/duplicate|E11000/i.test(String((e as Error)?.message))) throw new AppError('CONFLICT', `记录已存在：${name}/${doc._id}`)
          throw e
        }
      },
      async update(id, patch) {
        stats.writes++
        const r = await ref()
          .doc(id)
          .update({ data: shallowPatch(db, patch) })
        if (r.stats && r.stats.updated === 0) {
          // updated is 0 both when missing and when nothing changed; only missing is an error.
          const { data } = await ref().where({ _id: id }).limit(1).get()
          if (!data.length) throw new AppError('NOT_FOUND', `记录不存在：${name}/${id}`)
        }
      },
      async remove(id) {
        stats.writes++
        await ref().doc(id).remove!()
      },
    }
  }

  async function transaction<R>(fn: (tx: Tx) => Promise<R>): Promise<R> {
    return db.runTransaction(async (t) => {
      const tx: Tx = {
        c: byName((name) => tx.collection(name)),
        collection<T extends Doc>(name: string): TxCollection<T> {
          const doc = (id: string) => t.collection(name).doc(id)
          const get = async (id: string): Promise<T | null> => {
            stats.reads++
            try {
              const { data } = await doc(id).get()
              return data ? ({ ...(data as object), _id: id } as T) : null
            } catch (e) {
              if (notFound(e)) return null
              throw e
            }
          }
          return {
            get,
            async set(d) {
              stats.writes++
              await doc(d._id).set({ data: withoutId(d) })
            },
            async update(id, patch) {
              // The port promises NOT_FOUND for a missing document; a transaction's update would
              // otherwise report nothing. The read is by id, as transactions allow.
              if (!(await get(id))) throw new AppError('NOT_FOUND', `记录不存在：${name}/${id}`)
              stats.writes++
              await doc(id).update({ data: shallowPatch(db, patch) })
            },
            async remove(id) {
              stats.writes++
              // A document reference in a transaction has remove(), not delete().
              await doc(id).remove!()
            },
          }
        },
      }
      return fn(tx)
    }, 5)
  }

  return { collection, c: byName(collection), transaction, stats }
}
