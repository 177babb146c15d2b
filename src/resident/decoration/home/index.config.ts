export default definePageConfig({
  navigationBarTitleText: '装修办理',
})
