export default definePageConfig({
  navigationBarTitleText: '团队与值班',
  enablePullDownRefresh: true,
})
