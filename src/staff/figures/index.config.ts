export default definePageConfig({
  navigationBarTitleText: '服务评价统计',
  enablePullDownRefresh: true,
})
