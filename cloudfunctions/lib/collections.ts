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
  tickets: {
    indexes: [
      ['communityId', 'status', 'rank', 'createdAt'],
      ['communityId', 'rank', 'createdAt'],
      ['communityId', 'overdue', 'rank', 'createdAt'],
      ['communityId', 'owner', 'createdAt'],
      ['assignee', 'status', 'createdAt'],
      ['communityId', 'phoneTail'],
      ['communityId', 'room'],
      ['communityId', 'houseId'],
      ['communityId', 'no'],
      ['reporterOpenid', 'createdAt'],
      ['nextCheckAt'],
    ],
  },
  ticketEvents: { indexes: [['ticketId', 'at']] },
  savedReplies: { indexes: [['communityId']] },
  /** settings/<communityId>: SLA policy, business calendar and the other per-community rules. */
  settings: { indexes: [] },
  /** Bills (issue 6): fee items, bills, payment orders, receipts, readings, 催缴. */
  feeItems: { indexes: [['communityId', 'createdAt']] },
  parkingSpaces: { indexes: [['houseId'], ['communityId']] },
  meterReadings: { indexes: [['communityId', 'period', 'houseId']] },
  bills: {
    indexes: [
      ['houseId', 'status', 'dueDate'],
      ['houseId', 'status', 'updatedAt'],
      ['houseId', 'dueDate'],
      ['communityId', 'status', 'dueDate'],
      ['communityId', 'status', 'building'],
    ],
  },
  /** <communityId>_<period>: a chunked bill run's cursor. */
  billRuns: { indexes: [] },
  /** <communityId>: a community's reminder policy over the default. */
  billSettings: { indexes: [] },
  payOrders: { indexes: [['status', 'updatedAt']] },
  receipts: { indexes: [] },
  /** <openid>: last 催缴 prompt, for the one-per-3-days rule. */
  reminders: { indexes: [] },
  campaigns: { indexes: [['communityId', 'createdAt']] },
  campaignRecipients: { indexes: [['campaignId']] },
  /** Background jobs' own progress (daily runs, cursors). */
  jobState: { indexes: [] },
  /** Outbox and in-app messages, used by every feature that tells a person something. */
  outbox: { indexes: [['status', 'nextAttemptAt']] },
  messages: { indexes: [['openid', 'createdAt'], ['openid', 'read', 'createdAt']] },
  /** <openid>_<templateKey>: subscribe-message grants and uses. */
  subscriptions: { indexes: [] },
  counters: { indexes: [] },
  /** Local host only: dev sign-in sessions and simulated payment orders. */
  devSessions: { indexes: [] },
  devPayOrders: { indexes: [] },
}

export type CollectionName = keyof typeof COLLECTIONS
