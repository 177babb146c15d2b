/**
 * Every collection and its indexes, in one place. The SQLite adapter creates them on open;
 * scripts/setup-cloudbase.ts prints the same list for the CloudBase console (≤ 20 per collection).
 * An index is a list of field paths; queries that filter and sort on a prefix of one are fast.
 */
export const COLLECTIONS: Record<string, { indexes: string[][] }> = {
  users: { indexes: [['staff.communityId']] },
  communities: { indexes: [] },
  houses: { indexes: [['communityId', 'building', 'unit']] },
  archive: { indexes: [['communityId']] },
  bindings: {
    indexes: [
      ['openid', 'createdAt'],
      ['houseId', 'openid'],
      ['communityId', 'status', 'createdAt'],
      ['communityId', 'status', 'building', 'createdAt'],
    ],
  },
  /** <houseId>_<openid> → latest binding: keeps one live claim per person and house. */
  claims: { indexes: [] },
  /** Outbox and in-app messages, used by every feature that tells a person something. */
  outbox: { indexes: [['status', 'nextAttemptAt']] },
  messages: { indexes: [['openid', 'createdAt'], ['openid', 'read']] },
  /** <openid>_<templateKey>: subscribe-message grants and uses. */
  subscriptions: { indexes: [] },
  counters: { indexes: [] },
  /** Local host only: dev sign-in sessions and simulated payment orders. */
  devSessions: { indexes: [] },
  devPayOrders: { indexes: [] },
}

export type CollectionName = keyof typeof COLLECTIONS
