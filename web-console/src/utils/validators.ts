/**
 * Form rule builders that mirror the server's Bean Validation annotations. Keep the messages identical to the
 * Java `message = "…"` texts so the user reads the same sentence whether the browser or the server refused.
 *   @NotBlank(message = m)            → notBlank(m)
 *   @NotNull(message = m)             → notNull(m)
 *   @Size(max = n, message = m)       → maxLength(n, m)
 *   @Pattern(regexp = r, message = m) → pattern(/r/, m)       (empty values pass; send null for them)
 *   @Email(message = m)               → email(m)
 */
import type { FormItemRule } from 'element-plus'

type Trigger = 'blur' | 'change' | ('blur' | 'change')[]

export function notBlank(message: string, trigger: Trigger = 'blur'): FormItemRule {
  return {
    trigger,
    validator: (_r, v, cb) => (v === null || v === undefined || String(v).trim() === '' ? cb(new Error(message)) : cb()),
  }
}

export function notNull(message: string, trigger: Trigger = 'change'): FormItemRule {
  return {
    trigger,
    validator: (_r, v, cb) =>
      v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0) ? cb(new Error(message)) : cb(),
  }
}

export function maxLength(max: number, message: string, trigger: Trigger = 'blur'): FormItemRule {
  return {
    trigger,
    validator: (_r, v, cb) => (v !== null && v !== undefined && String(v).length > max ? cb(new Error(message)) : cb()),
  }
}

export function pattern(re: RegExp, message: string, trigger: Trigger = 'blur'): FormItemRule {
  return {
    trigger,
    validator: (_r, v, cb) =>
      v === null || v === undefined || String(v).trim() === '' || re.test(String(v).trim()) ? cb() : cb(new Error(message)),
  }
}

/** close to Hibernate's @Email: local@domain, no spaces */
export const EMAIL_RE = /^[^\s@]+@[^\s@]+$/

export function email(message: string, trigger: Trigger = 'blur'): FormItemRule {
  return pattern(EMAIL_RE, message, trigger)
}
