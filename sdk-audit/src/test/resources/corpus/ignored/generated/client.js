export const base = "http://generated.api-gen.com";
