import type { ArchiveDoc, BindingDoc, HouseNoteDoc, UserDoc } from '../../src/core/account/types'
import type {
  BillDoc,
  BillRunDoc,
  CampaignDoc,
  CampaignRecipientDoc,
  FeeItemDoc,
  MeterReadingDoc,
  OfflinePaymentDoc,
  ParkingSpaceDoc,
  PayOrderDoc,
  ReceiptDoc,
  ReminderLogDoc,
} from '../../src/core/bills/types'
import type { CommunityDoc, House } from '../../src/core/community/types'
import type { DeliveryDoc, FollowDoc, NoticeDoc, ReadDoc, SignUpDoc } from '../../src/core/notices/types'
import type { CheckpointDoc, PatrolAlertDoc, RoundDoc, RouteDoc } from '../../src/core/patrol/types'
import type { VacancyCheckDoc, VacancyDoc } from '../../src/core/vacancy/types'
import type { DecorationDoc } from '../../src/core/decoration/types'
import type { ArticleDoc, KbMissDoc, KbSolvedDoc, KbVoteDoc } from '../../src/core/kb/types'
import type { FixDoc, VendorCheckDoc, VendorDoc } from '../../src/core/vendors/types'
import type { AuditDoc, SavedReplyDoc, ZoneReportDoc } from '../../src/core/supervisor/types'
import type { CallbackDoc, SurveyDoc } from '../../src/core/surveys/types'
import type { TicketDoc } from '../../src/core/tickets/types'
import type { DevPayOrderDoc } from './adapters/local/payments'
import type { DevPhoneCodeDoc } from './adapters/local/phones'
import type { BillSettingsDoc } from './bills/policy'
import type { FileDoc } from './files/uploads'
import type { ScheduleDoc } from './runtime/schedule'
import type { MessageDoc, OutboxDoc } from './outbox/notify'
import type { SubscriptionDoc } from './outbox/quota'
import type { Collection, Doc, TxCollection } from './ports/store'
import type { LeaseDoc } from './runtime/lease'
import type { RequestDoc } from './runtime/requests'
import type { SettingsDoc } from './settings'
import type { RollupDoc } from './supervisor/rollups'
import type { EventDoc } from './tickets/events'

/**
 * An index: a list of field paths, or `{ sparse: [...] }` for one whose leading field most
 * documents lack (or hold null). A sparse index is the same index to CloudBase; the local host
 * makes it partial (`WHERE <leading field> IS NOT NULL`), so it holds only the documents a query
 * on that field can find: any `=`, range, `$in` or `$ne: null` filter on the leading field may use it.
 */
export type IndexDef = string[] | { sparse: string[] }

/** A collection's document type and its indexes. `doc` is never set: it only carries the type. */
interface Def<T extends Doc> {
  indexes: IndexDef[]
  doc?: T
}
const def = <T extends Doc>(indexes: IndexDef[] = []): Def<T> => ({ indexes })

/** claims/<houseId>_<openid>: the latest claim this person made on this house. */
export interface ClaimDoc {
  _id: string
  bindingId: string
}

/** counters/<key>: the last number handed out (ticket numbers per day, receipt numbers, sign-ups). */
export interface CounterDoc {
  _id: string
  n: number
}

/** jobState/<job>_<community>: a daily job's run, resumable by cursor. */
export interface JobStateDoc {
  _id: string
  lastRunDate?: string
  /** The day in progress and the last id done, when a run ran out of time. */
  runningDate?: string
  cursor?: string
}

/** devSessions/<token>: a local-host sign-in. */
export interface DevSessionDoc {
  _id: string
  openid: string
  account: string
  createdAt: number
  /** Wall-clock time (not the app's clock, which tests move by days): a session lasts a working day. */
  expiresAt: number
}

/**
 * Every collection, its document type and its indexes, in one place. The SQLite adapter makes a
 * database's indexes exactly these on every open (stale or undeclared ones dropped, missing ones
 * built); scripts/setup-cloudbase.ts prints the same list for the CloudBase console (≤ 20 per
 * collection). Code reads them typed: `store.c.tickets.get(id)` is a `TicketDoc`. An index is a
 * list of field paths (see IndexDef); queries that filter and sort on a prefix of one are fast.
 */
