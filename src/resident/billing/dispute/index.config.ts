export default definePageConfig({
  navigationBarTitleText: '对账单有疑问',
})
