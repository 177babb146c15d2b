export default definePageConfig({
  navigationBarTitleText: '空置房检查',
})
