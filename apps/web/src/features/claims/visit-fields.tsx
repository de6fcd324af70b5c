import { Input, SegmentedControl, SimpleGrid } from '@mantine/core';
import { HOSPITAL_LEVEL_LABELS, LONG_STAY_DAYS, VISIT_TYPES, VISIT_TYPE_LABELS } from '@portal/rules';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useController, useFormContext, useWatch } from 'react-hook-form';
import { DateField, MoneyField, SelectField, TextField } from '../../components/fields';
import { useTRPC } from '../../lib/trpc';
import { isLongStay, type TVisitFields, type TVisitFieldsInput } from './claim-form-schema';
import { PersonPicker } from './person-picker';

/** The hospitals of the caller's lists as select options, with level, place and whether networked. */
export function useHospitalOptions() {
  const trpc = useTRPC();
  const hospitals = useQuery(trpc.hospitals.list.queryOptions({}));
  return (hospitals.data ?? []).map((h) => ({
    value: h.id,
    label: `${h.name}（${HOSPITAL_LEVEL_LABELS[h.level]}·${h.regionName}${h.isNetworked ? '' : '·未联网'}）`,
  }));
}

/** The form a VisitFields lives in: any form whose values contain the visit fields (claim entry, intake). */
export function useVisitForm() {
  return useFormContext<TVisitFieldsInput, unknown, TVisitFields>();
}

function PersonField() {
  const { control } = useVisitForm();
  const { field, fieldState } = useController({ control, name: 'personId' });
  return (
    <PersonPicker ref={field.ref} value={field.value} onChange={field.onChange} onBlur={field.onBlur} error={fieldState.error?.message} />
  );
}

function VisitTypeField() {
  const { control } = useVisitForm();
  const { field } = useController({ control, name: 'visitType' });
  return (
    <Input.Wrapper label="就诊类型">
      <div>
        <SegmentedControl
          value={field.value}
          onChange={(v) => field.onChange(VISIT_TYPES.find((t) => t === v) ?? 'inpatient')}
          data={VISIT_TYPES.map((v) => ({ value: v, label: VISIT_TYPE_LABELS[v] }))}
        />
      </div>
    </Input.Wrapper>
  );
}

/**
 * The visit part of a form (claim entry, reimbursement intake), inside a react-hook-form
 * FormProvider: person, visit type, hospital, dates, diagnosis and costs in yuan.
 */
export function VisitFields({ afterDiagnosis, afterCosts }: { afterDiagnosis?: ReactNode; afterCosts?: ReactNode }) {
  const { control } = useVisitForm();
  const visitType = useWatch({ control, name: 'visitType' });
  const [admissionDate, dischargeDate] = useWatch({ control, name: ['admissionDate', 'dischargeDate'] });
  const longStay = isLongStay({ visitType, admissionDate, dischargeDate });
  const hospitalOptions = useHospitalOptions();
  return (
    <>
      <PersonField />
      <VisitTypeField />
      <SelectField
        control={control}
        name="hospitalId"
        label="就诊医院"
        withAsterisk
        searchable
        data={hospitalOptions}
        nothingFoundMessage="名单中没有该医院"
      />
      <SimpleGrid cols={2}>
        <DateField control={control} name="admissionDate" label={visitType === 'inpatient' ? '入院日期' : '就诊日期'} withAsterisk />
        {visitType === 'inpatient' && <DateField control={control} name="dischargeDate" label="出院日期" withAsterisk />}
      </SimpleGrid>
      {longStay && (
        <TextField
          control={control}
          name="longStayReason"
          label="长期住院原因"
          description={`住院超过 ${LONG_STAY_DAYS} 天须说明原因（如康复治疗、精神病长期住院），请先核实入院和出院日期`}
          withAsterisk
        />
      )}
      <TextField control={control} name="diagnosis" label="诊断" withAsterisk />
      {afterDiagnosis}
      <SimpleGrid cols={2}>
        <MoneyField control={control} name="totalCost" label="医疗总费用（元）" withAsterisk />
        <MoneyField control={control} name="inScopeCost" label="政策范围内费用（元）" withAsterisk />
      </SimpleGrid>
      {afterCosts}
    </>
  );
}