export const COLLECTIONS = {
  users: def<UserDoc>([{ sparse: ['staff.communityId'] }]),
  communities: def<CommunityDoc>(),
  houses: def<House>([['communityId', 'building', 'unit']]),
  archive: def<ArchiveDoc>([['communityId']]),
  /** 一户一档: staff notes on a house, newest first. */
  houseNotes: def<HouseNoteDoc>([['houseId', 'at']]),
  bindings: def<BindingDoc>([
    ['openid', 'createdAt'],
    ['houseId', 'openid'],
    ['communityId', 'status', 'createdAt'],
    ['communityId', 'status', 'building', 'createdAt'],
  ]),
  /** <houseId>_<openid> → latest binding: keeps one live claim per person and house. */
  claims: def<ClaimDoc>(),
  tickets: def<TicketDoc>([
    ['communityId', 'status', 'rank', 'createdAt'],
    ['communityId', 'createdAt'],
    ['communityId', 'open', 'createdAt'],
    ['communityId', 'owner', 'open', 'createdAt'],
    ['communityId', 'overdue', 'createdAt'],
    ['assignee', 'open', 'createdAt'],
    ['assignee', 'createdAt'],
    ['communityId', 'phoneTail'],
    ['communityId', 'room'],
    /** 一户一档: a house's tickets, newest first. */
    ['communityId', 'houseId', 'createdAt'],
    ['communityId', 'no'],
    ['reporterOpenid', 'createdAt'],
    /** Sparse: null once nothing is left to watch (closed work, the bulk of the table). */
    { sparse: ['nextCheckAt'] },
    /** Sparse: only repairs linked to an outage notice. */
    { sparse: ['outageId'] },
    ['surveyState'],
    /** Dashboard tiles (supervisor.dashboard): escalated and open emergencies. */
    ['communityId', 'escalated', 'createdAt'],
    ['communityId', 'open', 'priority', 'createdAt'],
    ['communityId', 'lowRating', 'open', 'createdAt'],
  ]),
  ticketEvents: def<EventDoc>([['ticketId', 'at']]),
  /** files/<hash of the file id>: each upload's uploader, purpose, checked type and size. */
  files: def<FileDoc>([['uploader', 'createdAt']]),
  /** 回访: surveys/<ticketId>_<round> — one answer per ticket per round — and callback tasks. */
  surveys: def<SurveyDoc>([
    ['communityId', 'month', 'sentAt'],
    /** Sparse: checkAt is null once a survey is rated or called back; complaintId is set on bad outcomes only. */
    { sparse: ['checkAt'] },
    { sparse: ['complaintId', 'updatedAt'] },
  ]),
  callbacks: def<CallbackDoc>([
    ['communityId', 'state', 'dueAt'],
    ['communityId', 'state', 'updatedAt'],
  ]),
  savedReplies: def<SavedReplyDoc>([['communityId']]),
  /** settings/<communityId>: SLA policy, business calendar and the other per-community rules. */
  settings: def<SettingsDoc>(),
  /** Bills: fee items, bills, payment orders, receipts, readings, 催缴. */
  feeItems: def<FeeItemDoc>([['communityId', 'createdAt']]),
  parkingSpaces: def<ParkingSpaceDoc>([['houseId'], ['communityId']]),
  meterReadings: def<MeterReadingDoc>([['communityId', 'period', 'houseId']]),
  bills: def<BillDoc>([
    ['houseId', 'status', 'dueDate'],
    ['houseId', 'status', 'updatedAt'],
    ['houseId', 'dueDate'],
    ['communityId', 'status', 'dueDate'],
    ['communityId', 'status', 'building'],
  ]),
  /** <communityId>_<period>: a chunked bill run's cursor. */
  billRuns: def<BillRunDoc>(),
  /** <communityId>: a community's reminder policy over the default. */
  billSettings: def<BillSettingsDoc>(),
  /** Held payments (conflict, mismatch, refunds) are listed per community and status: bills.heldPayments. */
  payOrders: def<PayOrderDoc>([
    ['status', 'updatedAt'],
    ['communityId', 'status', 'updatedAt'],
  ]),
  /** Desk payments above the review threshold, waiting for a second person (bills.pendingOffline). */
  offlinePayments: def<OfflinePaymentDoc>([
    ['communityId', 'status', 'createdAt'],
    ['houseId', 'status'],
  ]),
  receipts: def<ReceiptDoc>(),
  /** <openid>: last 催缴 prompt, for the one-per-3-days rule. */
  reminders: def<ReminderLogDoc>(),
  campaigns: def<CampaignDoc>([['communityId', 'createdAt']]),
  campaignRecipients: def<CampaignRecipientDoc>([['campaignId']]),
  /** Notices: announcements, outages, events; deliveries, read receipts, follows, sign-ups. */
  notices: def<NoticeDoc>([
    ['communityId', 'publishAt'],
    ['sendPending', 'publishAt'],
  ]),
  /** Per recipient: read share per building, counts per push status, and the pushes still to settle. */
  noticeDeliveries: def<DeliveryDoc>([
    ['noticeId', 'building'],
    ['noticeId', 'status'],
    ['status', 'checkAt'],
  ]),
  noticeReads: def<ReadDoc>([
    ['noticeId', 'building'],
    ['openid', 'noticeId'],
  ]),
  noticeFollows: def<FollowDoc>([['noticeId']]),
  signups: def<SignUpDoc>([['noticeId', 'status', 'at']]),
  /** 巡查: checkpoints with their checklists, routes over them, and each period's round of a route. */
  checkpoints: def<CheckpointDoc>([
    ['communityId', 'building'],
    ['communityId', 'code'],
  ]),
  routes: def<RouteDoc>([['communityId', 'name']]),
  rounds: def<RoundDoc>([['communityId', 'period']]),
  patrolAlerts: def<PatrolAlertDoc>(),
  zoneReports: def<ZoneReportDoc>([['communityId', 'month']]),
  /** 外包单位: the firms, each 品质检查 of their work, and the 整改单 it raised. */
  vendors: def<VendorDoc>([['communityId', 'name']]),
  vendorChecks: def<VendorCheckDoc>([['vendorId', 'at']]),
  fixes: def<FixDoc>([
    ['vendorId', 'createdAt'],
    ['communityId', 'state', 'dueAt'],
  ]),
  /** 空置房: vacant houses (ended ones keep their doc) and each month's check of one. */
  vacancies: def<VacancyDoc>([['communityId', 'building']]),
  vacancyChecks: def<VacancyCheckDoc>([
    ['houseId', 'month'],
    ['communityId', 'month'],
  ]),
  /** 装修: each application and its whole life; decorationLocks/<houseId> points at the house's latest, so a house has one open at a time. */
  decorations: def<DecorationDoc>([
    ['communityId', 'submittedAt'],
    ['houseId', 'submittedAt'],
  ]),
  decorationLocks: def<{ _id: string; decorationId: string }>(),
  /** 小百科: articles per community and company-wide ('*'); votes, solved 咨询 and missed searches beside them. */
  kbArticles: def<ArticleDoc>([['communityId', 'updatedAt']]),
  kbVotes: def<KbVoteDoc>(),
  kbSolved: def<KbSolvedDoc>(),
  kbMisses: def<KbMissDoc>([['communityId', 'count']]),
  /** Audit trail: who changed what, when, before and after; searched by kind and actor. */
  audit: def<AuditDoc>([
    ['communityId', 'at'],
    ['communityId', 'kind', 'at'],
    ['communityId', 'actorName', 'at'],
    ['communityId', 'actor', 'at'],
  ]),
  /** rollups/<communityId>_<YYYY-MM>: a month's figures folded into counters (supervisor trend and 月报). */
  rollups: def<RollupDoc>([['live', 'viewedAt', 'computedAt']]),
  /** Background jobs' own progress (daily runs, cursors). */
  jobState: def<JobStateDoc>(),
  /** <job>: one holder at a time (the scheduler's tick), so overlapping timer runs do not both work. */
  leases: def<LeaseDoc>(),
  /** jobs: when each scheduler job next has work, so an idle tick reads one document. */
  schedule: def<ScheduleDoc>(),
  /** Outbox and in-app messages, used by every feature that tells a person something. */
  outbox: def<OutboxDoc>([['status', 'nextAttemptAt']]),
  messages: def<MessageDoc>([
    ['openid', 'createdAt'],
    ['openid', 'read', 'createdAt'],
  ]),
  /** <openid>_<templateKey>: subscribe-message grants and uses. */
  subscriptions: def<SubscriptionDoc>(),
  counters: def<CounterDoc>(),
  /** <openid>_<requestId>: what a create made, so a retried create returns it. */
  requests: def<RequestDoc>(),
  /** Local host only: dev sign-in sessions, simulated payment orders and phone-verification codes. */
  devSessions: def<DevSessionDoc>(),
  devPayOrders: def<DevPayOrderDoc>(),
  devPhoneCodes: def<DevPhoneCodeDoc>(),
} satisfies Record<string, Def<Doc>>

