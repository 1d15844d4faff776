/**
 * `str` for the English tables: the same shape as @lit/localize's (`{ strTag, strings, values }`, where a
 * value is the index of the source expression). The tables import it from here, not from @lit/localize,
 * so their lazy chunks share no module with a widget's main bundle (which would split that bundle).
 */
export const str = (strings: TemplateStringsArray, ...values: number[]) => ({ strTag: true as const, strings, values });
