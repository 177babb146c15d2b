/**
 * Every page a link can open, by name, with the query it takes: one table for the pages the
 * server's messages open and the client's navigation, so moving a page is one line here (and its
 * entry in app.config.ts, which a test holds to this table).
 */
export const PAGES = {
  home: '/pages/index/index',
  report: '/pages/report/index',
  bills: '/pages/bills/index',
  messages: '/pages/messages/index',
  mine: '/pages/mine/index',
  login: '/pages/login/index',
  bind: '/resident/account/bind/index',
  members: '/resident/account/members/index',
  receipt: '/resident/billing/receipt/index',
  dispute: '/resident/billing/dispute/index',
  myTickets: '/resident/tickets/list/index',
  ticket: '/resident/tickets/detail/index',
  notices: '/resident/notices/list/index',
  notice: '/resident/notices/detail/index',
  staffHome: '/staff/home/index',
  staffBindings: '/staff/bindings/index',
  staffInbox: '/staff/inbox/index',
  staffTicket: '/staff/ticket/index',
  staffRecord: '/staff/record/index',
  staffBills: '/staff/bills/index',
  staffCampaign: '/staff/campaign/index',
  staffHouseBills: '/staff/house-bills/index',
  staffCallbacks: '/staff/callbacks/index',
  staffFigures: '/staff/figures/index',
  staffNotices: '/staff/notices/index',
  staffFees: '/staff/fees/index',
  staffDashboard: '/staff/dashboard/index',
  staffSettings: '/staff/settings/index',
  staffTeam: '/staff/team/index',
  staffMonthlyReport: '/staff/monthly-report/index',
  staffHouse: '/staff/house/index',
  zonePatrol: '/zone/patrol/index',
  zoneRound: '/zone/round/index',
  zoneQrSheet: '/zone/qr-sheet/index',
  zonePatrolSetup: '/zone/patrol-setup/index',
  zoneVacancies: '/zone/vacancies/index',
  zoneVacancy: '/zone/vacancy/index',
  vacancy: '/resident/account/vacancy/index',
  zoneVendors: '/zone/vendors/index',
  zoneVendor: '/zone/vendor/index',
  zoneReport: '/zone/report/index',
  zoneDecorations: '/zone/decorations/index',
  zoneDecoration: '/zone/decoration/index',
  decoration: '/resident/decoration/home/index',
  decorationApply: '/resident/decoration/apply/index',
  zonePermit: '/zone/permit/index',
} as const satisfies Record<string, `/${string}/index`>

export type PageName = keyof typeof PAGES

/** The tab bar's pages: reached with switchTab, which takes no query. */
export const TAB_PAGES = ['home', 'report', 'bills', 'messages', 'mine'] as const satisfies readonly PageName[]
export type TabPage = (typeof TAB_PAGES)[number]
export const isTab = (name: PageName): name is TabPage => (TAB_PAGES as readonly PageName[]).includes(name)

type Query = Record<string, string | number | boolean | undefined>
/** The query each page needs; a page not named here takes none (or any optional filter). */
interface Needs {
  ticket: { id: string }
  staffTicket: { id: string }
  notice: { id: string }
  receipt: { no: string }
  members: { houseId: string }
  staffHouseBills: { houseId: string }
  staffHouse: { houseId: string }
  staffCampaign: { id: string }
  zoneRound: { id: string }
  zoneVacancy: { houseId: string }
  zoneVendor: { id: string }
  vacancy: { houseId: string }
  zoneDecoration: { id: string }
  decoration: { houseId: string }
  decorationApply: { houseId: string }
}
export type PageQuery<N extends PageName> = N extends keyof Needs ? Needs[N] & Query : Query
/** A page's query as call arguments: required where the page needs one, optional otherwise. */
export type PageArgs<N extends PageName> = N extends keyof Needs ? [PageQuery<N>] : [Query?]

/** The URL of a page with its query (values encoded, empty ones left out). */
export function pageUrl<N extends PageName>(name: N, ...[query]: PageArgs<N>): string {
  const q = Object.entries(query ?? {})
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&')
  return q ? `${PAGES[name]}?${q}` : PAGES[name]
}
