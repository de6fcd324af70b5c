import {
  buildClaimSettleRequest,
  isReferralRequired,
  parseSettleRequest,
  settle,
  ZClaimEntry,
  type TSettleResult,
  type TVisitType,
} from '@portal/rules';
import type { RouterOutputs } from '@portal/server/router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useWatch, type Control } from 'react-hook-form';
import { useServerToday } from '../../lib/use-server-today';
import { useTRPC } from '../../lib/trpc';
import { toEntry, ZClaimForm, type TClaimForm, type TClaimFormInput } from './claim-form-schema';

export type ClaimContext = RouterOutputs['claims']['context'];
export type Preview = { error: string } | { result: TSettleResult } | null;

const isDay = (v: string | undefined): v is string => !!v && /^\d{4}-\d{2}-\d{2}$/.test(v);

/** The referral the visit needs, as the registry answers for it (null when none is needed). */
export function referralOf(ctx: ClaimContext | undefined, visitType: TVisitType) {
  const required = ctx?.referral?.isRequired ?? (ctx?.location ? isReferralRequired(visitType, ctx.location) : false);
  return { required, referral: required ? (ctx?.referral ?? null) : null };
}

/**
 * What the claim form shows beside the fields: the person's context on the visit date (categories,
 * accumulators, parameters, the hospital's location and referral) and the settlement computed in
 * the browser with the same rules the server runs on save.
 */
export function useClaimPreview(control: Control<TClaimFormInput, unknown, TClaimForm>) {
  const trpc = useTRPC();
  const { today } = useServerToday();
  const values = useWatch({ control });
  const visitType = values.visitType ?? 'inpatient';
  const visitDate = visitType === 'inpatient' ? values.dischargeDate : values.admissionDate;
  const date = isDay(visitDate) ? visitDate : today;
  const context = useQuery({
    ...trpc.claims.context.queryOptions({
      personId: values.personId ?? '',
      date: date ?? '',
      hospitalId: values.hospitalId || undefined,
      admissionDate: values.hospitalId && isDay(values.admissionDate) ? values.admissionDate : undefined,
      visitType,
    }),
    enabled: Boolean(values.personId && date),
    placeholderData: keepPreviousData,
  });
  const ctx = context.data;

  const preview = useMemo((): Preview => {
    if (!ctx || !ctx.hospital || !ctx.location) return null;
    const form = ZClaimForm.safeParse(values);
    if (!form.success) return null;
    const entry = ZClaimEntry.safeParse(toEntry(form.data));
    if (!entry.success) return { error: entry.error.issues[0]?.message ?? '输入有误' };
    const request = buildClaimSettleRequest(entry.data, {
      profile: ctx.profile,
      params: ctx.params,
      categories: ctx.categories.map((c) => c.id),
      countyCode: ctx.person.countyCode,
      hospital: ctx.hospital,
      location: ctx.location,
      // As the server does on save: "referred" is what the referral registry answers, never a tick.
      referral: { referred: ctx.referral?.referred ?? false, offsiteRegistered: ctx.referral?.offsiteRegistered ?? false },
      ytd: ctx.ytd,
    });
    const parsed = parseSettleRequest(request);
    if (!parsed.success) return { error: parsed.message };
    return { result: settle(parsed.data) };
  }, [ctx, values]);

  return {
    context,
    ctx,
    personId: values.personId ?? '',
    visitType,
    admissionDate: values.admissionDate ?? '',
    visitDate: isDay(visitDate) ? visitDate : null,
    preview,
    ...referralOf(ctx, visitType),
  };
}
