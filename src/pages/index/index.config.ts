export default definePageConfig({
  navigationBarTitleText: '物业服务',
  enablePullDownRefresh: true,
})
