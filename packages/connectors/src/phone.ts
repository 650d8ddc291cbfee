import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * Indonesian phone numbers as citizens type them (`0812-3456-789`, `62812…`, `+62 812 …`) to
 * E.164. The `max` metadata is used because only it knows number types (mobile vs fixed line),
 * which decide whether WhatsApp/SMS are worth trying at all.
 */

/** E.164 (`+62…`) of a valid Indonesian mobile or fixed-line number, else `undefined`. */
export function normalizeIndonesianPhone(input: string): string | undefined {
  if (typeof input !== 'string') return undefined;
  const trimmed = input.trim();
  // Only digits, separators and one leading plus: rejects letters that the parser would silently drop.
  if (!trimmed || !/^\+?[\d\s\-().]+$/.test(trimmed)) return undefined;
  const parsed = parsePhoneNumberFromString(trimmed, 'ID');
  if (!parsed || parsed.country !== 'ID' || !parsed.isValid()) return undefined;
  const type = parsed.getType();
  // Premium, toll-free, shared-cost and similar numbers cannot receive a notification.
  if (type !== 'MOBILE' && type !== 'FIXED_LINE' && type !== 'FIXED_LINE_OR_MOBILE') return undefined;
  return parsed.number;
}

/** Whether an E.164 number is an Indonesian mobile number (SMS and WhatsApp need one). */
export function isMobile(e164: string): boolean {
  const parsed = parsePhoneNumberFromString(e164, 'ID');
  if (!parsed || parsed.country !== 'ID' || !parsed.isValid()) return false;
  const type = parsed.getType();
  return type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE';
}

/**
 * `+628123456789` → `+62812****789`: country code, the first 3 national digits and the last 3,
 * enough for a person to recognise their number without a screen or log exposing it (UU PDP).
 */
export function maskPhone(e164: string): string {
  const digits = e164.replace(/\D/g, '');
  const cc = digits.startsWith('62') ? '62' : digits.slice(0, Math.min(3, Math.max(digits.length - 6, 0)));
  const national = digits.slice(cc.length);
  if (national.length <= 6) return `+${cc}${'*'.repeat(national.length)}`;
  return `+${cc}${national.slice(0, 3)}${'*'.repeat(national.length - 6)}${national.slice(-3)}`;
}
