export default definePageConfig({
  navigationBarTitleText: '空置房',
  enablePullDownRefresh: true,
})