export type CollectionName = keyof typeof COLLECTIONS
export type DocOf<K extends CollectionName> = (typeof COLLECTIONS)[K] extends Def<infer T> ? T : never

export type Collections = { readonly [K in CollectionName]: Collection<DocOf<K>> }
export type TxCollections = { readonly [K in CollectionName]: TxCollection<DocOf<K>> }

/** A collection's index declarations by name; none for a name outside the registry (the store contract's own). */
export const indexDefsOf = (name: string): IndexDef[] => (COLLECTIONS as Record<string, Def<Doc>>)[name]?.indexes ?? []

/** An index's field paths, sparse or not. */
export const indexFields = (i: IndexDef): string[] => (Array.isArray(i) ? i : i.sparse)

/** A collection's indexes as field lists (what CloudBase is told): a sparse index is its fields. */
export const indexesOf = (name: string): string[][] => indexDefsOf(name).map(indexFields)

/** The typed collections over an adapter's `collection(name)`: each opened on first use. */
export function byName<C>(open: (name: CollectionName) => unknown): C {
  const out = {}
  for (const name of Object.keys(COLLECTIONS) as CollectionName[]) {
    let c: unknown
    Object.defineProperty(out, name, { enumerable: true, get: () => (c ??= open(name)) })
  }
  return out as C
}
