export default definePageConfig({
  navigationBarTitleText: '住户账单',
})
