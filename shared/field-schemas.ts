// The record schema's word on one field: whether a parsed value is one the record may hold, and if
// not, the problem in the words of a finding. Cell edits, form fields and every other entry point
// check against the same schema that import and the API check whole records against.
import type { z } from 'zod';
import { countySchema, disbursementInputSchema, itemSchema, paymentSchema } from './schema';
import type { CountyField, EditTable, FieldProblem, FieldValue } from './fields';
import type { FindingCode } from './findings';

const investment = countySchema.shape.investment.shape;

function schemaOf(table: EditTable | 'county' | 'payments', field: string): z.ZodType | undefined {
  if (table === 'payments') return (paymentSchema.shape as Record<string, z.ZodType>)[field];
  if (table === 'county')
    return field.startsWith('investment.')
      ? investment[field.slice(11) as keyof typeof investment]
      : (countySchema.shape as Record<string, z.ZodType>)[field];
  return ((table === 'items' ? itemSchema : disbursementInputSchema).shape as Record<string, z.ZodType>)[field];
}

export type FieldCheck = { ok: true } | { ok: false; code: FindingCode; problem?: FieldProblem };

/** Checks a parsed value against the record schema's definition of its field. */
export function checkField(table: EditTable | 'county' | 'payments', field: CountyField | string, value: FieldValue): FieldCheck {
  const schema = schemaOf(table, field);
  if (!schema) return { ok: false, code: 'invalid_value' };
  // A stated rate left out is absent in the record; the schema's optional() takes undefined.
  const result = schema.safeParse(value === null && field === 'statedRate' ? undefined : value);
  if (result.success) return { ok: true };
  const issue = result.error.issues[0];
  if (field === 'approvedOn' || field === 'acceptedOn') return { ok: false, code: 'not_a_date' };
  if (issue.code === 'too_big' && typeof value === 'string' && !/^-?\d/.test(value))
    return { ok: false, code: 'invalid_value', problem: 'too_long' };
  if (field === 'completionRate' || field === 'statedRate') return { ok: false, code: 'invalid_value', problem: 'too_precise_rate' };
  return { ok: false, code: 'invalid_value' };
}
