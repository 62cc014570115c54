// Values of a JSON Schema (the subset Klaxon's OpenAPI document uses), so the fuzzer reaches past the first
// validation error into the handlers, for every operation the document lists — new ones included.
import fc from 'fast-check';
import { hostileText } from './hostile';

/** JsonSchema is the part of JSON Schema 2020-12 this generator reads. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  format?: string;
  examples?: unknown[];
}

const text = (schema: JsonSchema): fc.Arbitrary<string> => {
  if (schema.format === 'date-time') return fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((date) => date.toISOString());
  if (schema.format === 'uri') return fc.webUrl();
  return fc.oneof({ weight: 5, arbitrary: fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 24, 24) }) }, { weight: 1, arbitrary: hostileText });
};

/** schemaArbitrary generates values of schema, resolving `#/components/schemas/…` references in components. */
export function schemaArbitrary(schema: JsonSchema, components: Record<string, JsonSchema>, depth = 0): fc.Arbitrary<unknown> {
  if (schema.$ref) return schemaArbitrary(components[schema.$ref.split('/').pop()!] ?? {}, components, depth);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const options = schema.oneOf ?? schema.anyOf;
  if (options?.length) return fc.oneof(...options.map((option) => schemaArbitrary(option, components, depth)));
  if (schema.allOf?.length) return schemaArbitrary(Object.assign({}, ...schema.allOf) as JsonSchema, components, depth);
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.length > 1) return fc.oneof(...types.map((type) => schemaArbitrary({ ...schema, type }, components, depth)));
  const deep = depth > 4;
  switch (types[0]) {
    case 'string':
      return text(schema);
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -10, max: schema.maximum ?? 1000 });
    case 'number':
      return fc.double({ min: schema.minimum ?? -10, max: schema.maximum ?? 1000, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      if (deep) return fc.constant([]);
      return fc.array(schemaArbitrary(schema.items ?? {}, components, depth + 1), { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 3, 3) });
    case 'object': {
      if (deep) return fc.constant({});
      const properties = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      const shape = Object.fromEntries(Object.entries(properties).map(([name, property]) => [name, schemaArbitrary(property, components, depth + 1)]));
      const optional = Object.keys(properties).filter((name) => !required.has(name));
      const record = fc.record(shape, { requiredKeys: [...required].filter((name) => name in properties) });
      if (schema.additionalProperties && typeof schema.additionalProperties === 'object' && optional.length === 0 && Object.keys(properties).length === 0) {
        return fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), schemaArbitrary(schema.additionalProperties, components, depth + 1), { maxKeys: 4 });
      }
      return record;
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}
