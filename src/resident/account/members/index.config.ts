export default definePageConfig({
  navigationBarTitleText: '房屋成员',
})
