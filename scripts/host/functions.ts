import { account } from '../../cloudfunctions/account'
import { scheduler } from '../../cloudfunctions/scheduler'
import { bills } from '../../cloudfunctions/bills'
import { tickets } from '../../cloudfunctions/tickets'
import { notices } from '../../cloudfunctions/notices'
import { surveys } from '../../cloudfunctions/surveys'
import { supervisor } from '../../cloudfunctions/supervisor'
import { patrol } from '../../cloudfunctions/patrol'
import { vacancy } from '../../cloudfunctions/vacancy'
import { vendors } from '../../cloudfunctions/vendors'
import { decoration } from '../../cloudfunctions/decoration'
import { kb } from '../../cloudfunctions/kb'
import type { CloudFunction } from '../../cloudfunctions/lib/runtime/handler'

/** The cloud functions the local host serves: the very modules the WeChat build bundles. */
export const FUNCTIONS: Record<string, CloudFunction> = {
  account,
  scheduler,
  bills,
  tickets,
  surveys,
  notices,
  supervisor,
  patrol,
  vacancy,
  vendors,
  decoration,
  kb,
}
