export default definePageConfig({
  navigationBarTitleText: '催缴结果',
  enablePullDownRefresh: true,
})
