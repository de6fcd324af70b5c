import { Grid, Paper, Stack, Title } from '@mantine/core';
import { listSpecialDiseases, PROFILES } from '@portal/rules';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormProvider } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { MoneyField, SelectField } from '../../components/fields';
import { FormShell } from '../../components/form-shell';
import { newRequestKey } from '../../lib/request-key';
import { useTRPC } from '../../lib/trpc';
import { useZodForm } from '../../lib/use-zod-form';
import { ClaimContextPanel } from './claim-context-panel';
import { EMPTY_VISIT, toEntry, VISIT_SERVER_FIELDS, ZClaimForm } from './claim-form-schema';
import { ReferralStatus } from './referral-status';
import { SettlementPreview } from './settlement-preview';
import { useClaimPreview } from './use-claim-preview';
import { VisitFields } from './visit-fields';

/** 一站式结算: the visit typed in, the person's context and the settlement previewed beside it. */
export function ClaimNewPage() {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [idempotencyKey] = useState(newRequestKey);
  const form = useZodForm(ZClaimForm, { mode: 'onTouched', defaultValues: EMPTY_VISIT });
  const preview = useClaimPreview(form.control);
  const create = useMutation(trpc.claims.create.mutationOptions());
  const capabilities = preview.ctx ? PROFILES[preview.ctx.profile].capabilities : null;
  const diseases = preview.ctx ? listSpecialDiseases(preview.ctx.profile) : [];

  return (
    <Stack>
      <Title order={3}>一站式结算 · 新增结算</Title>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Paper withBorder p="md">
            <FormProvider {...form}>
              <FormShell
                form={form}
                submitLabel="保存结算"
                onCancel={() => navigate('/claims')}
                serverFields={VISIT_SERVER_FIELDS}
                onSubmit={async (values) => {
                  const claim = await create.mutateAsync({ entry: toEntry(values), idempotencyKey });
                  await queryClient.invalidateQueries({ queryKey: trpc.claims.pathKey() });
                  void navigate(`/claims/${claim.id}`);
                }}
              >
                <VisitFields
                  afterDiagnosis={
                    diseases.length > 0 && (
                      <SelectField
                        control={form.control}
                        name="specialDisease"
                        label="特殊病种（如有）"
                        clearable
                        searchable
                        data={diseases.map((d) => ({ value: d.id, label: d.name }))}
                      />
                    )
                  }
                  afterCosts={
                    <>
                      {capabilities?.hasSpecialDrugs && (
                        <MoneyField
                          control={form.control}
                          name="specialDrugCost"
                          label="单独补偿特药费用（元）"
                          description="属于政策范围外费用的一部分"
                        />
                      )}
                      {preview.required && <ReferralStatus preview={preview} />}
                    </>
                  }
                />
              </FormShell>
            </FormProvider>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Stack>
            <ClaimContextPanel preview={preview} />
            <SettlementPreview preview={preview.preview} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
