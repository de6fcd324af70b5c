/**
 * The answer "this ID number is registered in another region" tells a clerk that a person exists
 * somewhere in the country. It says no more than that (no name, no region), is given at most
 * EXISTENCE_CHECKS_PER_DAY times a day per user, and is audited.
 */
export const EXISTENCE_CHECKS_PER_DAY = 20;

export const REGISTERED_ELSEWHERE = '该身份证号已在其他地区登记，本机构不能重复登记：请由上级经办机构核实后办理迁移';

export const EXISTENCE_QUOTA_SPENT = `今日跨地区重复登记核验已达 ${EXISTENCE_CHECKS_PER_DAY} 次上限，暂不能核验该身份证号，请明日再试或联系上级经办机构`;
