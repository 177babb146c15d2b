/**
 * The document store, shaped like the CloudBase database: collections of JSON documents with
 * string `_id`s, by-id reads and writes, simple filtered and sorted pages, and transactions
 * that may only touch documents by id (CloudBase's own rule, so nothing written against the
 * local adapter can fail to port).
 */

import type { Collections, TxCollections } from '../collections'

export type Scalar = string | number | boolean | null

/** A condition on one field: a value means equality; an operator object narrows it. */
export type Condition =
  | Scalar
  | {
      $eq?: Scalar
      $ne?: Scalar
      $gt?: Scalar
      $gte?: Scalar
      $lt?: Scalar
      $lte?: Scalar
      $in?: readonly Scalar[]
      $nin?: readonly Scalar[]
      $exists?: boolean
    }

/** Field paths may be dotted (`staff.communityId`). Conditions are ANDed, as in CloudBase `where`. */
export type Filter = Record<string, Condition>

export type SortDir = 'asc' | 'desc'

export interface Query {
  where?: Filter
  orderBy?: [field: string, dir: SortDir][]
  offset?: number
  /** CloudBase returns at most 1000 documents per server call; we never ask for more. */
  limit?: number
}

export const MAX_LIMIT = 1000

export type Doc = { _id: string }

export interface Collection<T extends Doc = Doc> {
  get(id: string): Promise<T | null>
  find(query?: Query): Promise<T[]>
  count(where?: Filter): Promise<number>
  /** Create or replace the whole document. */
  set(doc: T): Promise<void>
  /** Create only: fails with CONFLICT if the id exists. */
  add(doc: T): Promise<void>
  /** Shallow merge of top-level fields; fails with NOT_FOUND if the document is missing. */
  update(id: string, patch: Partial<T>): Promise<void>
  remove(id: string): Promise<void>
}

/** Inside a transaction only by-id operations exist. */
export interface TxCollection<T extends Doc = Doc> {
  get(id: string): Promise<T | null>
  set(doc: T): Promise<void>
  update(id: string, patch: Partial<T>): Promise<void>
  remove(id: string): Promise<void>
}

export interface Tx {
  collection<T extends Doc = Doc>(name: string): TxCollection<T>
  /** The registered collections, typed: `tx.c.tickets.get(id)`. */
  readonly c: TxCollections
}

export interface StoreStats {
  reads: number
  writes: number
}

export interface Store {
  /** A collection by name: for code that walks every collection (setup, counts) or the store contract. */
  collection<T extends Doc = Doc>(name: string): Collection<T>
  /** The registered collections, typed by lib/collections.ts: `store.c.tickets.get(id)` is a `TicketDoc`. */
  readonly c: Collections
  /**
   * Run `fn` atomically. It may run more than once when another writer touched the same
   * documents meanwhile (optimistic concurrency), so it must not have side effects outside `tx`.
   */
  transaction<R>(fn: (tx: Tx) => Promise<R>): Promise<R>
  /** Operations counted since the store was opened: for the bench and the daily quota. */
  readonly stats: StoreStats
  close?(): void
}
