import { type TPersonSummary, maskBankAccount, maskCardNumber, maskIdNumber, maskPhone } from '@portal/rules';

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
  townshipCode?: string | null;
  villageCode?: string | null;
  householdId?: string | null;
  relationship?: string | null;
}

/** The person as the browser sees it: ID number, phone and bank account masked. */
export function toPersonSummary(row: PersonRow & { orgUnitName: string }): TPersonSummary {
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
    insuranceCardNoMasked: row.insuranceCardNo ? maskCardNumber(row.insuranceCardNo) : null,
    townshipCode: row.townshipCode ?? null,
    villageCode: row.villageCode ?? null,
    householdId: row.householdId ?? null,
    relationship: row.relationship ?? null,
  };
}

/** What the audit log keeps of a person: never the full ID number, phone or bank account. */
export function auditablePerson(row: PersonRow & { regionPath?: string; townshipCode?: string | null; villageCode?: string | null }) {
  return {
    name: row.name,
    idNumber: maskIdNumber(row.idNumber),
    hukouType: row.hukouType,
    address: row.address,
    orgUnitId: row.orgUnitId,
    townshipCode: row.townshipCode ?? null,
    villageCode: row.villageCode ?? null,
    phone: row.phone ? maskPhone(row.phone) : null,
    bankName: row.bankName,
    bankAccount: row.bankAccount ? maskBankAccount(row.bankAccount) : null,
    insuranceCardNo: row.insuranceCardNo ? maskCardNumber(row.insuranceCardNo) : null,
  };
}
