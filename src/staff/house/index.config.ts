export default definePageConfig({
  navigationBarTitleText: '一户一档',
})
