export default definePageConfig({
  navigationBarTitleText: '收费管理',
  enablePullDownRefresh: true,
})
