import { maskBankAccount, maskIdNumber, maskPhone } from '@portal/rules';

export interface PersonRow {
  id: string;
  name: string;
  idNumber: string;
  sex: 'male' | 'female';
  birthDate: string;
  hukouType: 'urban' | 'rural';
  address: string | null;
  orgUnitId: string;
  phone: string | null;
  bankAccount: string | null;
  bankName: string | null;
  insuranceCardNo: string | null;
}

/** The person as the browser sees it: ID number, phone and bank account masked. */
export function toPersonSummary(row: PersonRow & { orgUnitName: string }) {
  return {
    id: row.id,
    name: row.name,
    idNumberMasked: maskIdNumber(row.idNumber),
    sex: row.sex,
    birthDate: row.birthDate,
    hukouType: row.hukouType,
    address: row.address,
    orgUnitId: row.orgUnitId,
    orgUnitName: row.orgUnitName,
    phoneMasked: row.phone ? maskPhone(row.phone) : null,
    bankAccountMasked: row.bankAccount ? maskBankAccount(row.bankAccount) : null,
    bankName: row.bankName,
    insuranceCardNo: row.insuranceCardNo,
  };
}
