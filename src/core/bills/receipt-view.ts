import * as z from '../shared/zod'
import { PAY_METHODS } from './types'

/** An electronic receipt (电子收据) as the app shows it; its own file so every bills contract can name it. */
export const ReceiptView = z.object({
  receiptNo: z.string(),
  communityName: z.string(),
  method: z.enum(PAY_METHODS),
  amount: z.number(),
  lines: z.array(z.object({ billId: z.string(), label: z.string(), itemName: z.string(), periodLabel: z.string(), amount: z.number() })),
  transactionId: z.optional(z.string()),
  note: z.optional(z.string()),
  createdAt: z.number(),
})
