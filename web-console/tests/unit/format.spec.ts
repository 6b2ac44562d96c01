import { describe, expect, it } from 'vitest'
import { totalText } from '@/utils/format'

describe('totalText', () => {
  it('shows an exact total as it is', () => {
    expect(totalText(0)).toBe('共 0 条')
    expect(totalText(9999, false)).toBe('共 9999 条')
  })
  it('marks a capped total with a plus', () => {
    expect(totalText(10000, true)).toBe('共 10,000+ 条')
  })
})
