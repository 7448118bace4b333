import { fail, type ActionFailure } from '@sveltejs/kit';
import { translator, type Locale } from '$lib/i18n';
import { ApiError } from './api-client';
import { describeApiError, failureStatus, type DescribeOptions, type FormErrors } from './form-errors';

/** What every failed form action hands back: messages plus the values to refill (never passwords). */
export interface FormFailure extends FormErrors {
  values: Record<string, string>;
}

export function formString(data: FormData, name: string): string {
  const value = data.get(name);
  return typeof value === 'string' ? value : '';
}

export function apiFailure(
  error: unknown,
  locale: Locale,
  values: Record<string, string>,
  options?: DescribeOptions,
): ActionFailure<FormFailure> {
  const described = describeApiError(error, translator(locale), options);
  return fail(failureStatus(error as ApiError), { ...described, values });
}
