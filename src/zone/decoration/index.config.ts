export default definePageConfig({
  navigationBarTitleText: '装修详情',
})
