// The dev sign-in page exists only in the H5 build the local host serves, never in WeChat.
const devPages = process.env.TARO_ENV === 'h5' ? ['pages/login/index'] : []

export default defineAppConfig({
  pages: ['pages/index/index', 'pages/mine/index', 'pages/bind/index', ...devPages],
  subPackages: [
    {
      root: 'staff',
      pages: ['home/index', 'bindings/index'],
    },
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#1f7a5c',
    navigationBarTitleText: '物业服务',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f4f6f5',
  },
  tabBar: {
    color: '#7a8580',
    selectedColor: '#1f7a5c',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: [
      { pagePath: 'pages/index/index', text: '首页', iconPath: 'assets/tab/home.png', selectedIconPath: 'assets/tab/home-active.png' },
      { pagePath: 'pages/mine/index', text: '我的', iconPath: 'assets/tab/mine.png', selectedIconPath: 'assets/tab/mine-active.png' },
    ],
  },
  // Required since 2023-09 for any page that calls a privacy API (chooseAvatar, nickname input …).
  __usePrivacyCheck__: true,
  lazyCodeLoading: 'requiredComponents',
})
