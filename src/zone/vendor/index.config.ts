export default definePageConfig({
  navigationBarTitleText: '品质检查',
})
