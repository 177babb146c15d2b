export default definePageConfig({
  navigationBarTitleText: '巡查',
  enablePullDownRefresh: true,
})
