import { palette } from './styles/palette'
// The dev sign-in page exists only in the H5 build the local host serves, never in WeChat.
const devPages = process.env.TARO_ENV === 'h5' ? ['pages/login/index'] : []

export default defineAppConfig({
  pages: ['pages/index/index', 'pages/report/index', 'pages/messages/index', 'pages/mine/index', 'pages/bills/index', ...devPages],
  subPackages: [
    {
      root: 'staff',
      pages: [
        'home/index',
        'bindings/index',
        'inbox/index',
        'ticket/index',
        'record/index',
        'bills/index',
        'campaign/index',
        'house-bills/index',
        'callbacks/index',
        'figures/index',
        'notices/index',
        'fees/index',
        'dashboard/index',
        'settings/index',
        'team/index',
        'monthly-report/index',
        'house/index',
      ],
    },
    // The 管理员's work outdoors (巡查): a second staff subpackage, so the first keeps room under its budget.
    {
      root: 'zone',
      pages: [
        'patrol/index',
        'round/index',
        'qr-sheet/index',
        'patrol-setup/index',
        'vacancies/index',
        'vacancy/index',
        'vendors/index',
        'vendor/index',
        'report/index',
        'decorations/index',
        'decoration/index',
        'permit/index',
      ],
    },
    // Resident pages that are not tabs live in subpackages: the main package has a 360 KB budget.
    { root: 'resident/account', pages: ['bind/index', 'members/index', 'vacancy/index'] },
    { root: 'resident/billing', pages: ['receipt/index', 'dispute/index'] },
    // 我的工单 and its detail: opened from 报事 and from messages, kept out of the main package.
    { root: 'resident/tickets', pages: ['list/index', 'detail/index'] },
    // 装修办理: the owner's application, its permit and inspections.
    { root: 'resident/decoration', pages: ['home/index', 'apply/index'] },
    // 公告: list, detail with sign-up; 首页 and 报事 only show a small outage banner.
    { root: 'resident/notices', pages: ['list/index', 'detail/index'] },
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: palette.brand,
    navigationBarTitleText: '物业服务',
    navigationBarTextStyle: 'white',
    // WeChat draws this bar itself; on H5 Taro draws it only when asked: the title, and 返回 or 首页 on every page that is not a tab.
    navigationStyle: 'default',
    backgroundColor: palette.bg,
  },
  tabBar: {
    color: palette.text2,
    selectedColor: palette.brand,
    backgroundColor: palette.surface,
    borderStyle: 'white',
    list: [
      { pagePath: 'pages/index/index', text: '首页', iconPath: 'assets/tab/home.png', selectedIconPath: 'assets/tab/home-active.png' },
      { pagePath: 'pages/report/index', text: '报事', iconPath: 'assets/tab/report.png', selectedIconPath: 'assets/tab/report-active.png' },
      { pagePath: 'pages/bills/index', text: '账单', iconPath: 'assets/tab/bills.png', selectedIconPath: 'assets/tab/bills-active.png' },
      { pagePath: 'pages/messages/index', text: '消息', iconPath: 'assets/tab/messages.png', selectedIconPath: 'assets/tab/messages-active.png' },
      { pagePath: 'pages/mine/index', text: '我的', iconPath: 'assets/tab/mine.png', selectedIconPath: 'assets/tab/mine-active.png' },
    ],
  },
  // Required since 2023-09 for any page that calls a privacy API (chooseAvatar, nickname input …).
  __usePrivacyCheck__: true,
  lazyCodeLoading: 'requiredComponents',
})
