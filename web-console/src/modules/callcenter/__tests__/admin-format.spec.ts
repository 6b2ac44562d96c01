import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  deviceStateText, forceAllowed, formatInstant, formatSpan, formatStateDuration, formatUptime, parseLocalDateTime,
  registrationText, stateDuration, stateTag, strategyLabel,
} from '../api-admin'

afterEach(() => vi.useRealTimers())

describe('agent state tags', () => {
  it('colour each state and use the Chinese labels', () => {
    expect(stateTag('SIGNED_OUT')).toEqual({ type: 'info', effect: 'plain', text: '签出' })
    expect(stateTag('IDLE')).toMatchObject({ type: 'success', text: '示闲' })
    expect(stateTag('BUSY')).toMatchObject({ type: 'danger', text: '示忙' })
    expect(stateTag('WRAP_UP')).toMatchObject({ type: 'warning', text: '整理' })
    expect(stateTag('BREAK')).toMatchObject({ type: 'info', effect: 'light', text: '小休' })
    expect(stateTag('RINGING')).toMatchObject({ type: 'warning', effect: 'dark', text: '振铃' })
    expect(stateTag('TALKING')).toMatchObject({ type: 'primary', effect: 'dark', text: '通话中' })
  })

  it('append the reason of 示忙 / 小休 only, prefer the server label, survive unknown states', () => {
    expect(stateTag('BUSY', '示忙', '开会').text).toBe('示忙·开会')
    expect(stateTag('BREAK', null, '用餐').text).toBe('小休·用餐')
    expect(stateTag('IDLE', '示闲', '开会').text).toBe('示闲')
    expect(stateTag('PARKED', null)).toEqual({ type: 'info', effect: 'plain', text: 'PARKED' })
    expect(stateTag(null).text).toBe('未知')
  })

  it('offer the forced changes the state machine accepts', () => {
    expect(forceAllowed('IDLE', 'FORCE_BUSY')).toBe(true)
    expect(forceAllowed('BUSY', 'FORCE_BUSY')).toBe(false)
    expect(forceAllowed('BUSY', 'FORCE_IDLE')).toBe(true)
    expect(forceAllowed('IDLE', 'FORCE_IDLE')).toBe(false)
    expect(forceAllowed('RINGING', 'FORCE_SIGN_OUT')).toBe(true)
    expect(forceAllowed('TALKING', 'FORCE_SIGN_OUT')).toBe(false)
    expect(forceAllowed('SIGNED_OUT', 'FORCE_SIGN_OUT')).toBe(false)
  })
})

describe('durations', () => {
  it('state duration: mm:ss, h:mm:ss, then days and hours; never negative', () => {
    expect(formatStateDuration(0)).toBe('00:00')
    expect(formatStateDuration(65_000)).toBe('01:05')
    expect(formatStateDuration(59 * 60_000 + 59_999)).toBe('59:59')
    expect(formatStateDuration(3_600_000 + 5 * 60_000 + 7_000)).toBe('1:05:07')
    expect(formatStateDuration(2 * 86_400_000 + 3 * 3_600_000 + 59_000)).toBe('2天3小时')
    expect(formatStateDuration(-5000)).toBe('00:00')
    expect(formatStateDuration(NaN)).toBe('')
  })

  it('ticks from the server local time of stateSince', () => {
    const since = '2026-11-21T12:00:00.5'
    const t0 = new Date(2026, 10, 21, 12, 0, 0, 500).getTime()
    expect(parseLocalDateTime(since)).toBe(t0)
    expect(stateDuration(since, t0 + 83_000)).toBe('01:23')
    expect(stateDuration(since, t0 + 84_000)).toBe('01:24')
    expect(stateDuration(null, t0)).toBe('')
    expect(parseLocalDateTime('2026-11-21T04:00:00Z')).toBe(Date.UTC(2026, 10, 21, 4, 0, 0))
  })

  it('uptime in 天/小时/分', () => {
    expect(formatUptime(3 * 86400 + 4 * 3600 + 12 * 60 + 30)).toBe('3天4小时12分')
    expect(formatUptime(5 * 3600)).toBe('5小时0分')
    expect(formatUptime(12 * 60 + 59)).toBe('12分')
    expect(formatUptime('90061')).toBe('1天1小时1分')
    expect(formatUptime(42)).toBe('不足1分')
    expect(formatUptime(null)).toBe('')
  })

  it('log spans and instants', () => {
    expect(formatSpan(45_000)).toBe('45秒')
    expect(formatSpan('192000')).toBe('3分12秒')
    expect(formatSpan(3_720_000)).toBe('1小时2分')
    expect(formatSpan(null)).toBe('')
    const utc = '2026-11-21T04:13:21.5Z'
    const d = new Date(utc)
    const p = (n: number) => String(n).padStart(2, '0')
    expect(formatInstant(utc)).toBe(`${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:21`)
    expect(formatInstant('2026-11-21T12:13:21.99')).toBe('2026-11-21 12:13:21')
    expect(formatInstant(null)).toBe('')
  })
})

describe('labels', () => {
  it('phones and queues', () => {
    expect(registrationText(true)).toBe('已注册')
    expect(registrationText(false)).toBe('未注册')
    expect(registrationText(null)).toBe('未知')
    expect(deviceStateText('NOT_INUSE')).toBe('空闲')
    expect(deviceStateText('Not in use')).toBe('空闲')
    expect(deviceStateText('Weird')).toBe('Weird')
    expect(deviceStateText('INUSE')).toBe('使用中')
    expect(strategyLabel('rrmemory')).toBe('轮询（记忆位置）')
    expect(strategyLabel('other')).toBe('other')
  })
})
