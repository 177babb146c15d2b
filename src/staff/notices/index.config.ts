export default definePageConfig({
  navigationBarTitleText: '公告与停水停电',
})
