export default definePageConfig({
  navigationBarTitleText: '代客报事',
})
