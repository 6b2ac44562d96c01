/**
 * The server's password policy (PasswordPolicy.java with the default system parameters
 * security.password.min-length = 8, security.password.min-classes = 3, at most 64 characters, not containing the
 * username). The server checks again with the current parameters and its password history; its message then
 * shows under the field.
 */
import type { FormItemRule } from 'element-plus'

export const PASSWORD_MIN_LENGTH = 8
export const PASSWORD_MAX_LENGTH = 64
export const PASSWORD_MIN_CLASSES = 3

/** how many of upper case, lower case, digit and other characters the password uses (as PasswordPolicy.classes) */
export function passwordClasses(p: string): number {
  let upper = false
  let lower = false
  let digit = false
  let other = false
  for (const c of p) {
    if (/\p{Lu}/u.test(c)) upper = true
    else if (/\p{Ll}/u.test(c)) lower = true
    else if (/\p{Nd}/u.test(c)) digit = true
    else other = true
  }
  return Number(upper) + Number(lower) + Number(digit) + Number(other)
}

/** the policy violation of `password`, or null when it passes */
export function checkPassword(password: string, username?: string | null): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `密码长度不能少于 ${PASSWORD_MIN_LENGTH} 位`
  if (password.length > PASSWORD_MAX_LENGTH) return `密码长度不能超过 ${PASSWORD_MAX_LENGTH} 位`
  if (passwordClasses(password) < PASSWORD_MIN_CLASSES) {
    return `密码须包含大写字母、小写字母、数字、特殊字符中的至少 ${PASSWORD_MIN_CLASSES} 类`
  }
  if (username && password.toLowerCase().includes(username.toLowerCase())) return '密码不能包含用户名'
  return null
}

export const PASSWORD_HINT =
  `${PASSWORD_MIN_LENGTH}-${PASSWORD_MAX_LENGTH} 位，须包含大写字母、小写字母、数字、特殊字符中的至少 ${PASSWORD_MIN_CLASSES} 类，不能包含用户名`

/** rules of a new password field; `emptyMessage` is the server's @NotBlank text for that field */
export function passwordRules(emptyMessage: string, username?: () => string | null | undefined): FormItemRule[] {
  return [{
    trigger: 'blur',
    validator: (_r, v, cb) => {
      if (!v) return cb(new Error(emptyMessage))
      const problem = checkPassword(String(v), username?.())
      return problem ? cb(new Error(problem)) : cb()
    },
  }]
}

/** the "confirm password" field: must equal the new password */
export function confirmRules(password: () => string): FormItemRule[] {
  return [{
    trigger: 'blur',
    validator: (_r, v, cb) => (!v ? cb(new Error('请再次输入新密码')) : v !== password() ? cb(new Error('两次输入的密码不一致')) : cb()),
  }]
}
