export default definePageConfig({
  navigationBarTitleText: '装修许可证核验',
})
