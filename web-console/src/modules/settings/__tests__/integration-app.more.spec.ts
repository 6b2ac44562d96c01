import { describe, expect, it, vi } from 'vitest'
import type { FormItemRule } from 'element-plus'
import { appRules, copyText, SIGN_HEADERS, SIGN_RECIPE } from '../IntegrationAppPage.vue'

function firstError(rules: FormItemRule[] | FormItemRule | undefined, value: unknown): string {
  for (const r of ([] as FormItemRule[]).concat(rules ?? [])) {
    let msg = ''
    r.validator!(r, value, (e?: string | Error) => { msg = e ? String(e instanceof Error ? e.message : e) : '' }, {}, {})
    if (msg) return msg
  }
  return ''
}

describe('AppForm rules', () => {
  it('mirror the controller annotations', () => {
    expect(firstError(appRules.appName, ' ')).toBe('应用名称不能为空')
    expect(firstError(appRules.appName, 'x'.repeat(60))).toBe('')
    expect(firstError(appRules.appName, 'x'.repeat(61))).toBe('应用名称不能超过 60 个字符')
    expect(firstError(appRules.remark, 'x'.repeat(161))).toBe('备注不能超过 160 个字符')
    expect(firstError(appRules.remark, '')).toBe('')
  })
})

describe('signing help', () => {
  it('names the four headers and HMAC-SM3', () => {
    expect(SIGN_HEADERS.map((h) => h.name)).toEqual(['X-App-Key', 'X-Timestamp', 'X-Nonce', 'X-Signature'])
    expect(SIGN_RECIPE).toContain('HMAC-SM3')
    expect(SIGN_RECIPE).toContain('SM3(请求体原始字节)')
  })
})

describe('copyText', () => {
  it('falls back to a hidden textarea without the Clipboard API', async () => {
    const exec = vi.fn(() => true)
    Object.defineProperty(document, 'execCommand', { value: exec, configurable: true })
    expect(await copyText('secret-123')).toBe(true)
    expect(exec).toHaveBeenCalledWith('copy')
    expect(document.querySelector('textarea')).toBeNull()
  })
})
