import { indexArticle, missKey, searchArticles, termsOf } from './search'
import type { KbCategory } from './types'

const article = (id: string, title: string, category: KbCategory, body: string, keywords: string[] = []) => ({
  id,
  terms: indexArticle({ title, keywords, category, body }),
})

const KB = [
  article('pets', '宠物管理办法', 'pets', '小区内遛犬须拴绳，犬只须办理犬证并按时注射疫苗，及时清理粪便。'),
  article('parcels', '快递代收服务', 'parcels', '快递统一送到南门驿站，凭取件码领取；生鲜请当天取走。', ['快递放哪', '包裹']),
  article('parking', '停车与月卡办理', 'parking', '地下车库车位可月租，在物业服务中心办理月卡，临时停车前 30 分钟免费。'),
  article('fees', '物业费缴纳方式', 'fees', '可在小程序「账单」里微信支付，也可到服务中心刷卡或转账。'),
  article('renovation', '装修管理规定', 'renovation', '装修须先申请，施工时间为工作日 8:00–12:00、14:00–18:00，周末不得使用电钻。'),
]
const ids = (q: string) => searchArticles(q, KB).map((h) => h.item.id)

describe('小百科 search', () => {
  it('finds the pet rules in a question about a dog, though the article says 犬', () => {
    expect(ids('小区里可以养狗吗')[0]).toBe('pets')
  })

  it('finds articles by the words residents use', () => {
    expect(ids('我的包裹放在哪里了')[0]).toBe('parcels')
    expect(ids('车位怎么租')[0]).toBe('parking')
    expect(ids('物业费怎么交')[0]).toBe('fees')
    expect(ids('周六能用电钻吗')[0]).toBe('renovation')
  })

  it('finds nothing for a question no article answers', () => {
    expect(ids('小区有没有游泳池')).toEqual([])
    expect(ids('请问一下')).toEqual([])
  })

  it('ignores punctuation, width and case', () => {
    expect(ids('ＷＩＦＩ？？养狗！！')).toEqual(ids('wifi 养狗'))
  })

  it('drops pairs made of filler characters', () => {
    expect([...termsOf('怎么可以').keys()]).toEqual([])
    expect(termsOf('养狗').has('养狗')).toBe(true)
  })

  it('counts a missed question once whatever its punctuation', () => {
    expect(missKey('能养狗吗？')).toBe(missKey('能 养狗吗'))
    expect(missKey('能养狗吗')).not.toBe(missKey('能养猫吗'))
  })
})
