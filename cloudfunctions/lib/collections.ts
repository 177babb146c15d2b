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
      ['communityId', 'createdAt'],
      ['communityId', 'open', 'createdAt'],
      ['communityId', 'owner', 'open', 'createdAt'],
      ['communityId', 'overdue', 'createdAt'],
      ['assignee', 'open', 'createdAt'],
      ['assignee', 'createdAt'],
      ['communityId', 'phoneTail'],
      ['communityId', 'room'],
      ['communityId', 'houseId'],
      ['communityId', 'no'],
      ['reporterOpenid', 'createdAt'],
      ['nextCheckAt'],
      ['outageId'],
      ['surveyState'],
      /** Dashboard tiles (supervisor.dashboard): escalated and open emergencies. */
      ['communityId', 'escalated', 'createdAt'],
      ['communityId', 'open', 'priority', 'createdAt'],
      ['communityId', 'lowRating', 'open', 'createdAt'],
    ],
  },
  ticketEvents: { indexes: [['ticketId', 'at']] },
  /** files/<hash of the file id>: each upload's uploader, purpose, checked type and size. */
  files: { indexes: [['uploader', 'createdAt']] },
  /** 回访 (issue 4): surveys/<ticketId>_<round> — one answer per ticket per round — and callback tasks. */
  surveys: { indexes: [['communityId', 'month', 'sentAt'], ['checkAt'], ['complaintId', 'updatedAt']] },
  callbacks: { indexes: [['communityId', 'state', 'dueAt'], ['communityId', 'state', 'updatedAt']] },
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
  /** Held payments (conflict, mismatch, refunds) are listed per community and status: bills.heldPayments. */
  payOrders: { indexes: [['status', 'updatedAt'], ['communityId', 'status', 'updatedAt']] },
  /** Desk payments above the review threshold, waiting for a second person (bills.pendingOffline). */
  offlinePayments: { indexes: [['communityId', 'status', 'createdAt'], ['houseId', 'status']] },
  receipts: { indexes: [] },
  /** <openid>: last 催缴 prompt, for the one-per-3-days rule. */
  reminders: { indexes: [] },
  campaigns: { indexes: [['communityId', 'createdAt']] },
  campaignRecipients: { indexes: [['campaignId']] },
  /** Notices (issue 5): announcements, outages, events; deliveries, read receipts, follows, sign-ups. */
  notices: { indexes: [['communityId', 'publishAt'], ['sendPending', 'publishAt']] },
  /** Per recipient: read share per building, counts per push status, and the pushes still to settle. */
  noticeDeliveries: { indexes: [['noticeId', 'building'], ['noticeId', 'status'], ['status', 'checkAt']] },
  noticeReads: { indexes: [['noticeId', 'building'], ['openid', 'noticeId']] },
  noticeFollows: { indexes: [['noticeId']] },
  signups: { indexes: [['noticeId', 'status', 'at']] },
  /** Audit trail (issue 7): who changed what, when, before and after; searched by kind and actor. */
  audit: { indexes: [['communityId', 'at'], ['communityId', 'kind', 'at'], ['communityId', 'actorName', 'at'], ['communityId', 'actor', 'at']] },
  /** rollups/<communityId>_<YYYY-MM>: a month's figures folded into counters (supervisor trend and 月报). */
  rollups: { indexes: [['live', 'viewedAt', 'computedAt']] },
  /** Background jobs' own progress (daily runs, cursors). */
  jobState: { indexes: [] },
  /** <job>: one holder at a time (the scheduler's tick), so overlapping timer runs do not both work. */
  leases: { indexes: [] },
  /** Outbox and in-app messages, used by every feature that tells a person something. */
  outbox: { indexes: [['status', 'nextAttemptAt']] },
  messages: { indexes: [['openid', 'createdAt'], ['openid', 'read', 'createdAt']] },
  /** <openid>_<templateKey>: subscribe-message grants and uses. */
  subscriptions: { indexes: [] },
  counters: { indexes: [] },
  /** <openid>_<requestId>: what a create made, so a retried create returns it. */
  requests: { indexes: [] },
  /** Local host only: dev sign-in sessions, simulated payment orders and phone-verification codes. */
  devSessions: { indexes: [] },
  devPayOrders: { indexes: [] },
  devPhoneCodes: { indexes: [] },
}

export type CollectionName = keyof typeof COLLECTIONS
